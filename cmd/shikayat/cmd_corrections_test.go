package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// What `corrections export` writes, `train --extra` reads back: the post
// and the label people gave it.
func TestCorrectionsExportFeedsTraining(t *testing.T) {
	dir := t.TempDir()
	dsn := "sqlite:" + filepath.Join(dir, "c.db")
	ctx := context.Background()
	db, err := openStore(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	post := &shikayat.Post{ID: "77", Text: "@Uppolice bhai ka phone chheen liya Aminabad mein", AuthorID: "5", Mentions: []string{"Uppolice"}}
	tr := &shikayat.Triage{Intent: shikayat.IntentComplaint, Actionable: true, Urgency: shikayat.ClassMidTerm, Type: shikayat.TypeOther, Confidence: 0.6, Lang: "hinglish"}
	if _, err := db.RecordPosts(ctx, store.Fence{}, "", "", []shikayat.Incoming{{Post: post, Triage: tr, MentionsAccount: true}}); err != nil {
		t.Fatal(err)
	}
	c, err := db.FindComplaintByPost(ctx, "77")
	if err != nil {
		t.Fatal(err)
	}
	unit, _ := db.FindUnit(ctx, "hq")
	hq := shikayat.ActorFor(&shikayat.User{ID: 1, Username: "hq-op", Role: shikayat.RoleHQOperator, UnitID: "hq"}, unit)
	if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionForward, District: 162, Reason: "Aminabad"}, hq, ""); err != nil {
		t.Fatal(err)
	}
	if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionClassify, Class: shikayat.ClassMidTerm, Type: shikayat.TypeTheft}, hq, ""); err != nil {
		t.Fatal(err)
	}
	db.Close()

	out := filepath.Join(dir, "corrections.jsonl")
	if code, _, stderr := runCmd(t, "", "corrections", "export", "--db", dsn, "--out", out); code != 0 || !strings.Contains(stderr, "exported 1 corrected posts") {
		t.Fatalf("export: %d %s", code, stderr)
	}
	ex, err := readExamples(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(ex) != 1 || ex[0].Post.Text != post.Text || !ex[0].Label.Actionable || *ex[0].Label.District != 162 || *ex[0].Label.Type != "theft" {
		t.Fatalf("read back %+v", ex)
	}
	b, _ := os.ReadFile(out)
	if strings.Count(string(b), "\n") != 1 {
		t.Fatalf("export is not one line per post:\n%s", b)
	}
}
