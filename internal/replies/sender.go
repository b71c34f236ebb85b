// Package replies posts the desk's answers to citizens on X: the
// acknowledgement with the docket code, status answers and staff replies.
// Each reply is recorded before and after it is sent, so none goes out
// twice; after an uncertain failure the sender waits, then looks at the
// account's own recent posts before it tries again.
package replies

import (
	"context"
	"errors"
	"fmt"
	"html"
	"log/slog"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/triage"
	"github.com/shikayat/shikayat/internal/xapi"
)

// Sender works the reply jobs. It implements jobs.Handler.
type Sender struct {
	DB        *store.DB
	X         *xapi.Client
	Templates *Templates
	Account   string // the state police account's username
	BaseURL   string // for tracking links: BaseURL + "/t/" + code
	// DailyBudget caps the account's replies per IST day; 0 means none may
	// be sent. It is reserved in the database as each reply is handed to
	// X, so nodes sharing the database share it.
	DailyBudget int
	// Settle is how long to wait after an uncertain failure before looking
	// at the account's own posts.
	Settle time.Duration
	// Backoff is the wait after X failed (5xx, network, 401, own posts
	// unreadable); it doubles with each try of the reply, up to 64 times
	// Backoff. Default 1 s. Waiting on X uses up no job attempts.
	Backoff time.Duration
	// InFlight is how long one try may be in flight: a reply 'sending' for
	// less is left to the worker trying it. Default DefaultInFlight.
	InFlight time.Duration
	// TryTime is the job time one try needs: a job with less left puts
	// itself back before handing the reply to X, rather than be cut off
	// mid-POST. Default DefaultTryTime.
	TryTime time.Duration
	// ReadLag bounds how long X's read side may lag its write side: after
	// a try whose outcome was unknown, a reply not to be tried again (X
	// called a retry a duplicate, or it was given up) is looked for on X
	// for this long after its last try before it is judged. Default
	// DefaultReadLag.
	ReadLag time.Duration
	// Overlap is intake's (--x-overlap): after a restore, posts down to
	// the copy's checkpoint less it may have been answered by the desk the
	// copy came from. Zero means 5 minutes.
	Overlap time.Duration
	Now     func() time.Time
	Logger  *slog.Logger
	// Queue tells whether a more urgent reply waits; without it, a sender
	// that waited out a rate limit always puts its job back.
	Queue interface {
		MoreUrgentWaiting(ctx context.Context) (bool, error)
	}

	// Helplines is the deployment's helpline table; triage's default for
	// the state when nil.
	Helplines []triage.Helpline

	// Accounts are the clients of the force's other accounts (--accounts),
	// keyed by lower-case username, each with the account's own user
	// token: a reply job names the account that posts it. Each account
	// has its own rate limits and daily budget.
	Accounts map[string]*xapi.Client

	accounts xapi.AccountIDs

	ownerSeen xapi.StandingChanges // each account's token standing last logged (noteOwner)
}

func (s *Sender) now() time.Time {
	if s.Now != nil {
		return s.Now()
	}
	return time.Now()
}

func (s *Sender) log() *slog.Logger {
	if s.Logger == nil {
		return slog.New(slog.DiscardHandler)
	}
	return s.Logger
}

// AccountID returns the account's X id, looked up once.
func (s *Sender) AccountID(ctx context.Context) (string, error) {
	return s.accounts.Get(ctx, s.X, s.Account)
}

func (s *Sender) trackURL(code string) string { return s.BaseURL + "/t/" + code }

// Acknowledge answers a new complaint with its docket code; a sensitive
// complaint, with the neutral template.
func (s *Sender) Acknowledge(ctx context.Context, a jobs.AcknowledgeArgs) error {
	c, err := s.DB.FindComplaintByID(ctx, a.ComplaintID, shikayat.SystemScope())
	if err != nil {
		return err
	}
	lang := ReplyLang(c.Lang)
	name := TemplateAck
	if c.Sensitive { // neutral: repeats nothing of the post
		name = TemplateAckSensitive
	}
	text, err := s.Templates.Render(name, lang, TemplateData{
		Code: c.Code, URL: s.trackURL(c.Code), Immediate: c.EffectiveClass() == shikayat.ClassImmediate,
		CyberFraud: c.EffectiveType() == shikayat.TypeCyberFraud,
	})
	if err != nil {
		return err
	}
	return s.send(ctx, &shikayat.Reply{
		Key: a.ReplyKey(), Account: a.Account, ComplaintID: c.ID, InReplyTo: c.SourcePostID,
		Text: text, Lang: lang, Urgent: c.EffectiveClass() == shikayat.ClassImmediate,
	})
}

