package store_test

import (
	"context"
	crand "crypto/rand"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// The public view read in one query is the complaint's public fields and
// shikayat.PublicEvents of its full trail, as the desk reads it.
func TestTrackComplaintIsThePublicView(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{Now: newClock().Now})
		c := trackable(t, db, "1", "mera phone chori ho gaya")
		op := actorIn(t, db, lucknow)
		for _, a := range []shikayat.Action{
			{Kind: shikayat.ActionNote, Text: "internal: the caller is 9876543210"},
			{Kind: shikayat.ActionNote, Text: "SHO will call you on 9876543210", Public: true},
			{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate, Type: shikayat.TypeTheft},
			{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "phone returned", Public: true},
		} {
			if _, _, err := db.ApplyAction(ctx, c.Code, a, op, ""); err != nil {
				t.Fatal(err)
			}
		}
		pub, full := trackAndFind(t, db, c.Code)
		if pub.Code != full.Code || pub.Stage != full.Stage || pub.Status != full.Status || pub.District != full.District ||
			pub.Class != full.Class || pub.Type != full.Type || !pub.ReceivedAt.Equal(full.ReceivedAt) ||
			!pub.UpdatedAt.Equal(full.UpdatedAt) || pub.ClosedAt == nil || !pub.ClosedAt.Equal(*full.ClosedAt) {
			t.Fatalf("public view %+v\nfull view %+v", pub, full)
		}
		if want := shikayat.PublicEvents(full.Events); !reflect.DeepEqual(pub.Events, want) {
			t.Fatalf("public events:\n%+v\nwant\n%+v", pub.Events, want)
		}
		if pub.Text != "" || pub.AuthorUsername != "" || pub.UnitID != "" {
			t.Fatalf("public view leaks: %+v", pub)
		}
		if _, err := db.TrackComplaint(ctx, "UP26-0000000000"); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			t.Fatalf("unknown code: %v", err)
		}
	})
}

// A public view is answered from memory for at most TrackFor: a change made
// through the same store is seen by the next lookup, a change made by
// another node once TrackFor has passed.
func TestTrackComplaintStalenessBound(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		clk := newClock()
		where := dsn()
		db := open(t, where, store.Options{Now: clk.Now})
		other := open(t, where, store.Options{Now: clk.Now}) // another node
		// Open's background sync of the statistics rules commits, which
		// drops the views kept: it is done before the first read.
		for _, d := range []*store.DB{db, other} {
			if err := d.WaitStatsRules(); err != nil {
				t.Fatal(err)
			}
		}
		c := trackable(t, db, "1", "mera phone chori ho gaya")
		steps := func() int {
			t.Helper()
			pub, err := db.TrackComplaint(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			return len(pub.Events)
		}
		n := steps()
		note := func(s *store.DB, text string) {
			t.Helper()
			if _, _, err := s.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: text, Public: true}, actorIn(t, s, lucknow), ""); err != nil {
				t.Fatal(err)
			}
		}
		note(db, "through this node")
		if got := steps(); got != n+1 {
			t.Fatalf("after a note through the same store: %d steps, want %d", got, n+1)
		}
		note(other, "through another node")
		clk.Add(store.DefaultTrackFor / 2)
		if got := steps(); got != n+1 {
			t.Fatalf("within TrackFor of the last read: %d steps, want the view kept (%d)", got, n+1)
		}
		clk.Add(store.DefaultTrackFor / 2)
		if got := steps(); got != n+2 {
			t.Fatalf("TrackFor after the read: %d steps, want %d", got, n+2)
		}
		// Without keeping views, every lookup reads.
		fresh := open(t, where, store.Options{Now: clk.Now, TrackFor: -1})
		if pub, err := fresh.TrackComplaint(ctx, c.Code); err != nil || len(pub.Events) != n+2 {
			t.Fatalf("TrackFor -1: %v, %+v", err, pub)
		}
		note(other, "again")
		if pub, err := fresh.TrackComplaint(ctx, c.Code); err != nil || len(pub.Events) != n+3 {
			t.Fatalf("TrackFor -1 after another node's note: %v, %+v", err, pub)
		}
	})
}

