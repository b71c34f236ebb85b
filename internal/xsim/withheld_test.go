package xsim_test

import (
	"context"
	"net/http/httptest"
	"slices"
	"sort"
	"testing"

	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestWithheldKeepsEveryRecord: a post withheld in one country and then in
// another is withheld in both; the compliance job lists both records, and
// a location scrubbed since does not take their place.
func TestWithheldKeepsEveryRecord(t *testing.T) {
	ctx := context.Background()
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	id, err := sim.AddDraft(xsim.Draft{Username: "citizen", Text: "@Uppolice my bike was stolen", Coordinates: []float64{80.9462, 26.8467}})
	if err != nil {
		t.Fatal(err)
	}
	if !sim.SetWithheld(id, "IN") || !sim.SetWithheld(id, "DE") || !sim.ScrubGeo(id) {
		t.Fatal("the post does not exist")
	}
	x := xapi.New(xapi.Options{BaseURL: srv.URL})
	l, err := x.LookupPosts(ctx, []string{id})
	if err != nil {
		t.Fatal(err)
	}
	got := slices.Clone(l.Withheld[id])
	sort.Strings(got)
	if !slices.Equal(got, []string{"DE", "IN"}) {
		t.Errorf("the lookup withholds the post in %v, want DE and IN", l.Withheld[id])
	}
	job, err := x.CreateComplianceJob(ctx, "shikayat")
	if err != nil {
		t.Fatal(err)
	}
	if err := x.UploadComplianceIDs(ctx, job.UploadURL, []string{id}); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		if _, err := x.ComplianceJob(ctx, job.ID); err != nil {
			t.Fatal(err)
		}
	}
	recs, err := x.DownloadComplianceResult(ctx, job.DownloadURL)
	if err != nil {
		t.Fatal(err)
	}
	var countries []string
	scrubbed := false
	for _, r := range recs {
		switch {
		case r.Withheld():
			countries = append(countries, r.WithheldInCountries...)
		case r.ScrubGeo():
			scrubbed = true
		}
	}
	sort.Strings(countries)
	if !slices.Equal(countries, []string{"DE", "IN"}) || !scrubbed {
		t.Errorf("the job lists %+v: want a withheld record for IN and for DE, and the scrub_geo", recs)
	}
}
