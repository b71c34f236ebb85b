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
	"strconv"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/geo"
	"github.com/shikayat/shikayat/internal/stations"
	"github.com/shikayat/shikayat/internal/triage"
	"github.com/shikayat/shikayat/internal/xapi"
)

// triageLine is one line of "shikayat triage" output, fields in the order
// of the CLI contract.
type triageLine struct {
	ID                 string   `json:"id"`
	Intent             string   `json:"intent"`
	Actionable         bool     `json:"actionable"`
	Urgency            *string  `json:"urgency"`
	Type               *string  `json:"type"`
	District           *int     `json:"district"`
	Lang               string   `json:"lang"`
	Confidence         float64  `json:"confidence"`
	Handling           string   `json:"handling"`
	Department         *string  `json:"department,omitempty"`
	Reasons            []string `json:"reasons"`
	DistrictConfidence float64  `json:"district_confidence"`
}

// errorLine stands for an input line that could not be read.
type errorLine struct {
	ID    *string `json:"id"`
	Line  int     `json:"line"`
	Error string  `json:"error"`
}

func runTriage(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("triage", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	in := fs.String("in", "", "posts as JSON lines (default stdin)")
	out := fs.String("out", "", "where to write one triage per line (default stdout)")
	boundaries := fs.String("boundaries", "", "district boundaries: GeoJSON FeatureCollection with an integer property \"lgd\"")
	eval := fs.String("eval", "", "gold labels as JSON lines; writes an evaluation report to stderr")
	modelPath := fs.String("model", "", "a model file made by \"shikayat train\" (default: the built-in model)")
	handles := fs.String("handles", "", "police accounts → districts: lines of \"handle,LGD\" (default: the built-in table)")
	stationsFile := fs.String("stations", "", "police stations CSV (as \"shikayat stations import\" reads) whose names the gazetteer should know")
	thresholds := thresholdFlags(fs)
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: shikayat triage [--in FILE] [--out FILE] [--boundaries FILE] [--eval LABELS]")
		fs.PrintDefaults()
	}
	if err := parseFlags(fs, args, sio); err != nil {
		return err
	}

	th, err := thresholds()
	if err != nil {
		return err
	}
	opt, err := triagerOptions(*modelPath, *boundaries, *handles, *stationsFile)
	if err != nil {
		return err
	}
	opt.Thresholds = th
	t, err := triage.New(opt)
	if err != nil {
		return err
	}
	var gold map[string]triage.Label
	if *eval != "" {
		if gold, err = readLabels(*eval); err != nil {
			return err
		}
	}

	r := sio.in
	if *in != "" && *in != "-" {
		f, err := os.Open(*in)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	w := sio.out
	var outFile *os.File
	if *out != "" && *out != "-" {
		if outFile, err = os.Create(*out); err != nil {
			return err
		}
		defer outFile.Close()
		w = outFile
	}
	bw := bufio.NewWriterSize(w, 64<<10)

	var scored []triage.Scored
	br := bufio.NewReaderSize(r, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	for n := 1; ; n++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, rerr := br.ReadBytes('\n')
		if rerr != nil && rerr != io.EOF {
			return fmt.Errorf("reading posts: %w", rerr)
		}
		if len(line) == 0 && rerr == io.EOF {
			break
		}
		res, id, lerr := triageOne(ctx, t, line)
		if lerr != nil {
			err = enc.Encode(errorLine{Line: n, Error: shikayat.ErrorMessage(lerr)})
		} else {
			err = enc.Encode(outputLine(id, res))
			if g, ok := gold[id]; ok {
				scored = append(scored, triage.Scored{Gold: g, Got: res})
			}
		}
		if err != nil {
			return fmt.Errorf("writing triage: %w", err)
		}
		if rerr == io.EOF {
			break
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing triage: %w", err)
	}
	if outFile != nil {
		if err := outFile.Close(); err != nil {
			return fmt.Errorf("writing triage: %w", err)
		}
	}
	if gold != nil {
		if len(scored) < len(gold) {
			fmt.Fprintf(sio.err, "note: %d of %d labelled posts were not in the input\n", len(gold)-len(scored), len(gold))
		}
		triage.Evaluate(scored).Write(sio.err)
	}
	return nil
}

func triageOne(ctx context.Context, t *triage.Triager, line []byte) (shikayat.Triage, string, error) {
	if len(bytes.TrimSpace(line)) == 0 {
		return shikayat.Triage{}, "", shikayat.Errorf(shikayat.EINVALID, "empty line")
	}
	p, err := xapi.DecodePost(line)
	if err != nil {
		return shikayat.Triage{}, "", err
	}
	res, err := t.Triage(ctx, &p)
	return res, p.ID, err
}

func outputLine(id string, res shikayat.Triage) triageLine {
	o := triageLine{
		ID:                 id,
		Intent:             string(res.Intent),
		Actionable:         res.Actionable,
		Lang:               res.Lang,
		Confidence:         res.Confidence,
		Handling:           string(res.Handling),
		Reasons:            res.Reasons,
		DistrictConfidence: res.DistrictConfidence,
	}
	if res.Actionable {
		u, ty := string(res.Urgency), string(res.Type)
		o.Urgency, o.Type = &u, &ty
	}
	if res.Department != "" {
		d := res.Department
		o.Department = &d
	}
	if res.District != 0 {
		d := res.District
		o.District = &d
	}
	if o.Reasons == nil {
		o.Reasons = []string{}
	}
	return o
}

// thresholdFlags declares the two handling thresholds on fs, with their
// environment twins as defaults, and returns a function that gives the
// thresholds once the flags are parsed.
func thresholdFlags(fs *flag.FlagSet) func() (triage.Thresholds, error) {
	ack := fs.String("acknowledge-threshold", envOr("SHIKAYAT_ACKNOWLEDGE_THRESHOLD", fmt.Sprint(triage.DefaultAcknowledgeThreshold)),
		"confidence at or above which a post is acknowledged automatically (env SHIKAYAT_ACKNOWLEDGE_THRESHOLD)")
	rev := fs.String("review-threshold", envOr("SHIKAYAT_REVIEW_THRESHOLD", fmt.Sprint(triage.DefaultReviewThreshold)),
		"confidence at or above which a post not acknowledged is held for review (env SHIKAYAT_REVIEW_THRESHOLD)")
	return func() (triage.Thresholds, error) {
		var th triage.Thresholds
		var err error
		if th.Acknowledge, err = strconv.ParseFloat(*ack, 64); err != nil {
			return th, shikayat.Errorf(shikayat.EINVALID, "acknowledge threshold %q: not a number", *ack)
		}
		if th.Review, err = strconv.ParseFloat(*rev, 64); err != nil {
			return th, shikayat.Errorf(shikayat.EINVALID, "review threshold %q: not a number", *rev)
		}
		return th, th.Validate()
	}
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// buildTriager builds the triager from a model file, a boundaries file, a
// handle table and a stations CSV; empty names mean the built-in ones (and
// no stations).
func buildTriager(modelPath, boundaries, handles, stationsFile string) (*triage.Triager, error) {
	opt, err := triagerOptions(modelPath, boundaries, handles, stationsFile)
	if err != nil {
		return nil, err
	}
	return triage.New(opt)
}

// triagerOptions reads the files buildTriager names into triage options.
func triagerOptions(modelPath, boundaries, handles, stationsFile string) (triage.Options, error) {
	var opt triage.Options
	if modelPath != "" {
		f, err := os.Open(modelPath)
		if err != nil {
			return opt, err
		}
		defer f.Close()
		if opt.Model, err = triage.ReadModel(f); err != nil {
			return opt, fmt.Errorf("%s: %w", modelPath, err)
		}
	}
	if boundaries != "" {
		b, err := geo.LoadBoundaries(boundaries)
		if err != nil {
			return opt, err
		}
		opt.Locator = b
	} else {
		opt.Locator = geo.NewNearest()
	}
	if handles != "" {
		data, err := os.ReadFile(handles)
		if err != nil {
			return opt, err
		}
		if opt.Handles, err = triage.ParseHandles(string(data)); err != nil {
			return opt, fmt.Errorf("%s: %w", handles, err)
		}
	}
	if stationsFile != "" {
		f, err := os.Open(stationsFile)
		if err != nil {
			return opt, err
		}
		defer f.Close()
		list, err := stations.Parse(f)
		if err != nil {
			return opt, err
		}
		for _, s := range list {
			names := append([]string{s.NameEn}, s.Aliases...)
			if s.NameHi != "" {
				names = append(names, s.NameHi)
			}
			opt.Stations = append(opt.Stations, triage.Station{District: s.District, Names: names})
		}
	}
	return opt, nil
}

// readLabels reads gold labels, one JSON object per line keyed by "id", or
// labelled posts in the training shape.
func readLabels(path string) (map[string]triage.Label, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]triage.Label{}
	for i, line := range bytes.Split(data, []byte("\n")) {
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		// a label line, or a labelled post ({"data", "includes", "label"})
		var l struct {
			triage.Label
			Wrapped *triage.Label `json:"label"`
		}
		if err := json.Unmarshal(line, &l); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, i+1, err)
		}
		if l.Wrapped != nil {
			l.Label = *l.Wrapped
		}
		m[l.ID] = l.Label
	}
	return m, nil
}
