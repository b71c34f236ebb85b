package shikayat_test

import (
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

func TestPriorReplyFrom(t *testing.T) {
	code, err := shikayat.NewDocket("UP26", nil)
	if err != nil {
		t.Fatal(err)
	}
	other, _ := shikayat.NewDocket("UP26", nil)
	typo := code[:len(code)-1] + map[bool]string{true: "B", false: "A"}[code[len(code)-1] == 'A']
	for _, tc := range []struct {
		name, text string
		want       string // the code read, "" for none
	}{
		{"an acknowledgement", "शिकायत " + code + " दर्ज। https://t.co/x", code},
		{"the code twice (text and link)", "Complaint " + code + " received. https://example.in/t/" + code, code},
		{"no code", "Please call 112 in an emergency.", ""},
		{"two codes", "Complaints " + code + " and " + other, ""},
		{"a typo in the check symbol", "Complaint " + typo + " received.", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := shikayat.PriorReplyFrom("42", tc.text)
			if ok != (tc.want != "") || r.Code != tc.want {
				t.Fatalf("PriorReplyFrom(%q) = %+v, %v; want code %q", tc.text, r, ok, tc.want)
			}
			if ok && (r.PostID != "42" || r.Text != tc.text) {
				t.Fatalf("PriorReplyFrom kept %+v", r)
			}
		})
	}
	if _, ok := shikayat.PriorReplyFrom("", "Complaint "+code); ok {
		t.Fatal("a reply without an id was read")
	}
}

// A reply's text comes from X: any text reads as one valid code or none.
func FuzzPriorReplyFrom(f *testing.F) {
	f.Add("शिकायत UP26-7K3QM9XD4P दर्ज। https://t.co/x")
	f.Add("UP26-7K3QM9XD4P UP26-7K3QM9XD4P")
	f.Add("up 26 7k3qm9xd4p")
	f.Fuzz(func(t *testing.T, text string) {
		r, ok := shikayat.PriorReplyFrom("1", text)
		if !ok {
			return
		}
		if canon, err := shikayat.ParseDocket(r.Code); err != nil || canon != r.Code {
			t.Fatalf("read code %q from %q: %v", r.Code, text, err)
		}
		if !strings.Contains(strings.ToUpper(text), r.Code[:4]) {
			t.Fatalf("code %q not in %q", r.Code, text)
		}
	})
}
