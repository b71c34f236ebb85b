package web_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// BenchmarkTrackingLoad drives public tracking lookups (JSON and page) over
// real HTTP with keep-alive from many goroutines, beside a bare net/http
// handler answering a fixed JSON on the same machine: the target is at
// least a third of the bare handler's rate. Each reports req/s.
//
// json and page look up 500 codes round and round, so nearly every lookup
// is answered from the store's memory of recent views (TrackFor) and the
// rendered answer kept for it: that is the rate of many citizens checking
// the same fresh complaints. json-miss and page-miss move the store's clock
// past TrackFor before each request, so every lookup reads the database
// (together with the lookups that miss beside it; the view being
// unchanged, its rendered answer is reused): the rate of lookups of codes
// nobody looked up in the last second (a crowd of distinct complaints, or
// a guesser).
//
//	go test -run X -bench TrackingLoad -benchtime 20000x ./internal/web/
func BenchmarkTrackingLoad(b *testing.B) {
	const workers = 64
	bare := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"code":"UP26-7K3QM9XD4P","status":"in_process","stage":"assigned","district":{"code":162,"name":"Lucknow","name_hi":"लखनऊ"},"class":"mid_term","updated_at":"2026-03-10T06:30:00Z","history":[]}`)
	}))
	defer bare.Close()
	b.Run("bare", func(b *testing.B) { load(b, workers, func(int) string { return bare.URL + "/track" }) })
	for _, engine := range storetest.Engines() {
		f := newDesk(b, storetest.DSN(b, engine), "http://desk.example")
		var codes []string
		for i := range 500 {
			c, _, err := f.db.CreateComplaint(context.Background(), shikayat.NewComplaint{SourcePostID: fmt.Sprint(60000 + i), Text: fmt.Sprintf("complaint %d about a stolen phone", i),
				Triage: &shikayat.Triage{Actionable: true, District: 162, Urgency: shikayat.ClassMidTerm, Confidence: 0.95}, Forward: true})
			if err != nil {
				b.Fatal(err)
			}
			codes = append(codes, c.Code)
		}
		srv := httptest.NewServer(f.srv)
		b.Run(engine+"/json", func(b *testing.B) {
			load(b, workers, func(i int) string { return srv.URL + "/api/v1/track/" + codes[i%len(codes)] })
		})
		b.Run(engine+"/page", func(b *testing.B) {
			load(b, workers, func(i int) string { return srv.URL + "/t/" + codes[i%len(codes)] + "?lang=hi" })
		})
		// Each request a second past TrackFor: no view kept is fresh.
		stale := func(url string) string { f.clock.Add(store.DefaultTrackFor + time.Second); return url }
		b.Run(engine+"/json-miss", func(b *testing.B) {
			load(b, workers, func(i int) string { return stale(srv.URL + "/api/v1/track/" + codes[i%len(codes)]) })
		})
		b.Run(engine+"/page-miss", func(b *testing.B) {
			load(b, workers, func(i int) string { return stale(srv.URL + "/t/" + codes[i%len(codes)] + "?lang=hi") })
		})
		srv.Close()
	}
}

// load sends b.N GET requests from workers goroutines over kept-alive
// connections, and reports the rate.
func load(b *testing.B, workers int, target func(i int) string) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConns: workers, MaxIdleConnsPerHost: workers}}
	defer client.CloseIdleConnections()
	var next atomic.Int64
	var failed atomic.Value
	var wg sync.WaitGroup
	cpu0 := processCPU()
	b.ResetTimer()
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				resp, err := client.Get(target(i))
				if err != nil {
					failed.Store(err.Error())
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				if resp.StatusCode != http.StatusOK {
					failed.Store(fmt.Sprintf("%s: %d", target(i), resp.StatusCode))
					return
				}
			}
		}()
	}
	wg.Wait()
	b.StopTimer()
	if v := failed.Load(); v != nil {
		b.Fatal(v)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	// The machine may be shared: the CPU this process (client and server
	// both) used per request tells more than the wall clock.
	b.ReportMetric(float64((processCPU()-cpu0).Microseconds())/float64(b.N), "cpu-µs/req")
}

// processCPU is the user and system CPU time this process has used.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