// StatusReply answers a post that asks about a complaint.
func (s *Sender) StatusReply(ctx context.Context, a jobs.StatusReplyArgs) error {
	c, err := s.DB.FindComplaintByID(ctx, a.ComplaintID, shikayat.SystemScope())
	if err != nil {
		return err
	}
	lang := ReplyLang(c.Lang)
	if p, _, postLang, err := s.DB.FindPost(ctx, a.PostID); err == nil {
		if postLang == "" {
			postLang = guessLang(p)
		}
		lang = ReplyLang(postLang)
	}
	d := TemplateData{Code: c.Code, URL: s.trackURL(c.Code), StatusText: statusText[lang][c.Status],
		AsOf: s.now().In(shikayat.IST).Format(asOfLayout), Question: a.PostID}
	if dist, ok := shikayat.DistrictByLGD(c.District); ok && !c.Sensitive { // as public tracking: stage alone
		d.District, d.DistrictHi = dist.Name, dist.NameHi
	}
	text, err := s.Templates.Render(TemplateStatus, lang, d)
	if err != nil {
		return err
	}
	return s.send(ctx, &shikayat.Reply{
		Key: a.ReplyKey(), Account: a.Account, ComplaintID: c.ID, InReplyTo: a.PostID, Text: text, Lang: lang,
	})
}

// asOfLayout is how a status answer names its time, to the second. The
// answer also names the post it answers, so that no two questions get the
// same text, which X would refuse as a duplicate.
const asOfLayout = "2 Jan 15:04:05"

// HelplineReply answers another department's matter, once, with the
// helpline the deployment's table gives for it. A post whose department
// has no helpline in the table gets no answer.
func (s *Sender) HelplineReply(ctx context.Context, a jobs.HelplineReplyArgs) error {
	v, err := s.DB.PostView(ctx, shikayat.SystemScope(), a.PostID)
	if err != nil {
		return err
	}
	if v.Triage == nil || v.Triage.Department == "" || v.Complaint != nil {
		return nil // not another department's matter (any more)
	}
	table := s.Helplines
	if table == nil {
		table = triage.DefaultHelplines()
	}
	h, ok := triage.HelplineFor(table, v.Triage.Department)
	if !ok {
		s.log().Warn("no helpline for a department", slog.String("department", v.Triage.Department), slog.String("post_id", a.PostID))
		return nil
	}
	lang := ReplyLang(v.Triage.Lang)
	text, err := s.Templates.Render(TemplateHelpline, lang, TemplateData{Helpline: h.Number, HelplineName: h.Name})
	if err != nil {
		return jobs.Cancel(err)
	}
	return s.send(ctx, &shikayat.Reply{Key: a.ReplyKey(), Account: a.Account, InReplyTo: a.PostID, Text: text, Lang: lang})
}

