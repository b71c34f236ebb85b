package store_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// A reply written while a station holds the complaint is the station's
// action only when its writer belongs to that station or to a unit under
// it, as the writer's unit was then: a district officer's canned reply
// while the station holds it is not, in the trigger or in a rebuild. A
// reply recorded before the writer's unit was (by_unit empty) keeps the
// older rule: the station held it.
func TestActedAtReplyByStationMember(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko := d.op(t, lucknow162)
		sho := d.station(t, lucknow162)
		acted := func(code string) (at *int64) {
			t.Helper()
			if err := d.db.SQL().QueryRowContext(ctx, `SELECT acted_at FROM complaints WHERE code = $1`, code).Scan(&at); err != nil {
				t.Fatal(err)
			}
			return at
		}
		assigned := func() string {
			c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, lko)
			d.act(t, c, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, lko)
			return c
		}
		d.at(time.Hour)
		office, station, beat, old := assigned(), assigned(), assigned(), assigned()
		d.at(2 * time.Hour)
		d.act(t, office, shikayat.Action{Kind: shikayat.ActionReply, Text: "Aapki shikayat par karyavahi ki ja rahi hai"}, lko)
		d.act(t, station, shikayat.Action{Kind: shikayat.ActionReply, Text: "Hum mauke par hain"}, sho)
		// A beat under the station: its officer's reply is the station's.
		var stationPath string
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT path FROM units WHERE id = $1`, sho.UnitID).Scan(&stationPath); err != nil {
			t.Fatal(err)
		}
		if _, err := d.db.SQL().ExecContext(ctx, `INSERT INTO units (id, kind, name, parent_id, path, lgd, updated_at) VALUES ('unit:beat-7', 'unit', 'Beat 7', $1, $2, $3, 0)`,
			sho.UnitID, stationPath+"unit:beat-7/", lucknow162); err != nil {
			t.Fatal(err)
		}
		// It works the station's complaints (the station's scope).
		beatOfficer := shikayat.Actor{UserID: 7007, Username: "beat7", Role: shikayat.RoleStationOfficer, UnitID: "unit:beat-7", Scope: sho.Scope}
		d.act(t, beat, shikayat.Action{Kind: shikayat.ActionReply, Text: "Beat officer pahunch gaye"}, beatOfficer)
		// A district officer's reply as an older binary wrote it: no by_unit.
		var oldID int64
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT id FROM complaints WHERE code = $1`, old).Scan(&oldID); err != nil {
			t.Fatal(err)
		}
		oldAt := d.clock.Now().UnixMilli()
		if _, err := d.db.SQL().ExecContext(ctx, `INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage, from_unit, to_unit)
			VALUES ($1, $2, 'op162', $3, 'reply', 'assigned', 'assigned', $4, $4)`, oldID, oldAt, lko.UserID, sho.UnitID); err != nil {
			t.Fatal(err)
		}

		var byUnit string
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT e.by_unit FROM events e JOIN complaints c ON c.id = e.complaint_id
			WHERE c.code = $1 AND e.action = 'reply'`, office).Scan(&byUnit); err != nil {
			t.Fatal(err)
		}
		if byUnit != lko.UnitID {
			t.Errorf("the district officer's reply records unit %q, want %q", byUnit, lko.UnitID)
		}
		check := func(when string) {
			t.Helper()
			if at := acted(office); at != nil {
				t.Errorf("%s: the district office's reply while the station held it set acted_at %d", when, *at)
			}
			for _, c := range []string{station, beat} {
				if acted(c) == nil {
					t.Errorf("%s: %s: the station's own reply set no acted_at", when, c)
				}
			}
			if at := acted(old); at == nil || *at != oldAt {
				t.Errorf("%s: a reply without its writer's unit: acted_at %v, want %d (the station held it)", when, at, oldAt)
			}
		}
		check("as kept by the trigger")
		if _, err := d.db.SQL().ExecContext(ctx, `UPDATE complaints SET acted_at = NULL`); err != nil {
			t.Fatal(err)
		}
		if err := d.db.RebuildStatsRollups(ctx); err != nil {
			t.Fatal(err)
		}
		check("after a rebuild")
	})
}

// The replier's unit is covered by the event's hash: the trail verifies as
// written, the append-only trigger refuses to change it, and a change made
// past the trigger fails verification at that event. Events without it
// (every other event here) verify as they did.
func TestTrailCoversReplierUnit(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		d := newStatsDesk(t, dsn())
		lko := d.op(t, lucknow162)
		sho := d.station(t, lucknow162)
		c := d.complaint(t, lucknow162, shikayat.ClassMidTerm)
		d.at(time.Hour)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, lko)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionAssign, Station: sho.UnitID, Reason: "area"}, lko)
		d.act(t, c, shikayat.Action{Kind: shikayat.ActionReply, Text: "Aapki shikayat par karyavahi ki ja rahi hai"}, lko)
		var id int64
		if err := d.db.SQL().QueryRowContext(ctx, `SELECT e.id FROM events e JOIN complaints x ON x.id = e.complaint_id
			WHERE x.code = $1 AND e.action = 'reply' AND e.by_unit = $2`, c, lko.UnitID).Scan(&id); err != nil {
			t.Fatal(err)
		}
		// The complaint's events as read back name it too.
		got, err := d.db.FindComplaint(ctx, c, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range got.Events {
			if e.ID == id && e.ByUnit != lko.UnitID {
				t.Errorf("the reply read back names unit %q, want %q", e.ByUnit, lko.UnitID)
			}
		}
		if rep := verify(t, d.db); rep.Failure != nil || rep.Events < 4 {
			t.Fatalf("the trail as written: %+v, failure %v", rep, rep.Failure)
		}
		if _, err := d.db.SQL().ExecContext(ctx, `UPDATE events SET by_unit = $1 WHERE id = $2`, sho.UnitID, id); err == nil {
			t.Error("the append-only trigger let the replier's unit change")
		}
		tamper(t, d.db, fmt.Sprintf(`UPDATE events SET by_unit = '%s' WHERE id = %d`, sho.UnitID, id))
		rep := verify(t, d.db)
		if rep.Failure == nil || rep.Failure.EventID != id {
			t.Fatalf("the replier's unit changed to the station's: failure %v, want event %d", rep.Failure, id)
		}
	})
}
