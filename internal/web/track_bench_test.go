package web_test

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/throttle"
	"github.com/shikayat/shikayat/internal/web"
)

// BenchmarkTrackJSON measures a tracking lookup (GET /api/v1/track/{code})
// in process, with the lookup limit on (clients spread over 10,000
// addresses, as many citizens are) and off, beside a bare handler that
// answers a fixed JSON.
func BenchmarkTrackJSON(b *testing.B) {
	bare := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"code":"UP26-7K3QM9XD4P","status":"open","stage":"received"}`))
	})
	run := func(b *testing.B, h http.Handler, target string) {
		var n atomic.Int64
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				i := n.Add(1)
				r := httptest.NewRequest("GET", target, nil)
				r.RemoteAddr = fmt.Sprintf("10.%d.%d.1:4000", i%100, i/100%100)
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, r)
				if rec.Code != http.StatusOK {
					b.Fatalf("%s = %d", target, rec.Code)
				}
			}
		})
	}
	b.Run("bare", func(b *testing.B) { run(b, bare, "/") })
	for _, engine := range storetest.Engines() {
		f := newDesk(b, storetest.DSN(b, engine), "http://desk.example")
		code := f.codes["district:162"]
		for _, limit := range []bool{false, true} {
			b.Run(fmt.Sprintf("%s/limit=%v", engine, limit), func(b *testing.B) {
				tr := &web.Tracker{Store: f.db, Server: f.srv}
				if limit {
					tr.Limit = &throttle.Lookups{Rate: 1e9, Burst: 1e9}
				}
				mux := http.NewServeMux()
				mux.HandleFunc("GET /api/v1/track/{code}", tr.JSON)
				run(b, mux, "/api/v1/track/"+code)
			})
		}
	}
}

// BenchmarkTrackMiss measures, in process and one at a time, a tracking
// lookup (page and JSON) that the store answers afresh: its clock moves
// past TrackFor before each request, so every lookup reads the database and
// renders anew (TrackingLoad's json-miss and page-miss without the HTTP
// client and the other goroutines).
//
//	go test -run X -bench TrackMiss -benchmem ./internal/web/
func BenchmarkTrackMiss(b *testing.B) {
	for _, engine := range storetest.Engines() {
		f := newDesk(b, storetest.DSN(b, engine), "http://desk.example")
		code := f.codes["district:162"]
		for _, target := range []string{"/t/" + code + "?lang=hi", "/api/v1/track/" + code} {
			name := "page"
			if target[1] == 'a' {
				name = "json"
			}
			b.Run(engine+"/"+name, func(b *testing.B) {
				b.ReportAllocs()
				for range b.N {
					f.clock.Add(store.DefaultTrackFor + time.Second)
					r := httptest.NewRequest("GET", target, nil)
					rec := httptest.NewRecorder()
					f.srv.ServeHTTP(rec, r)
					if rec.Code != http.StatusOK {
						b.Fatalf("%s = %d", target, rec.Code)
					}
				}
			})
		}
	}
}