// Reply posts what a person wrote (or the template they chose).
func (s *Sender) Reply(ctx context.Context, a jobs.ReplyArgs) error {
	c, err := s.DB.FindComplaintByID(ctx, a.ComplaintID, shikayat.SystemScope())
	if err != nil {
		return err
	}
	var ev *shikayat.Event
	for _, e := range c.Events {
		if e.ID == a.EventID {
			ev = e
		}
	}
	if ev == nil {
		return fmt.Errorf("reply: event %d of complaint %s not found", a.EventID, c.Code)
	}
	lang := ev.Detail["lang"]
	if lang == "" {
		lang = ReplyLang(c.Lang)
	}
	name := ev.Detail["template"]
	if name == "" {
		name = TemplateReply
	}
	d := TemplateData{
		Code: c.Code, URL: s.trackURL(c.Code), Text: ev.Note, StatusText: statusText[lang][c.Status],
		Immediate: c.EffectiveClass() == shikayat.ClassImmediate,
	}
	var text string
	if ev.Action == string(shikayat.ActionClose) {
		text, err = s.closingText(c, ev, lang, d)
	} else {
		text, err = s.Templates.Render(name, lang, d)
	}
	if err != nil {
		// Retrying cannot mend a template that does not exist.
		s.log().Error("reply cannot be written", slog.String("code", c.Code), slog.String("post_id", c.SourcePostID), slog.Any("error", err))
		return jobs.Cancel(err)
	}
	want := &shikayat.Reply{
		Key: a.ReplyKey(), Account: a.Account, ComplaintID: c.ID, InReplyTo: c.SourcePostID, Text: text, Lang: lang,
	}
	if ev.Action != string(shikayat.ActionClose) {
		return s.send(ctx, want)
	}
	if want.Account == "" {
		want.Account = s.Account
	}
	if !c.ClosedBy(ev.ID) {
		return s.skipClosing(ctx, want, ev.ID)
	}
	return s.sendTurn(ctx, want, ev.ID, false)
}

// notClosedReason is why a closing reply is given up.
const notClosedReason = "the complaint was reopened before its closing reply went out"

// skipClosing gives up the closing reply (to close event closeEvent) of a
// complaint reopened since: it would tell the citizen a complaint is
// closed that is not. A reply one of whose tries may have reached X is
// then looked for there (and recorded sent if it went out); one whose try
// may still be in flight is left to it; one that no longer waits is left
// as it stands.
func (s *Sender) skipClosing(ctx context.Context, want *shikayat.Reply, closeEvent int64) error {
	r, err := s.DB.ClaimReply(ctx, want)
	if err != nil {
		return err
	}
	if r.State == shikayat.ReplyPending || r.State == shikayat.ReplySending {
		skipped, err := s.DB.SkipReply(ctx, r.ID, s.inFlight(), notClosedReason)
		if err != nil {
			return err
		}
		if skipped {
			s.log().Info("closing reply not sent: "+notClosedReason, slog.String("reply", r.Key), slog.String("code", r.Code))
		}
	}
	return s.sendTurn(ctx, want, closeEvent, false)
}

// closingText is the reply to a closed complaint: how it ended, the
// closing note only when the closer marked it public (masked as on the
// tracking page; left out of a sensitive complaint's, and when it would not
// fit in one post), and the invitation to rate.
func (s *Sender) closingText(c *shikayat.Complaint, ev *shikayat.Event, lang string, d TemplateData) (string, error) {
	d.Text = ""
	if c.Sensitive {
		// A sensitive complaint's page shows its stage alone: so does its
		// reply, neither the outcome nor a note.
		return s.Templates.Render(TemplateCloseSensitive, lang, d)
	}
	d.ResolutionText = resolutionText[lang][shikayat.Resolution(ev.Detail["resolution"])]
	if ev.Public {
		d.Text = shikayat.MaskContacts(ev.Note)
	}
	text, err := s.Templates.Render(TemplateClose, lang, d)
	if err == nil && d.Text != "" && shikayat.XWeightedLength(text) > shikayat.XMaxWeighted {
		d.Text = ""
		text, err = s.Templates.Render(TemplateClose, lang, d)
	}
	return text, err
}

// guessLang guesses a post's language when triage left none: Devanagari
// means Hindi.
func guessLang(p *shikayat.Post) string {
	for _, r := range p.Text {
		if r >= 0x0900 && r <= 0x097F {
			return "hi"
		}
	}
	if p.Lang == "hi" {
		return "hinglish"
	}
	return "en"
}

// send posts r unless it was posted before: the heart of "never twice".
// It posts from the account the job was given when it was queued (the
// state account when none); the reply's record keeps the account of its
// first claim.
func (s *Sender) send(ctx context.Context, want *shikayat.Reply) error {
	if want.Account == "" {
		want.Account = s.Account
	}
	return s.sendTurn(ctx, want, 0, false)
}

