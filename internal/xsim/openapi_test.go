package xsim_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"github.com/shikayat/shikayat/internal/sharedtest"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/shikayat/shikayat/internal/xsim"
)

func loadSpec(t *testing.T) *openapi3.T {
	t.Helper()
	shared, err := sharedtest.Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(filepath.Join(shared, "data", "x-api-v2-openapi.json"))
	if err != nil {
		t.Fatalf("loading the X API spec: %v", err)
	}
	return doc
}

// specCheck validates answers against the X API spec.
type specCheck struct {
	t       *testing.T
	doc     *openapi3.T
	checked int
}

// body validates one answer: the response schema of the operation for its
// status (or the default), for its content type.
func (c *specCheck) body(method, pathTemplate string, status int, contentType string, body []byte) {
	c.t.Helper()
	item := c.doc.Paths.Find(pathTemplate)
	if item == nil {
		c.t.Fatalf("spec has no path %s", pathTemplate)
	}
	op := item.GetOperation(method)
	if op == nil {
		c.t.Fatalf("spec has no %s %s", method, pathTemplate)
	}
	resp := op.Responses.Status(status)
	if resp == nil {
		resp = op.Responses.Default()
	}
	if resp == nil || resp.Value == nil {
		c.t.Fatalf("spec has no response %d for %s %s", status, method, pathTemplate)
	}
	ct, _, _ := strings.Cut(contentType, ";")
	mt := resp.Value.Content.Get(strings.TrimSpace(ct))
	if mt == nil || mt.Schema == nil {
		c.t.Fatalf("%s %s %d: spec has no schema for content type %q", method, pathTemplate, status, contentType)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		c.t.Fatalf("%s %s %d: body is not JSON: %v\n%s", method, pathTemplate, status, err, body)
	}
	if err := mt.Schema.Value.VisitJSON(v, openapi3.MultiErrors()); err != nil {
		c.t.Errorf("%s %s %d: body does not match the spec: %v\n%s", method, pathTemplate, status, err, body)
	}
	c.checked++
}

// call sends a request to the simulator and validates the answer.
func (c *specCheck) call(srv *httptest.Server, method, path, pathTemplate, auth, body string, wantStatus int) []byte {
	c.t.Helper()
	req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		c.t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		c.t.Fatalf("%s %s: status %d, want %d\n%s", method, path, resp.StatusCode, wantStatus, data)
	}
	c.body(method, pathTemplate, resp.StatusCode, resp.Header.Get("Content-Type"), data)
	return data
}

const (
	allFields = "tweet.fields=attachments,author_id,conversation_id,created_at,entities,geo,in_reply_to_user_id,lang,referenced_tweets" +
		"&expansions=attachments.media_keys,author_id,geo.place_id,referenced_tweets.id,referenced_tweets.id.author_id" +
		"&user.fields=location&place.fields=country_code,full_name,geo,name,place_type&media.fields=alt_text,duration_ms,height,preview_image_url,type,url,width"
	bearer = "Bearer t"
	oauth  = `OAuth oauth_consumer_key="k", oauth_signature="s"`
)