// A view read again once TrackFor has passed is the same value when
// nothing changed (so that an answer made from it may be kept), and a new
// one when something did.
func TestTrackComplaintUnchangedKeepsItsValue(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		clk := newClock()
		where := dsn()
		db := open(t, where, store.Options{Now: clk.Now})
		other := open(t, where, store.Options{Now: clk.Now})
		c := trackable(t, db, "1", "mera phone chori ho gaya")
		track := func() *shikayat.Complaint {
			t.Helper()
			pub, err := db.TrackComplaint(ctx, c.Code)
			if err != nil {
				t.Fatal(err)
			}
			return pub
		}
		first := track()
		clk.Add(store.DefaultTrackFor + time.Second)
		if again := track(); again != first {
			t.Errorf("read again unchanged: a new value %+v, want the one given before", again)
		}
		if _, _, err := other.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "FIR darj", Public: true}, actorIn(t, other, lucknow), ""); err != nil {
			t.Fatal(err)
		}
		clk.Add(store.DefaultTrackFor + time.Second)
		changed := track()
		if changed == first || len(changed.Events) != len(first.Events)+1 {
			t.Errorf("read again after another node's note: %d steps (same value: %v), want %d", len(changed.Events), changed == first, len(first.Events)+1)
		}
	})
}

// Lookups that miss the memory at the same moment are read together in
// batches; each still gets its own complaint's view, an unknown code gets
// not-found, and a sensitive complaint its stage alone.
func TestTrackComplaintBatchedLookupsKeepTheirOwn(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{Now: newClock().Now, TrackFor: -1}) // every lookup reads the database
		op := actorIn(t, db, lucknow)
		yes := true
		want := map[string]*shikayat.Complaint{}
		var codes []string
		for i := range 24 {
			c := trackable(t, db, fmt.Sprint(100+i), fmt.Sprintf("complaint %d: mera phone chori ho gaya", i))
			var actions []shikayat.Action
			for range i % 4 {
				actions = append(actions, shikayat.Action{Kind: shikayat.ActionNote, Text: "step for " + c.Code, Public: true})
			}
			switch i % 6 {
			case 1:
				actions = append(actions, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes, Reason: "victim"})
			case 2:
				actions = append(actions, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "closed " + c.Code, Public: true})
			}
			for _, a := range actions {
				if _, _, err := db.ApplyAction(ctx, c.Code, a, op, ""); err != nil {
					t.Fatal(err)
				}
			}
			w, err := db.TrackComplaint(ctx, c.Code) // alone: a batch of one
			if err != nil {
				t.Fatal(err)
			}
			want[c.Code] = w
			codes = append(codes, c.Code)
		}
		var unknown []string
		for range 3 {
			u, err := shikayat.NewDocket("UP26", crand.Reader)
			if err != nil {
				t.Fatal(err)
			}
			unknown = append(unknown, u)
		}
		for _, u := range unknown {
			if _, err := db.TrackComplaint(ctx, u); shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
				t.Fatalf("%s alone: %v, want not found", u, err)
			}
		}
		queries0, lookups0 := db.TrackBatches()
		all := append(slices.Clone(codes), unknown...)
		// The flights held on their first lookups while the others
		// queue: those are read together.
		release := db.HoldTrackFlights()
		var wg sync.WaitGroup
		errs := make(chan error, 32)
		for g := range 32 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 100 {
					code := all[(g*7+i*13)%len(all)]
					got, err := db.TrackComplaint(ctx, code)
					switch w := want[code]; {
					case w == nil && shikayat.ErrorCode(err) != shikayat.ENOTFOUND:
						errs <- fmt.Errorf("%s: %v, %+v; want not found", code, err, got)
						return
					case w != nil && err != nil:
						errs <- fmt.Errorf("%s: %v", code, err)
						return
					case w != nil && !reflect.DeepEqual(got, w):
						errs <- fmt.Errorf("%s: view %+v\nwant %+v", code, got, w)
						return
					}
				}
			}()
		}
		waitFor(t, "the first lookups to be queued or held", func() bool {
			_, taken := db.TrackBatches()
			return db.TrackQueued()+int(taken-lookups0) == 32
		})
		release()
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Error(err)
		}
		queries, lookups := db.TrackBatches()
		if lookups-lookups0 != 32*100 {
			t.Errorf("the flights read %d lookups, want %d", lookups-lookups0, 32*100)
		}
		if queries-queries0 >= lookups-lookups0 {
			t.Errorf("%d lookups at once took %d queries: none were read together", lookups-lookups0, queries-queries0)
		}
		t.Logf("%d lookups in %d queries", lookups-lookups0, queries-queries0)
	})
}