// sendTurn takes a turn at sending want. closeEvent is the close event a
// closing reply answers (0 for any other reply): the reply is then sent
// only while its complaint stands closed by it, checked as the turn is
// taken, after every wait.
func (s *Sender) sendTurn(ctx context.Context, want *shikayat.Reply, closeEvent int64, waited bool) error {
	r, err := s.DB.ClaimReply(ctx, want)
	if err != nil {
		return err
	}
	log := s.log().With(slog.String("reply", r.Key), slog.String("code", r.Code), slog.String("post_id", r.InReplyTo), slog.String("account", r.Account))
	x, err := s.client(r.Account)
	if err != nil {
		if x, err = s.moveAccount(ctx, log, r); err != nil {
			log.Error("reply cannot be posted: its account has no credentials here", slog.Any("error", err))
			return jobs.Snooze(time.Minute)
		}
		log = log.With(slog.String("account", r.Account))
	}
	if err := x.WrongOwner(); err != nil {
		// X says the account's token is another account's, or has not
		// yet said whose it is: posting with it could answer as another
		// account. Wait, as for a refused token.
		s.noteOwner(r.Account, x, err)
		return jobs.Snooze(time.Minute)
	}
	s.noteOwner(r.Account, x, nil)
	// uncertain: an earlier try may have reached X. A reply back to
	// pending after a try X refused for now (a 429, a 401) stays so when a
	// try before that one had an unknown outcome.
	uncertain := r.State == shikayat.ReplySending || r.UnsureSince != nil
	// restored: the desk a restored backup came from may have posted it.
	restored := false
	switch r.State {
	case shikayat.ReplySent, shikayat.ReplyFailed:
		return nil
	case shikayat.ReplyUnverified:
		// Given up while a try's outcome was unknown: X's posts tell.
		return s.resolveGivenUp(ctx, log, r)
	case shikayat.ReplyPending, shikayat.ReplySending:
		restored, err = s.restoredBefore(ctx, r)
		if err != nil {
			return err
		}
		if !uncertain && !restored {
			break // never tried, or every try refused: nothing on X to look for
		}
		// An earlier try, or the desk a restored backup came from, may
		// have posted it. Let X settle, then look: a try long past (a
		// restored reply's) has settled already.
		if err := s.sleep(ctx, s.settleLeft(r)); err != nil {
			return err
		}
		posted, _, err := s.findPosted(ctx, r, restored)
		if err != nil {
			return s.waitOnX(log, r.Attempts, fmt.Errorf("check own posts: %w", err))
		}
		if posted != "" {
			log.Info("reply was posted before; recording it", slog.String("reply_post_id", posted))
			return s.recordSent(ctx, r, posted)
		}
	}

	// Known to be rate limited: wait here (this node's one sender), then
	// go on only if no more urgent reply waits.
	if wait := rateLimitWait(x); wait > 0 {
		log.Info("rate limited; waiting for the window", slog.Duration("wait", wait))
		return s.waitTurn(ctx, wait, want, closeEvent, waited)
	}
	// Urgent first: a reply less urgent than one waiting gives way.
	if s.Queue != nil {
		if more, err := s.Queue.MoreUrgentWaiting(ctx); err != nil {
			return err
		} else if more {
			return jobs.GiveWay()
		}
	}
	// A try cut off by the job's end has an unknown outcome: with too
	// little time left, put the job back (a fresh run has the full time).
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < s.tryTime() {
		log.Info("too little of the job's time left for a try; putting it back", slog.Duration("left", time.Until(dl)))
		return jobs.Requeue()
	}
	var turn store.SendTurn
	if closeEvent != 0 {
		turn, err = s.DB.MarkClosingReplySending(ctx, r.ID, r.Account, r.Attempts, s.inFlight(), s.DailyBudget, closeEvent)
	} else {
		turn, err = s.DB.MarkReplySending(ctx, r.ID, r.Account, r.Attempts, s.inFlight(), s.DailyBudget)
	}
	if err != nil {
		return err
	}
	switch turn {
	case store.TurnNotClosed:
		// Reopened while the job waited: give it up, and look for an
		// earlier try's post on X.
		return s.skipClosing(ctx, want, closeEvent)
	case store.TurnLost:
		// Another worker tried meanwhile, or its try may still be in
		// flight: look again later.
		log.Info("reply is being sent by another worker; looking again later")
		return jobs.Snooze(s.backoff(r.Attempts))
	case store.TurnOverBudget:
		wait := s.untilNextDay()
		log.Warn("daily post budget spent; reply waits", slog.Duration("wait", wait))
		return jobs.Snooze(wait)
	}
	attempt := r.Attempts + 1
	id, err := x.CreateReply(ctx, r.Text, r.InReplyTo)
	if err == nil {
		log.Info("reply posted", slog.String("reply_post_id", id))
		return s.recordSent(ctx, r, id)
	}
	if reset, limited := xapi.IsRateLimited(err); limited {
		if _, err := s.DB.MarkReplyPending(ctx, r.ID, attempt, "rate limited"); err != nil {
			return err
		}
		wait := max(time.Until(reset.Add(resetMargin)), time.Second)
		log.Info("rate limited; waiting for the window", slog.Duration("wait", wait))
		return s.waitTurn(ctx, wait, want, closeEvent, waited)
	}
	if isDuplicate(err) {
		// A restored desk's reply X calls a duplicate is looked for on X
		// as an uncertain one is: the desk the copy came from posted it.
		return s.duplicate(ctx, log, r, attempt, uncertain || restored, err)
	}
	var apiErr *xapi.APIError
	if xapi.IsUncertain(err) || (errors.As(err, &apiErr) && apiErr.Status == http.StatusRequestTimeout) {
		// Leave it "sending": the next try settles and looks first. A 408
		// may come after X took the post.
		log.Warn("reply outcome unknown; waiting on X", slog.Any("error", err))
		return s.waitOnX(log, attempt, err)
	}
	if errors.As(err, &apiErr) && apiErr.Status == http.StatusUnauthorized {
		// Certainly not posted, and waiting on whoever mends the credentials.
		if _, err := s.DB.MarkReplyPending(ctx, r.ID, attempt, "unauthorized"); err != nil {
			return err
		}
		return s.waitOnX(log, attempt, err)
	}
	if errors.As(err, &apiErr) && apiErr.Status >= 400 && apiErr.Status < 500 {
		// Refused for good: the post does not mention the account, the text
		// is a duplicate, the post is gone.
		if uncertain {
			// An earlier try may stand on X: look for it, do not fail it.
			log.Error("X refused the reply after a try whose outcome was unknown; looking for that try on X", slog.Any("error", err))
			if _, err := s.DB.MarkReplyRefusedUnsure(ctx, r.ID, attempt, "refused after a try whose outcome was unknown: "+err.Error()); err != nil {
				return err
			}
			cur, err := s.DB.FindReply(ctx, r.Key)
			if err != nil {
				return err
			}
			if cur.State != shikayat.ReplyUnverified {
				return nil // another worker settled it meanwhile
			}
			return s.resolveGivenUp(ctx, log, cur)
		}
		log.Error("X refused the reply", slog.Any("error", err))
		_, err := s.DB.MarkReplyFailed(ctx, r.ID, attempt, err.Error())
		return err
	}
	// A 5xx or anything else: X may or may not have posted it.
	return s.waitOnX(log, attempt, err)
}

