package shikayat_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

// seeded is a deterministic random source for docket tests.
type seeded struct{ r *rand.ChaCha8 }

func (s seeded) Read(p []byte) (int, error) { return s.r.Read(p) }

func TestDocketCatchesEverySingleErrorAndNeighbourSwap(t *testing.T) {
	src := seeded{rand.NewChaCha8([32]byte{1})}
	for n := 0; n < 10000; n++ {
		code, err := shikayat.NewDocket("UP26", src)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := shikayat.ParseDocket(code); err != nil || got != code {
			t.Fatalf("ParseDocket(%s) = %s, %v", code, got, err)
		}
		body := []byte(code[5:])
		for i := range body {
			orig := body[i]
			for j := 0; j < len(alphabet); j++ {
				if alphabet[j] == orig {
					continue
				}
				body[i] = alphabet[j]
				if _, err := shikayat.ParseDocket("UP26-" + string(body)); !shikayat.IsDocketTypo(err) {
					t.Fatalf("%s with symbol %d changed to %c: err = %v, want the typo error", code, i, alphabet[j], err)
				}
			}
			body[i] = orig
		}
		for i := 0; i+1 < len(body); i++ {
			if body[i] == body[i+1] {
				continue
			}
			body[i], body[i+1] = body[i+1], body[i]
			if _, err := shikayat.ParseDocket("UP26-" + string(body)); !shikayat.IsDocketTypo(err) {
				t.Fatalf("%s with symbols %d and %d swapped: err = %v, want the typo error", code, i, i+1, err)
			}
			body[i], body[i+1] = body[i+1], body[i]
		}
	}
}

func TestNewDocketShape(t *testing.T) {
	code, err := shikayat.NewDocket("UP26", nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(code) != 15 || code[:5] != "UP26-" || strings.ContainsAny(code[5:], "ILOU") {
		t.Fatalf("code %q has the wrong shape", code)
	}
	// The same random bytes give the same code; different ones differ.
	a, _ := shikayat.NewDocket("UP26", bytes.NewReader(make([]byte, 9)))
	b, _ := shikayat.NewDocket("UP26", bytes.NewReader([]byte{1, 0, 0, 0, 0, 0, 0, 0, 0}))
	if a != "UP26-0000000000" || a == b {
		t.Fatalf("codes %q and %q", a, b)
	}
	if _, err := shikayat.NewDocket("U26", nil); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Fatalf("bad prefix: err = %v", err)
	}
	if _, err := shikayat.NewDocket("UP26", bytes.NewReader([]byte{1, 2})); err == nil {
		t.Fatal("a short random source gave a code")
	}
}

