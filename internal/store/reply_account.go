package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

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
// the accounts gets no reply job: no account may answer it; a staff reply
// to it is refused with the reason (the officer is told), not dropped.
type replyJobs struct {
	s    *DB
	next JobInserter
}

func (r replyJobs) InsertTx(ctx context.Context, tx *sql.Tx, job shikayat.Job) error {
	switch job.Kind {
	case shikayat.JobAcknowledge, shikayat.JobReply, shikayat.JobStatusReply, shikayat.JobHelplineReply:
		if len(r.s.opts.Accounts) > 0 && job.Account == "" {
			account, why, err := r.s.replyAccount(ctx, tx, job)
			if err != nil {
				return err
			}
			if why != "" {
				if job.Kind == shikayat.JobReply {
					return shikayat.Errork(shikayat.EINVALID, "err_no_reply_account", "This reply cannot be sent: %s.", why)
				}
				return nil
			}
			job.Account = account
		}
	}
	return r.next.InsertTx(ctx, tx, job)
}

// mayReply reports whether an account may answer the post a reply job
// would answer; always when no accounts are configured.
func (s *DB) mayReply(ctx context.Context, tx *sql.Tx, job shikayat.Job) (bool, error) {
	if len(s.opts.Accounts) == 0 {
		return true, nil
	}
	_, why, err := s.replyAccount(ctx, tx, job)
	return why == "", err
}

// replyAccount applies the rule to the post the job answers and the unit
// that owns its complaint now. why says, when no account may answer the
// post, why not. A redacted post is judged by the force's accounts it
// mentioned, kept through redaction; one redacted before they were kept
// is answered by none (which it mentioned is not known).
func (s *DB) replyAccount(ctx context.Context, tx *sql.Tx, job shikayat.Job) (account, why string, err error) {
	accounts := s.opts.Accounts
	postID := job.PostID
	path := ""
	if job.ComplaintID != 0 {
		var source string
		err := tx.QueryRowContext(ctx, `
			SELECT c.source_post_id, COALESCE(u.path, '') FROM complaints c LEFT JOIN units u ON u.id = c.unit_id
			WHERE c.id = $1`, job.ComplaintID).Scan(&source, &path)
		if err != nil {
			return "", "", fmt.Errorf("reply account: %w", err)
		}
		if postID == "" {
			postID = source
		}
	}
	var body, kept string
	err = tx.QueryRowContext(ctx, `SELECT body, accounts_mentioned FROM posts WHERE id = $1`, postID).Scan(&body, &kept)
	if isNoRows(err) {
		// A post the desk does not hold cannot be looked at: the state
		// account, as before accounts were configured.
		return accounts.State(), "", nil
	} else if err != nil {
		return "", "", fmt.Errorf("reply account: %w", err)
	}
	var mentions []string
	if body == "" { // redacted
		if kept == "" {
			return "", "its post was redacted before the accounts it mentioned were kept, so no account is known to be allowed to answer it", nil
		}
		mentions = strings.Split(kept, ",")
	} else {
		var p shikayat.Post
		if err := json.Unmarshal([]byte(body), &p); err != nil {
			return "", "", fmt.Errorf("reply account: post %s: %w", postID, err)
		}
		mentions = p.Mentions
	}
	account, ok := accounts.ReplyFrom(mentions, path)
	if !ok {
		return "", "its post mentioned none of the force's accounts the desk posts from, and X lets an account reply only to posts that mention it", nil
	}
	return account, "", nil
}

// accountsMentioned lists the force's accounts a post's body mentions,
// comma-separated: what redaction keeps of its mentions.
func (s *DB) accountsMentioned(body string) string {
	var p shikayat.Post
	if body == "" || json.Unmarshal([]byte(body), &p) != nil {
		return ""
	}
	var out []string
	for _, a := range s.opts.Accounts.Mentioned(p.Mentions) {
		out = append(out, a.Username)
	}
	return strings.Join(out, ",")
}