// settleLeft is how much of Settle is left since r's last try began.
func (s *Sender) settleLeft(r *shikayat.Reply) time.Duration {
	if r.TriedAt == nil {
		return 0 // never tried
	}
	return min(s.Settle, max(0, r.TriedAt.Add(s.Settle).Sub(s.now())))
}

// waitOnX puts the job back for a while after X failed (a 5xx, a network
// error, a 401, own posts unreadable): waiting on X uses up none of the
// job's attempts, so a reply outlasts any outage.
func (s *Sender) waitOnX(log *slog.Logger, attempts int, err error) error {
	wait := s.backoff(attempts)
	if reset, limited := xapi.IsRateLimited(err); limited {
		wait = max(time.Until(reset.Add(resetMargin)), wait)
	}
	log.Warn("waiting on X", slog.Duration("wait", wait), slog.Any("error", err))
	return jobs.Snooze(wait)
}

// backoff is the wait after a failed try: Backoff (default 1 s), doubled for
// each try the reply has had, at most 64 times Backoff.
func (s *Sender) backoff(attempts int) time.Duration {
	base := s.Backoff
	if base <= 0 {
		base = time.Second
	}
	return base << min(max(attempts-1, 0), 6)
}

// inFlight is how long a try may be in flight.
func (s *Sender) inFlight() time.Duration {
	if s.InFlight > 0 {
		return s.InFlight
	}
	return DefaultInFlight
}