// sameView, which tells whether a view read again can stand for the one
// given before, looks at every field a view has: changing any field that is
// set in a full view or in a sensitive one makes it another view.
func TestSameViewComparesEveryField(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := open(t, storetest.DSN(t, "sqlite"), store.Options{Now: newClock().Now, TrackFor: -1})
	op := actorIn(t, db, lucknow)
	yes := true
	view := func(id string, actions ...shikayat.Action) *shikayat.Complaint {
		in := post(id, "mera phone chori ho gaya")
		in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95, Type: shikayat.TypeTheft}
		in.Forward = true
		c, _, err := db.CreateComplaint(ctx, in)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range actions {
			if _, _, err := db.ApplyAction(ctx, c.Code, a, op, ""); err != nil {
				t.Fatal(err)
			}
		}
		v, err := db.TrackComplaint(ctx, c.Code)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	full := view("1",
		shikayat.Action{Kind: shikayat.ActionNote, Text: "SHO will call you", Public: true},
		shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassImmediate, Type: shikayat.TypeTheft},
		shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "phone returned", Public: true})
	sensitive := view("2", shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes, Reason: "victim"})

	changed := map[string]bool{}
	for _, v := range []*shikayat.Complaint{full, sensitive} {
		if !store.SameView(v, v) {
			t.Fatalf("a view differs from itself: %+v", v)
		}
		cv := reflect.ValueOf(v).Elem()
		for i := range cv.NumField() {
			name := cv.Type().Field(i).Name
			if name == "Events" || cv.Field(i).IsZero() {
				continue
			}
			w := *v
			other(t, reflect.ValueOf(&w).Elem().Field(i))
			if store.SameView(v, &w) {
				t.Errorf("a view with another %s is the same view", name)
			}
			changed[name] = true
		}
		for j, e := range v.Events {
			ev := reflect.ValueOf(e).Elem()
			for i := range ev.NumField() {
				if ev.Field(i).IsZero() {
					continue
				}
				name := "Event." + ev.Type().Field(i).Name
				f := *e
				other(t, reflect.ValueOf(&f).Elem().Field(i))
				w := *v
				w.Events = slices.Clone(v.Events)
				w.Events[j] = &f
				if store.SameView(v, &w) {
					t.Errorf("a view with another %s in step %d is the same view", name, j)
				}
				changed[name] = true
			}
		}
		if len(v.Events) > 0 {
			w := *v
			w.Events = v.Events[:len(v.Events)-1]
			if store.SameView(v, &w) {
				t.Errorf("a view with a step less is the same view")
			}
		}
	}
	for _, name := range []string{"Code", "Stage", "Status", "District", "Class", "Type", "SuggestedType", "ReceivedAt",
		"UpdatedAt", "ClosedAt", "Sensitive", "Event.ID", "Event.At", "Event.Action", "Event.ToStage", "Event.Note",
		"Event.Public", "Event.Detail"} {
		if !changed[name] {
			t.Errorf("the views tried have no %s set: the test does not check it", name)
		}
	}
}

// other sets v to a value other than its own.
func other(t *testing.T, v reflect.Value) {
	t.Helper()
	switch x := v.Addr().Interface().(type) {
	case *time.Time:
		*x = x.Add(time.Second)
	case **time.Time:
		later := (*x).Add(time.Second)
		*x = &later
	case *map[string]string:
		m := maps.Clone(*x)
		m["other"] = "x"
		*x = m
	default:
		switch v.Kind() {
		case reflect.String:
			v.SetString(v.String() + "x")
		case reflect.Int, reflect.Int64, reflect.Int32:
			v.SetInt(v.Int() + 1)
		case reflect.Bool:
			v.SetBool(!v.Bool())
		default:
			t.Fatalf("no other value for a %s", v.Type())
		}
	}
}

