package main

import (
	"context"
	"log/slog"
	"time"

	"github.com/shikayat/shikayat/internal/store"
)

// slaRefreshEvery is how old the closing periods a node uses may be:
// another node's --sla-change reaches every running node within it.
const slaRefreshEvery = time.Minute

// followSLA re-reads the stored closing periods every slaRefreshEvery until
// ctx ends, so that new deadlines use them (store.DB.RefreshSLA), and warns
// once each time they come to differ from this node's own flags.
func (m *Main) followSLA(ctx context.Context, db *store.DB) {
	t := time.NewTicker(slaRefreshEvery)
	defer t.Stop()
	warned := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		differs, err := db.RefreshSLA(ctx)
		switch {
		case err != nil:
			if ctx.Err() == nil {
				m.Logger.Warn("cannot re-read the stored SLA periods", slog.String("error", err.Error()))
			}
		case differs && !warned:
			m.Logger.Warn("another node changed the closing deadlines (--sla-change): this node uses the stored ones, not its own --sla-* flags; restart it with the stored ones")
		}
		if err == nil {
			warned = differs
		}
	}
}
