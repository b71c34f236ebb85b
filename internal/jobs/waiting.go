package jobs

import (
	"cmp"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// alertEvery is how often a reply still waiting is logged again.
const alertEvery = time.Hour

// alertWaiting logs reply r, waiting longer than WaitAlert, when it has not
// been logged yet or was last logged alertEvery ago.
func (q *Queue) alertWaiting(r *shikayat.Reply, age time.Duration, now time.Time) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if last, ok := q.alerted[r.Key]; ok && now.Sub(last) < alertEvery {
		return
	}
	if q.alerted == nil {
		q.alerted = map[string]time.Time{}
	}
	q.alerted[r.Key] = now
	q.log.Warn("reply waiting", slog.String("reply", r.Key), slog.String("code", r.Code), slog.String("post_id", r.InReplyTo),
		slog.String("state", string(r.State)), slog.Duration("waited", age.Round(time.Second)),
		slog.Duration("longer_than", q.cfg.WaitAlert))
}

// forgetAlerts drops the replies no longer waiting long (sent, given up)
// from those logged.
func (q *Queue) forgetAlerts(waiting map[string]bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for key := range q.alerted {
		if !waiting[key] {
			delete(q.alerted, key)
		}
	}
}

// WaitReport tells which replies have waited longer than WaitAlert.
type WaitReport struct {
	Count int           // replies waiting longer than Alert
	Alert time.Duration // WaitAlert
	// Oldest is how long the reply waiting longest has waited (0: none
	// waits), whether or not past Alert.
	Oldest  time.Duration
	Replies []WaitingReply // up to the limit asked, longest waiting first
}

// WaitingReply is one reply in a WaitReport.
type WaitingReply struct {
	Code   string              `json:"code"` // the complaint's docket code
	Key    string              `json:"key"`
	State  shikayat.ReplyState `json:"state"`
	Waited time.Duration       `json:"waited"`
	// Duplicate: X called it a duplicate while its post was not seen.
	Duplicate bool `json:"duplicate,omitempty"`
}

// String names the replies: "2 replies have waited longer than 15m0s:
// UP-KNP-2026-000123 ack:12 for 40m, …", for the log.
func (r WaitReport) String() string { return r.text(true) }

// Public names them without their docket codes, for /readyz, which anyone
// may read: a code opens the complaint's tracking page, while a reply's key
// names only the public post it answers.
func (r WaitReport) Public() string { return r.text(false) }

func (r WaitReport) text(codes bool) string {
	if r.Count == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d replies have waited longer than %s:", r.Count, r.Alert)
	for i, w := range r.Replies {
		if i > 0 {
			b.WriteString(",")
		}
		if codes {
			fmt.Fprintf(&b, " %s", cmp.Or(w.Code, "-"))
		}
		fmt.Fprintf(&b, " %s for %s", w.Key, w.Waited.Round(time.Second))
	}
	if more := r.Count - len(r.Replies); more > 0 {
		fmt.Fprintf(&b, " and %d more", more)
	}
	return b.String()
}

// Waiting reports the replies waiting longer than WaitAlert, naming up to
// limit of them, longest waiting first.
func (q *Queue) Waiting(ctx context.Context, limit int) (WaitReport, error) {
	rep := WaitReport{Alert: q.cfg.WaitAlert}
	if q.replies == nil {
		return rep, nil
	}
	now := q.now()
	n, err := q.replies.CountWaitingReplies(ctx, now.Add(-q.cfg.WaitAlert))
	if err != nil {
		return rep, err
	}
	rep.Count = n
	oldest, err := q.replies.RepliesWaitingSince(ctx, now, 1)
	if err != nil {
		return rep, err
	}
	if len(oldest) == 1 {
		rep.Oldest = max(now.Sub(oldest[0].CreatedAt), 0)
	}
	if n == 0 || limit <= 0 {
		return rep, nil
	}
	ws, err := q.replies.RepliesWaitingSince(ctx, now.Add(-q.cfg.WaitAlert), limit)
	if err != nil {
		return rep, err
	}
	for _, w := range ws {
		rep.Replies = append(rep.Replies, WaitingReply{Code: w.Code, Key: w.Key, State: w.State, Waited: now.Sub(w.CreatedAt)})
	}
	return rep, nil
}

// CountWaiting counts the replies waiting longer than WaitAlert.
func (q *Queue) CountWaiting(ctx context.Context) (int, error) {
	if q.replies == nil {
		return 0, nil
	}
	return q.replies.CountWaitingReplies(ctx, q.now().Add(-q.cfg.WaitAlert))
}

// CountFailed counts the replies that failed (refused by X, or given up).
func (q *Queue) CountFailed(ctx context.Context) (int, error) {
	if q.replies == nil {
		return 0, nil
	}
	return q.replies.CountFailedReplies(ctx)
}

// WaitAlert is how long a reply may wait before it is reported.
func (q *Queue) WaitAlert() time.Duration { return q.cfg.WaitAlert }

// UnverifiedReport tells which replies are not to be tried again while
// their outcome is unknown (given_up_unverified): their jobs look for them
// on X; those X called duplicates whose post never showed wait for a person.
type UnverifiedReport struct {
	Count   int
	Replies []WaitingReply // up to the limit asked, oldest first
}

// String names them: "1 reply not to be sent again was not seen on X:
// UP26-… ack:12 (X called it a duplicate), …", for the log.
func (r UnverifiedReport) String() string { return r.text(true) }

// Public names them without their docket codes, for /readyz.
func (r UnverifiedReport) Public() string { return r.text(false) }

func (r UnverifiedReport) text(codes bool) string {
	if r.Count == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d replies not to be sent again were not seen on X (a try's outcome is unknown); a person may have to settle them:", r.Count)
	for i, w := range r.Replies {
		if i > 0 {
			b.WriteString(",")
		}
		if codes {
			fmt.Fprintf(&b, " %s", cmp.Or(w.Code, "-"))
		}
		fmt.Fprintf(&b, " %s", w.Key)
		if w.Duplicate {
			b.WriteString(" (X called it a duplicate)")
		} else {
			b.WriteString(" (given up)")
		}
	}
	if more := r.Count - len(r.Replies); more > 0 {
		fmt.Fprintf(&b, " and %d more", more)
	}
	return b.String()
}

// Unverified reports the given_up_unverified replies, naming up to limit.
func (q *Queue) Unverified(ctx context.Context, limit int) (UnverifiedReport, error) {
	var rep UnverifiedReport
	if q.replies == nil {
		return rep, nil
	}
	n, ws, err := q.replies.UnverifiedReplies(ctx, limit)
	if err != nil {
		return rep, err
	}
	rep.Count = n
	now := q.now()
	for _, w := range ws {
		rep.Replies = append(rep.Replies, WaitingReply{Code: w.Code, Key: w.Key, State: w.State, Waited: now.Sub(w.CreatedAt), Duplicate: w.Duplicate})
	}
	return rep, nil
}