func (s *Sender) tryTime() time.Duration {
	if s.TryTime > 0 {
		return s.TryTime
	}
	return DefaultTryTime
}

// DefaultTryTime is the job time a try needs: the POST (X answers in well
// under a second, the client gives up at 30 s only when X hangs) and the
// record of its outcome.
const DefaultTryTime = 10 * time.Second

// DefaultReadLag is how long X's read side may lag its write side.
const DefaultReadLag = 10 * time.Minute

func (s *Sender) readLag() time.Duration {
	if s.ReadLag > 0 {
		return s.ReadLag
	}
	return DefaultReadLag
}

// DefaultInFlight is how long a try may be in flight: a reply job runs at
// most 30 s, and a margin.
const DefaultInFlight = 35 * time.Second

// recordTimeout bounds the write that records a post X accepted.
const recordTimeout = 30 * time.Second

// recordSent records that X accepted the reply as postedID. The write
// outlives the job's context: a job that times out just after X accepted
// the post must not lose the record.
func (s *Sender) recordSent(ctx context.Context, r *shikayat.Reply, postedID string) error {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), recordTimeout)
	defer cancel()
	_, err := s.DB.MarkReplySent(ctx, r.ID, postedID)
	return err
}

// restoreReach is how far back a restored desk looks on X for replies the
// desk its copy came from may have sent: X's timelines reach about a week,
// and a copy restored later than that cannot be checked anyway.
const restoreReach = 7 * 24 * time.Hour

// restoredBefore reports whether r answers a post the desk a restored
// backup came from may have answered after the copy was made: newer than
// the copy's oldest mentions checkpoint less the overlap, not newer than the
// restore, and not older than it by more than restoreReach.
func (s *Sender) restoredBefore(ctx context.Context, r *shikayat.Reply) (bool, error) {
	mark, ok, err := s.DB.Restored(ctx)
	if err != nil || !ok {
		return false, err
	}
	at, known := shikayat.SnowflakeTime(r.InReplyTo)
	if !known || at.After(mark.At) || at.Before(mark.At.Add(-restoreReach)) {
		return false, nil
	}
	overlap := s.Overlap
	if overlap <= 0 {
		overlap = 5 * time.Minute
	}
	if low, ok := oldestCheckpoint(mark); ok && !at.After(low.Add(-overlap)) {
		return false, nil
	}
	return true, nil
}

// oldestCheckpoint is the time of the oldest account's mentions checkpoint
// in the copy, false when the copy had read nothing.
func oldestCheckpoint(m store.RestoreMark) (time.Time, bool) {
	cps := []string{m.Checkpoint}
	for _, v := range m.Checkpoints {
		cps = append(cps, v)
	}
	var low time.Time
	found := false
	for _, v := range cps {
		if t, ok := shikayat.SnowflakeTime(v); ok && (!found || t.Before(low)) {
			low, found = t, true
		}
	}
	return low, found
}

// sameDocket reports whether a post of the account is an acknowledgement
// or status reply like r: the same one docket code. Staff replies and
// helpline answers are matched by their text alone.
func sameDocket(posted string, r *shikayat.Reply) bool {
	if !strings.HasPrefix(r.Key, "ack:") && !strings.HasPrefix(r.Key, "status:") {
		return false
	}
	want, ok := shikayat.PriorReplyFrom("-", r.Text)
	got, ok2 := shikayat.PriorReplyFrom("-", html.UnescapeString(posted))
	return ok && ok2 && want.Code == got.Code
}

