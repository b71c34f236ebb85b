package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// Each reply job is given, as it is queued, the account that posts it: the
// account of the unit that owns the complaint if the post mentioned it,
// else the state account if mentioned, else one the post mentioned; a post
// that mentions none of the force's accounts gets no reply job.
func TestReplyAccountDecidedWhenQueued(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		jobs := &jobLog{}
		db := open(t, dsn(), store.Options{Jobs: jobs})
		db.SetAccounts(shikayat.Accounts{
			{Username: "Uppolice", UnitID: shikayat.HQUnitID},
			{Username: "lucknowpolice", UnitID: "district:162"},
			{Username: "ghaziabadpolice", UnitID: "district:145"},
		})
		complaint := func(id string, mentions []string, district int) shikayat.Incoming {
			tr := &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm,
				Type: shikayat.TypeTheft, District: district, DistrictConfidence: 0.9, Confidence: 0.95, Handling: shikayat.HandlingAcknowledge}
			return shikayat.Incoming{
				Post: &shikayat.Post{ID: id, Text: "bike stolen", AuthorID: "u" + id, AuthorUsername: "citizen" + id,
					CreatedAt: time.Now(), ConversationID: id, Mentions: mentions},
				Triage: tr, MentionsAccount: len(mentions) > 0, Forward: district != 0,
			}
		}
		in := []shikayat.Incoming{
			complaint("1001", []string{"lucknowpolice"}, 162),
			complaint("1002", []string{"Uppolice", "ghaziabadpolice"}, 145),
			complaint("1003", []string{"Uppolice"}, 162),
			complaint("1004", []string{"Uppolice", "ghaziabadpolice"}, 162), // Lucknow's account was not tagged
			complaint("1005", []string{"ghaziabadpolice"}, 0),               // at HQ: the one tagged
			complaint("1006", []string{"DelhiPolice"}, 162),
		}
		in[5].MentionsAccount = true // even if intake thought it could answer, no account may
		if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", in); err != nil {
			t.Fatal(err)
		}
		want := map[string]string{"1001": "lucknowpolice", "1002": "ghaziabadpolice", "1003": "Uppolice", "1004": "Uppolice", "1005": "ghaziabadpolice"}
		got := map[string]string{}
		for _, j := range jobs.jobs {
			if j.Kind == shikayat.JobAcknowledge {
				got[j.PostID] = j.Account
			}
		}
		for post, acc := range want {
			if got[post] != acc {
				t.Errorf("post %s: acknowledged by %q, want %q", post, got[post], acc)
			}
		}
		if acc, ok := got["1006"]; ok {
			t.Errorf("post 1006 tags no account of the force, yet its acknowledgement was queued (from %q)", acc)
		}
	})
}