// A complaint whose trail cannot be read (here every event of it) fails its
// own lookups, not those of the complaints read in the same batch.
func TestTrackComplaintBrokenTrailFailsItsOwnLookupsOnly(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{Now: newClock().Now, TrackFor: -1})
		var codes []string
		for i := range 8 {
			c := trackable(t, db, fmt.Sprint(200+i), fmt.Sprintf("complaint %d: mera phone chori ho gaya", i))
			codes = append(codes, c.Code)
		}
		broken := codes[3]
		tamper(t, db, fmt.Sprintf(`UPDATE events SET detail = '{not json' WHERE complaint_id = (SELECT id FROM complaints WHERE code = '%s')`, broken))
		// The flights held on their first lookups while the others
		// queue: those are read together.
		release := db.HoldTrackFlights()
		var wg sync.WaitGroup
		var mu sync.Mutex
		failed := map[string]int{}
		for g := range 16 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := range 40 {
					code := codes[(g+i)%len(codes)]
					_, err := db.TrackComplaint(ctx, code)
					mu.Lock()
					if err != nil {
						failed[code]++
					}
					mu.Unlock()
				}
			}()
		}
		waitFor(t, "the first lookups to be queued or held", func() bool {
			_, taken := db.TrackBatches()
			return db.TrackQueued()+int(taken) == 16
		})
		release()
		wg.Wait()
		if queries, lookups := db.TrackBatches(); queries >= lookups {
			t.Errorf("%d lookups at once took %d queries: none were read together", lookups, queries)
		}
		if failed[broken] != 16*40/len(codes) {
			t.Errorf("the broken trail's lookups failed %d times, want all %d", failed[broken], 16*40/len(codes))
		}
		delete(failed, broken)
		if len(failed) > 0 {
			t.Errorf("lookups of whole complaints failed: %v", failed)
		}
	})
}

// A lookup whose caller has stopped waiting is not read: neither one
// asked with a context already done, nor one that waited in the queue
// behind two busy flights and was given up before they came back for it.
func TestTrackComplaintCanceledLookupsAreNotRead(t *testing.T) {
	t.Parallel()
	if !slices.Contains(storetest.Engines(), "postgres") {
		t.Skip(storetest.EnvPostgres + " is not set: the flights are held busy by a PostgreSQL lock")
	}
	ctx := context.Background()
	db := open(t, storetest.DSN(t, "postgres"), store.Options{Now: newClock().Now, TrackFor: -1})
	c := trackable(t, db, "1", "mera phone chori ho gaya")
	gone, cancel := context.WithCancel(ctx)
	cancel()
	for range 10 {
		if _, err := db.TrackComplaint(gone, c.Code); !errors.Is(err, context.Canceled) {
			t.Fatalf("a lookup for a caller gone: %v, want canceled", err)
		}
	}
	if queries, lookups := db.TrackBatches(); queries != 0 || lookups != 0 {
		t.Fatalf("lookups asked with a context done were read: %d in %d queries", lookups, queries)
	}
	// Both flights held on a lock of the complaints, each on a lookup of
	// its own.
	lock, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer lock.Rollback()
	if _, err := lock.ExecContext(ctx, `LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE`); err != nil {
		t.Fatal(err)
	}
	var busy sync.WaitGroup
	for i := range 2 {
		busy.Add(1)
		go func() {
			defer busy.Done()
			if _, err := db.TrackComplaint(ctx, c.Code); err != nil {
				t.Error(err)
			}
		}()
		waitFor(t, "a flight to take its lookup", func() bool { q, _ := db.TrackBatches(); return q == int64(i+1) })
	}
	waiting, giveUp := context.WithCancel(ctx)
	var waiters sync.WaitGroup
	for range 20 {
		waiters.Add(1)
		go func() {
			defer waiters.Done()
			if _, err := db.TrackComplaint(waiting, c.Code); !errors.Is(err, context.Canceled) {
				t.Errorf("a lookup given up: %v, want canceled", err)
			}
		}()
	}
	waitFor(t, "the lookups to queue behind the busy flights", func() bool { return db.TrackQueued() == 20 })
	giveUp()
	waiters.Wait()
	lock.Rollback()
	busy.Wait()
	if queries, lookups := db.TrackBatches(); queries != 2 || lookups != 2 {
		t.Errorf("%d lookups read in %d queries, want the 2 whose callers waited, in 2", lookups, queries)
	}
}

