package open311_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The anonymous list shows a sensitive complaint by its stage alone: no
// type and no district, and a type filter does not find it.
func TestSensitiveRequestShowsStageAlone(t *testing.T) {
	doc := spec(t)
	listSchema := responseSchema(t, doc, "GET", "/requests.{response_format}")
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newFixture(t, dsn())
		yes := true
		if _, _, err := f.db.ApplyAction(context.Background(), f.codes[1], shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}
		code, body := f.get(t, "/open311/v2/requests.json")
		if code != http.StatusOK {
			t.Fatalf("%d %s", code, body)
		}
		validate(t, listSchema, body)
		list := decodeRequests(t, body)
		if len(list) != 2 {
			t.Fatalf("%d requests, want 2: %s", len(list), body)
		}
		shown := 0
		for _, r := range list {
			if r.ServiceCode == "" && r.ServiceName == "" && r.Agency == "" {
				shown++
				if r.Status == "" || r.StatusNotes == "" {
					t.Errorf("the sensitive request lost its stage: %+v", r)
				}
				code, one := f.get(t, "/open311/v2/requests/"+r.ID+".json")
				if got := decodeRequests(t, one); code != http.StatusOK || len(got) != 1 || got[0] != r {
					t.Errorf("look-up of %s: %d %s", r.ID, code, one)
				}
			}
		}
		if shown != 1 {
			t.Errorf("%d requests without type and district, want the 1 sensitive: %s", shown, body)
		}
		_, typed := f.get(t, "/open311/v2/requests.json?service_code="+string(shikayat.Types[1]))
		if got := decodeRequests(t, typed); len(got) != 0 {
			t.Errorf("a type filter finds the sensitive complaint: %s", typed)
		}
	})
}
