package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/triage"
	"github.com/shikayat/shikayat/internal/xapi"
)

// listFlag collects a repeatable flag.
type listFlag []string

func (l *listFlag) String() string { return strings.Join(*l, ",") }
func (l *listFlag) Set(s string) error {
	*l = append(*l, s)
	return nil
}

func runTrain(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	data := fs.String("data", filepath.Join("internal", "triage", "traindata", "train.jsonl"), "the labelled training posts (JSON lines: {\"data\", \"includes\", \"label\"})")
	var extra listFlag
	fs.Var(&extra, "extra", "more labelled posts of the same shape, e.g. staff corrections exported by the desk (repeatable)")
	negDir := fs.String("negatives", filepath.Join("internal", "triage", "traindata", "negatives"), "a folder of real posts that are not complaints (*.jsonl rows with \"text\"), trained on as \"other\"; \"\" for none")
	out := fs.String("out", filepath.Join("internal", "triage", "model", "triage.model"), "where to write the model (the binary embeds internal/triage/model/triage.model)")
	epochs := fs.Int("epochs", 12, "passes over the data")
	decay := fs.Float64("decay", 0.98, "factor every weight shrinks by after each epoch")
	dropout := fs.Float64("dropout", 0, "share of each post's features left out at each step")
	seed := fs.Uint64("seed", 1, "random seed; the same data and seed give the same model")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: shikayat train [--data FILE] [--extra FILE]... [--out FILE]")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, sio); err != nil {
		return err
	}

	var examples []triage.Example
	for _, path := range append([]string{*data}, extra...) {
		ex, err := readExamples(path)
		if err != nil {
			return err
		}
		fmt.Fprintf(sio.err, "read %d labelled posts from %s\n", len(ex), path)
		examples = append(examples, ex...)
	}
	if *negDir != "" {
		files, err := filepath.Glob(filepath.Join(*negDir, "*.jsonl"))
		if err != nil {
			return err
		}
		for _, path := range files { // Glob sorts: the same order on every run
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			rows, err := triage.ReadNegativeRows(f)
			f.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			ex := triage.NegativeExamples(strings.TrimSuffix(filepath.Base(path), ".jsonl"), rows)
			fmt.Fprintf(sio.err, "read %d real posts that are not complaints from %s\n", len(ex), path)
			examples = append(examples, ex...)
		}
	}
	start := time.Now()
	m, err := triage.TrainCalibrated(examples, triage.TrainOptions{
		Epochs:  *epochs,
		Seed:    *seed,
		Dropout: *dropout,
		Decay:   *decay,
		Progress: func(epoch, epochs int, loss, acc float64) {
			fmt.Fprintf(sio.err, "epoch %2d/%d  loss %.4f  intent accuracy on training data %.3f\n", epoch, epochs, loss, acc)
		},
	})
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(sio.err, "calibration: p = σ(%.4f·z %+.4f)\n", m.Calibration().A, m.Calibration().B)
	fmt.Fprintf(sio.err, "wrote %s (%d bytes) in %s\n", *out, buf.Len(), time.Since(start).Round(time.Millisecond))
	return nil
}

// readExamples reads labelled posts: each line a post in the X API v2
// single-post shape with a "label" object beside "data" and "includes".
func readExamples(path string) ([]triage.Example, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []triage.Example
	br := bufio.NewReaderSize(f, 64<<10)
	for n := 1; ; n++ {
		line, rerr := br.ReadBytes('\n')
		if rerr != nil && rerr != io.EOF {
			return nil, fmt.Errorf("%s: %w", path, rerr)
		}
		if len(bytes.TrimSpace(line)) > 0 {
			ex, err := decodeExample(line)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %s", path, n, shikayat.ErrorMessage(err))
			}
			out = append(out, ex)
		}
		if rerr == io.EOF {
			return out, nil
		}
	}
}

// decodeExample reads one labelled post: X's shape ({"data", "includes",
// "label"}), or the desk's ({"post", "label"}, as `corrections export`
// writes it).
func decodeExample(line []byte) (triage.Example, error) {
	var l struct {
		Post  *shikayat.Post `json:"post"`
		Label *triage.Label  `json:"label"`
	}
	if err := json.Unmarshal(line, &l); err != nil {
		return triage.Example{}, shikayat.Errorf(shikayat.EINVALID, "not a labelled post: %v", err)
	}
	var p shikayat.Post
	if l.Post != nil {
		if l.Post.ID == "" {
			return triage.Example{}, shikayat.Errorf(shikayat.EINVALID, `"post" has no id`)
		}
		p = *l.Post
	} else {
		var err error
		if p, err = xapi.DecodePost(line); err != nil {
			return triage.Example{}, err
		}
	}
	if l.Label == nil {
		return triage.Example{}, shikayat.Errorf(shikayat.EINVALID, `no "label" object`)
	}
	return triage.Example{Post: p, Label: *l.Label}, nil
}
