package store_test

import (
	"context"
	"database/sql"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// slaClock is the injected clock of the SLA tests.
type slaClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *slaClock) Now() time.Time  { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *slaClock) Set(t time.Time) { c.mu.Lock(); c.now = t; c.mu.Unlock() }

// slaQueue keeps the SLA jobs the store schedules and works those whose time
// has come on the injected clock, as River would at their scheduled_at:
// unique by their args, each worked once.
type slaQueue struct {
	mu   sync.Mutex
	jobs []shikayat.Job
	done map[[3]int64]bool
}

func (q *slaQueue) InsertTx(_ context.Context, _ *sql.Tx, j shikayat.Job) error {
	if j.Kind != shikayat.JobSLA {
		return nil
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	for _, o := range q.jobs {
		if o.ComplaintID == j.ComplaintID && o.SLAGen == j.SLAGen && o.SLAStep == j.SLAStep {
			return nil
		}
	}
	q.jobs = append(q.jobs, j)
	return nil
}

// work runs every job due at now, and those they schedule that are due too,
// and returns the kinds of event recorded.
func (q *slaQueue) work(t *testing.T, db *store.DB, now time.Time) []string {
	t.Helper()
	if q.done == nil {
		q.done = map[[3]int64]bool{}
	}
	var kinds []string
	for {
		q.mu.Lock()
		var due []shikayat.Job
		for _, j := range q.jobs {
			k := [3]int64{j.ComplaintID, int64(j.SLAGen), int64(j.SLAStep)}
			if !q.done[k] && !j.At.After(now) {
				due = append(due, j)
				q.done[k] = true
			}
		}
		q.mu.Unlock()
		if len(due) == 0 {
			return kinds
		}
		sort.Slice(due, func(a, b int) bool { return due[a].At.Before(due[b].At) })
		for _, j := range due {
			res, err := db.RunSLA(context.Background(), j.ComplaintID, j.SLAGen, j.SLAStep)
			if err != nil {
				t.Fatalf("run SLA job %+v: %v", j, err)
			}
			if res.Wait != 0 {
				t.Fatalf("SLA job %+v ran at its time and was told to wait %s", j, res.Wait)
			}
			if res.Kind != "" {
				kinds = append(kinds, res.Kind)
			}
		}
	}
}

// slaDesk is a store on an injected clock with the SLA queue.
type slaDesk struct {
	db    *store.DB
	clock *slaClock
	q     *slaQueue
	t0    time.Time
}

func newSLADesk(t *testing.T, dsn string) *slaDesk {
	t0 := time.Date(2026, 1, 5, 4, 30, 0, 0, time.UTC)
	d := &slaDesk{clock: &slaClock{now: t0}, q: &slaQueue{}, t0: t0}
	d.db = open(t, dsn, store.Options{Now: d.clock.Now, Jobs: d.q})
	return d
}

// at moves the clock to t0+off and works the jobs due; it returns the kinds
// of SLA event recorded.
func (d *slaDesk) at(t *testing.T, off time.Duration) []string {
	t.Helper()
	d.clock.Set(d.t0.Add(off))
	return d.q.work(t, d.db, d.t0.Add(off))
}

func (d *slaDesk) complaint(t *testing.T, id string, class shikayat.Class) *shikayat.Complaint {
	t.Helper()
	in := post(id, "मेरी बाइक चोरी हो गई, थाने में कोई नहीं सुन रहा")
	in.Triage = &shikayat.Triage{Actionable: true, Urgency: class, District: 162, Confidence: 0.95}
	in.Forward = true
	in.ReceivedAt = d.clock.Now()
	c, _, err := d.db.CreateComplaint(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func (d *slaDesk) act(t *testing.T, code string, a shikayat.Action, by shikayat.Actor) *shikayat.Complaint {
	t.Helper()
	c, _, err := d.db.ApplyAction(context.Background(), code, a, by, "")
	if err != nil {
		t.Fatalf("%s: %v", a.Kind, err)
	}
	return c
}

func (d *slaDesk) find(t *testing.T, code string) *shikayat.Complaint {
	t.Helper()
	c, err := d.db.FindComplaint(context.Background(), code, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantKinds(t *testing.T, step string, got []string, want ...string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: SLA events %v, want %v", step, got, want)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%s: SLA events %v, want %v", step, got, want)
		}
	}
}

func wantDue(t *testing.T, step string, c *shikayat.Complaint, want time.Time) {
	t.Helper()
	if c.DueAt == nil || !c.DueAt.Equal(want) {
		t.Fatalf("%s: due %v, want %v", step, c.DueAt, want)
	}
}

// slaEvents returns the complaint's SLA events on the trail.
func slaEvents(c *shikayat.Complaint) []*shikayat.Event {
	var out []*shikayat.Event
	for _, e := range c.Events {
		switch e.Action {
		case shikayat.SLAEventWarning, shikayat.SLAEventBreach, shikayat.SLAEventEscalation:
			out = append(out, e)
		}
	}
	return out
}

func escalated(t *testing.T, db *store.DB, scope shikayat.Scope) []string {
	t.Helper()
	cs, err := db.ListEscalated(context.Background(), scope)
	if err != nil {
		t.Fatal(err)
	}
	var codes []string
	for _, c := range cs {
		codes = append(codes, c.Code)
	}
	return codes
}

func unitScope(t *testing.T, db *store.DB, id string) shikayat.Scope {
	t.Helper()
	return actorIn(t, db, shikayat.Actor{UserID: 99, Username: "sup", Role: shikayat.RoleDistrictOperator, UnitID: id}).Scope
}

// A mid-term complaint routed to Lucknow, bounced to Kanpur Nagar, left to
// run over there, re-routed back by HQ and closed: the unit's clock restarts
// with each forward and the citizen's never does; warnings, the breach and
// the escalations up Kanpur's tree come at their moments and once each;
// bounces count against the unit that sent the complaint away.
func TestSLAMidTermForwardedBouncedReforwardedClosed(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newSLADesk(t, dsn())
		db, day := d.db, 24*time.Hour
		c := d.complaint(t, "1", shikayat.ClassMidTerm)
		wantDue(t, "routed", c, d.t0.Add(10*day))

		wantKinds(t, "just before 80 %", d.at(t, 8*day-time.Minute))
		wantKinds(t, "at 80 %", d.at(t, 8*day), shikayat.SLAEventWarning)
		wantKinds(t, "again at 80 %", d.at(t, 8*day+time.Hour))

		// Lucknow sends it away: a bounce against Lucknow, a new unit clock.
		lko := actorIn(t, db, lucknow)
		c = d.act(t, c.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 164, Reason: "Kanpur's"}, lko)
		if c.Bounces != 1 || !c.ReceivedAt.Equal(d.t0) {
			t.Fatalf("after the bounce: bounces %d, received %v", c.Bounces, c.ReceivedAt)
		}
		since := c.UnitSince
		wantDue(t, "bounced", c, since.Add(10*day))
		off := since.Sub(d.t0)

		// Lucknow's old deadline passes: its jobs are outdated.
		wantKinds(t, "Lucknow's old deadline", d.at(t, 10*day))
		wantKinds(t, "Kanpur at 80 %", d.at(t, off+8*day), shikayat.SLAEventWarning)
		wantKinds(t, "Kanpur's deadline", d.at(t, off+10*day), shikayat.SLAEventBreach)

		page, err := db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Overdue: true})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 1 || page.Complaints[0].Code != c.Code {
			t.Fatalf("overdue list: %d complaints, want %s", page.Total, c.Code)
		}
		counts, err := db.CountByDistrictStage(ctx, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if len(counts) != 1 || counts[0].District != 164 || counts[0].Overdue != 1 {
			t.Fatalf("counts %+v, want one overdue in 164", counts)
		}

		kanpur, err := db.FindUnit(ctx, "district:164")
		if err != nil {
			t.Fatal(err)
		}
		var ups []string
		for level := 1; ; level++ {
			u, ok := shikayat.EscalationUnit(kanpur.Path, level)
			if !ok {
				break
			}
			ups = append(ups, u)
		}
		if len(ups) != 3 || ups[2] != shikayat.HQUnitID {
			t.Fatalf("units above Kanpur: %v, want range, zone, hq", ups)
		}
		var last int64
		for i, up := range ups {
			wantKinds(t, "escalation to "+up, d.at(t, off+time.Duration(20+i*10)*day-time.Minute))
			wantKinds(t, "escalation to "+up, d.at(t, off+time.Duration(20+i*10)*day), shikayat.SLAEventEscalation)
			if got := escalated(t, db, unitScope(t, db, up)); len(got) != 1 || got[0] != c.Code {
				t.Fatalf("escalation queue of %s: %v", up, got)
			}
			alerts, err := db.AlertsSince(ctx, last, d.clock.Now().Add(time.Hour), 100)
			if err != nil {
				t.Fatal(err)
			}
			a := alerts[len(alerts)-1]
			last = a.ID
			if a.Kind != shikayat.AlertEscalation || a.UnitID != up || a.Code != c.Code {
				t.Fatalf("escalation alert %+v, want one to %s", a, up)
			}
		}
		if got := escalated(t, db, unitScope(t, db, "district:164")); len(got) != 0 {
			t.Fatalf("Kanpur's own queue holds %v: escalations go up", got)
		}
		wantKinds(t, "nothing above HQ", d.at(t, off+100*day))
		if got := d.find(t, c.Code); got.UnitID != "district:164" {
			t.Fatalf("escalation moved ownership to %s", got.UnitID)
		}

		// HQ re-routes it to Lucknow: a bounce against Kanpur, out of every
		// escalation queue, a new unit clock; the citizen's stays.
		hq := actorIn(t, db, shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: shikayat.HQUnitID})
		c = d.act(t, c.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 162, Reason: "Lucknow's after all"}, hq)
		if c.Bounces != 2 || !c.ReceivedAt.Equal(d.t0) || !c.UnitSince.Equal(d.clock.Now()) {
			t.Fatalf("re-routed: bounces %d, received %v, unit since %v", c.Bounces, c.ReceivedAt, c.UnitSince)
		}
		wantDue(t, "re-routed", c, d.clock.Now().Add(10*day))
		if got := escalated(t, db, shikayat.SystemScope()); len(got) != 0 {
			t.Fatalf("still escalated after re-routing: %v", got)
		}
		page, err = db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Overdue: true})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 0 {
			t.Fatalf("overdue on the citizen's clock, not the unit's: %d", page.Total)
		}
		bounces, err := db.UnitBounces(ctx, time.Time{})
		if err != nil {
			t.Fatal(err)
		}
		if len(bounces) != 2 || bounces["district:162"] != 1 || bounces["district:164"] != 1 {
			t.Fatalf("bounces by unit %v, want one each for 162 and 164", bounces)
		}

		c = d.act(t, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "Bike found."}, lko)
		if c.DueAt != nil {
			t.Fatalf("closed, due %v", c.DueAt)
		}
		wantKinds(t, "closed", d.at(t, off+200*day))

		evs := slaEvents(d.find(t, c.Code))
		if len(evs) != 6 {
			t.Fatalf("%d SLA events on the trail, want 6", len(evs))
		}
		for _, e := range evs {
			if e.Public || e.Actor != shikayat.SystemActor.Name() {
				t.Fatalf("SLA event %+v: want internal, by the system", e)
			}
		}
		tally, err := db.Tally(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if tally.SLAEvents["warning"] != 2 || tally.SLAEvents["breach"] != 1 || tally.SLAEvents["escalation"] != 3 {
			t.Fatalf("tally %v", tally.SLAEvents)
		}
	})
}

