package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/triage"
)

// negatives writes one part of a file of real negatives (JSON lines with
// "text" and, for queries, "en"): "train" as the rows themselves, for
// traindata/negatives/, or "kept" as labelled posts in the wire shape,
// tagging the account as they would arrive, for measuring. With en, the
// kept posts are the English originals.
func negatives(path, part string, en bool) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	rows, err := triage.ReadNegativeRows(f)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	w := bufio.NewWriter(os.Stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	t0 := time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC)
	n := 0
	for _, row := range rows {
		if triage.NegativePart(row.Text) != part {
			continue
		}
		n++
		if part == triage.NegativeTrain {
			if err := enc.Encode(triage.NegativeRow{Text: row.Text}); err != nil {
				return err
			}
			continue
		}
		text := row.Text
		if en {
			text = row.En
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		id := fmt.Sprint(1950000000000000000 + uint64(n))
		full := "@Uppolice " + text
		p := triage.NegativePost(id, text)
		toks := triage.Tokenize(triage.Fold(p.Text))
		l := line{
			Data: tweet{
				ID: id, Text: full, AuthorID: fmt.Sprint(1700000000000000000 + uint64(n)),
				CreatedAt:   t0.Add(time.Duration(n) * time.Minute).Format("2006-01-02T15:04:05.000Z"),
				Entities:    &entities{Mentions: []mention{{Start: 0, End: 9, Username: "Uppolice"}}},
				EditHistory: []string{id},
			},
			Includes: includes{Users: []user{{ID: fmt.Sprint(1700000000000000000 + uint64(n)), Username: fmt.Sprintf("user%d", n), Name: "User"}}},
			Label:    triage.Label{ID: id, Intent: "other", Lang: triage.DetectLang(toks)},
		}
		if err := enc.Encode(l); err != nil {
			return err
		}
	}
	return w.Flush()
}
