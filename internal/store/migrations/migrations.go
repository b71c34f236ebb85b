// Package migrations holds the store's schema migrations, one directory per
// engine ("postgres", "sqlite"), applied in order by goose: the store runs
// them at Open, and tests build their template databases from them.
package migrations

import (
	"database/sql"
	"embed"
	"io/fs"

	"github.com/pressly/goose/v3"
)

// FS holds the migrations: postgres/NNNNN_name.sql and sqlite/NNNNN_name.sql.
//
//go:embed postgres/*.sql sqlite/*.sql
var FS embed.FS

// Provider returns goose's provider of engine's migrations ("postgres" or
// "sqlite") on db.
func Provider(db *sql.DB, engine string) (*goose.Provider, error) {
	sub, err := fs.Sub(FS, engine)
	if err != nil {
		return nil, err
	}
	dialect := goose.DialectSQLite3
	if engine == "postgres" {
		dialect = goose.DialectPostgres
	}
	return goose.NewProvider(dialect, db, sub)
}
