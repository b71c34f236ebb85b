package intake

import (
	"context"
	"log/slog"
	"strings"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
)

// streamRuleTag marks the filtered-stream rule the desk keeps.
const streamRuleTag = "shikayat-mentions"

// runStream holds X's filtered stream open (X allows one connection, so
// only the lease holder does) and records each post as it arrives, until
// ctx ends. Polling goes on beside it and catches whatever the stream
// misses while it reconnects.
func (p *Poller) runStream(ctx context.Context) {
	log := p.Logger.With(slog.String("intake", "stream"))
	rule := "@" + p.Account
	rules, err := p.X.StreamRules(ctx)
	if err != nil {
		log.Error("filtered stream: read rules", slog.Any("error", err))
		return
	}
	have := false
	for _, r := range rules {
		if strings.EqualFold(r.Value, rule) {
			have = true
		}
	}
	if !have {
		if _, err := p.X.AddStreamRules(ctx, xapi.StreamRule{Value: rule, Tag: streamRuleTag}); err != nil {
			log.Error("filtered stream: add rule", slog.Any("error", err))
			return
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
	if err != nil && ctx.Err() == nil {
		log.Error("filtered stream ended", slog.Any("error", err))
	}
}
