package open311_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestRequestsList(t *testing.T) {
	doc := spec(t)
	listSchema := responseSchema(t, doc, "GET", "/requests.{response_format}")
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newFixture(t, dsn())
		code, body := f.get(t, "/open311/v2/requests.json")
		if code != http.StatusOK {
			t.Fatalf("%d %s", code, body)
		}
		validate(t, listSchema, body)
		list := decodeRequests(t, body)
		if len(list) != 2 {
			t.Fatalf("%d requests, want 2: %s", len(list), body)
		}

		t.Run("no docket codes, post text or authors", func(t *testing.T) {
			for _, s := range append(append([]string{}, f.codes...), f.texts...) {
				if strings.Contains(string(body), s) || strings.Contains(strings.ToLower(string(body)), strings.ToLower(s)) {
					t.Errorf("the anonymous list shows %q: %s", s, body)
				}
			}
			for _, r := range list {
				if _, err := shikayat.ParseDocket(r.ID); err == nil {
					t.Errorf("service_request_id %q reads as a docket code", r.ID)
				}
			}
			if list[0].ID == list[1].ID {
				t.Errorf("two requests share the id %q", list[0].ID)
			}
		})
		t.Run("ids are stable and look up one request", func(t *testing.T) {
			_, again := f.get(t, "/open311/v2/requests.json")
			if string(again) != string(body) {
				t.Errorf("the list changed between two reads:\n%s\n%s", body, again)
			}
			for _, r := range list {
				code, one := f.get(t, "/open311/v2/requests/"+r.ID+".json")
				if code != http.StatusOK {
					t.Fatalf("%s: %d %s", r.ID, code, one)
				}
				validate(t, listSchema, one) // the wiki: a one-element list
				got := decodeRequests(t, one)
				if len(got) != 1 || got[0] != r {
					t.Errorf("look-up of %s: %+v, want %+v", r.ID, got, r)
				}
				for _, c := range f.codes {
					if strings.Contains(string(one), c) {
						t.Errorf("look-up by opaque id shows the docket %s: %s", c, one)
					}
				}
			}
		})
		t.Run("service_request_id selects; a docket code there matches nothing", func(t *testing.T) {
			_, one := f.get(t, "/open311/v2/requests.json?service_request_id="+list[1].ID)
			if got := decodeRequests(t, one); len(got) != 1 || got[0].ID != list[1].ID {
				t.Errorf("selected %s: %s", list[1].ID, one)
			}
			_, none := f.get(t, "/open311/v2/requests.json?service_request_id="+f.codes[0])
			if got := decodeRequests(t, none); len(got) != 0 {
				t.Errorf("a docket code selects %s", none)
			}
		})
		t.Run("a made-up opaque id is not found", func(t *testing.T) {
			forged := []byte(list[0].ID)
			forged[0] ^= 1
			if forged[0] > 'f' || (forged[0] > '9' && forged[0] < 'a') {
				forged[0] = '0'
			}
			code, body := f.get(t, "/open311/v2/requests/"+string(forged)+".json")
			if code != http.StatusNotFound {
				t.Errorf("%d %s, want 404", code, body)
			}
		})
		t.Run("filters", func(t *testing.T) {
			for q, want := range map[string]int{
				"service_code=theft":                     1,
				"service_code=traffic":                   0,
				"status=open":                            2,
				"status=closed":                          0,
				"status=open,closed":                     2,
				"start_date=2026-03-11T00:00:00%2B05:30": 0,
				"end_date=2026-03-09T00:00:00Z":          0,
				"start_date=2026-03-01T00:00:00Z&end_date=2026-03-11T00:00:00Z": 2,
			} {
				code, body := f.get(t, "/open311/v2/requests.json?"+q)
				if code != http.StatusOK || len(decodeRequests(t, body)) != want {
					t.Errorf("%s: %d %s, want %d requests", q, code, body, want)
				}
			}
			for _, q := range []string{"service_code=lost", "status=pending", "start_date=yesterday",
				"start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z"} {
				if code, body := f.get(t, "/open311/v2/requests.json?"+q); code != http.StatusBadRequest {
					t.Errorf("%s: %d %s, want 400", q, code, body)
				}
			}
		})
		t.Run("XML lists <request>s under <service_requests>", func(t *testing.T) {
			code, body := f.get(t, "/open311/v2/requests.xml")
			var x struct {
				XMLName  xml.Name      `xml:"service_requests"`
				Requests []requestJSON `xml:"request"`
			}
			if err := xml.Unmarshal(body, &x); err != nil || code != http.StatusOK {
				t.Fatalf("%d %v: %s", code, err, body)
			}
			if len(x.Requests) != 2 || x.Requests[0] != list[0] || x.Requests[1] != list[1] {
				t.Errorf("XML %+v, JSON %+v", x.Requests, list)
			}
		})
	})
}

