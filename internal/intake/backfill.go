package intake

import (
	"context"
	"log/slog"
	"math"
	"slices"
	"strconv"
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

// LostName names the mentions X no longer lets the desk read: a gap older
// than recent search reaches back, "lo..hi", every such range kept
// (comma-separated, oldest first, at most maxLost: beyond that the two
// oldest are merged into one, so none is ever dropped) for a person.
const LostName = "x:mentions:lost"

// maxLost bounds the lost ranges kept.
const maxLost = 50

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

// hole is a range of mentions not read yet, lo < id < hi: recent search
// reads it from hi down, and hi moves down as it does (the walk's
// progress).
type hole struct{ lo, hi string }

func (h hole) String() string { return h.lo + ".." + h.hi }

// gap is the open gap: the holes in it, newest first, and the backfill's
// progress through them.
type gap struct {
	holes []hole
	top   string   // the newest post the mentions read since it opened
	lost  []string // mentions older than search reaches, lo..hi each
	saved *gap     // as stored
}

func (g *gap) open() bool { return len(g.holes) > 0 }

// String is the gap's bounds, lo..hi: from the lowest hole's bottom to the
// highest one's top.
func (g *gap) String() string {
	if !g.open() {
		return ""
	}
	lo, hi := g.holes[0].lo, g.holes[0].hi
	for _, h := range g.holes[1:] {
		if compareIDs(h.lo, lo) < 0 {
			lo = h.lo
		}
		hi = laterID(hi, h.hi)
	}
	return lo + ".." + hi
}

// walk is the stored progress: "top lo..hi lo..hi …", the holes newest
// first.
func (g *gap) walk() string {
	if !g.open() {
		return ""
	}
	parts := []string{g.top}
	for _, h := range g.holes {
		parts = append(parts, h.String())
	}
	return strings.Join(parts, " ")
}

func (g *gap) close() { g.holes, g.top = nil, "" }

// addHole adds the unread range lo < id < hi, keeping the holes newest
// first; an empty range adds nothing.
func (g *gap) addHole(lo, hi string) {
	if lo == "" || hi == "" || compareIDs(lo, hi) >= 0 {
		return
	}
	g.holes = append(g.holes, hole{lo, hi})
	slices.SortFunc(g.holes, func(a, b hole) int { return compareIDs(b.hi, a.hi) })
}

// addLost keeps one more lost range; past maxLost the two oldest merge.
func (g *gap) addLost(r string) {
	if slices.Contains(g.lost, r) {
		return
	}
	g.lost = append(g.lost, r)
	lo := func(r string) string { l, _, _ := strings.Cut(r, ".."); return l }
	slices.SortFunc(g.lost, func(a, b string) int { return compareIDs(lo(a), lo(b)) })
	for len(g.lost) > maxLost {
		_, hi0, _ := strings.Cut(g.lost[0], "..")
		_, hi1, _ := strings.Cut(g.lost[1], "..")
		g.lost[1] = lo(g.lost[0]) + ".." + laterID(hi0, hi1)
		g.lost = g.lost[1:]
	}
}

func (p *Poller) loadGap(ctx context.Context) (gap, error) {
	var g gap
	var bounds, walk, lost string
	for _, c := range []struct {
		name string
		dst  *string
	}{{GapName, &bounds}, {GapWalkName, &walk}, {LostName, &lost}} {
		v, err := p.DB.Checkpoint(ctx, p.name(c.name))
		if err != nil {
			return g, err
		}
		*c.dst = v
	}
	if lost != "" {
		g.lost = strings.Split(lost, ",")
	}
	if lo, hi, ok := strings.Cut(bounds, ".."); ok && lo != "" && hi != "" {
		f := strings.Fields(walk)
		switch {
		case len(f) >= 2 && strings.Contains(f[1], ".."):
			g.top = f[0]
			for _, h := range f[1:] {
				if l, u, ok := strings.Cut(h, ".."); ok {
					g.addHole(l, u)
				}
			}
		case len(f) == 2: // "read top", as stored before holes
			g.addHole(lo, f[0])
			g.top = f[1]
		default:
			g.addHole(lo, hi)
			g.top = hi
		}
		if !g.open() { // a walk that read to the bottom: nothing left
			g.top = ""
		}
	}
	saved := g
	saved.holes, saved.lost = slices.Clone(g.holes), slices.Clone(g.lost)
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
		{GapName, g.String(), old.String()}, {GapWalkName, g.walk(), old.walk()},
		{LostName, strings.Join(g.lost, ","), strings.Join(old.lost, ",")},
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

// nextID is the id after id (for an exclusive bound that must take id in).
func nextID(id string) string {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || n == math.MaxUint64 {
		return id
	}
	return strconv.FormatUint(n+1, 10)
}

// noteRead updates the gap after a mentions read of posts newer than since
// whose oldest is oldest and newest is newest; reached tells whether the
// read reached back to the checkpoint. No progress is lost and no part of
// a gap skipped: a read that does not reach down to the last one adds the
// posts between as a hole above the ones the backfill is walking, and a
// read from below the gap's bottom (the checkpoint moved down) adds the
// posts below it as a hole too.
func (p *Poller) noteRead(g *gap, since, oldest, newest string, reached bool) {
	switch {
	case reached && g.open():
		// Everything above since was read; a hole below it stays.
		var left []hole
		for _, h := range g.holes {
			if compareIDs(h.lo, since) < 0 {
				left = append(left, hole{h.lo, minID(h.hi, nextID(since))})
			}
		}
		if len(left) == 0 {
			p.Logger.Info("intake gap closed: the mentions timeline reached back over it", slog.String("gap", g.String()))
			g.close()
			return
		}
		g.holes = nil
		for _, h := range left {
			g.addHole(h.lo, h.hi)
		}
		g.top = laterID(g.top, newest)
	case reached:
	case !g.open():
		g.addHole(since, oldest)
		g.top = newest
		p.Logger.Warn("the mentions timeline did not reach back to the checkpoint: intake gap open; backfilling with recent search",
			slog.String("gap", g.String()))
	default:
		lo, _, _ := strings.Cut(g.String(), "..")
		widened := false
		if compareIDs(oldest, g.top) > 0 {
			// This read does not reach down to the last one: the posts
			// between are unread too, a hole above those being walked.
			g.addHole(g.top, oldest)
			widened = true
		}
		if compareIDs(since, lo) < 0 {
			// The read starts below the gap: the posts below it are unread.
			g.addHole(since, nextID(lo))
			widened = true
		}
		g.top = laterID(g.top, newest)
		if widened {
			p.Logger.Warn("intake gap widened: the backfill reads the new part too, and goes on where it stopped", slog.String("gap", g.String()))
		}
	}
}

func minID(a, b string) string {
	if compareIDs(a, b) < 0 {
		return a
	}
	return b
}

// backfill reads the open gap's holes with recent search, newest first,
// each from where it stopped down to its bottom, and closes the gap when
// none is left. While a failed backfill's back-off runs, it waits. The part
// of the gap older than recent search reaches is lost for good: it is
// recorded for a person.
func (p *Poller) backfill(ctx context.Context, g *gap) ([]shikayat.Post, []shikayat.UnreadablePost, error) {
	now := p.Now()
	if now.Before(p.backfillAt) {
		p.Logger.Warn("intake gap still open: mentions in it are not read yet; the backfill waits for its back-off",
			slog.String("gap", g.String()), slog.Time("retry_at", p.backfillAt))
		return nil, nil, nil
	}
	horizon := shikayat.SnowflakeAt(now.Add(-SearchReach + searchMargin))
	var kept []hole
	for _, h := range g.holes {
		if compareIDs(h.lo, horizon) < 0 {
			lost := h.lo + ".." + minID(h.hi, horizon)
			g.addLost(lost)
			p.Logger.Error("mentions lost for good: the intake gap is older than X's recent search reaches back (7 days); a person must look for them on X",
				slog.String("lost", lost), slog.String("gap", g.String()))
			if compareIDs(h.hi, horizon) <= 0 {
				continue
			}
			h.lo = horizon
		}
		kept = append(kept, h)
	}
	g.holes = kept
	if !g.open() {
		g.close()
		return nil, nil, nil
	}
	var posts []shikayat.Post
	var bad []shikayat.UnreadablePost
	for g.open() {
		h := &g.holes[0]
		p.Logger.Warn("intake gap open: backfilling with recent search", slog.String("gap", g.String()), slog.String("hole", h.String()))
		more, moreBad, err := p.read(ctx, func(ctx context.Context, token string) (*xapi.Page, error) {
			return p.X.SearchRecentUntil(ctx, "@"+p.Account, h.lo, h.hi, token)
		})
		posts, bad = append(posts, more...), append(bad, moreBad...)
		// Search reads newest first, page by page: everything between the
		// oldest post read and where it started has been read.
		if oldest := oldestID(more, moreBad); oldest != "" && compareIDs(oldest, h.hi) < 0 {
			h.hi = oldest
		}
		if err != nil {
			p.Logger.Error("backfill failed: intake gap still open; mentions in it are not read yet, and a later poll goes on from where it stopped",
				slog.String("gap", g.String()), slog.String("read_down_to", h.hi), slog.Any("error", err))
			return posts, bad, &BackfillError{Gap: g.String(), Err: err}
		}
		g.holes = g.holes[1:]
	}
	p.backfillFailures, p.backfillAt = 0, time.Time{}
	p.Logger.Info("intake gap closed: the backfill read it")
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
			ranges := strings.Split(lost, ",")
			msgs = append(msgs, "mentions between posts "+strings.Join(ranges, ", ")+" were lost for good ("+strconv.Itoa(len(ranges))+
				" ranges): older than X's recent search reaches back (7 days); a person must look for them on X")
		}
		if len(msgs) > 0 {
			return shikayat.Errorf(shikayat.EINTERNAL, "%s", strings.Join(msgs, "; "))
		}
		return nil
	}
}
