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
	"log/slog"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/xapi"
)

// Sender works the reply jobs. It implements jobs.Handler.
type Sender struct {
	DB        *store.DB
	X         *xapi.Client
	Templates *Templates
	Account   string // the police account's username
	BaseURL   string // for tracking links: BaseURL + "/t/" + code
	// DailyBudget caps replies per IST day; 0 means none may be sent.
	DailyBudget int
	// Settle is how long to wait after an uncertain failure before looking
	// at the account's own posts.
	Settle time.Duration
	Now    func() time.Time
	Logger *slog.Logger
	// Queue tells whether a more urgent reply waits; without it, a sender
	// that waited out a rate limit always puts its job back.
	Queue interface {
		MoreUrgentWaiting(ctx context.Context) (bool, error)
	}

	mu        sync.Mutex
	accountID string
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
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.accountID != "" {
		return s.accountID, nil
	}
	u, err := s.X.UserByUsername(ctx, s.Account)
	if err != nil {
		return "", fmt.Errorf("look up @%s: %w", s.Account, err)
	}
	s.accountID = u.ID
	return u.ID, nil
}

func (s *Sender) trackURL(code string) string { return s.BaseURL + "/t/" + code }

// Acknowledge answers a new complaint with its docket code.
func (s *Sender) Acknowledge(ctx context.Context, a jobs.AcknowledgeArgs) error {
	c, err := s.DB.FindComplaintByID(ctx, a.ComplaintID, shikayat.SystemScope())
	if err != nil {
		return err
	}
	lang := ReplyLang(c.Lang)
	text, err := s.Templates.Render(TemplateAck, lang, TemplateData{
		Code: c.Code, URL: s.trackURL(c.Code), Immediate: c.EffectiveClass() == shikayat.ClassImmediate,
	})
	if err != nil {
		return err
	}
	return s.send(ctx, &shikayat.Reply{
		Key: "ack:" + strconv.FormatInt(c.ID, 10), ComplaintID: c.ID, InReplyTo: c.SourcePostID,
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
		AsOf: s.now().In(shikayat.IST).Format("2 Jan 15:04")}
	if dist, ok := shikayat.DistrictByLGD(c.District); ok {
		d.District, d.DistrictHi = dist.Name, dist.NameHi
	}
	text, err := s.Templates.Render(TemplateStatus, lang, d)
	if err != nil {
		return err
	}
	return s.send(ctx, &shikayat.Reply{
		Key: "status:" + a.PostID, ComplaintID: c.ID, InReplyTo: a.PostID, Text: text, Lang: lang,
	})
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
	text, err := s.Templates.Render(name, lang, TemplateData{
		Code: c.Code, URL: s.trackURL(c.Code), Text: ev.Note, StatusText: statusText[lang][c.Status],
		Immediate: c.EffectiveClass() == shikayat.ClassImmediate,
	})
	if err != nil {
		// Retrying cannot mend a template that does not exist.
		s.log().Error("reply cannot be written", slog.String("complaint", c.Code), slog.Any("error", err))
		return jobs.Cancel(err)
	}
	return s.send(ctx, &shikayat.Reply{
		Key: "reply:" + strconv.FormatInt(ev.ID, 10), ComplaintID: c.ID, InReplyTo: c.SourcePostID, Text: text, Lang: lang,
	})
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
func (s *Sender) send(ctx context.Context, want *shikayat.Reply) error {
	return s.sendTurn(ctx, want, false)
}

func (s *Sender) sendTurn(ctx context.Context, want *shikayat.Reply, waited bool) error {
	r, err := s.DB.ClaimReply(ctx, want)
	if err != nil {
		return err
	}
	log := s.log().With(slog.String("reply", r.Key), slog.String("in_reply_to", r.InReplyTo))
	switch r.State {
	case shikayat.ReplySent, shikayat.ReplyFailed:
		return nil
	case shikayat.ReplySending:
		// An earlier try may have reached X. Let X settle, then look.
		if err := sleep(ctx, s.Settle); err != nil {
			return err
		}
		posted, err := s.findPosted(ctx, r.InReplyTo)
		if err != nil {
			return fmt.Errorf("check own posts: %w", err)
		}
		if posted != "" {
			log.Info("reply was posted before; recording it", slog.String("post_id", posted))
			return s.DB.MarkReplySent(ctx, r.ID, posted)
		}
	}

	if wait, err := s.budgetWait(ctx); err != nil {
		return err
	} else if wait > 0 {
		log.Warn("daily post budget spent; reply waits", slog.Duration("wait", wait))
		return jobs.Snooze(wait)
	}
	// Known to be rate limited: wait here (this node's one sender), then
	// go on only if no more urgent reply waits.
	if wait := s.rateLimitWait(); wait > 0 {
		log.Info("rate limited; waiting for the window", slog.Duration("wait", wait))
		return s.waitTurn(ctx, wait, want, waited)
	}
	// Urgent first: a reply less urgent than one waiting gives way.
	if s.Queue != nil {
		if more, err := s.Queue.MoreUrgentWaiting(ctx); err != nil {
			return err
		} else if more {
			return jobs.GiveWay()
		}
	}
	if won, err := s.DB.MarkReplySending(ctx, r.ID, r.Attempts); err != nil {
		return err
	} else if !won {
		// Another worker took this reply meanwhile: look again later.
		return fmt.Errorf("reply %s is being sent by another worker", r.Key)
	}
	id, err := s.X.CreateReply(ctx, r.Text, r.InReplyTo)
	if err == nil {
		log.Info("reply posted", slog.String("post_id", id))
		return s.DB.MarkReplySent(ctx, r.ID, id)
	}
	if reset, limited := xapi.IsRateLimited(err); limited {
		if err := s.DB.MarkReplyPending(ctx, r.ID, "rate limited"); err != nil {
			return err
		}
		wait := max(time.Until(reset.Add(resetMargin)), time.Second)
		log.Info("rate limited; waiting for the window", slog.Duration("wait", wait))
		return s.waitTurn(ctx, wait, want, waited)
	}
	if xapi.IsUncertain(err) {
		// Leave it "sending": the next try settles and looks first.
		log.Warn("reply outcome unknown", slog.Any("error", err))
		return err
	}
	var apiErr *xapi.APIError
	if errors.As(err, &apiErr) && apiErr.Status >= 400 && apiErr.Status < 500 && apiErr.Status != http.StatusUnauthorized {
		// Refused for good: the post does not mention the account, the text
		// is a duplicate, the post is gone. (401 is not: credentials get fixed.)
		log.Error("X refused the reply", slog.Any("error", err))
		return s.DB.MarkReplyFailed(ctx, r.ID, err.Error())
	}
	// A 5xx or anything else: X may or may not have posted it.
	log.Warn("reply failed; will check before retrying", slog.Any("error", err))
	return err
}

// findPosted looks through the account's recent posts for a reply to
// postID and returns its id, or "".
func (s *Sender) findPosted(ctx context.Context, postID string) (string, error) {
	me, err := s.AccountID(ctx)
	if err != nil {
		return "", err
	}
	found := ""
	errFound := errors.New("found")
	err = xapi.Pages(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
		return s.X.UserTweets(ctx, me, postID, token)
	}, func(p *xapi.Page) error {
		for _, t := range p.Data {
			for _, ref := range t.ReferencedTweets {
				if ref.Type == xapi.RefRepliedTo && ref.ID == postID {
					found = t.ID
					return errFound
				}
			}
		}
		return nil
	})
	if err != nil && !errors.Is(err, errFound) {
		return "", err
	}
	return found, nil
}

// budgetWait returns how long to wait for the daily budget, or 0.
func (s *Sender) budgetWait(ctx context.Context) (time.Duration, error) {
	now := s.now()
	day, _ := shikayat.ParseISTDay(shikayat.ISTDay(now))
	next := day.AddDate(0, 0, 1)
	n, err := s.DB.CountRepliesSent(ctx, day, next)
	if err != nil {
		return 0, err
	}
	if n < s.DailyBudget {
		return 0, nil
	}
	return next.Sub(now), nil
}

// maxWait is the longest a sender holds its job while it waits out a rate
// limit; it then puts the job back and takes the most urgent one.
const maxWait = 15 * time.Second

// resetMargin covers X's reset time being given in whole seconds.
const resetMargin = time.Second

// rateLimitWait is how long X's post limit is known to be spent, or 0.
func (s *Sender) rateLimitWait() time.Duration {
	if rl, ok := s.X.RateLimit(xapi.EndpointCreatePost); ok && rl.Remaining == 0 {
		return max(time.Until(rl.Reset.Add(resetMargin)), 0)
	}
	return 0
}

// waitTurn waits out a rate limit (at most maxWait). While it waits, this
// node's one sender posts nothing, as X would refuse it anyway. Then it
// sends this reply if the window is open and no more urgent reply waits;
// otherwise it puts the job back, and the queue's order picks the next.
func (s *Sender) waitTurn(ctx context.Context, d time.Duration, want *shikayat.Reply, waited bool) error {
	if err := sleep(ctx, min(d, maxWait)); err != nil {
		return err
	}
	if waited || s.rateLimitWait() > 0 {
		return jobs.Requeue()
	}
	return s.sendTurn(ctx, want, true)
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
