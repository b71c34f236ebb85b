package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/triage"
)

func labelled(id, text, intent, rest string) string {
	return `{"data":{"id":"` + id + `","text":"` + text + `","author_id":"9","created_at":"2026-01-04T01:49:01.000Z","edit_history_tweet_ids":["` + id + `"]},"includes":{},"label":{"id":"` + id + `","intent":"` + intent + `"` + rest + `}}`
}

func TestTrainCommand(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "train.jsonl")
	extra := filepath.Join(dir, "corrections.jsonl")
	model := filepath.Join(dir, "m.model")
	os.WriteFile(data, []byte(strings.Join([]string{
		labelled("1", "meri bike chori ho gayi", "complaint", `,"urgency":"mid_term","type":"theft"`),
		labelled("2", "thank you police", "feedback", ""),
	}, "\n")+"\n"), 0o644)
	os.WriteFile(extra, []byte(labelled("3", "abhi goli chal rahi hai", "complaint", `,"urgency":"immediate","type":"assault_threat"`)+"\n"), 0o644)

	_, stderr, err := runSub(t, runTrain, "", "--data", data, "--extra", extra, "--out", model, "--epochs", "3")
	if err != nil {
		t.Fatalf("err = %v\n%s", err, stderr)
	}
	for _, want := range []string{"read 2 labelled posts", "read 1 labelled posts from " + extra, "epoch  3/3", "wrote " + model} {
		if !strings.Contains(stderr, want) {
			t.Errorf("progress lacks %q:\n%s", want, stderr)
		}
	}
	f, err := os.Open(model)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := triage.ReadModel(f); err != nil {
		t.Errorf("the written model does not load: %v", err)
	}
}

func TestTrainCommandNamesBadLines(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "train.jsonl")
	os.WriteFile(data, []byte(labelled("1", "x", "complaint", "")+"\n"+`{"data":{"id":"2","text":"y","author_id":"9","edit_history_tweet_ids":["2"]}}`+"\n"), 0o644)
	_, _, err := runSub(t, runTrain, "", "--data", data, "--out", filepath.Join(dir, "m"))
	if err == nil || !strings.Contains(err.Error(), "train.jsonl:2") {
		t.Errorf("err = %v, want one naming line 2", err)
	}
}

// TestTrainRebuildsTheEmbeddedModel: "shikayat train" with its defaults
// (the committed training posts and negatives) writes the embedded model
// byte for byte.
func TestTrainRebuildsTheEmbeddedModel(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("trains the full model")
	}
	root := filepath.Join("..", "..", "internal", "triage")
	out := filepath.Join(t.TempDir(), "triage.model")
	_, stderr, err := runSub(t, runTrain, "", "--data", filepath.Join(root, "traindata", "train.jsonl"),
		"--negatives", filepath.Join(root, "traindata", "negatives"), "--out", out)
	if err != nil {
		t.Fatalf("err = %v\n%s", err, stderr)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join(root, "model", "triage.model"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("train wrote %d bytes that differ from the embedded model's %d; retrain and commit the model", len(got), len(want))
	}
}