func TestParseDocketForgives(t *testing.T) {
	code, _ := shikayat.NewDocket("UP26", seeded{rand.NewChaCha8([32]byte{2})})
	// Make a code holding 0 and 1 so the look-alikes can be tried.
	var with01 string
	src := seeded{rand.NewChaCha8([32]byte{3})}
	for with01 == "" {
		c, _ := shikayat.NewDocket("UP26", src)
		if strings.Contains(c[5:], "0") && strings.Contains(c[5:], "1") {
			with01 = c
		}
	}
	for name, tc := range map[string]struct{ in, want string }{
		"canonical":       {code, code},
		"lower case":      {strings.ToLower(code), code},
		"no dash":         {strings.ReplaceAll(code, "-", ""), code},
		"spaces":          {" " + code[:4] + " " + code[5:8] + " " + code[8:] + " ", code},
		"extra dashes":    {code[:4] + "-" + code[5:9] + "-" + code[9:], code},
		"O for zero":      {strings.ReplaceAll(with01, "0", "O"), with01},
		"o for zero":      {strings.ReplaceAll(with01, "0", "o"), with01},
		"I for one":       {strings.ReplaceAll(with01, "1", "I"), with01},
		"L for one":       {strings.ReplaceAll(with01, "1", "L"), with01},
		"l for one":       {strings.ReplaceAll(with01, "1", "l"), with01},
		"O in the year":   {"UP2O" + code[4:], "UP20" + code[4:]},
		"non-breaking sp": {code[:4] + "\u00a0" + code[5:], code},
	} {
		t.Run(name, func(t *testing.T) {
			if name == "O in the year" {
				// The year is not covered by the check; only its digits are forgiven.
				got, err := shikayat.ParseDocket(tc.in)
				if err != nil || got != tc.want {
					t.Fatalf("ParseDocket(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
				}
				return
			}
			got, err := shikayat.ParseDocket(tc.in)
			if err != nil || got != tc.want {
				t.Fatalf("ParseDocket(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
	for name, in := range map[string]string{
		"empty":        "",
		"too short":    code[:10],
		"too long":     code + "7",
		"U in body":    code[:5] + "U" + code[6:],
		"digit prefix": "1P26" + code[4:],
		"letter year":  "UPAB" + code[4:],
		"symbols":      code[:6] + "#" + code[7:],
		"devanagari":   "यूपी26-" + code[5:],
		"huge":         strings.Repeat("A", 1000),
	} {
		t.Run("refuses "+name, func(t *testing.T) {
			_, err := shikayat.ParseDocket(in)
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("ParseDocket(%q) err = %v, want invalid", in, err)
			}
			if shikayat.IsDocketTypo(err) {
				t.Fatalf("ParseDocket(%q) called a malformed code a typo", in)
			}
		})
	}
}

func FuzzParseDocket(f *testing.F) {
	f.Add("UP26-7K3QM9XD4P")
	f.Add("up26 7k3q m9xd 4p")
	f.Add("UP2O-IIIIIIIIII")
	f.Add("")
	f.Add("यूपी")
	f.Fuzz(func(t *testing.T, s string) {
		got, err := shikayat.ParseDocket(s)
		if err != nil {
			if shikayat.ErrorCode(err) != shikayat.EINVALID {
				t.Fatalf("error %v is not invalid", err)
			}
			return
		}
		// A parsed code is canonical and parses to itself.
		again, err := shikayat.ParseDocket(got)
		if err != nil || again != got || len(got) != 15 || got[4] != '-' {
			t.Fatalf("ParseDocket(%q) = %q, reparsed %q, %v", s, got, again, err)
		}
	})
}

func TestFindDockets(t *testing.T) {
	code, _ := shikayat.NewDocket("UP26", seeded{rand.NewChaCha8([32]byte{9})})
	typo := []byte(code)
	typo[6] = map[bool]byte{true: 'A', false: 'B'}[typo[6] != 'A']
	for name, tc := range map[string]struct {
		text         string
		valid, typos int
	}{
		"plain":          {"@Uppolice status of " + code + "?", 1, 0},
		"lower, spaced":  {"mera complaint " + strings.ToLower(code[:4]) + " " + strings.ToLower(code[5:]) + " ka kya hua", 1, 0},
		"twice":          {code + " " + code, 1, 0},
		"typo":           {"शिकायत " + string(typo) + " पर क्या हुआ", 0, 1},
		"none":           {"my bike UP32AB1234 was stolen", 0, 0},
		"phone number":   {"call 9876543210 now", 0, 0},
		"inside a word":  {"x" + code + "x", 0, 0},
		"in Devanagari":  {"कृपया " + code + " देखें", 1, 0},
		"vehicle number": {"UP32 AB 1234 गाड़ी", 0, 0},
	} {
		t.Run(name, func(t *testing.T) {
			valid, typos := shikayat.FindDockets(tc.text)
			if len(valid) != tc.valid || len(typos) != tc.typos {
				t.Fatalf("FindDockets(%q) = %v, %v", tc.text, valid, typos)
			}
			for _, v := range valid {
				if v != code {
					t.Fatalf("found %q, want %q", v, code)
				}
			}
		})
	}
}

func FuzzFindDockets(f *testing.F) {
	f.Add("@Uppolice UP26-7K3QM9XD4P ka status?")
	f.Add("up26 7k3qm 9xd4p")
	f.Fuzz(func(t *testing.T, s string) {
		valid, _ := shikayat.FindDockets(s)
		for _, v := range valid {
			if got, err := shikayat.ParseDocket(v); err != nil || got != v {
				t.Fatalf("FindDockets gave %q, which does not parse to itself", v)
			}
		}
	})
}