func TestResponsesMatchXSpec(t *testing.T) {
	doc := loadSpec(t)
	c := &specCheck{t: t, doc: doc}
	sim := xsim.New(xsim.Options{KeepAlive: 20 * time.Millisecond})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	acct := sim.Account()

	gen := xsim.NewGenerator(sim, 42)
	for range 300 {
		if _, err := gen.Post(); err != nil {
			t.Fatal(err)
		}
	}
	// A retweet whose original X no longer has: a partial error.
	if _, err := sim.AddDraft(xsim.Draft{Username: "orphan_rt", Text: "@Uppolice quoting a deleted post", Quote: "1234567890123"}); err != nil {
		t.Fatal(err)
	}
	mentions := "/2/users/" + acct.ID + "/mentions"
	tpl := "/2/users/{id}/mentions"

	page := c.call(srv, "GET", mentions+"?max_results=100&"+allFields, tpl, bearer, "", 200)
	var p struct {
		Data   []json.RawMessage
		Errors []json.RawMessage
		Meta   struct {
			NextToken string `json:"next_token"`
		}
	}
	_ = json.Unmarshal(page, &p)
	if len(p.Data) != 100 || p.Meta.NextToken == "" || len(p.Errors) == 0 {
		t.Errorf("first page: %d posts, next_token %q, %d partial errors", len(p.Data), p.Meta.NextToken, len(p.Errors))
	}
	for tok := p.Meta.NextToken; tok != ""; {
		data := c.call(srv, "GET", mentions+"?max_results=100&pagination_token="+tok+"&"+allFields, tpl, bearer, "", 200)
		p.Meta.NextToken = ""
		_ = json.Unmarshal(data, &p)
		tok = p.Meta.NextToken
	}
	c.call(srv, "GET", mentions, tpl, bearer, "", 200)
	c.call(srv, "GET", mentions+"?since_id=9999999999999999999", tpl, bearer, "", 200) // empty
	c.call(srv, "GET", "/2/users/12345/mentions", tpl, bearer, "", 200)                // unknown user: errors only
	c.call(srv, "GET", mentions+"?max_results=500", tpl, bearer, "", 400)
	c.call(srv, "GET", mentions+"?tweet.fields=colour", tpl, bearer, "", 400)
	c.call(srv, "GET", mentions+"?sort=asc", tpl, bearer, "", 400)
	c.call(srv, "GET", mentions+"?pagination_token=zzz", tpl, bearer, "", 400)
	c.call(srv, "GET", mentions, tpl, "", "", 401)

	c.call(srv, "GET", "/2/tweets/search/recent?query=%40Uppolice%20-is%3Aretweet&max_results=100&"+allFields, "/2/tweets/search/recent", bearer, "", 200)
	c.call(srv, "GET", "/2/tweets/search/recent?query=", "/2/tweets/search/recent", bearer, "", 400)
	c.call(srv, "GET", "/2/users/by/username/Uppolice?user.fields=location", "/2/users/by/username/{username}", bearer, "", 200)
	c.call(srv, "GET", "/2/users/by/username/nobody_at_all", "/2/users/by/username/{username}", bearer, "", 200)
	c.call(srv, "GET", "/2/users/me?user.fields=location", "/2/users/me", oauth, "", 200)
	c.call(srv, "GET", "/2/users/me", "/2/users/me", bearer, "", 401)

	// Replies: accepted to a mention, refused otherwise.
	target, err := sim.AddDraft(xsim.Draft{Username: "asha_k", Text: "@Uppolice please help, my purse was snatched"})
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := sim.AddDraft(xsim.Draft{Username: "asha_k", Text: "lovely weather"})
	c.call(srv, "POST", "/2/tweets", "/2/tweets", oauth, `{"text":"Registered: UP26-7K3QM9XD4P","reply":{"in_reply_to_tweet_id":"`+target+`"}}`, 201)
	c.call(srv, "POST", "/2/tweets", "/2/tweets", oauth, `{"text":"hello","reply":{"in_reply_to_tweet_id":"`+plain+`"}}`, 403)
	c.call(srv, "POST", "/2/tweets", "/2/tweets", oauth, `{"text":""}`, 400)
	c.call(srv, "GET", "/2/users/"+acct.ID+"/tweets?"+allFields, "/2/users/{id}/tweets", bearer, "", 200)

	// Stream rules.
	rules := "/2/tweets/search/stream/rules"
	c.call(srv, "GET", rules, rules, bearer, "", 200)
	c.call(srv, "POST", rules, rules, bearer, `{"add":[{"value":"@Uppolice","tag":"mentions"},{"value":"(a b)"}]}`, 200)
	c.call(srv, "POST", rules, rules, bearer, `{"add":[{"value":"@Uppolice"}]}`, 200)
	data := c.call(srv, "GET", rules, rules, bearer, "", 200)
	var listed struct{ Data []struct{ ID string } }
	_ = json.Unmarshal(data, &listed)
	if len(listed.Data) != 1 {
		t.Fatalf("rules: %s", data)
	}

	// Rate limits: exhaust a window.
	if err := sim.SetFault(xsim.Fault{Endpoint: "search", Kind: xsim.Fault429, ResetSeconds: 30}); err != nil {
		t.Fatal(err)
	}
	c.call(srv, "GET", "/2/tweets/search/recent?query=x", "/2/tweets/search/recent", bearer, "", 429)
	if err := sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: xsim.Fault5xx}); err != nil {
		t.Fatal(err)
	}
	c.call(srv, "GET", mentions, tpl, bearer, "", 503)

	// Stream lines.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", srv.URL+"/2/tweets/search/stream?"+allFields, nil)
	req.Header.Set("Authorization", bearer)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("stream: %d", resp.StatusCode)
	}
	go func() {
		for range 20 {
			_, _ = gen.Post()
		}
		_, _ = sim.AddDraft(xsim.Draft{Username: "last_one", Text: "@Uppolice last"})
	}()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lines := 0
	for sc.Scan() {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		c.body("GET", "/2/tweets/search/stream", 200, "application/json", line)
		lines++
		if bytes.Contains(line, []byte("@Uppolice last")) {
			break
		}
	}
	if lines < 10 {
		t.Errorf("only %d stream lines", lines)
	}
	// The validator itself must refuse what X would not send.
	for _, bad := range []string{
		`{"data":[{"id":"abc","text":"x","edit_history_tweet_ids":["1"]}]}`,
		`{"data":[],"meta":{"result_count":0}}`,
		`{"data":[{"id":"1","text":"x","edit_history_tweet_ids":["1"],"geo":{"coordinates":{"type":"Point","coordinates":[1]}}}]}`,
	} {
		var v any
		_ = json.Unmarshal([]byte(bad), &v)
		schema := doc.Paths.Find(tpl).Get.Responses.Status(200).Value.Content.Get("application/json").Schema.Value
		if schema.VisitJSON(v) == nil {
			t.Errorf("validator accepted %s", bad)
		}
	}
	if c.checked < 40 {
		t.Errorf("only %d bodies checked", c.checked)
	}
}
