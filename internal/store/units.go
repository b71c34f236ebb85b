package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/shikayat/shikayat"
)

// seedUnits writes the built-in tree — HQ, the default zones and ranges and
// the 75 districts — creating what is missing and refreshing names. It runs
// at every start, so a new release's table reaches old databases.
func (s *DB) seedUnits(ctx context.Context) error {
	now := ms(s.now())
	return s.withTx(ctx, func(tx *sql.Tx) error {
		hq := &shikayat.Unit{ID: shikayat.HQUnitID, Kind: shikayat.UnitState, Name: "UP Police HQ", NameHi: "उत्तर प्रदेश पुलिस मुख्यालय", Path: shikayat.HQUnitID + "/"}
		if err := upsertUnit(ctx, tx, hq, now); err != nil {
			return err
		}
		parentOf := map[int]*shikayat.Unit{}
		for _, z := range shikayat.DefaultPoliceZones {
			zone := &shikayat.Unit{ID: "zone:" + z.Zone, Kind: shikayat.UnitZone, Name: z.ZoneName, ParentID: hq.ID, Path: hq.Path + "zone:" + z.Zone + "/"}
			if err := upsertUnit(ctx, tx, zone, now); err != nil {
				return err
			}
			rng := &shikayat.Unit{ID: "range:" + z.Range, Kind: shikayat.UnitRange, Name: z.RangeName, ParentID: zone.ID, Path: zone.Path + "range:" + z.Range + "/"}
			if err := upsertUnit(ctx, tx, rng, now); err != nil {
				return err
			}
			for _, lgd := range z.Districts {
				parentOf[lgd] = rng
			}
		}
		for _, d := range shikayat.Districts() {
			parent := parentOf[d.LGD]
			if parent == nil {
				parent = hq
			}
			id := shikayat.DistrictUnitID(d.LGD)
			u := &shikayat.Unit{
				ID: id, Kind: shikayat.UnitDistrict, Name: d.Name, NameHi: d.NameHi,
				ParentID: parent.ID, Path: parent.Path + id + "/", LGD: d.LGD,
				Aliases: d.Aliases, Lat: d.Lat, Lon: d.Lon,
			}
			if err := upsertUnit(ctx, tx, u, now); err != nil {
				return err
			}
			// A district moved to another range carries its stations along.
			if _, err := tx.ExecContext(ctx, `
				UPDATE units SET path = $1 || id || '/'
				WHERE kind = 'station' AND parent_id = $2 AND path <> $1 || id || '/'`,
				u.Path, u.ID); err != nil {
				return fmt.Errorf("seed units: %w", err)
			}
		}
		return nil
	})
}

func upsertUnit(ctx context.Context, tx *sql.Tx, u *shikayat.Unit, now int64) error {
	var lat, lon sql.NullFloat64
	if u.Lat != 0 || u.Lon != 0 {
		lat = sql.NullFloat64{Float64: u.Lat, Valid: true}
		lon = sql.NullFloat64{Float64: u.Lon, Valid: true}
	}
	var parent sql.NullString
	if u.ParentID != "" {
		parent = sql.NullString{String: u.ParentID, Valid: true}
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO units (id, kind, name, name_hi, parent_id, path, lgd, aliases, lat, lon, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
		ON CONFLICT (id) DO UPDATE SET
			kind = excluded.kind, name = excluded.name, name_hi = excluded.name_hi,
			parent_id = excluded.parent_id, path = excluded.path, lgd = excluded.lgd,
			aliases = excluded.aliases, lat = excluded.lat, lon = excluded.lon,
			updated_at = excluded.updated_at`,
		u.ID, string(u.Kind), u.Name, u.NameHi, parent, u.Path, u.LGD,
		strings.Join(u.Aliases, "|"), lat, lon, now)
	if err != nil {
		return fmt.Errorf("save unit %s: %w", u.ID, err)
	}
	return nil
}

const unitColumns = `id, kind, name, name_hi, COALESCE(parent_id, ''), path, lgd, aliases, COALESCE(lat, 0), COALESCE(lon, 0)`

type rowScanner interface{ Scan(dest ...any) error }

func scanUnit(r rowScanner) (*shikayat.Unit, error) {
	var u shikayat.Unit
	var kind, aliases string
	if err := r.Scan(&u.ID, &kind, &u.Name, &u.NameHi, &u.ParentID, &u.Path, &u.LGD, &aliases, &u.Lat, &u.Lon); err != nil {
		return nil, err
	}
	u.Kind = shikayat.UnitKind(kind)
	if aliases != "" {
		u.Aliases = strings.Split(aliases, "|")
	}
	return &u, nil
}

type querier interface {
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

func findUnit(ctx context.Context, q querier, id string) (*shikayat.Unit, error) {
	u, err := scanUnit(q.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE id = $1`, id))
	if isNoRows(err) {
		return nil, shikayat.Errorf(shikayat.ENOTFOUND, "Unit %s does not exist.", id)
	} else if err != nil {
		return nil, fmt.Errorf("find unit %s: %w", id, err)
	}
	return u, nil
}

