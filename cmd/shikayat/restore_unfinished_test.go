package main

import (
	"context"
	"io"
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/backup"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// serve refuses a database a restore loaded and never marked: its posts
// after the copy would be answered again without looking on X first.
func TestServeRefusesUnfinishedRestore(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		from, into := dsn(), dsn()
		db, err := store.Open(ctx, from, store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		db.Close()
		file := filepath.Join(t.TempDir(), "copy.backup")
		if err := backup.Backup(ctx, from, file); err != nil {
			t.Fatal(err)
		}
		if err := backup.Restore(ctx, into, file, false); err != nil { // and the mark never comes
			t.Fatal(err)
		}
		ts := httptest.NewServer(fastSim())
		defer ts.Close()
		m := NewMain()
		m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", into, ts.URL
		m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
		m.Config.IntakeLease = 30 * time.Second
		if err := m.Config.Validate(); err != nil {
			t.Fatal(err)
		}
		m.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
		err = m.Run(ctx)
		cctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		m.Close(cctx)
		if err == nil || !strings.Contains(err.Error(), "restore") {
			t.Fatalf("serve started on a half-restored database: %v", err)
		}
	})
}
