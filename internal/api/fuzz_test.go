package api_test

import (
	"bytes"
	"net/url"
	"strings"
	"testing"

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
		if filter.Page < 0 || filter.District < 0 {
			t.Fatalf("filter %+v", filter)
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