// An immediate complaint nobody acts on: the acknowledgement not sent in
// 15 minutes is a breach, and with no first action in the hour it is
// overdue and escalates a period later.
func TestSLAImmediateWithoutFirstAction(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newSLADesk(t, dsn())
		c := d.complaint(t, "1", shikayat.ClassImmediate)
		wantDue(t, "routed", c, d.t0.Add(time.Hour))
		wantKinds(t, "14 min", d.at(t, 14*time.Minute))
		wantKinds(t, "15 min: no acknowledgement", d.at(t, 15*time.Minute), shikayat.SLAEventBreach)
		wantKinds(t, "48 min", d.at(t, 48*time.Minute), shikayat.SLAEventWarning)
		wantKinds(t, "1 h", d.at(t, time.Hour), shikayat.SLAEventBreach)
		page, err := d.db.ListComplaints(ctx, shikayat.ComplaintFilter{Scope: shikayat.SystemScope(), Overdue: true})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 1 {
			t.Fatalf("overdue: %d", page.Total)
		}
		wantKinds(t, "2 h", d.at(t, 2*time.Hour), shikayat.SLAEventEscalation)
		lko, _ := d.db.FindUnit(ctx, "district:162")
		up, _ := shikayat.EscalationUnit(lko.Path, 1)
		if got := escalated(t, d.db, unitScope(t, d.db, up)); len(got) != 1 || got[0] != c.Code {
			t.Fatalf("escalation queue of %s: %v", up, got)
		}
		// A first action by a person takes it out of the queue and sets the
		// mid-term deadline on the same unit clock.
		c = d.act(t, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "Team sent."}, actorIn(t, d.db, lucknow))
		wantDue(t, "first action", c, d.t0.Add(10*24*time.Hour))
		if got := escalated(t, d.db, shikayat.SystemScope()); len(got) != 0 {
			t.Fatalf("still escalated after a first action: %v", got)
		}
	})
}

