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

// Parts of the negatives.
const (
	NegativeTrain = "train" // trained on: a fifth of the rows
	NegativeKept  = "kept"  // kept aside to measure: two fifths
)

// NegativePart returns the part a negative row belongs to, by a stable
// hash of its text: NegativeKept, NegativeTrain, or "" for the rows left
// unused (more negatives than a fifth drown the complaints written unlike
// the training set's).
func NegativePart(text string) string {
	h := fnv.New32a()
	io.WriteString(h, strings.TrimSpace(text))
	switch x := h.Sum32() % 15; {
	case x%5 < 2:
		return NegativeKept
	case x < 5:
		return NegativeTrain
	}
	return ""
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

// NegativeExamples turns rows into training examples labelled "other".
func NegativeExamples(source string, rows []NegativeRow) []Example {
	out := make([]Example, 0, len(rows))
	for i, row := range rows {
		id := fmt.Sprintf("%s-%d", source, i+1)
		p := NegativePost(id, row.Text)
		toks := Tokenize(Fold(p.Text))
		out = append(out, Example{Post: p, Label: Label{ID: id, Intent: string(shikayat.IntentOther), Lang: DetectLang(toks)}})
	}
	return out
}
