package replies_test

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/jobs"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestClosingReplyInvitesARating: closing a complaint replies with how it
// ended and an invitation to rate it 1–5; the closing note goes out only
// when it was marked public, masked, and is left out when it would not fit
// in one post.
func TestClosingReplyInvitesARating(t *testing.T) {
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := setup(t, dsn(), xsim.Options{})
		for _, tc := range []struct {
			name, note string
			public     bool
			want, not  []string
			sensitive  bool
		}{
			{"a private note stays private", "accused is the neighbour Ramesh", false,
				[]string{"closed: FIR registered", "Reply 1–5"}, []string{"Ramesh"}, false},
			{"a public note goes out masked", "Bike returned. Call 9876543210", true,
				[]string{"FIR registered.", "Bike returned. Call 98XXXXXX10", "Reply 1–5"}, []string{"9876543210"}, false},
			{"a public note too long for X is left out", strings.Repeat("long note ", 40), true,
				[]string{"FIR registered.", "Reply 1–5"}, []string{"long note"}, false},
			{"a sensitive complaint's public note stays off X", "Victim counselled at home", true,
				[]string{"is closed.", "Reply 1–5"}, []string{"Victim", "FIR registered"}, true},
		} {
			t.Run(tc.name, func(t *testing.T) {
				c := f.complaint(t, "my bike was stolen "+tc.name, shikayat.ClassMidTerm)
				if tc.sensitive {
					yes := true
					if _, _, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionSetSensitive, Sensitive: &yes}, shikayat.SystemActor, ""); err != nil {
						t.Fatal(err)
					}
				}
				_, ev, err := f.db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionFIRRegistered,
					Note: tc.note, Public: tc.public}, shikayat.SystemActor, "")
				if err != nil {
					t.Fatal(err)
				}
				if err := f.sender.Reply(ctx, jobs.ReplyArgs{ComplaintID: c.ID, EventID: ev.ID}); err != nil {
					t.Fatal(err)
				}
				var text string
				for _, p := range f.sim.AccountPosts() {
					if strings.Contains(p.Text, c.Code) {
						text = p.Text
					}
				}
				for _, w := range tc.want {
					if !strings.Contains(text, w) {
						t.Errorf("closing reply %q lacks %q", text, w)
					}
				}
				for _, w := range tc.not {
					if strings.Contains(text, w) {
						t.Errorf("closing reply %q shows %q", text, w)
					}
				}
				if n := shikayat.XWeightedLength(text); n > shikayat.XMaxWeighted {
					t.Errorf("closing reply is %d long on X", n)
				}
			})
		}
	})
}
