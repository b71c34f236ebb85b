package shikayat

import (
	"testing"
	"time"
)

func sampleTrailEvent() TrailEvent {
	return TrailEvent{
		Code: "UP26-7K3QM9XD4P", At: time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC),
		ActorDigest: PersonalDigest("00", "hq"), UserID: 1, Action: "forward",
		FromStage: "received", ToStage: "forwarded", FromUnit: "hq", ToUnit: "district:162",
		NoteDigest: PersonalDigest("00", "Routed."), Public: true,
		Detail:     map[string]string{"to": "district:162", "class": "mid_term"},
		TextDigest: PersonalDigest("11", "bike stolen"), AuthorDigest: PersonalDigest("11", "citizen"),
	}
}

// The encoding is pinned: a change to it makes every stored hash fail, so it
// must be a new version of the encoding, not an edit.
func TestEventHashIsPinned(t *testing.T) {
	// Computed independently from the encoding documented in trail.go.
	const want = "b3e76b3e06eb3e3c76480c6595c289ce5b8fb77a527b121eab16b0f9e3163fe5"
	if got := EventHash("", sampleTrailEvent()); got != want {
		t.Fatalf("EventHash = %s, want %s", got, want)
	}
}

func TestEventHashCoversEveryField(t *testing.T) {
	base := EventHash("", sampleTrailEvent())
	edits := map[string]func(e *TrailEvent){
		"code":          func(e *TrailEvent) { e.Code = "UP26-7K3QM9XD4Q" },
		"time":          func(e *TrailEvent) { e.At = e.At.Add(time.Millisecond) },
		"actor":         func(e *TrailEvent) { e.ActorDigest = PersonalDigest("00", "sp") },
		"user":          func(e *TrailEvent) { e.UserID = 2 },
		"action":        func(e *TrailEvent) { e.Action = "assign" },
		"from stage":    func(e *TrailEvent) { e.FromStage = "forwarded" },
		"to stage":      func(e *TrailEvent) { e.ToStage = "classified" },
		"from unit":     func(e *TrailEvent) { e.FromUnit = "zone:lucknow" },
		"to unit":       func(e *TrailEvent) { e.ToUnit = "district:163" },
		"note":          func(e *TrailEvent) { e.NoteDigest = PersonalDigest("00", "Routed!") },
		"public":        func(e *TrailEvent) { e.Public = false },
		"detail value":  func(e *TrailEvent) { e.Detail = map[string]string{"to": "district:163", "class": "mid_term"} },
		"detail key":    func(e *TrailEvent) { e.Detail = map[string]string{"to": "district:162", "klass": "mid_term"} },
		"detail gone":   func(e *TrailEvent) { e.Detail = map[string]string{"to": "district:162"} },
		"text":          func(e *TrailEvent) { e.TextDigest = PersonalDigest("11", "bike found") },
		"author":        func(e *TrailEvent) { e.AuthorDigest = "" },
		"field borders": func(e *TrailEvent) { e.Action, e.FromStage = "forwardreceived", "" },
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			e := sampleTrailEvent()
			edit(&e)
			if EventHash("", e) == base {
				t.Fatal("the hash did not change")
			}
		})
	}
	if EventHash(base, sampleTrailEvent()) == base {
		t.Fatal("the previous hash is not covered")
	}
	// A map is a map: building it in another order changes nothing.
	e := sampleTrailEvent()
	e.Detail = map[string]string{}
	e.Detail["class"] = "mid_term"
	e.Detail["to"] = "district:162"
	if EventHash("", e) != base {
		t.Fatal("the detail's order changed the hash")
	}
	// Times count in milliseconds, whatever their zone.
	e.At = e.At.In(IST).Add(time.Microsecond)
	if EventHash("", e) != base {
		t.Fatal("the zone or a sub-millisecond changed the hash")
	}
}

func TestPersonalDigest(t *testing.T) {
	if PersonalDigest("a", "bc") == PersonalDigest("ab", "c") {
		t.Fatal("salt and text run together")
	}
	if PersonalDigest("00", "x") == PersonalDigest("01", "x") {
		t.Fatal("the salt is not covered")
	}
}

func TestSealDigest(t *testing.T) {
	a := []SealEntry{{"UP26-B", "h2"}, {"UP26-A", "h1"}}
	b := []SealEntry{{"UP26-A", "h1"}, {"UP26-B", "h2"}}
	if SealDigest("2026-03-10", "", a) != SealDigest("2026-03-10", "", b) {
		t.Fatal("the order of entries changed the seal")
	}
	base := SealDigest("2026-03-10", "", b)
	for name, d := range map[string]string{
		"day":   SealDigest("2026-03-11", "", b),
		"prev":  SealDigest("2026-03-10", "p", b),
		"hash":  SealDigest("2026-03-10", "", []SealEntry{{"UP26-A", "h1"}, {"UP26-B", "h3"}}),
		"fewer": SealDigest("2026-03-10", "", []SealEntry{{"UP26-A", "h1"}}),
	} {
		if d == base {
			t.Errorf("%s: the seal did not change", name)
		}
	}
}

// Distinct events never share an encoding: moving bytes between fields, or
// between a detail's key and value, changes the hash.
func FuzzEventHash(f *testing.F) {
	f.Add("forward", "received", "to", "district:162")
	f.Add("", "", "", "")
	f.Add("a\x00\x00\x00", "b", "k\x00", "v")
	f.Fuzz(func(t *testing.T, action, from, key, value string) {
		e := TrailEvent{Action: action, FromStage: from, Detail: map[string]string{key: value}}
		h := EventHash("", e)
		if from != "" {
			moved := e
			moved.Action, moved.FromStage = action+from, ""
			if EventHash("", moved) == h {
				t.Fatalf("%q|%q hashes like %q|%q", action, from, action+from, "")
			}
		}
		if value != "" {
			moved := e
			moved.Detail = map[string]string{key + value: ""}
			if EventHash("", moved) == h {
				t.Fatalf("detail %q:%q hashes like %q:%q", key, value, key+value, "")
			}
		}
		if EventHash("", e) != h {
			t.Fatal("the hash is not stable")
		}
	})
}

// The replier's unit is covered when set, and an event without one hashes
// as every event did before it was recorded (TestEventHashIsPinned).
func TestEventHashCoversReplierUnit(t *testing.T) {
	base := EventHash("", sampleTrailEvent())
	e := sampleTrailEvent()
	e.ByUnit = "station:hazratganj"
	with := EventHash("", e)
	if with == base {
		t.Fatal("the replier's unit is not covered")
	}
	e.ByUnit = "district:162"
	if EventHash("", e) == with {
		t.Fatal("another replier's unit hashes the same")
	}
	// The unit cannot pass for the author digest's tail.
	e = sampleTrailEvent()
	e.AuthorDigest, e.ByUnit = "", sampleTrailEvent().AuthorDigest
	if EventHash("", e) == base {
		t.Fatal("the author digest moved into the replier's unit hashes the same")
	}
}
