package intake

import (
	"context"
	"fmt"
	"log/slog"
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
	rule := "@" + p.Account
	rules, err := p.X.StreamRules(ctx)
	if err != nil {
		return fmt.Errorf("read rules: %w", err)
	}
	have := false
	for _, r := range rules {
		if strings.EqualFold(r.Value, rule) {
			have = true
		}
	}
	if !have {
		if _, err := p.X.AddStreamRules(ctx, xapi.StreamRule{Value: rule, Tag: streamRuleTag}); err != nil {
			return fmt.Errorf("add rule: %w", err)
		}
	}
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
