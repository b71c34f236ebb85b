package store_test

import (
	"context"
	"path/filepath"
	"sync"
	"testing"

	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Nodes that start together on one new database all come up: they take turns
// to migrate, and none of them fails on the others' half-made schema.
func TestNodesStartingTogetherMigrateOnce(t *testing.T) {
	t.Parallel()
	storetest.EachEmpty(t, func(t *testing.T, dsn func() string) {
		d := dsn()
		const nodes = 4
		var wg sync.WaitGroup
		errs := make([]error, nodes)
		dbs := make([]*store.DB, nodes)
		for i := 0; i < nodes; i++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				dbs[i], errs[i] = store.Open(context.Background(), d, store.Options{AfterMigrate: jobs.Migrate})
			}()
		}
		wg.Wait()
		for i, err := range errs {
			if err != nil {
				t.Fatalf("node %d: %v", i, err)
			}
			defer dbs[i].Close()
		}
		var versions int
		if err := dbs[0].SQL().QueryRow(`SELECT count(*) FROM goose_db_version WHERE version_id > 0`).Scan(&versions); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob("migrations/sqlite/*.sql")
		if versions != len(files) || versions == 0 {
			t.Fatalf("%d migrations recorded, want %d", versions, len(files))
		}
	})
}