// untilNextDay is how long until the next IST day, when the budget renews.
func (s *Sender) untilNextDay() time.Duration {
	now := s.now()
	day, _ := shikayat.ParseISTDay(shikayat.ISTDay(now))
	return day.AddDate(0, 0, 1).Sub(now)
}

// maxWait is the longest a sender holds its job while it waits out a rate
// limit; it then puts the job back and takes the most urgent one.
const maxWait = 15 * time.Second

// resetMargin covers X's reset time being given in whole seconds.
const resetMargin = time.Second

// rateLimitWait is how long an account's post limit (x is its client) is
// known to be spent, or 0.
func rateLimitWait(x *xapi.Client) time.Duration {
	if rl, ok := x.RateLimit(xapi.EndpointCreatePost); ok && rl.Remaining == 0 {
		return max(time.Until(rl.Reset.Add(resetMargin)), 0)
	}
	return 0
}

// waitTurn waits out a rate limit (at most maxWait). While it waits, this
// node's one sender posts nothing, as X would refuse it anyway. Then it
// sends this reply if the window is open and no more urgent reply waits;
// otherwise it puts the job back, and the queue's order picks the next.
func (s *Sender) waitTurn(ctx context.Context, d time.Duration, want *shikayat.Reply, closeEvent int64, waited bool) error {
	if err := s.sleep(ctx, min(d, maxWait)); err != nil {
		return err
	}
	x, err := s.client(want.Account)
	if err != nil {
		return err
	}
	if waited || rateLimitWait(x) > 0 {
		return jobs.Requeue()
	}
	return s.sendTurn(ctx, want, closeEvent, true)
}

// sleep waits d. A wait cut off by the job's end (or the node stopping)
// puts the job back: waiting on X uses up no attempt.
func (s *Sender) sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	if dl, ok := ctx.Deadline(); ok && time.Until(dl) < d+s.tryTime() {
		// The wait and a try would outlast the job: put it back now.
		return jobs.Snooze(d)
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return jobs.Snooze(d)
	case <-t.C:
		return nil
	}
}

// PriorReplies looks through the posts newer than since of every account
// the desk posts from for their replies to the posts of to, as findPosted
// does after an uncertain send, and returns per post the oldest that gives
// exactly one valid docket code (its acknowledgement) and is not recorded
// as another reply's post. A restored desk asks before it opens a complaint
// for a post newer than its backup, so that the complaint keeps the code
// the citizen was given, whichever account gave it.
func (s *Sender) PriorReplies(ctx context.Context, since string, to []string) (map[string]shikayat.PriorReply, error) {
	want := map[string]bool{}
	for _, id := range to {
		want[id] = true
	}
	found := map[string]shikayat.PriorReply{}
	accounts := []string{s.Account}
	for name := range s.Accounts {
		if !strings.EqualFold(name, s.Account) {
			accounts = append(accounts, name)
		}
	}
	sort.Strings(accounts[1:])
	for _, account := range accounts {
		x, err := s.client(account)
		if err != nil {
			return nil, err
		}
		me, err := s.accounts.Get(ctx, x, account)
		if err != nil {
			return nil, err
		}
		mine := map[string]shikayat.PriorReply{}
		err = xapi.Pages(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
			return x.UserTweets(ctx, me, since, token)
		}, func(p *xapi.Page) error {
			// Newest first: an older reply to the same post replaces a newer.
			for _, t := range p.Data {
				target := ""
				for _, ref := range t.ReferencedTweets {
					if ref.Type == xapi.RefRepliedTo && want[ref.ID] {
						target = ref.ID
					}
				}
				if target == "" {
					continue
				}
				r, ok := shikayat.PriorReplyFrom(t.ID, html.UnescapeString(t.Text))
				if !ok {
					continue
				}
				if other, err := s.DB.PostRecorded(ctx, t.ID, 0); err != nil {
					return err
				} else if other {
					continue
				}
				mine[target] = r
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		// One post, one acknowledgement: the state account's, or the
		// first account's that gave one.
		for target, r := range mine {
			if _, ok := found[target]; !ok {
				found[target] = r
			}
		}
	}
	return found, nil
}