// A class set later moves the deadline; the jobs made for the old one do
// nothing, even run by hand.
func TestSLAClassSetLaterMovesTheDeadline(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newSLADesk(t, dsn())
		day := 24 * time.Hour
		c := d.complaint(t, "1", shikayat.ClassMidTerm)
		d.at(t, time.Hour)
		c = d.act(t, c.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassLongTerm, Type: shikayat.TypeOther}, actorIn(t, d.db, lucknow))
		wantDue(t, "long term", c, d.t0.Add(30*day))
		wantKinds(t, "old 80 %", d.at(t, 8*day))
		wantKinds(t, "old deadline", d.at(t, 10*day))
		for gen := 0; gen < 2; gen++ {
			if res, err := d.db.RunSLA(ctx, c.ID, gen, 0); err != nil || res.Kind != "" {
				t.Fatalf("outdated job of generation %d: %+v, %v", gen, res, err)
			}
		}
		wantKinds(t, "new 80 %", d.at(t, 24*day), shikayat.SLAEventWarning)
	})
}

// Two workers running the same job at once record one warning.
func TestSLAJobRunTwiceRecordsOnce(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newSLADesk(t, dsn())
		c := d.complaint(t, "1", shikayat.ClassMidTerm)
		d.q.mu.Lock()
		var job shikayat.Job
		for _, j := range d.q.jobs {
			if j.ComplaintID == c.ID {
				job = j // the last one: the forward's generation
			}
		}
		d.q.mu.Unlock()
		d.clock.Set(job.At)
		if res, err := d.db.RunSLA(ctx, c.ID, job.SLAGen, job.SLAStep+1); err != nil || res.Kind != "" {
			t.Fatalf("a later step ran first: %+v, %v", res, err)
		}
		var wg sync.WaitGroup
		results := make([]store.SLAResult, 4)
		errs := make([]error, 4)
		for i := range results {
			wg.Add(1)
			go func() {
				defer wg.Done()
				results[i], errs[i] = d.db.RunSLA(ctx, c.ID, job.SLAGen, job.SLAStep)
			}()
		}
		wg.Wait()
		n := 0
		for i, r := range results {
			if errs[i] != nil && shikayat.ErrorCode(errs[i]) != shikayat.ECONFLICT {
				t.Fatal(errs[i])
			}
			if r.Kind != "" {
				n++
			}
		}
		if n != 1 {
			t.Fatalf("%d runs recorded the warning, want 1", n)
		}
		if evs := slaEvents(d.find(t, c.Code)); len(evs) != 1 {
			t.Fatalf("%d SLA events, want 1", len(evs))
		}
	})
}

// Complaints stored without a queue (before SLA jobs, or by a command) get
// their jobs when the desk starts, once.
func TestSLAResumeSchedulesComplaintsStoredWithoutAQueue(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newSLADesk(t, dsn())
		d.db.SetJobs(nil)
		c := d.complaint(t, "1", shikayat.ClassMidTerm)
		d.db.SetJobs(d.q)
		for i, want := range []int{1, 0} {
			if n, err := d.db.ResumeSLA(ctx); err != nil || n != want {
				t.Fatalf("resume %d: %d complaints, %v; want %d", i+1, n, err, want)
			}
		}
		wantKinds(t, "80 %", d.at(t, 8*24*time.Hour), shikayat.SLAEventWarning)
		if got := slaEvents(d.find(t, c.Code)); len(got) != 1 {
			t.Fatalf("%d SLA events", len(got))
		}
	})
}
