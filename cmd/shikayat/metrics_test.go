package main

import (
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// /metrics tells what the desk did: posts by record kind, complaints by
// stage and class, replies by state, triage time and X's rate limits.
func TestMetricsCountWhatHappened(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := fastSim() // X's own limits on look-ups would slow the test
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		m := startDesk(t, dsn(), ts.URL)
		// The first reply meets a 429 and waits for X's window.
		if err := sim.SetFault(xsim.Fault{Endpoint: "create_post", Kind: xsim.Fault429, Count: 1, ResetSeconds: 1}); err != nil {
			t.Fatal(err)
		}
		id := x.mention(map[string]string{"username": "sunita_knp", "text": "@Uppolice कानपुर के किदवई नगर में कल रात मेरा मोबाइल चोरी हो गया, कृपया FIR दर्ज करके मदद करें"})
		x.mention(map[string]string{"username": "fan", "text": "@Uppolice thank you for the quick help yesterday"})
		x.waitReplies(id, 1)

		value := func(body, metric string) float64 {
			re := regexp.MustCompile(`(?m)^` + regexp.QuoteMeta(metric) + ` (\S+)$`)
			m := re.FindStringSubmatch(body)
			if m == nil {
				return -1
			}
			v, _ := strconv.ParseFloat(m[1], 64)
			return v
		}
		var body string
		deadline := time.Now().Add(20 * time.Second)
		for {
			resp, err := http.Get("http://" + m.Addr + "/metrics")
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			body = string(b)
			if value(body, `shikayat_replies_total{state="sent"}`) == 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("no sent reply in /metrics:\n%.4000s", body)
			}
			time.Sleep(200 * time.Millisecond)
		}
		for metric, want := range map[string]float64{
			`shikayat_posts_total{kind="complaint"}`:                       1,
			`shikayat_posts_total{kind="non_actionable"}`:                  1,
			`shikayat_x_rate_limit_waits_total{endpoint="POST /2/tweets"}`: 1,
			`shikayat_review_queue`:                                        0,
			`shikayat_sla_events_total{kind="warning"}`:                    0,
			`shikayat_sla_events_total{kind="breach"}`:                     0,
			`shikayat_sla_events_total{kind="escalation"}`:                 0,
			`shikayat_complaints{class="immediate",stage="closed"}`:        0,
		} {
			if got := value(body, metric); got != want {
				t.Errorf("%s = %v, want %v\n%s", metric, got, want, regexp.MustCompile(`(?m)^shikayat_x.*$`).FindAllString(body, -1))
			}
		}
		if got := value(body, "shikayat_triage_seconds_count"); got < 2 {
			t.Errorf("shikayat_triage_seconds_count = %v, want 2 or more", got)
		}
		open := 0.0
		for _, st := range []string{"received", "forwarded"} {
			for _, cl := range []string{"", "immediate", "mid_term", "long_term"} {
				open += max(0, value(body, `shikayat_complaints{class="`+cl+`",stage="`+st+`"}`))
			}
		}
		if open != 1 {
			t.Errorf("%v open complaints in shikayat_complaints, want 1", open)
		}
	})
}
