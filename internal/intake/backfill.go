package intake

import (
	"context"
	"log/slog"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/xapi"
)

// GapName is the checkpoint that names an open gap, "lo..hi": mentions
// between the overlap's start and the oldest post a poll read, which the
// timeline did not reach and recent search has not read yet. "" when none
// is open.
const GapName = "x:mentions:gap"

// GapWalkName keeps the backfill's progress through the open gap, "read
// top": the oldest post recent search has read in it (it searches below
// that next), and the newest post the mentions read since the gap opened.
const GapWalkName = "x:mentions:gap:walk"

// LostName names the mentions X no longer lets the desk read, "lo..hi":
// a gap older than recent search reaches back. Kept for a person.
const LostName = "x:mentions:lost"

// SearchReach is how far back X's recent search reads.
const SearchReach = 7 * 24 * time.Hour

// searchMargin keeps a backfill's lower bound this far inside SearchReach,
// so that the time a search takes does not push it out.
const searchMargin = time.Minute

// BackfillError is a failed backfill: the poll's mentions read succeeded
// and was recorded, but the gap stays open.
type BackfillError struct {
	Gap string // the open gap, lo..hi
	Err error
}

func (e *BackfillError) Error() string {
	return "backfill with recent search (intake gap " + e.Gap + " still open): " + e.Err.Error()
}

func (e *BackfillError) Unwrap() error { return e.Err }

// gap is the open gap and the backfill's progress through it.
type gap struct {
	lo, hi string // exclusive bounds: since_id and the oldest post the mentions read
	read   string // the oldest post read in it so far; search reads below it
	top    string // the newest post the mentions read since it opened
	lost   string // mentions older than search reaches, lo..hi
	saved  *gap   // as stored
}

func (g *gap) open() bool { return g.lo != "" }

func (g *gap) String() string {
	if !g.open() {
		return ""
	}
	return g.lo + ".." + g.hi
}

func (g *gap) walk() string {
	if !g.open() {
		return ""
	}
	return g.read + " " + g.top
}

func (g *gap) close() { g.lo, g.hi, g.read, g.top = "", "", "", "" }

func (p *Poller) loadGap(ctx context.Context) (gap, error) {
	var g gap
	var bounds, walk string
	for _, c := range []struct {
		name string
		dst  *string
	}{{GapName, &bounds}, {GapWalkName, &walk}, {LostName, &g.lost}} {
		v, err := p.DB.Checkpoint(ctx, p.name(c.name))
		if err != nil {
			return g, err
		}
		*c.dst = v
	}
	if lo, hi, ok := strings.Cut(bounds, ".."); ok && lo != "" && hi != "" {
		g.lo, g.hi, g.read, g.top = lo, hi, hi, hi
		if read, top, ok := strings.Cut(walk, " "); ok && read != "" && top != "" {
			g.read, g.top = read, top
		}
	}
	saved := g
	g.saved = &saved
	return g, nil
}

// saveGap stores what changed of the gap.
func (p *Poller) saveGap(ctx context.Context, g gap) error {
	old := gap{}
	if g.saved != nil {
		old = *g.saved
	}
	for _, c := range []struct{ name, now, was string }{
		{GapName, g.String(), old.String()}, {GapWalkName, g.walk(), old.walk()}, {LostName, g.lost, old.lost},
	} {
		if c.now == c.was {
			continue
		}
		if err := p.DB.SetCheckpoint(ctx, p.fence(), p.name(c.name), c.now); err != nil {
			return err
		}
	}
	return nil
}

// noteRead updates the gap after a mentions read of posts newer than since
// whose oldest is oldest and newest is newest; reached tells whether the
// read reached back to the checkpoint.
func (p *Poller) noteRead(g *gap, since, oldest, newest string, reached bool) {
	switch {
	case reached && g.open():
		p.Logger.Info("intake gap closed: the mentions timeline reached back over it", slog.String("gap", g.String()))
		g.close()
	case reached:
	case !g.open():
		g.lo, g.hi, g.read, g.top = since, oldest, oldest, newest
		p.Logger.Warn("the mentions timeline did not reach back to the checkpoint: intake gap open; backfilling with recent search",
			slog.String("gap", g.String()))
	case compareIDs(oldest, g.top) > 0:
		// This read does not reach down to the last one: the posts between
		// are unread too. The gap's top moves up, and the backfill walks
		// down from it again (posts read twice are recorded once).
		g.hi, g.read, g.top = oldest, oldest, newest
		p.Logger.Warn("the mentions timeline moved past the last read: intake gap widened", slog.String("gap", g.String()))
	default:
		g.top = laterID(g.top, newest)
	}
}

