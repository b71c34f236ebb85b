package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xsim"
)

// BenchmarkAccounts76 runs the desk with 76 police accounts (the state's
// and one per district) against xsim, with X's own rate limits, while
// citizens post one complaint a second spread across the accounts (a
// third tag the state account too). It reports the requests per minute the
// desk makes to X, the posts X sends it per minute (X bills reads per
// post) and the delay from a post to its acknowledgement. "poll" polls
// every account every 15 s with a user token each; "stream" holds the
// filtered stream open, with polling every 5 minutes as the safety net.
// SHIKAYAT_BENCH_POSTS sets how many posts (default 180: three minutes).
//
//	go test -run X -bench Accounts76 -benchtime 1x ./cmd/shikayat/
func BenchmarkAccounts76(b *testing.B) {
	posts := 180
	if v, err := strconv.Atoi(os.Getenv("SHIKAYAT_BENCH_POSTS")); err == nil && v > 0 {
		posts = v
	}
	for _, mode := range []string{"poll", "stream"} {
		b.Run(mode, func(b *testing.B) {
			for range b.N {
				benchAccounts(b, mode == "stream", posts)
			}
		})
	}
}

func benchAccounts(b *testing.B, stream bool, posts int) {
	var extra, lines []string
	for _, d := range shikayat.Districts()[:75] {
		name := "up" + strconv.Itoa(d.LGD) + "police"
		extra = append(extra, name)
		lines = append(lines, name+","+shikayat.DistrictUnitID(d.LGD))
	}
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: extra})
	ts := httptest.NewServer(sim)
	defer ts.Close()

	m := NewMain()
	m.Logger = discardLogger()
	m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", "sqlite:"+b.TempDir()+"/bench.db", ts.URL
	m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = "Uppolice", "UP", 1000
	m.Config.IntakeLease, m.Config.AccountsFile, m.Config.XStream = 30*time.Second, writeAccounts(b, lines...), stream
	if err := m.Config.Validate(); err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := m.Run(ctx); err != nil {
		b.Fatal(err)
	}
	defer func() {
		cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		m.Close(cctx)
	}()
	// Let intake start and (in stream mode) connect before the clock runs.
	for deadline := time.Now().Add(30 * time.Second); stream && !sim.StreamConnected() && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}

	texts := []string{
		"kal raat meri bike chori ho gayi ghar ke bahar se, please FIR likhiye",
		"aaj subah meri car chori ho gayi ghar ke bahar se, please FIR likhiye",
		"mera mobile chori ho gaya market me, madad kijiye",
	}
	startReqs, startRead := totalRequests(sim), sim.PostsRead()
	b.ResetTimer()
	start := time.Now()
	var ids []string
	tick := time.NewTicker(time.Second)
	for i := range posts {
		<-tick.C
		tag := "@" + extra[i%len(extra)]
		if i%3 == 0 {
			tag = "@Uppolice " + tag
		}
		ids = append(ids, postAs(b, ts.URL, fmt.Sprintf("citizen%d", i%500), tag+" "+texts[i%len(texts)]))
	}
	tick.Stop()
	// Wait for the acknowledgements (held or non-actionable posts get none).
	var delays []time.Duration
	deadline := time.Now().Add(3 * time.Minute)
	for len(delays) < len(ids) && time.Now().Before(deadline) {
		delays = delays[:0]
		for _, id := range ids {
			if d, ok := ackDelay(sim, id); ok {
				delays = append(delays, d)
			}
		}
		if len(delays) < len(ids) {
			time.Sleep(time.Second)
		}
	}
	elapsed := time.Since(start)
	b.StopTimer()
	minutes := elapsed.Minutes()
	slices.Sort(delays)
	b.ReportMetric(float64(totalRequests(sim)-startReqs)/minutes, "x-requests/min")
	b.ReportMetric(float64(sim.PostsRead()-startRead)/minutes, "posts-read/min")
	b.ReportMetric(float64(len(delays))/float64(len(ids)), "acked/posted")
	if len(delays) > 0 {
		b.ReportMetric(delays[len(delays)/2].Seconds(), "ack-p50-s")
		b.ReportMetric(delays[len(delays)*95/100].Seconds(), "ack-p95-s")
		b.ReportMetric(delays[len(delays)-1].Seconds(), "ack-max-s")
	}
	for _, ep := range []string{"mentions", "user_tweets", "search", "user_by_username", "create_post", "stream", "rules", "rules_change"} {
		b.Logf("%s: %d requests", ep, sim.Requests(ep))
	}
}

// postAs posts a mention through xsim's control API, over HTTP.
func postAs(b *testing.B, base, user, text string) string {
	b.Helper()
	body, _ := json.Marshal(map[string]string{"username": user, "text": text})
	resp, err := http.Post(base+"/_sim/mentions", "application/json", bytes.NewReader(body))
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct{ Data struct{ ID string } }
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusCreated {
		b.Fatalf("POST /_sim/mentions = %d, %v", resp.StatusCode, err)
	}
	return out.Data.ID
}

// ackDelay is how long after the post its first reply by a police account
// came, by the ids' times (xsim's clock).
func ackDelay(sim *xsim.Server, id string) (time.Duration, bool) {
	replies := sim.Replies(id)
	if len(replies) == 0 {
		return 0, false
	}
	posted, ok1 := shikayat.SnowflakeTime(id)
	answered, ok2 := shikayat.SnowflakeTime(replies[0].ID)
	return answered.Sub(posted), ok1 && ok2
}

func totalRequests(sim *xsim.Server) int {
	n := 0
	for _, ep := range []string{"mentions", "user_tweets", "search", "user_by_username", "me", "create_post", "stream", "rules", "rules_change"} {
		n += sim.Requests(ep)
	}
	return n
}
