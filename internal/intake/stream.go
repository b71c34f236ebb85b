package intake

import (
	"context"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
)

// streamRuleTag marks the filtered-stream rule the desk keeps.
const streamRuleTag = "shikayat-mentions"

// runStream holds X's filtered stream open (X allows one connection, so
// only the lease holder does) and records each post as it arrives, until
// ctx ends. When the rules cannot be read or set, or the stream ends with
// an error, it tries again with back-off (1 s, doubling, at most 5 minutes,
// and never before a rate limit's reset). Polling goes on beside it and
// catches whatever the stream misses meanwhile.
func (p *Poller) runStream(ctx context.Context) {
	log := p.Logger.With(slog.String("intake", "stream"))
	const first, most = time.Second, 5 * time.Minute
	wait := first
	for {
		began := p.Now()
		err := p.streamOnce(ctx, log)
		if ctx.Err() != nil {
			return
		}
		if p.Now().Sub(began) > most {
			wait = first // it ran a good while: start the back-off again
		}
		d := wait
		if reset, limited := xapi.IsRateLimited(err); limited && !reset.IsZero() {
			d = max(d, reset.Sub(p.Now())+time.Second)
		}
		log.Error("filtered stream: trying again", slog.Any("error", err), slog.Duration("retry_in", d))
		t := time.NewTimer(d)
		select {
		case <-ctx.Done():
			t.Stop()
			return
		case <-t.C:
		}
		wait = min(wait*2, most)
	}
}

// streamOnce makes sure the desk's rule is set and holds the stream open
// until it ends.
func (p *Poller) streamOnce(ctx context.Context, log *slog.Logger) error {
	want := p.streamRules()
	rules, err := p.X.StreamRules(ctx)
	if err != nil {
		return fmt.Errorf("read rules: %w", err)
	}
	var add []xapi.StreamRule
	for _, w := range want {
		if !slices.ContainsFunc(rules, func(r xapi.StreamRule) bool { return strings.EqualFold(r.Value, w) }) {
			add = append(add, xapi.StreamRule{Value: w, Tag: streamRuleTag})
		}
	}
	if len(add) > 0 {
		if _, err := p.X.AddStreamRules(ctx, add...); err != nil {
			return fmt.Errorf("add rules: %w", err)
		}
	}
	// The desk's rules that no longer cover a configured account go.
	var stale []string
	for _, r := range rules {
		if r.Tag == streamRuleTag && !slices.ContainsFunc(want, func(w string) bool { return strings.EqualFold(r.Value, w) }) {
			stale = append(stale, r.ID)
		}
	}
	if len(stale) > 0 {
		if err := p.X.DeleteStreamRules(ctx, stale...); err != nil {
			return fmt.Errorf("delete stale rules: %w", err)
		}
	}
	rule := strings.Join(want, " | ")
	log.Info("filtered stream: connecting", slog.String("rule", rule))
	err = p.X.Stream(ctx, func(ctx context.Context, sp xapi.StreamPost) error {
		if err := p.Deliver(ctx, []shikayat.Post{sp.Post}); err != nil {
			// Polling records it later; the stream goes on.
			log.Warn("filtered stream: record post", slog.String("post_id", sp.Post.ID), slog.Any("error", err))
		}
		return nil
	})
	if err == nil {
		err = fmt.Errorf("the stream ended")
	}
	return fmt.Errorf("stream: %w", err)
}
