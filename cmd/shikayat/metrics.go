package main

import (
	"context"
	"math"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat/internal/jobs"
)

// registerReplyMetrics adds the gauges of the replies that wait and fail,
// read from the database at each scrape (every node shows the same).
func registerReplyMetrics(reg *prometheus.Registry, q *jobs.Queue) {
	gauge := func(name, help string, read func(ctx context.Context) (float64, error)) {
		reg.MustRegister(prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: name, Help: help}, func() float64 {
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			v, err := read(ctx)
			if err != nil {
				return math.NaN()
			}
			return v
		}))
	}
	gauge("shikayat_replies_waiting",
		"Replies to citizens not yet sent nor given up that have waited longer than --reply-wait-alert.",
		func(ctx context.Context) (float64, error) {
			n, err := q.CountWaiting(ctx)
			return float64(n), err
		})
	gauge("shikayat_reply_oldest_wait_seconds",
		"How long the reply to a citizen waiting longest (not yet sent nor given up) has waited; 0 when none waits.",
		func(ctx context.Context) (float64, error) {
			rep, err := q.Waiting(ctx, 0)
			return rep.Oldest.Seconds(), err
		})
	gauge("shikayat_replies_unverified",
		"Replies to citizens not to be sent again whose post was not seen on X (given up while a try's outcome was unknown, or called a duplicate by X): looked for on X, or waiting for a person.",
		func(ctx context.Context) (float64, error) {
			rep, err := q.Unverified(ctx, 0)
			return float64(rep.Count), err
		})
	gauge("shikayat_replies_failed",
		"Replies to citizens that failed: refused by X for good, or given up.",
		func(ctx context.Context) (float64, error) {
			n, err := q.CountFailed(ctx)
			return float64(n), err
		})
}
