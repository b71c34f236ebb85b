package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/shikayat/shikayat"
)

// MoveReplyAccount gives a reply whose account this deployment no longer
// lists (one removed from --accounts) the account that would post it now:
// an account its post mentioned that is still listed, by the rule of
// replyJobs. Only a reply never handed to X moves (pending, no attempt):
// one that was tried may be on X already, from the old account, and
// posting it from another would answer the citizen twice. It returns the
// reply's account after the move; why says, when it did not move, why
// not.
func (s *DB) MoveReplyAccount(ctx context.Context, id int64) (account, why string, err error) {
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		var state string
		var attempts int
		var complaintID int64
		var inReplyTo string
		if err := tx.QueryRowContext(ctx, `SELECT account, state, attempts, COALESCE(complaint_id, 0), in_reply_to FROM replies WHERE id = $1`,
			id).Scan(&account, &state, &attempts, &complaintID, &inReplyTo); err != nil {
			return fmt.Errorf("move reply %d: %w", id, err)
		}
		if _, listed := s.opts.Accounts.Find(account); listed || account == "" {
			return nil
		}
		if state != string(shikayat.ReplyPending) || attempts > 0 {
			why = "it was handed to X from @" + account + " before, so only that account may finish it"
			return nil
		}
		to, noneWhy, err := s.replyAccount(ctx, tx, shikayat.Job{Kind: shikayat.JobReply, ComplaintID: complaintID, PostID: inReplyTo})
		if err != nil {
			return err
		}
		if noneWhy != "" {
			why = noneWhy
			return nil
		}
		res, err := tx.ExecContext(ctx, `UPDATE replies SET account = $1 WHERE id = $2 AND state = 'pending' AND attempts = 0`, to, id)
		if err != nil {
			return fmt.Errorf("move reply %d: %w", id, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			account = to
		} else {
			why = "another worker tried it meanwhile"
		}
		return nil
	})
	return account, why, err
}

// GoneAccountsReport is the replies waiting on accounts this deployment no
// longer lists, that could not be moved to another.
type GoneAccountsReport struct {
	Count int
	// ByAccount is, per account, the keys of its waiting replies (at most
	// the limit asked for, in all).
	ByAccount map[string][]string
}

// Public names them for a status page: the accounts (public handles) and
// the reply keys, not docket codes.
func (r GoneAccountsReport) Public() string {
	var names []string
	for a := range r.ByAccount {
		names = append(names, a)
	}
	sort.Strings(names)
	var parts []string
	for _, a := range names {
		parts = append(parts, "@"+a+" ("+strings.Join(r.ByAccount[a], ", ")+")")
	}
	return fmt.Sprintf("%d replies wait on accounts no longer in --accounts, and no account their post mentioned may send them: %s",
		r.Count, strings.Join(parts, "; "))
}

// RepliesOnGoneAccounts reports the replies not yet sent (pending, in
// flight, or given up unverified) whose account is no longer listed.
func (s *DB) RepliesOnGoneAccounts(ctx context.Context, limit int) (GoneAccountsReport, error) {
	rep := GoneAccountsReport{ByAccount: map[string][]string{}}
	if len(s.opts.Accounts) == 0 {
		return rep, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT key, account FROM replies WHERE account <> '' AND state IN ('pending', 'sending', $1) ORDER BY id`,
		string(shikayat.ReplyUnverified))
	if err != nil {
		return rep, fmt.Errorf("replies on gone accounts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var key, account string
		if err := rows.Scan(&key, &account); err != nil {
			return rep, fmt.Errorf("replies on gone accounts: %w", err)
		}
		if _, listed := s.opts.Accounts.Find(account); listed {
			continue
		}
		rep.Count++
		if rep.Count <= limit {
			rep.ByAccount[account] = append(rep.ByAccount[account], key)
		}
	}
	return rep, rows.Err()
}
