// Package metrics is what shikayat tells Prometheus beyond HTTP: counts
// read from the database at each scrape (the same on every node that shares
// it: aggregate them across instances with max, not sum), how long triage
// takes, and how often X held the desk back with its rate limits.
package metrics

import (
	"context"
	"log/slog"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// Tallier is where the database counts come from.
type Tallier interface {
	Tally(ctx context.Context) (*store.Tallies, error)
}

// Collector reports the database's counts at each scrape.
type Collector struct {
	DB     Tallier
	Logger *slog.Logger

	posts, complaints, replies, review, sla *prometheus.Desc
}

// NewCollector returns a collector over db.
func NewCollector(db Tallier, logger *slog.Logger) *Collector {
	return &Collector{
		DB: db, Logger: logger,
		posts: prometheus.NewDesc("shikayat_posts_total",
			"Posts recorded, by record kind (complaint, attachment, held, non_actionable, staff, unreadable, …).", []string{"kind"}, nil),
		complaints: prometheus.NewDesc("shikayat_complaints",
			"Complaints now, by stage and class (the one set by a person, else triage's).", []string{"stage", "class"}, nil),
		replies: prometheus.NewDesc("shikayat_replies_total",
			"Replies to citizens, by state (pending, sending, sent, failed).", []string{"state"}, nil),
		sla: prometheus.NewDesc("shikayat_sla_events_total",
			"SLA events recorded on the trail, by kind (warning, breach, escalation).", []string{"kind"}, nil),
		review: prometheus.NewDesc("shikayat_review_queue",
			"Posts held for review, waiting for a person to make them complaints or not.", nil, nil),
	}
}

// Describe implements prometheus.Collector.
func (c *Collector) Describe(ch chan<- *prometheus.Desc) {
	ch <- c.posts
	ch <- c.complaints
	ch <- c.replies
	ch <- c.review
	ch <- c.sla
}

// Collect implements prometheus.Collector.
func (c *Collector) Collect(ch chan<- prometheus.Metric) {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	t, err := c.DB.Tally(ctx)
	if err != nil {
		if c.Logger != nil {
			c.Logger.Warn("metrics: cannot count from the database", slog.Any("error", err))
		}
		ch <- prometheus.NewInvalidMetric(c.posts, err)
		return
	}
	for kind, n := range t.Posts {
		ch <- prometheus.MustNewConstMetric(c.posts, prometheus.CounterValue, float64(n), kind)
	}
	for _, st := range shikayat.Stages {
		for _, cl := range append([]shikayat.Class{""}, shikayat.Classes...) {
			n := t.Complaints[[2]string{string(st), string(cl)}]
			ch <- prometheus.MustNewConstMetric(c.complaints, prometheus.GaugeValue, float64(n), string(st), string(cl))
		}
	}
	for state, n := range t.Replies {
		ch <- prometheus.MustNewConstMetric(c.replies, prometheus.CounterValue, float64(n), state)
	}
	ch <- prometheus.MustNewConstMetric(c.review, prometheus.GaugeValue, float64(t.Held))
	for _, kind := range []string{"warning", "breach", "escalation"} {
		ch <- prometheus.MustNewConstMetric(c.sla, prometheus.CounterValue, float64(t.SLAEvents[kind]), kind)
	}
}

// TimedTriager observes how long each triage takes.
type TimedTriager struct {
	shikayat.Triager
	Seconds prometheus.Histogram
}

// NewTimedTriager wraps t and registers shikayat_triage_seconds on reg.
func NewTimedTriager(t shikayat.Triager, reg prometheus.Registerer) *TimedTriager {
	h := prometheus.NewHistogram(prometheus.HistogramOpts{
		Name: "shikayat_triage_seconds", Help: "Time to triage one post.",
		Buckets: prometheus.ExponentialBuckets(0.00005, 2, 14), // 50 µs … 0.4 s
	})
	reg.MustRegister(h)
	return &TimedTriager{Triager: t, Seconds: h}
}

// Triage implements shikayat.Triager.
func (t *TimedTriager) Triage(ctx context.Context, p *shikayat.Post) (shikayat.Triage, error) {
	start := time.Now()
	r, err := t.Triager.Triage(ctx, p)
	t.Seconds.Observe(time.Since(start).Seconds())
	return r, err
}

// RateLimitWaits counts X's answers that make the desk wait: 429 Too Many
// Requests, by endpoint path.
type RateLimitWaits struct {
	Next  http.RoundTripper
	Count *prometheus.CounterVec
}

// NewRateLimitWaits wraps next (http.DefaultTransport when nil) and
// registers shikayat_x_rate_limit_waits_total on reg.
func NewRateLimitWaits(next http.RoundTripper, reg prometheus.Registerer) *RateLimitWaits {
	if next == nil {
		next = http.DefaultTransport
	}
	c := prometheus.NewCounterVec(prometheus.CounterOpts{
		Name: "shikayat_x_rate_limit_waits_total",
		Help: "Times X answered 429 (rate limited) and the desk had to wait, by endpoint.",
	}, []string{"endpoint"})
	reg.MustRegister(c)
	return &RateLimitWaits{Next: next, Count: c}
}

// RoundTrip implements http.RoundTripper.
func (t *RateLimitWaits) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := t.Next.RoundTrip(r)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		t.Count.WithLabelValues(r.Method + " " + endpointOf(r.URL.Path)).Inc()
	}
	return resp, err
}

// endpointOf names an X API path without its ids, so labels stay few:
// /2/users/123/mentions → /2/users/:id/mentions.
func endpointOf(path string) string {
	out := make([]byte, 0, len(path))
	seg := 0
	for i := 0; i <= len(path); i++ {
		if i == len(path) || path[i] == '/' {
			s := path[seg:i]
			if len(s) > 4 && allDigits(s) { // ids, not the version "2"
				s = ":id"
			}
			out = append(out, s...)
			if i < len(path) {
				out = append(out, '/')
			}
			seg = i + 1
		}
	}
	return string(out)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
