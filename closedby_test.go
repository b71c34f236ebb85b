package shikayat

import "testing"

func TestClosedBy(t *testing.T) {
	ev := func(id int64, action ActionKind) *Event { return &Event{ID: id, Action: string(action)} }
	for _, tc := range []struct {
		name   string
		stage  Stage
		events []*Event
		id     int64
		want   bool
	}{
		{"closed by it", StageClosed, []*Event{ev(1, ActionForward), ev(2, ActionClose), ev(3, ActionNote)}, 2, true},
		{"reopened since", StageInProgress, []*Event{ev(2, ActionClose), ev(3, ActionReopen)}, 2, false},
		{"reopened and closed again", StageClosed, []*Event{ev(2, ActionClose), ev(3, ActionReopen), ev(4, ActionClose)}, 2, false},
		{"closed again, by the later close", StageClosed, []*Event{ev(2, ActionClose), ev(3, ActionReopen), ev(4, ActionClose)}, 4, true},
		{"reopened and merged", StageClosed, []*Event{ev(2, ActionClose), ev(3, ActionReopen), ev(4, ActionMerge)}, 2, false},
		{"reopened before it", StageClosed, []*Event{ev(1, ActionReopen), ev(2, ActionClose)}, 2, true},
		{"not a close", StageClosed, []*Event{ev(2, ActionReply), ev(3, ActionClose)}, 2, false},
		{"no such event", StageClosed, []*Event{ev(2, ActionClose)}, 9, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &Complaint{Stage: tc.stage, Events: tc.events}
			if got := c.ClosedBy(tc.id); got != tc.want {
				t.Errorf("ClosedBy(%d) = %v, want %v", tc.id, got, tc.want)
			}
		})
	}
}
