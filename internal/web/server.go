// Package web is shikayat's HTTP face: health and readiness for operators,
// Prometheus metrics, and (as the desk grows) the staff pages, the staff API
// and the public tracking pages.
package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
)

// Check is one readiness check: nil when the part it checks is ready.
//
// /readyz answers 503 only when a check without Warn fails: this node
// cannot serve (its database is down). Warnings (X trouble, say) are
// reported in the body with 200, so that a load balancer does not drop
// every node at once for something no node can mend. The body gives each
// check a short public reason — "ok", the message of a domain error
// (shikayat.Errorf) in Run's error, or "unavailable" — and the log gets
// the error's detail, which may name hosts, users and databases.
type Check struct {
	Name string
	Run  func(ctx context.Context) error
	// Warn marks a check that is reported but does not make the node unready:
	// the desk still works without it (X credentials, say).
	Warn bool
}

// reason is the public reason for a failed check: a domain error's
// message, or "unavailable".
func reason(err error) string {
	var e *shikayat.Error
	if errors.As(err, &e) && e.Message != "" {
		return e.Message
	}
	return "unavailable"
}

// Server serves shikayat over HTTP.
type Server struct {
	Logger   *slog.Logger
	Registry *prometheus.Registry
	// Ready lists what must work before the node takes traffic.
	Ready []Check

	mux      *http.ServeMux
	requests *prometheus.CounterVec
	// failing holds the detail last logged for each failing check, so
	// that a check failing the same way is logged once, not at every probe.
	failingMu sync.Mutex
	failing   map[string]string
	duration  *prometheus.HistogramVec
	// masks masks the public notes this server shows (MaskNote).
	masks NoteMasks
}

// MaskNote masks the contacts in a public note, from the server's cache
// (NoteMasks): for tracking answers and for the Open311 handler mounted
// on the server.
func (s *Server) MaskNote(note string) string { return s.masks.Mask(note) }

// NewServer makes a server with its metrics registered on reg.
func NewServer(logger *slog.Logger, reg *prometheus.Registry) *Server {
	s := &Server{Logger: logger, Registry: reg, mux: http.NewServeMux()}
	s.requests = prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "shikayat_http_requests_total", Help: "HTTP requests by route and status code.",
	}, []string{"route", "code"})
	s.duration = prometheus.NewHistogramVec(prometheus.HistogramOpts{
		Name: "shikayat_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: prometheus.DefBuckets,
	}, []string{"route"})
	reg.MustRegister(s.requests, s.duration,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))

	s.Handle("GET /healthz", http.HandlerFunc(s.handleHealth))
	s.Handle("GET /readyz", http.HandlerFunc(s.handleReady))
	s.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{Registry: reg}))
	return s
}

// Handle registers h for pattern, with request ids, logging and metrics.
func (s *Server) Handle(pattern string, h http.Handler) {
	s.mux.Handle(pattern, s.instrument(pattern, h))
}

// ServeHTTP serves a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

type ctxKey int

const requestIDKey ctxKey = 0

// RequestID returns the id given to the request in ctx.
func RequestID(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}

type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (s *Server) instrument(route string, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := r.Header.Get("X-Request-Id")
		if id == "" || len(id) > 64 {
			var b [8]byte
			rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		r = r.WithContext(context.WithValue(r.Context(), requestIDKey, id))
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		if sw.code == 0 {
			sw.code = http.StatusOK
		}
		elapsed := time.Since(start)
		s.requests.WithLabelValues(route, strconv.Itoa(sw.code)).Inc()
		s.duration.WithLabelValues(route).Observe(elapsed.Seconds())
		level := slog.LevelDebug
		if sw.code >= 500 {
			level = slog.LevelError
		}
		s.Logger.LogAttrs(r.Context(), level, "request",
			slog.String("request_id", id), slog.String("method", r.Method),
			slog.String("path", r.URL.Path), slog.Int("status", sw.code),
			slog.Duration("elapsed", elapsed))
	})
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func (s *Server) handleReady(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	checks := map[string]string{}
	code := http.StatusOK
	for _, c := range s.Ready {
		err := c.Run(ctx)
		s.noteCheck(r.Context(), c, err)
		if err != nil {
			checks[c.Name] = reason(err)
			if !c.Warn {
				code = http.StatusServiceUnavailable
			}
		} else {
			checks[c.Name] = "ok"
		}
	}
	status := "ready"
	if code != http.StatusOK {
		status = "not ready"
	}
	writeJSON(w, code, map[string]any{"status": status, "checks": checks})
}

// noteCheck logs a check's failure with its detail when it starts failing
// or fails differently, and its recovery.
func (s *Server) noteCheck(ctx context.Context, c Check, err error) {
	detail := ""
	if err != nil {
		detail = err.Error()
	}
	s.failingMu.Lock()
	if s.failing == nil {
		s.failing = map[string]string{}
	}
	last := s.failing[c.Name]
	if detail == "" {
		delete(s.failing, c.Name)
	} else {
		s.failing[c.Name] = detail
	}
	s.failingMu.Unlock()
	switch {
	case detail == last:
	case detail == "":
		s.Logger.InfoContext(ctx, "readiness check passes again", slog.String("check", c.Name))
	case c.Warn:
		s.Logger.WarnContext(ctx, "readiness check failing", slog.String("check", c.Name), slog.String("error", detail))
	default:
		s.Logger.ErrorContext(ctx, "readiness check failing: this node cannot serve", slog.String("check", c.Name), slog.String("error", detail))
	}
}

func writeJSON(w http.ResponseWriter, code int, v any) { api.WriteJSON(w, code, v) }

// Error writes err as the API's error object (the api package maps codes to
// status codes), logging internal errors with the request id.
func (s *Server) Error(w http.ResponseWriter, r *http.Request, err error) {
	api.WriteError(w, r, s.Logger.With(slog.String("request_id", RequestID(r.Context()))), err)
}

// WithRequestIDs returns a logger that adds the request id of the context
// it is given (the …Context methods) to every record, for the packages the
// server mounts.
func WithRequestIDs(l *slog.Logger) *slog.Logger {
	return slog.New(requestIDHandler{l.Handler()})
}

type requestIDHandler struct{ slog.Handler }

func (h requestIDHandler) Handle(ctx context.Context, r slog.Record) error {
	if id := RequestID(ctx); id != "" {
		r.AddAttrs(slog.String("request_id", id))
	}
	return h.Handler.Handle(ctx, r)
}

func (h requestIDHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	return requestIDHandler{h.Handler.WithAttrs(attrs)}
}

func (h requestIDHandler) WithGroup(name string) slog.Handler {
	return requestIDHandler{h.Handler.WithGroup(name)}
}
