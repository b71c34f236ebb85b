package api_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
)

// FuzzDecodeAction: any body decodes to a valid action or an EINVALID error,
// never a panic or another error.
func FuzzDecodeAction(f *testing.F) {
	for _, s := range []string{
		`{"action":"note","text":"called the citizen","public":true}`,
		`{"action":"forward","district":162,"reason":"हजरतगंज"}`,
		`{"action":"merge","into":"up26-7k3qm9xd4p"}`,
		`{"action":"close","resolution":"action_taken"}`,
		`{"action":1}`, `[]`, `{} {}`, ``, `{"action":"assign","station":"station:lko-a"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		a, err := api.DecodeAction(body)
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if err := a.Validate(); err != nil {
			t.Fatalf("decoded action does not validate: %v", err)
		}
	})
}

// FuzzParseFilter: any query yields a filter without a scope, or EINVALID.
func FuzzParseFilter(f *testing.F) {
	for _, s := range []string{
		"stage=received&class=immediate&type=theft&district=162&overdue=true&q=चोरी&page=2",
		"district=-1", "page=0", "overdue=maybe", "q=%25_", "stage=lost",
		"received_from=2026-03-01&received_to=2026-03-31&open=true&zone=lucknow",
		"closed_from=2026-02-30&bounced_from=162&reopened=1&acted_to=2026-01-01&range=../x",
		"rated=true&closed_from=2026-03-01&closed_to=2026-03-31&district=162", "rated=yes",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		filter, err := api.ParseFilter(q)
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if !filter.Scope.IsZero() {
			t.Fatalf("a query set the scope: %v", filter.Scope)
		}
		if filter.Page < 0 || filter.District < 0 || filter.BouncedFrom < 0 {
			t.Fatalf("filter %+v", filter)
		}
		if u := filter.Under; u != "" && !strings.HasPrefix(u, "zone:") && !strings.HasPrefix(u, "range:") {
			t.Fatalf("under %q", u)
		}
	})
}

// FuzzParseStatsFilter: any query yields a period of whole IST days, from 1
// to 400 of them, without a scope; or EINVALID.
func FuzzParseStatsFilter(f *testing.F) {
	for _, s := range []string{
		"from=2026-03-01&to=2026-03-31&zone=lucknow&class=immediate&type=theft&district=162",
		"", "to=2026-02-29", "from=2026-03-02&to=2026-03-01", "range=a%2Fb", "from=0001-01-01", "district=0",
		"from=2025-01-01&to=2026-02-05",
	} {
		f.Add(s)
	}
	now := time.Date(2026, 3, 10, 20, 0, 0, 0, time.UTC) // 01:30 IST on the 11th
	f.Fuzz(func(t *testing.T, raw string) {
		q, err := url.ParseQuery(raw)
		if err != nil {
			return
		}
		sf, err := api.ParseStatsFilter(q, now)
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if !sf.Scope.IsZero() {
			t.Fatalf("a query set the scope")
		}
		days := sf.To.Sub(sf.From).Hours() / 24
		from := sf.From.In(shikayat.IST)
		if days < 1 || days > 401 || from.Hour() != 0 || from.Minute() != 0 || sf.To.In(shikayat.IST).Hour() != 0 {
			t.Fatalf("period %v – %v", sf.From, sf.To)
		}
		if q.Get("to") == "" && api.Day(sf.To.Add(-time.Hour)) != "2026-03-11" {
			t.Fatalf("default end %v, want the IST day of now", sf.To)
		}
	})
}

// FuzzDecodeReason: any body yields a reason of 1 to 1000 bytes, or EINVALID.
func FuzzDecodeReason(f *testing.F) {
	for _, s := range []string{`{"reason":"the citizen was called"}`, `{"reason":""}`, `{"reason":" "}`, `{"why":"x"}`,
		`{"reason":"नागरिक से बात हो गई"}`, `{"reason":1}`, `{} {}`, ``, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		reason, err := api.DecodeReason(bytes.NewReader(body))
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("error %v is not EINVALID", err)
			}
			return
		}
		if reason == "" || len(reason) > 1000 || strings.TrimSpace(reason) != reason {
			t.Fatalf("reason %q", reason)
		}
	})
}

// FuzzPostRequest: a post action's body and the posts listing's query
// parameters decode or give EINVALID, never a panic or another error.
func FuzzPostRequest(f *testing.F) {
	for _, s := range [][4]string{
		{`{"action":"make_complaint"}`, "true", "बिजली", "1"},
		{`{"action":"not_complaint"}`, "", "1445078208190291968", ""},
		{`{"action":"note"}`, "maybe", "", "0"},
		{`[]`, "1", `"quoted"`, "-3"}, {``, "false", "%", "999999999999"},
	} {
		f.Add([]byte(s[0]), s[1], s[2], s[3])
	}
	f.Fuzz(func(t *testing.T, body []byte, held, q, page string) {
		a, err := api.DecodePostAction(body)
		if err != nil && shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Fatalf("action error %v is not EINVALID", err)
		}
		if err == nil && a != shikayat.PostMakeComplaint && a != shikayat.PostNotComplaint {
			t.Fatalf("action %q accepted", a)
		}
		pf, err := api.ParsePostFilter(held, q, page)
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("filter error %v is not EINVALID", err)
			}
			return
		}
		if !pf.Scope.IsZero() || pf.Page < 0 {
			t.Fatalf("filter %+v: a scope or a bad page from the query", pf)
		}
	})
}
