package triage

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"io"
	"strings"

	"github.com/shikayat/shikayat"
)

// Real posts and queries that are not complaints to the police (see
// traindata/negatives/README.md) are split once, by a hash of their text,
// into a part the model is trained on and a part kept aside to measure how
// many of them would be acknowledged automatically.

// NegativeKept reports whether a negative row belongs to the kept part (two
// fifths of the rows, by a stable hash of the text).
func NegativeKept(text string) bool {
	h := fnv.New32a()
	io.WriteString(h, strings.TrimSpace(text))
	return h.Sum32()%5 < 2
}

// NegativeRow is one row of a negatives file: the text, and for the
// Hinglish queries the English original.
type NegativeRow struct {
	Text string `json:"text"`
	En   string `json:"en,omitempty"`
}

// ReadNegativeRows reads JSON lines of NegativeRow.
func ReadNegativeRows(r io.Reader) ([]NegativeRow, error) {
	var rows []NegativeRow
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var row NegativeRow
		if err := json.Unmarshal([]byte(line), &row); err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if strings.TrimSpace(row.Text) != "" {
			rows = append(rows, row)
		}
	}
	return rows, sc.Err()
}

// NegativePost is text as it arrives in the account's mentions: with the
// account tagged at the start.
func NegativePost(id, text string) shikayat.Post {
	return shikayat.Post{ID: id, Text: "@Uppolice " + text, Mentions: []string{"Uppolice"}}
}

// NegativeExamples turns rows into training examples labelled "other", one
// per text (the English original too, when there is one).
func NegativeExamples(source string, rows []NegativeRow) []Example {
	var out []Example
	for i, row := range rows {
		for j, text := range []string{row.Text, row.En} {
			if strings.TrimSpace(text) == "" {
				continue
			}
			id := fmt.Sprintf("%s-%d-%d", source, i+1, j)
			p := NegativePost(id, text)
			toks := Tokenize(Fold(p.Text))
			out = append(out, Example{Post: p, Label: Label{ID: id, Intent: string(shikayat.IntentOther), Lang: DetectLang(toks)}})
		}
	}
	return out
}
