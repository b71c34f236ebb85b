package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// CreateUser adds a member of staff with a password hash. The role must fit
// the unit's kind.
func (s *DB) CreateUser(ctx context.Context, u *shikayat.User, passwordHash string) error {
	u.Username = strings.TrimSpace(u.Username)
	if !validUsername(u.Username) {
		return shikayat.Errorf(shikayat.EINVALID, "Username %q must be 3 to 40 letters, digits, dots, dashes or underscores.", u.Username)
	}
	if !u.Role.Valid() {
		return shikayat.Errorf(shikayat.EINVALID, "Role %q must be one of hq_admin, hq_operator, supervisor, district_operator, station_officer.", u.Role)
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		unit, err := findUnit(ctx, tx, u.UnitID)
		if err != nil {
			return err
		}
		if !u.Role.FitsUnit(unit.Kind) {
			return shikayat.Errorf(shikayat.EINVALID, "A %s cannot belong to a %s unit.", u.Role, unit.Kind)
		}
		u.CreatedAt = s.now()
		err = tx.QueryRowContext(ctx, `
			INSERT INTO users (username, name, role, unit_id, password_hash, created_at)
			VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
			u.Username, u.Name, string(u.Role), u.UnitID, passwordHash, ms(u.CreatedAt)).Scan(&u.ID)
		if isUniqueViolation(err) {
			return shikayat.Errorf(shikayat.ECONFLICT, "User %s already exists.", u.Username)
		} else if err != nil {
			return fmt.Errorf("create user: %w", err)
		}
		return nil
	})
}

func validUsername(s string) bool {
	if len(s) < 3 || len(s) > 40 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

const userColumns = `id, username, name, role, unit_id, disabled, created_at, lang`

// scanUser reads userColumns, then any extra columns into extra.
func scanUser(r rowScanner, extra ...any) (*shikayat.User, error) {
	var u shikayat.User
	var role string
	var disabled int
	var created int64
	if err := r.Scan(append([]any{&u.ID, &u.Username, &u.Name, &role, &u.UnitID, &disabled, &created, &u.Lang}, extra...)...); err != nil {
		return nil, err
	}
	u.Role, u.Disabled, u.CreatedAt = shikayat.Role(role), disabled != 0, fromMS(created)
	return &u, nil
}

// FindUserByUsername returns a user and its password hash.
func (s *DB) FindUserByUsername(ctx context.Context, username string) (*shikayat.User, string, error) {
	var hash string
	u, err := scanUser(s.db.QueryRowContext(ctx, `SELECT `+userColumns+`, password_hash FROM users WHERE username = $1`, username), &hash)
	if isNoRows(err) {
		return nil, "", shikayat.Errorf(shikayat.ENOTFOUND, "User %s does not exist.", username)
	} else if err != nil {
		return nil, "", fmt.Errorf("find user: %w", err)
	}
	return u, hash, nil
}

// CreateToken stores the hash of a new API token for a user.
func (s *DB) CreateToken(ctx context.Context, username, hash string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM users WHERE username = $1 AND disabled = 0`, username).Scan(&id)
		if isNoRows(err) {
			return shikayat.Errorf(shikayat.ENOTFOUND, "User %s does not exist or is disabled.", username)
		} else if err != nil {
			return fmt.Errorf("create token: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO tokens (user_id, hash, created_at) VALUES ($1, $2, $3)`, id, hash, ms(s.now())); err != nil {
			return fmt.Errorf("create token: %w", err)
		}
		return nil
	})
}

// RevokeToken revokes the token with the given hash.
func (s *DB) RevokeToken(ctx context.Context, hash string) error {
	res, err := s.db.ExecContext(ctx, `UPDATE tokens SET revoked_at = $1 WHERE hash = $2 AND revoked_at IS NULL`, ms(s.now()), hash)
	if err != nil {
		return fmt.Errorf("revoke token: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return shikayat.Errorf(shikayat.ENOTFOUND, "No such token, or it was already revoked.")
	}
	return nil
}

// UserByToken returns the enabled user holding a live token.
func (s *DB) UserByToken(ctx context.Context, hash string) (*shikayat.User, error) {
	u, err := scanUser(s.db.QueryRowContext(ctx, `
		SELECT u.id, u.username, u.name, u.role, u.unit_id, u.disabled, u.created_at, u.lang
		FROM tokens t JOIN users u ON u.id = t.user_id
		WHERE t.hash = $1 AND t.revoked_at IS NULL AND u.disabled = 0`, hash))
	if isNoRows(err) {
		return nil, shikayat.Errorf(shikayat.EUNAUTHORIZED, "The token is not valid.")
	} else if err != nil {
		return nil, fmt.Errorf("find token: %w", err)
	}
	return u, nil
}

// ListUsers returns every member of staff, by username.
func (s *DB) ListUsers(ctx context.Context) ([]*shikayat.User, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+userColumns+` FROM users ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("list users: %w", err)
	}
	defer rows.Close()
	var out []*shikayat.User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, fmt.Errorf("list users: %w", err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// SetUserDisabled disables or enables a user. Disabling ends its sessions;
// its tokens stop working while it stays disabled.
func (s *DB) SetUserDisabled(ctx context.Context, username string, disabled bool) error {
	flag := 0
	if disabled {
		flag = 1
	}
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `UPDATE users SET disabled = $1 WHERE username = $2 RETURNING id`, flag, username).Scan(&id)
		if isNoRows(err) {
			return shikayat.Errorf(shikayat.ENOTFOUND, "User %s does not exist.", username)
		} else if err != nil {
			return fmt.Errorf("disable user: %w", err)
		}
		if disabled {
			if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1`, id); err != nil {
				return fmt.Errorf("disable user: %w", err)
			}
		}
		return nil
	})
}

// SetPassword replaces a user's password hash and ends all its sessions but
// keep (the hash of the session that changed it; "" for none).
func (s *DB) SetPassword(ctx context.Context, username, hash, keep string) error {
	return s.withTx(ctx, func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `UPDATE users SET password_hash = $1 WHERE username = $2 RETURNING id`, hash, username).Scan(&id)
		if isNoRows(err) {
			return shikayat.Errorf(shikayat.ENOTFOUND, "User %s does not exist.", username)
		} else if err != nil {
			return fmt.Errorf("set password: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM sessions WHERE user_id = $1 AND id_hash <> $2`, id, keep); err != nil {
			return fmt.Errorf("set password: %w", err)
		}
		return nil
	})
}

// SetUserLang stores the desk language a user chose: "hi" or "en".
func (s *DB) SetUserLang(ctx context.Context, userID int64, lang string) error {
	if lang != "hi" && lang != "en" {
		return shikayat.Errorf(shikayat.EINVALID, "Language must be hi or en.")
	}
	res, err := s.db.ExecContext(ctx, `UPDATE users SET lang = $1 WHERE id = $2`, lang, userID)
	if err != nil {
		return fmt.Errorf("set user language: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("set user language: %w", err)
	} else if n != 1 {
		return shikayat.Errorf(shikayat.ENOTFOUND, "User %d does not exist.", userID)
	}
	return nil
}
