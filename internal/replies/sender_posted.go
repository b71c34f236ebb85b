package replies

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/xapi"
)

// duplicate handles X's 403 "duplicate content". When no earlier try can
// have reached X it means another post of the account has this text: the
// reply fails; as answered already (at info level) only when it is an
// acknowledgement or status answer and that post is another reply of the
// complaint's with the same text to the same post (a status answer names
// the post it answers, so two people's questions never share a text; a
// staff reply repeated is an error for the desk to see). After a try of
// unknown outcome (the reply was 'sending', or
// is unsure since such a try though a later one was refused for now) it
// most likely means that try was posted: found on X, it is recorded sent; found only on a post
// recorded for another reply (two staff replies alike), it is a duplicate
// of that one and fails; not visible yet (X's read side lags), it is not
// sent again: it becomes unverified and is looked for again
// (resolveGivenUp), for ReadLag.
func (s *Sender) duplicate(ctx context.Context, log *slog.Logger, r *shikayat.Reply, attempt int, uncertain bool, err error) error {
	if uncertain {
		posted, other, ferr := s.findPosted(ctx, r, false)
		switch {
		case ferr == nil && posted != "":
			log.Info("X says the reply was posted before; recording it", slog.String("post_id", posted))
			return s.recordSent(ctx, r, posted)
		case ferr == nil && other: // another reply's post has this text
		default:
			reason := "X called a retry a duplicate after a try whose outcome was unknown; its post is not visible on X yet"
			if _, err := s.DB.MarkReplyUnseen(ctx, r.ID, attempt, reason); err != nil {
				return err
			}
			log.Warn("X says the reply was posted, but its post is not visible yet; looking again, not sending it again",
				slog.Any("error", err), slog.Any("look_error", ferr), slog.Duration("for", s.readLag()))
			return jobs.Snooze(s.backoff(attempt))
		}
	}
	// A person's reply repeated word for word (days later, say) did not
	// go out: an error the desk must see. The desk's own answer to this
	// very post sent already under another key: the citizen has it.
	if deskWritten(r) {
		posted, ferr := s.DB.SentSameText(ctx, r)
		if ferr != nil {
			return ferr
		}
		if posted != "" {
			log.Info("X refused the reply as a duplicate of an answer to the same post sent already; settled as answered",
				slog.String("answered_by", posted))
			_, err = s.DB.MarkReplyFailed(ctx, r.ID, attempt, "answered already: the same text went out as post "+posted)
			return err
		}
	}
	log.Error("X refused the reply as a duplicate of another post", slog.Any("error", err))
	_, err = s.DB.MarkReplyFailed(ctx, r.ID, attempt, "duplicate of another post (X: "+err.Error()+")")
	return err
}

// resolveGivenUp settles a reply not to be tried again while a try's
// outcome was unknown: sent if X shows its post; failed if the post of its
// text is another reply's. Not found, it is looked for again until ReadLag
// after its last try (or after X called it a duplicate). Past that, a
// reply a person (or a rule) gave up was not posted and fails; a reply X
// called a duplicate stays unverified for a person, and is named in the
// log, /readyz and /metrics.
func (s *Sender) resolveGivenUp(ctx context.Context, log *slog.Logger, r *shikayat.Reply) error {
	if err := s.sleep(ctx, s.Settle); err != nil {
		return err
	}
	posted, other, err := s.findPosted(ctx, r, false)
	if err != nil {
		return s.waitOnX(log, r.Attempts, fmt.Errorf("check own posts: %w", err))
	}
	if posted != "" {
		log.Info("reply not tried again had been posted; recording it", slog.String("post_id", posted))
		return s.recordSent(ctx, r, posted)
	}
	if other {
		log.Error("the post of the reply's text is another reply's: this reply was not posted")
		_, err = s.DB.MarkUnverifiedNotPosted(ctx, r.ID, "duplicate of another reply's post")
		return err
	}
	since := r.CreatedAt
	if r.TriedAt != nil {
		since = *r.TriedAt
	}
	if r.DuplicateAt != nil && r.DuplicateAt.After(since) {
		since = *r.DuplicateAt
	}
	if left := since.Add(s.readLag()).Sub(s.now()); left > 0 {
		log.Info("reply not tried again is not visible on X yet; looking again", slog.Duration("left", left))
		return jobs.Snooze(min(s.backoff(r.Attempts), left))
	}
	if r.DuplicateAt != nil {
		// It is still looked for, now and then: it is recorded sent if
		// its post shows after all.
		log.Error("X called the reply a duplicate, but its post never showed on X: a person must look on X and settle it",
			slog.Time("duplicate_at", *r.DuplicateAt), slog.Duration("looked_for", s.readLag()))
		return jobs.Snooze(s.readLag())
	}
	log.Info("reply given up was not posted")
	_, err = s.DB.MarkUnverifiedNotPosted(ctx, r.ID, "given up; not found on X")
	return err
}

