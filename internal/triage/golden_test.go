package triage

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/sharedtest"
	"github.com/shikayat/shikayat/internal/xapi"
)

// updateGolden rewrites testdata/golden.jsonl.gz from the code as it is
// (go test -run TestTriageGolden ./internal/triage/ -args -update-golden).
// Only a change meant to alter triage's outputs may do so; a change for
// speed must leave the file as it is.
var updateGolden = flag.Bool("update-golden", false, "rewrite testdata/golden.jsonl.gz")

const goldenPath = "testdata/golden.jsonl.gz"

// goldenCase is one post of the golden set: where it comes from and what
// triage made of it.
type goldenCase struct {
	Src  string          `json:"src"`            // dev, train, negatives, mixed
	N    int             `json:"n"`              // its place in its source
	Post *shikayat.Post  `json:"post,omitempty"` // the post itself, for the mixed sample
	Out  shikayat.Triage `json:"out"`
	post shikayat.Post   // the post triaged
}

// goldenPosts are the posts the golden file covers: the dev set (when the
// shared folder is there), the training set, the committed negatives with
// the account's mention prepended as they would arrive, and a mixed sample
// generated from their words with a fixed seed. The mixed posts are stored
// in the file with their outputs (they are made when the file is written,
// and read back from it after).
func goldenPosts(t *testing.T) []goldenCase {
	t.Helper()
	var cases []goldenCase
	add := func(src string, lines [][]byte) {
		for i, l := range lines {
			p, err := xapi.DecodePost(l)
			if err != nil {
				t.Fatalf("%s line %d: %v", src, i+1, err)
			}
			cases = append(cases, goldenCase{Src: src, N: i, post: p})
		}
	}
	if dir, err := sharedtest.Dir(); err == nil {
		add("dev", fileLines(t, filepath.Join(dir, "triage", "dev.jsonl")))
	} else {
		t.Logf("the dev set is left out: %v", err)
	}
	add("train", fileLines(t, "traindata/train.jsonl"))
	n := 0
	for _, name := range []string{"comi-lingua.jsonl", "hinglish-top.jsonl"} {
		for _, l := range fileLines(t, filepath.Join("traindata", "negatives", name)) {
			var x struct{ Text string }
			if err := json.Unmarshal(l, &x); err != nil {
				t.Fatal(err)
			}
			p := shikayat.Post{ID: fmt.Sprint(n), Text: "@Uppolice " + x.Text, Mentions: []string{"Uppolice"}}
			cases = append(cases, goldenCase{Src: "negatives", N: n, post: p})
			n++
		}
	}
	return cases
}

// mixedPosts makes n posts from the words, mentions and profile locations
// of pool: runs of words from several posts spliced together, in the three
// scripts, so that the golden set meets phrases cut and joined as no
// template writes them.
func mixedPosts(pool []goldenCase, n int) []shikayat.Post {
	r := rand.New(rand.NewPCG(10, 10))
	var words [][]string
	var locs, mentions []string
	for _, c := range pool {
		words = append(words, strings.Fields(c.post.Text))
		if c.post.AuthorLocation != "" {
			locs = append(locs, c.post.AuthorLocation)
		}
		mentions = append(mentions, c.post.Mentions...)
	}
	out := make([]shikayat.Post, n)
	for i := range out {
		var b []string
		for k := 1 + r.IntN(4); k > 0; k-- {
			ws := words[r.IntN(len(words))]
			if len(ws) == 0 {
				continue
			}
			from := r.IntN(len(ws))
			to := min(len(ws), from+1+r.IntN(12))
			b = append(b, ws[from:to]...)
		}
		p := shikayat.Post{ID: fmt.Sprint(i), Text: strings.Join(b, " ")}
		if r.IntN(2) == 0 && len(locs) > 0 {
			p.AuthorLocation = locs[r.IntN(len(locs))]
		}
		if r.IntN(3) > 0 && len(mentions) > 0 {
			p.Mentions = []string{mentions[r.IntN(len(mentions))]}
		}
		out[i] = p
	}
	return out
}

func fileLines(t *testing.T, path string) [][]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var lines [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(l)) > 0 {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestTriageGolden triages every golden post and compares every field of
// the output with what the file holds, written by the code before any
// change made for speed: speed must not change a single output.
func TestTriageGolden(t *testing.T) {
	tr, err := New(Options{Locator: fakeLocator{}})
	if err != nil {
		t.Fatal(err)
	}
	cases := goldenPosts(t)
	var want []goldenCase
	if *updateGolden {
		for i, p := range mixedPosts(cases, 2000) {
			cases = append(cases, goldenCase{Src: "mixed", N: i, post: p})
		}
	} else {
		want = readGolden(t)
		for _, w := range want {
			if w.Src == "mixed" {
				cases = append(cases, goldenCase{Src: w.Src, N: w.N, post: *w.Post})
			}
		}
	}
	ctx := context.Background()
	for i := range cases {
		if cases[i].Out, err = tr.Triage(ctx, &cases[i].post); err != nil {
			t.Fatalf("%s %d: %v", cases[i].Src, cases[i].N, err)
		}
	}
	if *updateGolden {
		writeGolden(t, cases)
		return
	}
	got := map[string]goldenCase{}
	for _, c := range cases {
		got[fmt.Sprintf("%s/%d", c.Src, c.N)] = c
	}
	compared, bad := 0, 0
	for _, w := range want {
		key := fmt.Sprintf("%s/%d", w.Src, w.N)
		g, ok := got[key]
		if !ok {
			if w.Src == "dev" {
				continue // the shared folder is absent
			}
			t.Fatalf("%s: in the golden file, not triaged", key)
		}
		compared++
		if d := triageDiff(w.Out, g.Out); d != "" {
			bad++
			if bad <= 20 {
				t.Errorf("%s %q:\n%s", key, g.post.Text, d)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d outputs differ from the golden file", bad, compared)
	}
	if compared != len(cases) {
		t.Errorf("compared %d outputs of %d posts: the golden file lacks some", compared, len(cases))
	}
}

// triageDiff names each field that differs, with both values.
func triageDiff(want, got shikayat.Triage) string {
	var b strings.Builder
	wv, gv := reflect.ValueOf(want), reflect.ValueOf(got)
	for i := 0; i < wv.NumField(); i++ {
		if !reflect.DeepEqual(wv.Field(i).Interface(), gv.Field(i).Interface()) {
			fmt.Fprintf(&b, "\t%s: want %#v, got %#v\n", wv.Type().Field(i).Name, wv.Field(i).Interface(), gv.Field(i).Interface())
		}
	}
	return b.String()
}

func writeGolden(t *testing.T, cases []goldenCase) {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	enc := json.NewEncoder(zw)
	for _, c := range cases {
		if c.Src == "mixed" {
			p := c.post
			c.Post = &p
		}
		if err := enc.Encode(c); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenPath, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %d outputs to %s", len(cases), goldenPath)
}

func readGolden(t *testing.T) []goldenCase {
	t.Helper()
	f, err := os.Open(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var out []goldenCase
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var c goldenCase
		if err := json.Unmarshal(sc.Bytes(), &c); err != nil {
			t.Fatal(err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