// backfill reads the open gap with recent search, from where it stopped
// down to the gap's bottom, and closes the gap when it gets there. While a
// failed backfill's back-off runs, it waits. The part of the gap older
// than recent search reaches is lost for good: it is recorded for a person.
func (p *Poller) backfill(ctx context.Context, g *gap) ([]shikayat.Post, []shikayat.UnreadablePost, error) {
	now := p.Now()
	if now.Before(p.backfillAt) {
		p.Logger.Warn("intake gap still open: mentions in it are not read yet; the backfill waits for its back-off",
			slog.String("gap", g.String()), slog.Time("retry_at", p.backfillAt))
		return nil, nil, nil
	}
	horizon := shikayat.SnowflakeAt(now.Add(-SearchReach + searchMargin))
	if compareIDs(g.lo, horizon) < 0 {
		top := horizon
		if compareIDs(g.read, top) < 0 {
			top = g.read
		}
		g.lost = g.lo + ".." + top
		p.Logger.Error("mentions lost for good: the intake gap is older than X's recent search reaches back (7 days); a person must look for them on X",
			slog.String("lost", g.lost), slog.String("gap", g.String()))
		if compareIDs(g.read, horizon) <= 0 {
			g.close()
			return nil, nil, nil
		}
		g.lo = horizon
	}
	p.Logger.Warn("intake gap open: backfilling with recent search", slog.String("gap", g.String()), slog.String("below", g.read))
	posts, bad, err := p.read(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
		return p.X.SearchRecentUntil(ctx, "@"+p.Account, g.lo, g.read, token)
	})
	// Search reads newest first, page by page: everything between the
	// oldest post read and where it started has been read.
	if oldest := oldestID(posts, bad); oldest != "" && compareIDs(oldest, g.read) < 0 {
		g.read = oldest
	}
	if err != nil {
		p.Logger.Error("backfill failed: intake gap still open; mentions in it are not read yet, and a later poll goes on from where it stopped",
			slog.String("gap", g.String()), slog.String("read_down_to", g.read), slog.Any("error", err))
		return posts, bad, &BackfillError{Gap: g.String(), Err: err}
	}
	p.backfillFailures, p.backfillAt = 0, time.Time{}
	p.Logger.Info("intake gap closed: the backfill read it", slog.String("gap", g.String()))
	g.close()
	return posts, bad, nil
}

// backfillFailed sets the backfill's own back-off: the mentions go on being
// polled every interval meanwhile.
func (p *Poller) backfillFailed(err error) {
	p.backfillFailures++
	p.backfillAt = p.Now().Add(p.backoff(p.backfillFailures, err))
}

// GapCheck is a readiness check that names an open intake gap (mentions a
// backfill has not read yet) and mentions lost for good (older than recent
// search reaches). It reports; it does not make a node unready.
func GapCheck(db *store.DB) func(context.Context) error {
	return func(ctx context.Context) error {
		gap, err := db.Checkpoint(ctx, GapName)
		if err != nil {
			return err
		}
		lost, err := db.Checkpoint(ctx, LostName)
		if err != nil {
			return err
		}
		var msgs []string
		if gap != "" {
			msgs = append(msgs, "intake gap open: mentions between posts "+gap+" are not read yet (recent search has not read them); intake keeps trying")
		}
		if lost != "" {
			msgs = append(msgs, "mentions between posts "+lost+" were lost for good: older than X's recent search reaches back (7 days); a person must look for them on X")
		}
		if len(msgs) > 0 {
			return shikayat.Errorf(shikayat.EINTERNAL, "%s", strings.Join(msgs, "; "))
		}
		return nil
	}
}
