package shikayat

import (
	"crypto/rand"
	"fmt"
	"io"
	"strings"
)

// A docket code looks like UP26-7K3QM9XD4P: a two-letter state prefix, two
// digits of the year, a dash, nine random Crockford base32 symbols and one
// check symbol. The check symbol makes the weighted sum of the ten symbols,
// taken in GF(32) with weights α^0 … α^9 (α a primitive element), zero. With
// ten distinct non-zero weights that catches every single-symbol error
// (the sum moves by w·e ≠ 0) and every swap of two different neighbours (the
// sum moves by (w_i − w_{i+1})·(a − b) ≠ 0).

// docketAlphabet is Crockford's base32: 0-9 and A-Z without I, L, O and U.
const docketAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"

const (
	docketRandom = 9                // random symbols
	docketBody   = docketRandom + 1 // symbols after the dash, with the check
)

// gf32Poly is x^5 + x^2 + 1, a primitive polynomial over GF(2).
const gf32Poly = 0x25

// docketWeights[i] is α^i in GF(32), α = x.
var docketWeights = func() (w [docketBody]byte) {
	v := byte(1)
	for i := range w {
		w[i] = v
		v = gf32Mul(v, 2)
	}
	return w
}()

// gf32Mul multiplies two elements of GF(32).
func gf32Mul(a, b byte) byte {
	var p byte
	for b > 0 {
		if b&1 != 0 {
			p ^= a
		}
		b >>= 1
		a <<= 1
		if a&0x20 != 0 {
			a ^= gf32Poly
		}
	}
	return p
}

// gf32Inv returns the multiplicative inverse of a non-zero element.
func gf32Inv(a byte) byte {
	// a^(32-2) = a^30 is the inverse in a field of 32 elements.
	r := byte(1)
	for i := 0; i < 30; i++ {
		r = gf32Mul(r, a)
	}
	return r
}

// docketValue maps a canonical symbol to its value, or -1.
var docketValue = func() (v [256]int8) {
	for i := range v {
		v[i] = -1
	}
	for i := 0; i < len(docketAlphabet); i++ {
		v[docketAlphabet[i]] = int8(i)
	}
	return v
}()

// docketCheck returns the check symbol value for the nine random values.
func docketCheck(vals []byte) byte {
	var sum byte
	for i, x := range vals {
		sum ^= gf32Mul(docketWeights[i], x)
	}
	// In characteristic 2, −sum = sum; solve w9·c = sum.
	return gf32Mul(sum, gf32Inv(docketWeights[docketBody-1]))
}

// docketBodyValid reports whether ten canonical symbols carry a valid check.
func docketBodyValid(body string) bool {
	if len(body) != docketBody {
		return false
	}
	var sum byte
	for i := 0; i < docketBody; i++ {
		v := docketValue[body[i]]
		if v < 0 {
			return false
		}
		sum ^= gf32Mul(docketWeights[i], byte(v))
	}
	return sum == 0
}

// DocketPrefix is the part of a docket code before the dash: the state prefix
// and two digits of the year, e.g. "UP26".
func DocketPrefix(state string, year int) string {
	return fmt.Sprintf("%s%02d", strings.ToUpper(state), year%100)
}

// NewDocket draws a docket code with the given prefix ("UP26") from rnd, or
// from crypto/rand when rnd is nil. The store enforces uniqueness and draws
// again on a clash.
func NewDocket(prefix string, rnd io.Reader) (string, error) {
	if rnd == nil {
		rnd = rand.Reader
	}
	if !validDocketPrefix(prefix) {
		return "", Errorf(EINVALID, "Docket prefix %q must be two letters and two digits, like UP26.", prefix)
	}
	// 45 random bits are drawn as 9 bytes, each reduced to 5 bits: every
	// symbol is uniform because 256 is a multiple of 32.
	var raw [docketRandom]byte
	if _, err := io.ReadFull(rnd, raw[:]); err != nil {
		return "", fmt.Errorf("draw docket code: %w", err)
	}
	vals := make([]byte, docketRandom)
	var b strings.Builder
	b.WriteString(prefix)
	b.WriteByte('-')
	for i, r := range raw {
		vals[i] = r & 31
		b.WriteByte(docketAlphabet[vals[i]])
	}
	b.WriteByte(docketAlphabet[docketCheck(vals)])
	return b.String(), nil
}

func validDocketPrefix(p string) bool {
	if len(p) != 4 {
		return false
	}
	return isUpperLetter(p[0]) && isUpperLetter(p[1]) && isDigit(p[2]) && isDigit(p[3])
}

func isUpperLetter(c byte) bool { return c >= 'A' && c <= 'Z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// ErrDocketTypo is the message given when a code is well formed but its
// check symbol does not match: somebody mistyped it.
const ErrDocketTypo = "this code has a typo"

// ParseDocket reads a docket code as a person might type it and returns it in
// canonical form ("UP26-7K3QM9XD4P"). It forgives case, spaces, dashes and
// other separators, O for 0, and I or L for 1. A code that is well formed but
// fails its check gives an EINVALID error with the message ErrDocketTypo.
func ParseDocket(s string) (string, error) {
	if len(s) > 64 {
		return "", Errorf(EINVALID, "A docket code looks like UP26-7K3QM9XD4P; this is too long.")
	}
	var c []byte
	for _, r := range strings.ToUpper(s) {
		switch {
		case r == ' ' || r == '-' || r == '_' || r == '.' || r == '/' || r == '\t' || r == '\u00a0':
			continue
		case r < 0x80 && (isUpperLetter(byte(r)) || isDigit(byte(r))):
			c = append(c, byte(r))
		default:
			return "", Errorf(EINVALID, "A docket code has only letters and digits, like UP26-7K3QM9XD4P.")
		}
	}
	if len(c) != 4+docketBody {
		return "", Errorf(EINVALID, "A docket code has 14 letters and digits, like UP26-7K3QM9XD4P.")
	}
	if !isUpperLetter(c[0]) || !isUpperLetter(c[1]) {
		return "", Errorf(EINVALID, "A docket code starts with two letters, like UP26-7K3QM9XD4P.")
	}
	for i := 2; i < len(c); i++ {
		switch c[i] {
		case 'O':
			c[i] = '0'
		case 'I', 'L':
			c[i] = '1'
		}
	}
	if !isDigit(c[2]) || !isDigit(c[3]) {
		return "", Errorf(EINVALID, "A docket code has the year's two digits after the state, like UP26-7K3QM9XD4P.")
	}
	body := string(c[4:])
	for i := 0; i < len(body); i++ {
		if docketValue[body[i]] < 0 {
			return "", Errorf(EINVALID, "%q cannot appear in a docket code.", body[i])
		}
	}
	if !docketBodyValid(body) {
		return "", Errorf(EINVALID, ErrDocketTypo)
	}
	return string(c[:4]) + "-" + body, nil
}

// IsDocketTypo reports whether err is ParseDocket's check-symbol failure.
func IsDocketTypo(err error) bool {
	return ErrorCode(err) == EINVALID && ErrorMessage(err) == ErrDocketTypo
}
