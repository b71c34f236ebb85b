package xsim_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestCompliance: a post deleted through the control API leaves the
// timelines and the lookup, and a compliance job names it; answers match
// X's spec; with compliance forbidden the endpoints answer 403.
func TestCompliance(t *testing.T) {
	doc := loadSpec(t)
	c := &specCheck{t: t, doc: doc}
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	ctx := context.Background()
	var ids []string
	for _, text := range []string{"@Uppolice my bike was stolen", "@Uppolice chain snatched", "@Uppolice noise at night"} {
		id, err := sim.AddDraft(xsim.Draft{Username: "citizen", Text: text})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	req, _ := http.NewRequest("DELETE", srv.URL+"/_sim/posts/"+ids[1], nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("delete: %v %v", resp, err)
	}
	resp.Body.Close()
	if resp, _ := http.DefaultClient.Do(req); resp.StatusCode != 404 {
		t.Fatalf("a second delete answered %d", resp.StatusCode)
	}
	if _, ok := sim.Post(ids[1]); ok || len(sim.Replies(ids[0])) != 0 {
		t.Fatal("the deleted post is still there")
	}

	// The lookup: a "not found" error for the deleted one.
	c.call(srv, "GET", "/2/tweets?ids="+ids[0]+","+ids[1]+"&"+allFields, "/2/tweets", bearer, "", 200)
	x := xapi.New(xapi.Options{BaseURL: srv.URL})
	l, err := x.LookupPosts(ctx, ids)
	if err != nil || !slices.Equal(l.Gone, []string{ids[1]}) {
		t.Fatalf("lookup = %+v, %v", l, err)
	}

	// A compliance job, by hand and spec-checked, then by the client.
	body := c.call(srv, "POST", "/2/compliance/jobs", "/2/compliance/jobs", bearer, `{"type":"tweets","name":"check"}`, 200)
	var created struct{ Data xapi.ComplianceJob }
	_ = json.Unmarshal(body, &created)
	c.call(srv, "GET", "/2/compliance/jobs/"+created.Data.ID, "/2/compliance/jobs/{id}", bearer, "", 200)
	c.call(srv, "GET", "/2/compliance/jobs?type=tweets", "/2/compliance/jobs", bearer, "", 200)
	c.call(srv, "GET", "/2/compliance/jobs?type=tweets&status=in_progress", "/2/compliance/jobs", bearer, "", 200)
	// The spec's enum only, and no query parameter it does not name.
	c.call(srv, "GET", "/2/compliance/jobs?type=tweets&status=expired", "/2/compliance/jobs", bearer, "", 400)
	c.call(srv, "GET", "/2/compliance/jobs?type=tweets&limit=5", "/2/compliance/jobs", bearer, "", 400)
	c.call(srv, "GET", "/2/compliance/jobs/"+created.Data.ID, "/2/compliance/jobs/{id}", oauth, "", 401)

	job, err := x.CreateComplianceJob(ctx, "shikayat")
	if err != nil || job.Status != "created" {
		t.Fatalf("create: %+v, %v", job, err)
	}
	if err := x.UploadComplianceIDs(ctx, job.UploadURL, ids); err != nil {
		t.Fatal(err)
	}
	if j, err := x.ComplianceJob(ctx, job.ID); err != nil || j.Status != "in_progress" {
		t.Fatalf("after upload: %+v, %v", j, err)
	}
	if j, err := x.ComplianceJob(ctx, job.ID); err != nil || j.Status != "complete" {
		t.Fatalf("then: %+v, %v", j, err)
	}
	recs, err := x.DownloadComplianceResult(ctx, job.DownloadURL)
	if err != nil || len(recs) != 1 || recs[0].ID != ids[1] || !recs[0].Delete() || recs[0].Reason != "deleted" {
		t.Fatalf("result = %+v, %v", recs, err)
	}

	// No access: 403, as X answers an app not enrolled.
	sim.SetComplianceForbidden(true)
	c.call(srv, "POST", "/2/compliance/jobs", "/2/compliance/jobs", bearer, `{"type":"tweets"}`, 403)
	if _, err := x.CreateComplianceJob(ctx, "shikayat"); shikayat.ErrorCode(err) != shikayat.EFORBIDDEN {
		t.Fatalf("forbidden create: %v", err)
	}
}