// FindUnit returns a unit by its id.
func (s *DB) FindUnit(ctx context.Context, id string) (*shikayat.Unit, error) {
	return findUnit(ctx, s.db, id)
}

// ListUnits returns the units under path (all when path is ""), by path.
func (s *DB) ListUnits(ctx context.Context, path string) ([]*shikayat.Unit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitColumns+` FROM units WHERE path LIKE $1 ESCAPE '\' ORDER BY path`, likePrefix(path))
	if err != nil {
		return nil, fmt.Errorf("list units: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, fmt.Errorf("list units: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// likePrefix makes a LIKE pattern matching strings that start with p.
// Use it with ESCAPE '\'.
func likePrefix(p string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(p) + "%"
}

// maxUnitName is how long a unit's name may be, in characters.
const maxUnitName = 120

// SaveFunctionalUnit makes a functional unit under HQ (GRP, cyber cell,
// 1090, traffic…), which owns complaints like a district. A unit that
// exists is refused (ECONFLICT) unless rename, which renames one that
// exists (ENOTFOUND otherwise); a rename keeps the Hindi name when nameHi
// is "". Names are one line of at most maxUnitName characters, without
// control characters.
func (s *DB) SaveFunctionalUnit(ctx context.Context, slug, name, nameHi string, rename bool) (*shikayat.Unit, error) {
	if !shikayat.ValidSlug(slug) {
		return nil, shikayat.Errorf(shikayat.EINVALID, "Unit name %q may use only lower-case letters, digits and dashes.", slug)
	}
	if strings.TrimSpace(name) == "" {
		return nil, shikayat.Errorf(shikayat.EINVALID, "A functional unit needs a name.")
	}
	for _, n := range []string{name, nameHi} {
		if err := checkUnitName(n); err != nil {
			return nil, err
		}
	}
	id := "unit:" + slug
	u := &shikayat.Unit{ID: id, Kind: shikayat.UnitFunctional, Name: name, NameHi: nameHi, ParentID: shikayat.HQUnitID, Path: shikayat.HQUnitID + "/" + id + "/"}
	err := s.withTx(ctx, func(tx *sql.Tx) error {
		old, err := findUnit(ctx, tx, id)
		switch {
		case err != nil && shikayat.ErrorCode(err) != shikayat.ENOTFOUND:
			return err
		case err == nil && !rename:
			return shikayat.Errorf(shikayat.ECONFLICT, "Unit %s exists already (%s); to rename it, say --rename.", id, old.Name)
		case err != nil && rename:
			return err
		case err == nil && old.Kind != shikayat.UnitFunctional:
			return shikayat.Errorf(shikayat.EINVALID, "Unit %s is not a functional unit.", id)
		case err == nil && nameHi == "":
			u.NameHi = old.NameHi
		}
		if rename {
			return upsertUnit(ctx, tx, u, ms(s.now()))
		}
		// Another add may have made the unit since it was looked up: the
		// insert does nothing then, and this add is refused, never a
		// rename.
		res, err := tx.ExecContext(ctx, `
			INSERT INTO units (id, kind, name, name_hi, parent_id, path, lgd, aliases, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, 0, '', $7)
			ON CONFLICT (id) DO NOTHING`,
			u.ID, string(u.Kind), u.Name, u.NameHi, u.ParentID, u.Path, ms(s.now()))
		if err != nil {
			return fmt.Errorf("save unit %s: %w", u.ID, err)
		}
		if n, err := res.RowsAffected(); err != nil {
			return fmt.Errorf("save unit %s: %w", u.ID, err)
		} else if n == 0 {
			return shikayat.Errorf(shikayat.ECONFLICT, "Unit %s exists already (another add made it just now); to rename it, say --rename.", id)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return u, nil
}

// checkUnitName refuses a name with a control character (a line break
// would forge lines in the CLI's output and the logs) or too long.
func checkUnitName(n string) error {
	if utf8.RuneCountInString(n) > maxUnitName {
		return shikayat.Errorf(shikayat.EINVALID, "A unit's name may be at most %d characters long.", maxUnitName)
	}
	if !utf8.ValidString(n) {
		return shikayat.Errorf(shikayat.EINVALID, "A unit's name must be UTF-8 text.")
	}
	for _, r := range n {
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return shikayat.Errorf(shikayat.EINVALID, "A unit's name may not have control characters or line breaks.")
		}
	}
	return nil
}

// ImportStations creates or updates police stations by id, all or nothing.
// Each unit must be of kind station with its district's LGD code set.
//
// A station moved to another district has the bounce and reopening
// statistics recounted (recountStatsEvents). On PostgreSQL the import
// waits at most importLockWait for any lock it needs, the statistics'
// among them: past that it fails (ECONFLICT) and changes nothing, rather
// than hang while other writes hold them.
func (s *DB) ImportStations(ctx context.Context, stations []*shikayat.Unit) (created, updated int, err error) {
	now := ms(s.now())
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		if s.engine == Postgres {
			if _, err := tx.ExecContext(ctx, fmt.Sprintf(`SET LOCAL lock_timeout = %d`, s.importLockWait().Milliseconds())); err != nil {
				return fmt.Errorf("import stations: %w", err)
			}
		}
		moved := false
		for _, st := range stations {
			if st.Kind != shikayat.UnitStation || !strings.HasPrefix(st.ID, "station:") {
				return shikayat.Errorf(shikayat.EINVALID, "Unit %s is not a station.", st.ID)
			}
			d, err := findUnit(ctx, tx, shikayat.DistrictUnitID(st.LGD))
			if err != nil {
				return shikayat.Errorf(shikayat.EINVALID, "Station %s: district %d is not known.", st.ID, st.LGD)
			}
			var exists, other int
			err = tx.QueryRowContext(ctx, `SELECT count(*), count(CASE WHEN lgd <> $2 THEN 1 END) FROM units WHERE id = $1`, st.ID, st.LGD).Scan(&exists, &other)
			if err != nil {
				return fmt.Errorf("import stations: %w", err)
			}
			moved = moved || other > 0
			u := *st
			u.ParentID = d.ID
			u.Path = d.Path + st.ID + "/"
			if err := upsertUnit(ctx, tx, &u, now); err != nil {
				return err
			}
			if exists > 0 {
				updated++
			} else {
				created++
			}
		}
		if moved {
			return s.recountStatsEvents(ctx, tx)
		}
		return nil
	})
	if isLockTimeout(err) {
		return 0, 0, shikayat.Errorf(shikayat.ECONFLICT, "The station import waited more than %s for other writes to the units or the statistics to finish; nothing was imported. Try again.", s.importLockWait())
	}
	if err != nil {
		return 0, 0, err
	}
	return created, updated, nil
}

// DefaultImportLockWait is how long a station import waits for a lock
// (PostgreSQL's lock_timeout) before it gives up.
const DefaultImportLockWait = 5 * time.Second

// importLockWait is the station import's lock wait: DefaultImportLockWait
// unless a test set another.
func (s *DB) importLockWait() time.Duration {
	if s.lockWait > 0 {
		return s.lockWait
	}
	return DefaultImportLockWait
}

// isLockTimeout reports whether err is PostgreSQL's lock_not_available: a
// lock waited for longer than lock_timeout.
func isLockTimeout(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "55P03"
}