// isDuplicate reports whether X refused a post as a duplicate of one the
// account made before.
func isDuplicate(err error) bool {
	var apiErr *xapi.APIError
	if !errors.As(err, &apiErr) || apiErr.Status != http.StatusForbidden {
		return false
	}
	for _, p := range apiErr.Problems {
		if strings.Contains(strings.ToLower(p.Detail+" "+p.Title), "duplicate content") {
			return true
		}
	}
	return strings.Contains(strings.ToLower(apiErr.Body), "duplicate content")
}

// findPosted looks through the account's recent posts for r itself: a
// reply to the same post with the same text, not recorded as another
// reply's post (the acknowledgement and every staff reply answer the same
// post). With restored set (the post came before a restore), an
// acknowledgement or status reply giving the same docket code counts too:
// the desk the backup came from rendered its own text (a status reply
// names the time). It returns the post's id, or "" and whether a post of that text
// to that post was found recorded as another reply's.
func (s *Sender) findPosted(ctx context.Context, r *shikayat.Reply, restored bool) (posted string, other bool, err error) {
	// The reply is looked for on the account that sends it.
	x, err := s.client(r.Account)
	if err != nil {
		return "", false, err
	}
	me, err := s.accounts.Get(ctx, x, cmp.Or(r.Account, s.Account))
	if err != nil {
		return "", false, err
	}
	errFound := errors.New("found")
	err = xapi.Pages(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
		return x.UserTweets(ctx, me, r.InReplyTo, token)
	}, func(p *xapi.Page) error {
		for _, t := range p.Data {
			if !repliesTo(t, r.InReplyTo) {
				continue
			}
			if r.Redacted {
				// Its text is masked and no digest of it is kept: a post
				// of ours answering that post since its try is it.
				if !postedSinceTry(t, r) {
					continue
				}
			} else if !(r.SameText(t.Text) || restored && sameDocket(t.Text, r)) {
				continue
			}
			another, err := s.DB.PostRecorded(ctx, t.ID, r.ID)
			if err != nil {
				return err
			}
			switch {
			case another:
				other = true
			case !r.Redacted:
				posted = t.ID
				return errFound
			case posted == "" || olderPost(t.ID, posted):
				// The earliest one: of two replies to one post whose
				// outcomes are unknown, the one tried first is not
				// given the later one's post (the timeline lists the
				// newest first).
				posted = t.ID
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return "", false, err
	}
	return posted, other && posted == "", nil
}

// olderPost reports whether X post id a was made before b: ids are
// decimal numbers that grow with time.
func olderPost(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// postedSinceTry reports whether post t was made at or after the first try
// of r whose outcome is unknown (its last try when none is recorded; any
// time, when X gives no time or r was never tried).
func postedSinceTry(t xapi.Tweet, r *shikayat.Reply) bool {
	since := r.UnsureSince
	if since == nil {
		since = r.TriedAt
	}
	if since == nil || t.CreatedAt == "" {
		return true
	}
	at, err := time.Parse(time.RFC3339, t.CreatedAt)
	if err != nil {
		return true
	}
	// X's times are to the millisecond or second: a second's slack.
	return !at.Before(since.Add(-time.Second))
}

// deskWritten reports whether r is an answer the desk writes itself (an
// acknowledgement, a status answer) rather than a person's reply.
func deskWritten(r *shikayat.Reply) bool {
	return strings.HasPrefix(r.Key, "ack:") || strings.HasPrefix(r.Key, "status:")
}

func repliesTo(t xapi.Tweet, postID string) bool {
	for _, ref := range t.ReferencedTweets {
		if ref.Type == xapi.RefRepliedTo && ref.ID == postID {
			return true
		}
	}
	return false
}

// SameText reports whether a post's text as X shows it is the text the
// desk sent (see shikayat.Reply.SameText).
func SameText(posted, sent string) bool {
	return (&shikayat.Reply{Text: sent}).SameText(posted)
}