var dockets = regexp.MustCompile(`^[A-Z]{2}\d{2}-[0-9A-Z]{10}$`)

func TestCreateRequest(t *testing.T) {
	doc := spec(t)
	postSchema := responseSchema(t, doc, "POST", "/requests.{response_format}")
	listSchema := responseSchema(t, doc, "GET", "/requests.{response_format}")
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newFixture(t, dsn())
		ctx := context.Background()
		form := url.Values{
			"service_code": {"theft"}, "description": {"Bike stolen outside the Hazratganj market"},
			"lat": {"26.8500"}, "long": {"80.9462"}, "first_name": {"Asha"}, "phone": {"+91 90000 00000"},
		}

		t.Run("without a key: 401", func(t *testing.T) {
			code, body := f.post(t, "/open311/v2/requests.json", form, "")
			if code != http.StatusUnauthorized {
				t.Errorf("%d %s", code, body)
			}
			bad := url.Values{"api_key": {"not-a-token"}}
			for k, v := range form {
				bad[k] = v
			}
			if code, body := f.post(t, "/open311/v2/requests.json", bad, ""); code != http.StatusUnauthorized {
				t.Errorf("a wrong key: %d %s", code, body)
			}
		})

		var docket string
		t.Run("with api_key in the form: a docket", func(t *testing.T) {
			jobsBefore := f.jobs.count()
			keyed := url.Values{"api_key": {f.tokens["hq-desk"]}}
			for k, v := range form {
				keyed[k] = v
			}
			code, body := f.post(t, "/open311/v2/requests.json", keyed, "")
			if code != http.StatusOK {
				t.Fatalf("%d %s", code, body)
			}
			validate(t, postSchema, body)
			var out []struct {
				ID     string `json:"service_request_id"`
				Notice string `json:"service_notice"`
			}
			json.Unmarshal(body, &out)
			if len(out) != 1 || !dockets.MatchString(out[0].ID) {
				t.Fatalf("answer %s, want one request with a docket code", body)
			}
			docket = out[0].ID
			c, err := f.db.FindComplaint(ctx, docket, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			if c.Source != "open311" || !strings.HasPrefix(c.SourcePostID, "open311:") {
				t.Errorf("source %q %q, want open311 and a source id that cannot be a post id", c.Source, c.SourcePostID)
			}
			if c.Replyable {
				t.Error("a complaint from Open311 is replyable on X")
			}
			if n := f.jobs.count(); n != jobsBefore {
				t.Errorf("%d jobs queued, want none (no acknowledgement on X)", n-jobsBefore)
			}
			if c.EffectiveType() != shikayat.TypeTheft {
				t.Errorf("type %q, want the service_code theft", c.EffectiveType())
			}
			// Triage routes it like a post: the text names Hazratganj.
			if c.District != 162 || c.Stage != shikayat.StageForwarded {
				t.Errorf("district %d stage %s, want forwarded to Lucknow (162)", c.District, c.Stage)
			}
			if !strings.Contains(c.Text, "Asha") {
				t.Errorf("the reporter's contact is lost: %q", c.Text)
			}
		})

		t.Run("GET by docket answers like tracking", func(t *testing.T) {
			code, body := f.get(t, "/open311/v2/requests/"+strings.ToLower(docket)+".json")
			if code != http.StatusOK {
				t.Fatalf("%d %s", code, body)
			}
			validate(t, listSchema, body)
			got := decodeRequests(t, body)
			if len(got) != 1 || got[0].ID != docket || got[0].Status != "open" || got[0].ServiceCode != "theft" || got[0].Agency != "Lucknow Police" {
				t.Errorf("%s", body)
			}
			for _, s := range []string{"Bike stolen", "Asha", "90000"} {
				if strings.Contains(string(body), s) {
					t.Errorf("the look-up shows %q: %s", s, body)
				}
			}
			// Change the check symbol to another one (never to itself: the
			// drawn docket may end in either letter).
			typo := "Z"
			if strings.HasSuffix(docket, typo) {
				typo = "Y"
			}
			if code, body := f.get(t, "/open311/v2/requests/"+docket[:len(docket)-1]+typo+".json"); code != http.StatusBadRequest {
				t.Errorf("a typo in the docket: %d %s, want 400", code, body)
			}
			if code, body := f.get(t, "/open311/v2/requests/"+docket+".csv"); code != http.StatusNotFound {
				t.Errorf("an unknown format: %d %s, want 404", code, body)
			}
		})

		t.Run("closing shows closed with the public note, contacts masked", func(t *testing.T) {
			jobsBefore := f.jobs.count()
			_, _, err := f.db.ApplyAction(ctx, docket, shikayat.Action{Kind: shikayat.ActionClose,
				Resolution: shikayat.ResolutionActionTaken, Note: "Bike recovered and returned. Call SI on 98765 43210.", Public: true}, shikayat.SystemActor, "")
			if err != nil {
				t.Fatal(err)
			}
			if n := f.jobs.count(); n != jobsBefore {
				t.Errorf("closing queued %d jobs: nothing goes to X for an Open311 complaint", n-jobsBefore)
			}
			_, body := f.get(t, "/open311/v2/requests/"+docket+".json")
			got := decodeRequests(t, body)
			if len(got) != 1 || got[0].Status != "closed" || got[0].StatusNotes != "Bike recovered and returned. Call SI on 98XXXXXX10." {
				t.Errorf("%s", body)
			}
			_, body = f.get(t, "/open311/v2/requests.json?status=closed")
			if got := decodeRequests(t, body); len(got) != 1 || got[0].ID == docket {
				t.Errorf("closed list %s, want the one complaint under an opaque id", body)
			}
		})

		t.Run("Authorization header, XML, and the key's district", func(t *testing.T) {
			vague := url.Values{"service_code": {"other"}, "description": {"Loud fight every night"}, "address_string": {"Gali 4"}}
			code, body := f.post(t, "/open311/v2/requests.xml", vague, f.tokens["lko-desk"])
			var x struct {
				XMLName  xml.Name `xml:"service_requests"`
				Requests []struct {
					ID string `xml:"service_request_id"`
				} `xml:"request"`
			}
			if err := xml.Unmarshal(body, &x); err != nil || code != http.StatusOK || len(x.Requests) != 1 {
				t.Fatalf("%d %v: %s", code, err, body)
			}
			c, err := f.db.FindComplaint(ctx, x.Requests[0].ID, shikayat.SystemScope())
			if err != nil {
				t.Fatal(err)
			}
			if c.District != 162 {
				t.Errorf("district %d: a complaint filed with Lucknow's key that triage cannot place goes to Lucknow", c.District)
			}
		})

		t.Run("bad forms: 400 in the error shape", func(t *testing.T) {
			for name, form := range map[string]url.Values{
				"no service_code": {"description": {"x"}, "lat": {"26.8"}, "long": {"80.9"}},
				"unknown code":    {"service_code": {"potholes"}, "description": {"x"}, "lat": {"26.8"}, "long": {"80.9"}},
				"no description":  {"service_code": {"theft"}, "lat": {"26.8"}, "long": {"80.9"}},
				"no location":     {"service_code": {"theft"}, "description": {"x"}},
				"lat alone":       {"service_code": {"theft"}, "description": {"x"}, "lat": {"26.8"}},
			} {
				code, body := f.post(t, "/open311/v2/requests.json", form, f.tokens["hq-desk"])
				var e []struct {
					Code        int    `json:"code"`
					Description string `json:"description"`
				}
				if err := json.Unmarshal(body, &e); code != http.StatusBadRequest || err != nil || len(e) != 1 || e[0].Code != 400 {
					t.Errorf("%s: %d %s", name, code, body)
				}
			}
		})
	})
}
