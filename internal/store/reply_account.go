package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/shikayat/shikayat"
)

// SetAccounts gives the store the force's accounts on X (the state account
// first), which decide from which account each reply is posted. Call it
// before the desk starts.
func (s *DB) SetAccounts(a shikayat.Accounts) { s.opts.Accounts = a }

// replyJobs decides, as a reply job is queued, which account posts it:
// the account of the unit that owns the complaint if the post mentioned
// it, else the state account if mentioned, else any account the post
// mentioned (shikayat.Accounts.ReplyFrom). The job carries it across its
// retries and the reply's record names it. A post that mentions none of
// the accounts gets no reply job: no account may answer it.
type replyJobs struct {
	s    *DB
	next JobInserter
}

func (r replyJobs) InsertTx(ctx context.Context, tx *sql.Tx, job shikayat.Job) error {
	switch job.Kind {
	case shikayat.JobAcknowledge, shikayat.JobReply, shikayat.JobStatusReply, shikayat.JobHelplineReply:
		if len(r.s.opts.Accounts) > 0 && job.Account == "" {
			account, ok, err := r.s.replyAccount(ctx, tx, job)
			if err != nil {
				return err
			}
			if !ok {
				return nil
			}
			job.Account = account
		}
	}
	return r.next.InsertTx(ctx, tx, job)
}

// replyAccount applies the rule to the post the job answers and the unit
// that owns its complaint now.
func (s *DB) replyAccount(ctx context.Context, tx *sql.Tx, job shikayat.Job) (string, bool, error) {
	accounts := s.opts.Accounts
	postID := job.PostID
	path := ""
	if job.ComplaintID != 0 {
		var source string
		err := tx.QueryRowContext(ctx, `
			SELECT c.source_post_id, COALESCE(u.path, '') FROM complaints c LEFT JOIN units u ON u.id = c.unit_id
			WHERE c.id = $1`, job.ComplaintID).Scan(&source, &path)
		if err != nil {
			return "", false, fmt.Errorf("reply account: %w", err)
		}
		if postID == "" {
			postID = source
		}
	}
	var body string
	err := tx.QueryRowContext(ctx, `SELECT body FROM posts WHERE id = $1`, postID).Scan(&body)
	if isNoRows(err) || (err == nil && body == "") {
		// A post the desk does not hold cannot be looked at: the state
		// account, as before accounts were configured.
		return accounts.State(), true, nil
	} else if err != nil {
		return "", false, fmt.Errorf("reply account: %w", err)
	}
	var p shikayat.Post
	if err := json.Unmarshal([]byte(body), &p); err != nil {
		return "", false, fmt.Errorf("reply account: post %s: %w", postID, err)
	}
	account, ok := accounts.ReplyFrom(p.Mentions, path)
	return account, ok, nil
}
