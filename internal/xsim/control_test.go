package xsim_test

import (
	"bufio"
	"context"
	"encoding/json"
	"github.com/shikayat/shikayat/internal/sharedtest"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

func do(t *testing.T, srv *httptest.Server, method, path, body string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data
}

func TestControlPostsInXShape(t *testing.T) {
	shared, err := sharedtest.Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	f, err := os.Open(filepath.Join(shared, "triage", "dev.jsonl"))
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	defer f.Close()
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()

	want := map[string]shikayat.Post{} // by new id
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	last := ""
	for n := 0; sc.Scan() && n < 60; n++ {
		orig, err := xapi.DecodePost(sc.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		status, body := do(t, srv, "POST", "/_sim/mentions", sc.Text())
		var out struct{ Data struct{ ID string } }
		if status != http.StatusCreated || json.Unmarshal(body, &out) != nil {
			t.Fatalf("line %d: %d %s", n+1, status, body)
		}
		if out.Data.ID == orig.ID || len(out.Data.ID) < len(last) || len(out.Data.ID) == len(last) && out.Data.ID <= last {
			t.Fatalf("line %d: id %s after %s (given %s): want a new increasing id", n+1, out.Data.ID, last, orig.ID)
		}
		last = out.Data.ID
		if orig.MentionsUser("Uppolice") {
			want[out.Data.ID] = orig
		}
	}

	c := xapi.New(xapi.Options{BaseURL: srv.URL})
	var got []shikayat.Post
	err = xapi.Pages(context.Background(), func(ctx context.Context, tok string) (*xapi.Page, error) {
		return c.Mentions(ctx, sim.Account().ID, "", tok)
	}, func(p *xapi.Page) error {
		posts, err := xapi.PostsFromPage(p)
		got = append(got, posts...)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	matched := 0
	for _, p := range got {
		w, ok := want[p.ID]
		if !ok {
			continue
		}
		matched++
		if p.Text != w.Text || p.AuthorUsername != w.AuthorUsername || p.AuthorLocation != w.AuthorLocation ||
			!p.CreatedAt.Equal(w.CreatedAt) || p.Lang != w.Lang || p.RetweetOf != "" != (w.RetweetOf != "") ||
			!reflect.DeepEqual(p.Mentions, w.Mentions) || !reflect.DeepEqual(p.Hashtags, w.Hashtags) ||
			!reflect.DeepEqual(p.URLs, w.URLs) || !reflect.DeepEqual(p.Coordinates, w.Coordinates) || !reflect.DeepEqual(p.Place, w.Place) {
			t.Errorf("post %s came back different:\n got  %+v\n want %+v", p.ID, p, w)
		}
	}
	if matched != len(want) || matched < 50 {
		t.Errorf("found %d of %d posted posts", matched, len(want))
	}
}

func TestControlRefusesBadInput(t *testing.T) {
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	for _, tc := range []struct{ path, body string }{
		{"/_sim/mentions", `{}`},
		{"/_sim/mentions", `{"text":"no author"}`},
		{"/_sim/mentions", `{"text":"x","username":"bad name"}`},
		{"/_sim/mentions", `{"data":{"text":"x","author_id":"1"}}`},
		{"/_sim/mentions", `{"text":"x","username":"a","coordinates":[200,1]}`},
		{"/_sim/mentions", `{"text":"x","username":"a","retweet_of":"42"}`},
		{"/_sim/mentions", `not json`},
		{"/_sim/faults", `{"endpoint":"mentions","kind":"explode"}`},
		{"/_sim/faults", `{"endpoint":"nowhere","kind":"5xx"}`},
		{"/_sim/faults", `{"endpoint":"mentions","kind":"accepted_dropped"}`},
		{"/_sim/faults", `{"endpoint":"mentions","kind":"5xx","status":404}`},
		{"/_sim/faults", `{"endpoint":"mentions","kind":"5xx","colour":"red"}`},
	} {
		if status, body := do(t, srv, "POST", tc.path, tc.body); status != http.StatusBadRequest {
			t.Errorf("POST %s %s: %d %s, want 400", tc.path, tc.body, status, body)
		}
	}
	if status, _ := do(t, srv, "POST", "/_sim/faults", `{"endpoint":"GET /2/users/:id/mentions","kind":"slow","count":2}`); status != http.StatusCreated {
		t.Fatalf("valid fault refused: %d", status)
	}
	_, body := do(t, srv, "GET", "/_sim/faults", "")
	if !strings.Contains(string(body), `"delay_ms":2000`) || !strings.Contains(string(body), `"count":2`) {
		t.Errorf("faults listed: %s", body)
	}
	do(t, srv, "DELETE", "/_sim/faults", "")
	if _, body := do(t, srv, "GET", "/_sim/faults", ""); string(body) != "{\"data\":[]}\n" {
		t.Errorf("faults after clearing: %s", body)
	}
}

func TestControlPostsListsReplies(t *testing.T) {
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	id, _ := sim.AddDraft(xsim.Draft{Username: "ramesh", Text: "@Uppolice pothole and no street light near the thana"})
	if _, body := do(t, srv, "GET", "/_sim/posts?in_reply_to="+id, ""); string(body) != "{\"data\":[]}\n" {
		t.Errorf("no replies yet: %s", body)
	}
	c := xapi.New(xapi.Options{BaseURL: srv.URL})
	ctx := context.Background()
	r1, err := c.CreateReply(ctx, "first", id)
	if err != nil {
		t.Fatal(err)
	}
	// The account may continue its own thread.
	r2, err := c.CreateReply(ctx, "second, in the thread", r1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.CreateReply(ctx, "to nothing", "777"); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
		t.Errorf("reply to a missing post: %v", err)
	}
	_, body := do(t, srv, "GET", "/_sim/posts?in_reply_to="+id, "")
	var out struct{ Data []xapi.Tweet }
	if err := json.Unmarshal(body, &out); err != nil || len(out.Data) != 1 || out.Data[0].ID != r1 || out.Data[0].ConversationID != id {
		t.Errorf("replies: %s", body)
	}
	_, body = do(t, srv, "GET", "/_sim/posts", "")
	if err := json.Unmarshal(body, &out); err != nil || len(out.Data) != 2 || out.Data[1].ID != r2 {
		t.Errorf("account posts: %s", body)
	}
}

func TestTimelineWindows(t *testing.T) {
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	var ids []string
	for range 12 {
		id, _ := sim.AddDraft(xsim.Draft{Username: "anil", Text: "@Uppolice hello"})
		ids = append(ids, id)
	}
	acct := sim.Account()
	get := func(q string) xapi.Page {
		t.Helper()
		status, body := do(t, srv, "GET", "/2/users/"+acct.ID+"/mentions?"+q, "")
		var p xapi.Page
		if status != 200 || json.Unmarshal(body, &p) != nil {
			t.Fatalf("%s: %d %s", q, status, body)
		}
		return p
	}
	p := get("max_results=5&since_id=" + ids[2] + "&until_id=" + ids[10])
	if len(p.Data) != 5 || p.Data[0].ID != ids[9] || p.Data[4].ID != ids[5] || p.Meta.NextToken == "" || p.Meta.NewestID != ids[9] || p.Meta.OldestID != ids[5] {
		t.Fatalf("window: %+v", p)
	}
	p = get("max_results=5&since_id=" + ids[2] + "&until_id=" + ids[10] + "&pagination_token=" + p.Meta.NextToken)
	if len(p.Data) != 2 || p.Data[0].ID != ids[4] || p.Data[1].ID != ids[3] || p.Meta.NextToken != "" {
		t.Errorf("second page: %+v", p)
	}
	if p := get(""); len(p.Data) != 10 || p.Meta.ResultCount != 10 {
		t.Errorf("default page size: %d", len(p.Data))
	}
	if status, _ := do(t, srv, "GET", "/2/users/"+acct.ID+"/mentions?max_results=4", ""); status != 400 {
		t.Errorf("max_results=4: %d", status)
	}
}

func TestRateLimitWindowsPerEndpoint(t *testing.T) {
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	sim := xsim.New(xsim.Options{Now: func() time.Time { return now },
		Limits: map[string]xsim.Limit{xapi.EndpointMentions: {Requests: 2, Window: time.Minute}}})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	path := "/2/users/" + sim.Account().ID + "/mentions"
	for i := range 2 {
		if status, _ := do(t, srv, "GET", path, ""); status != 200 {
			t.Fatalf("call %d: %d", i, status)
		}
	}
	req, _ := http.NewRequest("GET", srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 429 || resp.Header.Get("x-rate-limit-remaining") != "0" || resp.Header.Get("x-rate-limit-limit") != "2" ||
		resp.Header.Get("x-rate-limit-reset") != "1780272060" {
		t.Errorf("429: %d %v", resp.StatusCode, resp.Header)
	}
	if status, _ := do(t, srv, "GET", "/2/tweets/search/recent?query=x", ""); status != 200 {
		t.Errorf("another endpoint's window is its own: %d", status)
	}
	now = now.Add(time.Minute)
	if status, _ := do(t, srv, "GET", path, ""); status != 200 {
		t.Errorf("after the window: %d", status)
	}
}

// TestComplianceControlRefusesUnknownKeys: a mistyped key in the
// compliance control body is a 400 and changes nothing, not a request
// quietly taken as empty.
func TestComplianceControlRefusesUnknownKeys(t *testing.T) {
	for _, body := range []string{`{"forbiden": true}`, `{"fail_next": 1, "fail_as": "failed", "failas": "x"}`,
		`{"records": [{"id": "12", "action": "delete", "reson": "deleted"}]}`} {
		s := xsim.New(xsim.Options{})
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("POST", "/_sim/compliance", strings.NewReader(body)))
		if rec.Code != http.StatusBadRequest {
			t.Errorf("%s answered %d, want 400", body, rec.Code)
		}
	}
}
