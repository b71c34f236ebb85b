package main

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// columnsHolding names every column of every table in the database, River's
// included, that holds needle in any case (as text: JSON, arrays and bytes
// cast; both sides lower-cased, so folded copies such as search_text count), with
// how many rows; the internals of SQLite's full-text indexes aside.
func columnsHolding(t *testing.T, db *store.DB, needle string) []string {
	t.Helper()
	ctx := context.Background()
	q := `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'
			AND m.name NOT GLOB '*_fts_data' AND m.name NOT GLOB '*_fts_idx'
			AND m.name NOT GLOB '*_fts_docsize' AND m.name NOT GLOB '*_fts_config' AND m.name NOT GLOB '*_fts_content'
		ORDER BY m.name, p.cid`
	match := `SELECT count(*) FROM %q WHERE instr(lower(CAST(%q AS TEXT)), lower($1)) > 0`
	if db.Engine() == store.Postgres {
		q = `SELECT table_name, column_name FROM information_schema.columns
			WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`
		match = `SELECT count(*) FROM %q WHERE position(lower(CAST($1 AS text)) in lower(CAST(%q AS text))) > 0`
	}
	rows, err := db.SQL().QueryContext(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	type col struct{ table, name string }
	var cols []col
	var tables []string
	for rows.Next() {
		var c col
		if err := rows.Scan(&c.table, &c.name); err != nil {
			t.Fatal(err)
		}
		cols = append(cols, c)
		tables = append(tables, c.table)
	}
	rows.Close()
	if !slices.Contains(tables, "river_job") || !slices.Contains(tables, "posts") {
		t.Fatalf("the scan does not reach River's and the desk's tables: %v", slices.Compact(tables))
	}
	var found []string
	for _, c := range cols {
		var n int
		if err := db.SQL().QueryRowContext(ctx, fmt.Sprintf(match, c.table, c.name), needle).Scan(&n); err != nil {
			t.Fatalf("%s.%s: %v", c.table, c.name, err)
		}
		if n > 0 {
			found = append(found, fmt.Sprintf("%s.%s (%d rows)", c.table, c.name, n))
		}
	}
	return found
}

// rowsHolding prints the rows of table whose column holds needle, for a
// failure message.
func rowsHolding(db *sql.DB, table, column, needle string) string {
	rows, err := db.Query(fmt.Sprintf(`SELECT CAST(%q AS TEXT) FROM %q`, column, table))
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s sql.NullString
		if rows.Scan(&s) == nil && strings.Contains(strings.ToLower(s.String), strings.ToLower(needle)) {
			out = append(out, s.String)
		}
	}
	return strings.Join(out, "\n")
}

// TestScanFindsFoldedCopies: the scan compares in one case, so a folded
// (lower-case) copy of an erased word, as complaints.search_text keeps it,
// is found whatever the case the word is looked for in.
func TestScanFindsFoldedCopies(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db, err := store.Open(ctx, dsn(), store.Options{AfterMigrate: jobs.Migrate})
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if _, err := db.SQL().ExecContext(ctx, `CREATE TABLE folded_copy (t TEXT)`); err != nil {
			t.Fatal(err)
		}
		if _, err := db.SQL().ExecContext(ctx, `INSERT INTO folded_copy VALUES ('my purse was stolen ultramarinebox @meera_k')`); err != nil {
			t.Fatal(err)
		}
		for _, word := range []string{"Ultramarinebox", "ultramarinebox", "ULTRAMARINEBOX"} {
			if found := columnsHolding(t, db, word); !slices.Contains(found, "folded_copy.t (1 rows)") {
				t.Errorf("the scan for %q finds %v, want the folded copy", word, found)
			}
		}
	})
}
