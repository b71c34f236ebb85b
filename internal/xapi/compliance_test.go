package xapi

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

func TestParseComplianceResult(t *testing.T) {
	in := `{"id":"1460323737035677698","action":"delete","created_at":"2021-11-15T19:08:05.000Z","redacted_at":"2021-11-16T13:53:42.000Z","reason":"deleted"}

{"id":"1460323737035677699","action":"scrub_geo","reason":"scrub_geo"}
`
	recs, err := ParseComplianceResult(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || !recs[0].Delete() || recs[1].Delete() || recs[0].Reason != "deleted" {
		t.Fatalf("records = %+v", recs)
	}
	for _, bad := range []string{`{"id":"x","action":"delete"}`, `{"id":"1"}`, `[1]`, `{"id":"1","action":"delete"`} {
		if _, err := ParseComplianceResult(strings.NewReader(bad)); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Errorf("%s: error %v, want invalid", bad, err)
		}
	}
}

func FuzzParseComplianceResult(f *testing.F) {
	for _, s := range []string{
		`{"id":"1460323737035677698","action":"delete","created_at":"2021-11-15T19:08:05.000Z","redacted_at":"2021-11-16T13:53:42.000Z","reason":"deleted"}`,
		"{\"id\":\"1\",\"action\":\"delete\",\"reason\":\"suspended\"}\n\n{\"id\":\"2\",\"action\":\"scrub_geo\"}\n",
		`{"id":"1","action":"delete"`,
		`{"id":1,"action":"delete"}`,
		"\xff\xfe",
		"",
		`{"id":"12","action":"delete","reason":"scrub_geo"}` + "\n" + `{"id":"14","action":"withheld","reason":"withheld"}`,
		`{"id":"15","action":"scrub_geo","reason":"deleted"}` + "\n" + `{"id":"16","action":"DELETE","reason":"scrub_geo"}`,
		`{"id":"17","action":"withheld","reason":"Suspended"}` + "\n" + `{"id":"18","action":"delete","reason":"SCRUB_GEO"}`,
		`{"id":"19","action":"withheld","reason":"tweet_withheld","withheld_in_countries":["IN","DE"]}` + "\n" + `{"id":"20","action":"delete","reason":"user_withheld","withheld_in_countries":"IN"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		recs, err := ParseComplianceResult(bytes.NewReader(data))
		if err != nil {
			if code := shikayat.ErrorCode(err); code != shikayat.EINVALID {
				t.Fatalf("error code %q, want invalid: %v", code, err)
			}
			return
		}
		for _, r := range recs {
			if !isID(r.ID) || r.Action == "" {
				t.Fatalf("parsed a record without an id or action: %+v", r)
			}
			if r.Delete() && r.ScrubGeo() {
				t.Fatalf("%+v is both a deletion and a scrub of the location", r)
			}
			if r.Withheld() && (r.Delete() || r.ScrubGeo()) {
				t.Fatalf("%+v is taken as withheld while it must go or lose its location", r)
			}
			if r.ScrubGeo() != (strings.EqualFold(r.Action, "delete") && r.Reason == "scrub_geo") {
				t.Fatalf("%+v: scrub %v, want a scrub only for action delete with reason scrub_geo", r, r.ScrubGeo())
			}
			if gone := slices.ContainsFunc([]string{"deleted", "suspended", "protected", "deactivated", "bounced"},
				func(g string) bool { return strings.EqualFold(r.Reason, g) }); gone && !r.Delete() {
				t.Fatalf("%+v: reason says the post is gone but it is not deleted", r)
			}
		}
	})
}
