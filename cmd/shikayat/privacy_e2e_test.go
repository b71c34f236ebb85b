package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// instant is a sleeper that returns at once: the compliance job's polls
// are driven, not waited for.
type instant struct{}

func (instant) Sleep(ctx context.Context, _ time.Duration) error { return ctx.Err() }

// TestDeletedPostsEndToEnd: posts come in from xsim and become complaints;
// some are deleted on X; the compliance check (run directly) redacts them,
// by a compliance job and, when X refuses those, by looking posts up; the
// docket and its stages stay, `audit verify` passes, and a later poll does
// not bring the text back. Then a person's data is exported and erased
// through the privacy command, and the trail still verifies; no table holds
// the erased or deleted words or handle, River's jobs (their arguments and
// errors) included.
func TestDeletedPostsEndToEnd(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		sim := xsim.New(xsim.Options{Account: "Uppolice"})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		// Every post is made a complaint at once.
		m := quietMain(t, dsn(), ts.URL, func(m *Main) { m.Config.AcknowledgeThreshold, m.Config.ReviewThreshold = 0.0002, 0.0001 })
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			m.Close(ctx)
		})
		m.Compliance.Sleeper = instant{}

		texts := map[string]string{
			"ramesh_lko": "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक चोरी हो गई Zebracrossing",
			"sita_v":     "@Uppolice my phone was snatched near Charbagh station Quetzalfeather",
			"anil_k":     "@Uppolice someone stole my car from Gomti Nagar Vermilionkite",
			"meera_k":    "@Uppolice my purse was stolen in the Aminabad market Ultramarinebox",
		}
		ids := map[string]string{}
		for _, u := range []string{"ramesh_lko", "sita_v", "anil_k", "meera_k"} {
			ids[u] = x.mention(map[string]string{"username": u, "text": texts[u]})
		}
		if err := m.Poller.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		code := map[string]string{}
		for u, id := range ids {
			var c string
			if err := m.DB.SQL().QueryRowContext(ctx, `SELECT code FROM complaints WHERE source_post_id = $1`, id).Scan(&c); err != nil {
				t.Fatalf("%s's post made no complaint: %v", u, err)
			}
			code[u] = c
		}
		held := func(word string) bool {
			t.Helper()
			for _, q := range []string{`SELECT count(*) FROM posts WHERE text LIKE $1 OR body LIKE $1`,
				`SELECT count(*) FROM complaints WHERE text LIKE $1 OR search_text LIKE $1`,
				`SELECT count(*) FROM events WHERE note LIKE $1`} {
				var n int
				if err := m.DB.SQL().QueryRowContext(ctx, q, "%"+word+"%").Scan(&n); err != nil {
					t.Fatal(err)
				}
				if n > 0 {
					return true
				}
			}
			return false
		}
		del := func(id string) {
			req, _ := http.NewRequest("DELETE", ts.URL+"/_sim/posts/"+id, nil)
			resp, err := http.DefaultClient.Do(req)
			if err != nil || resp.StatusCode != 200 {
				t.Fatalf("delete %s: %v, %v", id, resp, err)
			}
			resp.Body.Close()
		}

		// Deleted on X; the check runs a compliance job.
		del(ids["ramesh_lko"])
		del(ids["sita_v"])
		res, err := m.Compliance.Run(ctx)
		if err != nil || res.Redacted != 2 || res.Lookup {
			t.Fatalf("compliance = %+v, %v", res, err)
		}
		if held("Zebracrossing") || held("Quetzalfeather") || !held("Vermilionkite") {
			t.Fatal("the wrong posts were redacted")
		}
		c, err := m.DB.FindComplaint(ctx, code["ramesh_lko"], shikayat.SystemScope())
		if err != nil || c.Text != "" || c.AuthorUsername != "" || c.Stage == "" || len(c.Media) != 0 {
			t.Fatalf("redacted complaint %+v, %v", c, err)
		}
		// The redaction is recorded; the acknowledgement still waiting
		// may be given up after it (its turn to send finds the post
		// redacted), so it need not be the last event.
		var redaction *shikayat.Event
		for _, e := range c.Events {
			if e.Action == "redacted" {
				redaction = e
			}
		}
		if redaction == nil || redaction.Detail["reason"] != "deleted_on_x" {
			t.Fatalf("the trail does not record the redaction: %+v", redaction)
		}
		if status, out, errs := runCmd(t, "", "audit", "verify", "--db", m.Config.DB); status != 0 {
			t.Fatalf("audit verify after redaction: %d %s %s", status, out, errs)
		}

		// X refuses compliance jobs: the posts are looked up instead.
		sim.SetComplianceForbidden(true)
		del(ids["anil_k"])
		if res, err := m.Compliance.Run(ctx); err != nil || res.Redacted != 1 || !res.Lookup {
			t.Fatalf("compliance by lookup = %+v, %v", res, err)
		}
		if held("Vermilionkite") {
			t.Fatal("the post deleted on X was not redacted by the lookup")
		}

		// A later poll (its overlap re-reads the recent mentions) brings
		// nothing back.
		if err := m.Poller.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if held("Zebracrossing") || held("Quetzalfeather") || held("Vermilionkite") {
			t.Fatal("a later poll brought a redacted post back")
		}

		// The privacy command: export, then erase (the complaint is open).
		status, out, errs := runCmd(t, "", "privacy", "export", "--db", m.Config.DB, "--author", "@meera_k")
		var p struct {
			AuthorIDs []string `json:"author_ids"`
			Posts     []struct{ Text string }
		}
		if status != 0 || json.Unmarshal([]byte(out), &p) != nil || len(p.AuthorIDs) != 1 || len(p.Posts) != 1 || !strings.Contains(p.Posts[0].Text, "Ultramarinebox") {
			t.Fatalf("privacy export = %d %s %s", status, out, errs)
		}
		if status, _, errs := runCmd(t, "", "privacy", "erase", "--db", m.Config.DB, "--author", "meera_k", "--requested-by", "DPO ticket 7"); status == 0 || !strings.Contains(errs, "open") {
			t.Fatalf("erasure of an open complaint: %d %s", status, errs)
		}
		if status, out, errs := runCmd(t, "", "privacy", "erase", "--db", m.Config.DB, "--author", "meera_k", "--requested-by", "DPO ticket 7", "--force"); status != 0 || !strings.Contains(out, code["meera_k"]) {
			t.Fatalf("privacy erase = %d %s %s", status, out, errs)
		}
		if held("Ultramarinebox") || held("meera_k") {
			t.Fatal("erasure left the person's words or handle")
		}
		// No copy anywhere: every table, River's job arguments and errors
		// included; and none of the posts deleted on X. River holds the
		// acknowledgement jobs of the complaints.
		var ackJobs int
		if err := m.DB.SQL().QueryRowContext(ctx, `SELECT count(*) FROM river_job WHERE kind = 'acknowledge'`).Scan(&ackJobs); err != nil || ackJobs < 4 {
			t.Fatalf("River holds %d acknowledgement jobs, want 4: %v", ackJobs, err)
		}
		for _, s := range []string{"Ultramarinebox", "meera_k", "Zebracrossing", "Quetzalfeather", "Vermilionkite"} {
			if found := columnsHolding(t, m.DB, s); len(found) > 0 {
				where := strings.SplitN(strings.Fields(found[0])[0], ".", 2)
				t.Errorf("%q is still held in %v, e.g. %s", s, found, rowsHolding(m.DB.SQL(), where[0], where[1], s))
			}
		}
		if err := m.Poller.PollOnce(ctx); err != nil {
			t.Fatal(err)
		}
		if held("Ultramarinebox") {
			t.Fatal("a later poll brought an erased post back")
		}
		if status, out, errs := runCmd(t, "", "audit", "verify", "--db", m.Config.DB); status != 0 {
			t.Fatalf("audit verify after erasure: %d %s %s", status, out, errs)
		}
	})
}
