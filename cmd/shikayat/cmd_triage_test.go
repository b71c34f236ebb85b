package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	postLucknow = `{"data":{"id":"101","text":"@Uppolice हजरतगंज में अभी मेरी बाइक चोरी हो गई","author_id":"9","created_at":"2026-01-04T01:49:01.000Z","entities":{"mentions":[{"start":0,"end":9,"username":"Uppolice"}]},"edit_history_tweet_ids":["101"]},"includes":{"users":[{"id":"9","username":"a","name":"A","location":"Agra"}]}}`
	postThanks  = `{"data":{"id":"102","text":"Thank you @Uppolice for the quick help, grateful","author_id":"9","created_at":"2026-01-04T01:49:01.000Z","entities":{"mentions":[{"start":10,"end":19,"username":"Uppolice"}]},"edit_history_tweet_ids":["102"]},"includes":{"users":[{"id":"9","username":"a","name":"A"}]}}`
)

func runSub(t *testing.T, run func(context.Context, []string, stdio) error, in string, args ...string) (string, string, error) {
	t.Helper()
	var out, errb bytes.Buffer
	err := run(context.Background(), args, stdio{in: strings.NewReader(in), out: &out, err: &errb})
	return out.String(), errb.String(), err
}

func TestTriageCommand(t *testing.T) {
	in := postLucknow + "\n" + `{"data": nope}` + "\n" + postThanks + "\n"
	out, stderr, err := runSub(t, runTriage, in)
	if err != nil {
		t.Fatalf("err = %v, stderr %s", err, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 3 {
		t.Fatalf("%d output lines, want one per input line:\n%s", len(lines), out)
	}

	t.Run("fields in the contract's order", func(t *testing.T) {
		var keys []string
		dec := json.NewDecoder(strings.NewReader(lines[0]))
		dec.Token()
		for dec.More() {
			k, _ := dec.Token()
			keys = append(keys, k.(string))
			var skip json.RawMessage
			dec.Decode(&skip)
		}
		want := "id intent actionable urgency type district lang confidence handling reasons"
		if got := strings.Join(keys, " "); !strings.HasPrefix(got, want) {
			t.Errorf("keys %q, want them to start %q", got, want)
		}
	})
	t.Run("an actionable post", func(t *testing.T) {
		var got struct {
			ID         string   `json:"id"`
			Actionable bool     `json:"actionable"`
			Urgency    *string  `json:"urgency"`
			Type       *string  `json:"type"`
			District   *int     `json:"district"`
			Confidence float64  `json:"confidence"`
			Reasons    []string `json:"reasons"`
		}
		if err := json.Unmarshal([]byte(lines[0]), &got); err != nil {
			t.Fatal(err)
		}
		if got.ID != "101" || !got.Actionable || got.Urgency == nil || got.Type == nil || *got.Type != "theft" {
			t.Errorf("got %s", lines[0])
		}
		if got.District == nil || *got.District != 162 {
			t.Errorf("district from the locality in the text should beat the profile: %s", lines[0])
		}
		if got.Confidence < 0 || got.Confidence > 1 || len(got.Reasons) == 0 {
			t.Errorf("confidence or reasons missing: %s", lines[0])
		}
	})
	t.Run("a line that cannot be read", func(t *testing.T) {
		var got map[string]any
		if err := json.Unmarshal([]byte(lines[1]), &got); err != nil {
			t.Fatal(err)
		}
		if got["id"] != nil || got["line"] != float64(2) || got["error"] == "" || got["error"] == nil {
			t.Errorf("got %s, want {\"id\": null, \"line\": 2, \"error\": …}", lines[1])
		}
	})
	t.Run("not actionable: urgency and type null", func(t *testing.T) {
		if !strings.Contains(lines[2], `"urgency":null,"type":null`) || !strings.Contains(lines[2], `"actionable":false`) {
			t.Errorf("got %s", lines[2])
		}
	})
}

func TestTriageCommandFilesAndEval(t *testing.T) {
	dir := t.TempDir()
	inPath := filepath.Join(dir, "in.jsonl")
	outPath := filepath.Join(dir, "out.jsonl")
	labels := filepath.Join(dir, "labels.jsonl")
	os.WriteFile(inPath, []byte(postLucknow+"\n"+postThanks), 0o644)
	os.WriteFile(labels, []byte(`{"id":"101","intent":"complaint","actionable":true,"urgency":"immediate","type":"theft","district":162,"lang":"hi"}
{"id":"102","intent":"feedback","actionable":false,"urgency":null,"type":null,"district":null,"lang":"en"}
`), 0o644)
	stdout, stderr, err := runSub(t, runTriage, "", "--in", inPath, "--out", outPath, "--eval", labels)
	if err != nil {
		t.Fatalf("err = %v", err)
	}
	if stdout != "" {
		t.Errorf("wrote to stdout with --out: %q", stdout)
	}
	data, _ := os.ReadFile(outPath)
	if n := strings.Count(string(data), "\n"); n != 2 {
		t.Errorf("%d lines in --out, want 2", n)
	}
	for _, want := range []string{"actionable   F1", "urgency      macro-F1", "confusion: intent", "null district precision", "per language:"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("report lacks %q:\n%s", want, stderr)
		}
	}
}

func TestTriageCommandFailsOnlyOnInputOutput(t *testing.T) {
	if _, _, err := runSub(t, runTriage, "", "--in", filepath.Join(t.TempDir(), "missing.jsonl")); err == nil {
		t.Error("a missing input file did not fail")
	}
	if _, _, err := runSub(t, runTriage, "garbage\n\n{}\n"); err != nil {
		t.Errorf("unreadable lines failed the command: %v", err)
	}
}

func TestTriageCommandStations(t *testing.T) {
	post := `{"data":{"id":"7","text":"@Uppolice George Town me meri cycle chori ho gayi","author_id":"9","edit_history_tweet_ids":["7"]}}`
	without, _, err := runSub(t, runTriage, post+"\n")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(without, `"district":null`) {
		t.Fatalf("George Town routed without a station table: %s", without)
	}
	with, _, err := runSub(t, runTriage, post+"\n", "--stations", filepath.Join("..", "..", "internal", "stations", "sample.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(with, `"district":120`) {
		t.Errorf("the station George Town in Prayagraj was not used: %s", with)
	}
}

func TestTriageCommandHandlingThresholds(t *testing.T) {
	handling := func(t *testing.T, args ...string) string {
		t.Helper()
		out, stderr, err := runSub(t, runTriage, postLucknow+"\n", args...)
		if err != nil {
			t.Fatalf("err = %v, stderr %s", err, stderr)
		}
		var line struct {
			Handling   string  `json:"handling"`
			Confidence float64 `json:"confidence"`
		}
		if err := json.Unmarshal([]byte(out), &line); err != nil {
			t.Fatal(err)
		}
		return line.Handling
	}
	if got := handling(t); got != "acknowledge" {
		t.Errorf("a theft named with its place: handling %q, want acknowledge", got)
	}
	if got := handling(t, "--acknowledge-threshold", "1", "--review-threshold", "0"); got != "review" {
		t.Errorf("with nothing acknowledged: handling %q, want review", got)
	}
	t.Setenv("SHIKAYAT_ACKNOWLEDGE_THRESHOLD", "1")
	t.Setenv("SHIKAYAT_REVIEW_THRESHOLD", "1")
	if got := handling(t); got != "record" {
		t.Errorf("thresholds from the environment: handling %q, want record", got)
	}
	if got := handling(t, "--review-threshold", "0"); got != "review" {
		t.Errorf("a flag over its environment twin: handling %q, want review", got)
	}
	for _, bad := range [][]string{{"--review-threshold", "x"}, {"--acknowledge-threshold", "0.2", "--review-threshold", "0.5"}} {
		if _, _, err := runSub(t, runTriage, postLucknow+"\n", bad...); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}
