// Package migrations holds the store's schema migrations, one directory per
// engine ("postgres", "sqlite"), applied in order by goose: the store runs
// them at Open, and tests build their template databases from them.
package migrations

import "embed"

// FS holds the migrations: postgres/NNNNN_name.sql and sqlite/NNNNN_name.sql.
//
//go:embed postgres/*.sql sqlite/*.sql
var FS embed.FS