// trackable stores a complaint of Lucknow's, forwarded, from a post with id
// and text.
func trackable(t *testing.T, db *store.DB, id, text string) *shikayat.Complaint {
	t.Helper()
	in := post(id, text)
	in.Triage = &shikayat.Triage{Actionable: true, Urgency: shikayat.ClassMidTerm, District: 162, Confidence: 0.95}
	in.Forward = true
	c, _, err := db.CreateComplaint(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// waitFor waits until ok, for at most 10 seconds.
func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10s for %s", what)
		}
	}
}

// The events the public lookup leaves in the database (trackEvents, in
// SQL) are the ones shikayat.MayBePublic leaves out: over every action the
// trail knows and some it does not, between stages, public or not, the
// lookup shows what PublicEvents of the whole trail shows.
func TestTrackComplaintFilterAgreesWithPublicEvents(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{Now: newClock().Now, TrackFor: -1})
		c := trackable(t, db, "1", "mera phone chori ho gaya")
		actions := append(shikayat.PublicActions(), "reply", "viewed", "sla_warning", "escalate", shikayat.EventCitizenPost,
			shikayat.EventStaffPost, "", "Replied", "note ", "NOTE")
		for _, a := range shikayat.ActionKinds {
			actions = append(actions, string(a))
		}
		stages := []shikayat.Stage{"", shikayat.StageAssigned, shikayat.StageClosed}
		at := time.Now()
		for _, a := range actions {
			for _, from := range stages {
				for _, to := range stages {
					for _, public := range []bool{false, true} {
						at = at.Add(time.Millisecond)
						if err := db.ForgeEvent(ctx, c.ID, &shikayat.Event{At: at, Actor: "system", Action: a, FromStage: from, ToStage: to,
							Public: public, Note: "n", Detail: map[string]string{"resolution": "action_taken", "appeal": shikayat.AppealRating}}); err != nil {
							t.Fatal(err)
						}
					}
				}
			}
		}
		pub, full := trackAndFind(t, db, c.Code)
		want := shikayat.PublicEvents(full.Events)
		if len(want) < len(actions) || len(want) >= len(full.Events) {
			t.Fatalf("%d public steps of %d events: the trail does not try both sides", len(want), len(full.Events))
		}
		if !reflect.DeepEqual(pub.Events, want) {
			t.Errorf("the lookup shows %d steps, PublicEvents of the trail %d", len(pub.Events), len(want))
			for i := range min(len(pub.Events), len(want)) {
				if !reflect.DeepEqual(pub.Events[i], want[i]) {
					t.Fatalf("first difference, step %d: %+v, want %+v", i, pub.Events[i], want[i])
				}
			}
		}
		// What no list names shows when it changes the stage, and a
		// citizen's post never does.
		var escalated, posted bool
		for _, e := range pub.Events {
			escalated = escalated || e.Action == "escalate" && e.FromStage == shikayat.StageAssigned && e.ToStage == shikayat.StageClosed
			posted = posted || e.Action == shikayat.EventCitizenPost && e.FromStage == e.ToStage
		}
		if !escalated || posted {
			t.Errorf("an unlisted change of stage shown: %v (want true); a citizen's post of the same stage shown: %v (want false)", escalated, posted)
		}
	})
}

// trackAndFind reads a complaint's public view and its whole view.
func trackAndFind(t *testing.T, db *store.DB, code string) (pub, full *shikayat.Complaint) {
	t.Helper()
	ctx := context.Background()
	full, err := db.FindComplaint(ctx, code, shikayat.SystemScope())
	if err != nil {
		t.Fatal(err)
	}
	if pub, err = db.TrackComplaint(ctx, code); err != nil {
		t.Fatal(err)
	}
	return pub, full
}
