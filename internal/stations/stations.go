// Package stations reads the police stations (thanas) of a deployment from
// CSV, for the store to import.
//
// The file has a header row naming its columns, in any order:
//
//	id        short stable slug, e.g. lko-hazratganj (a-z, 0-9, dashes); required
//	district  LGD code of one of UP's 75 districts, e.g. 162; required
//	name_en   English name, e.g. Hazratganj; required
//	name_hi   Hindi name in Devanagari, e.g. हजरतगंज; the column is required,
//	          the value may be empty
//	aliases   other names separated by "|"; optional column
//	lat, lon  WGS84 coordinates inside UP; optional columns, and on each row
//	          both are given or neither
//
// Unknown and repeated columns are refused rather than ignored, so that a
// misspelt column name ("name_hindi") does not silently drop its data. A UTF-8
// byte order mark before the header is tolerated, values are trimmed of
// surrounding spaces, and blank lines are skipped.
//
// Parse checks the whole file and reports every bad line with its number and
// the reason, in one error; a file with any error yields no stations at all,
// so an import is all or nothing.
package stations

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

// Station is one police station as read from the file. The store keeps it as
// a unit of kind station under its district.
type Station struct {
	ID       string // slug, unique within the deployment
	District int    // LGD district code
	NameEn   string
	NameHi   string   // may be empty
	Aliases  []string // other names, Latin or Devanagari
	Lat, Lon *float64 // both nil or both set
}

// UP's bounding box, with a small margin: coordinates outside it are refused.
const (
	minLat, maxLat = 23.8, 30.5
	minLon, maxLon = 77.0, 84.7
)

const (
	maxNameLen = 200 // runes in a name or an alias
	maxErrors  = 100 // errors reported before giving up on a file
)

// Column names.
const (
	colID       = "id"
	colDistrict = "district"
	colNameEn   = "name_en"
	colNameHi   = "name_hi"
	colAliases  = "aliases"
	colLat      = "lat"
	colLon      = "lon"
)

var (
	knownColumns    = []string{colID, colDistrict, colNameEn, colNameHi, colAliases, colLat, colLon}
	requiredColumns = []string{colID, colDistrict, colNameEn, colNameHi}
)

// LineError is one problem in a stations file. Line is the line number of the
// record in the file (1 is the header); 0 means the file as a whole.
type LineError struct {
	Line   int
	Reason string
}

func (e LineError) String() string {
	if e.Line == 0 {
		return e.Reason
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Reason)
}

// ParseError lists every problem found in a stations file. It unwraps to a
// domain error of code shikayat.EINVALID whose message lists them all.
type ParseError struct {
	Errors []LineError
	err    *shikayat.Error
}

func newParseError(errs []LineError) *ParseError {
	lines := make([]string, len(errs))
	for i, e := range errs {
		lines[i] = e.String()
	}
	noun := "errors"
	if len(errs) == 1 {
		noun = "error"
	}
	msg := fmt.Sprintf("The stations file has %d %s; nothing was imported.\n%s",
		len(errs), noun, strings.Join(lines, "\n"))
	return &ParseError{Errors: errs, err: shikayat.Errorf(shikayat.EINVALID, "%s", msg)}
}

func (e *ParseError) Error() string { return e.err.Message }

// Unwrap returns the domain error, so shikayat.ErrorCode reports EINVALID.
func (e *ParseError) Unwrap() error { return e.err }

// Parse reads a stations CSV file. It returns the stations in file order, or,
// if any line is bad, no stations and a *ParseError listing every problem.
// An error reading r is returned as it is.
func Parse(r io.Reader) ([]Station, error) {
	p := &parser{seen: map[string]int{}}
	stations, err := p.parse(r)
	if err != nil {
		return nil, err
	}
	if len(p.errs) > 0 {
		return nil, newParseError(p.errs)
	}
	return stations, nil
}

type parser struct {
	col  map[string]int // column name → index
	seen map[string]int // station id → line
	errs []LineError
}

func (p *parser) fail(line int, format string, args ...any) {
	p.errs = append(p.errs, LineError{Line: line, Reason: fmt.Sprintf(format, args...)})
}

func (p *parser) parse(r io.Reader) ([]Station, error) {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\uFEFF" {
		br.Discard(3)
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1 // counted here, to report it in our words

	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		p.fail(0, "The file is empty; it needs a header row: %s.", strings.Join(knownColumns, ","))
		return nil, nil
	} else if err != nil {
		if isReadError(err) {
			return nil, err
		}
		p.fail(1, "%s", csvReason(err))
		return nil, nil
	}
	if !p.readHeader(header) {
		return nil, nil
	}

	var stations []Station
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			p.fail(pe.StartLine, "%s", csvReason(err))
		} else if err != nil {
			return nil, err
		} else {
			line, _ := cr.FieldPos(0)
			if s, ok := p.readRecord(line, rec); ok {
				stations = append(stations, s)
			}
		}
		if len(p.errs) >= maxErrors {
			p.fail(0, "Stopped after %d errors.", maxErrors)
			break
		}
	}
	if len(stations) == 0 && len(p.errs) == 0 {
		p.fail(0, "The file has a header but no stations.")
	}
	return stations, nil
}

// isReadError reports whether err came from the underlying reader rather
// than from the CSV syntax.
func isReadError(err error) bool {
	var pe *csv.ParseError
	return !errors.As(err, &pe)
}

func csvReason(err error) string {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, csv.ErrBareQuote):
		return "A quote (\") appears inside an unquoted value; put the whole value in quotes and double the quote."
	case errors.Is(err, csv.ErrQuote):
		return "A quoted value is not closed, or has text after its closing quote."
	}
	return "Not valid CSV: " + err.Error() + "."
}

func (p *parser) readHeader(header []string) bool {
	p.col = map[string]int{}
	ok := true
	for i, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		switch {
		case !slices.Contains(knownColumns, name):
			p.fail(1, "Unknown column %q; the columns are %s.", h, strings.Join(knownColumns, ", "))
			ok = false
		case p.has(name):
			p.fail(1, "Column %q appears twice.", name)
			ok = false
		default:
			p.col[name] = i
		}
	}
	for _, name := range requiredColumns {
		if !p.has(name) {
			p.fail(1, "Column %q is missing.", name)
			ok = false
		}
	}
	if p.has(colLat) != p.has(colLon) {
		p.fail(1, "Columns lat and lon go together: give both or neither.")
		ok = false
	}
	return ok
}

func (p *parser) has(name string) bool {
	_, ok := p.col[name]
	return ok
}

// field returns the trimmed value of a column, "" when the column is absent.
func (p *parser) field(rec []string, name string) string {
	i, ok := p.col[name]
	if !ok || i >= len(rec) {
		return ""
	}
	return strings.TrimSpace(rec[i])
}

func (p *parser) readRecord(line int, rec []string) (Station, bool) {
	if len(rec) != len(p.col) {
		p.fail(line, "Has %d values, the header has %d columns.", len(rec), len(p.col))
		return Station{}, false
	}
	for _, v := range rec {
		if !utf8.ValidString(v) {
			p.fail(line, "Is not valid UTF-8 text; save the file as UTF-8.")
			return Station{}, false
		}
	}
	before := len(p.errs)
	var s Station

	s.ID = p.field(rec, colID)
	switch {
	case s.ID == "":
		p.fail(line, "The id is empty.")
	case !shikayat.ValidSlug(s.ID):
		p.fail(line, "The id %q may use only lower-case letters a-z, digits and dashes (not at either end), at most 64 characters, like lko-hazratganj.", s.ID)
	default:
		if first, dup := p.seen[s.ID]; dup {
			p.fail(line, "The id %q is already used on line %d.", s.ID, first)
		} else {
			p.seen[s.ID] = line
		}
	}

	if v := p.field(rec, colDistrict); v == "" {
		p.fail(line, "The district is empty; give its LGD code, like 162 for Lucknow.")
	} else if code, err := strconv.Atoi(v); err != nil {
		p.fail(line, "The district %q is not an LGD code; give a number, like 162 for Lucknow.", v)
	} else if _, ok := shikayat.DistrictByLGD(code); !ok {
		p.fail(line, "The district %d is not the LGD code of a UP district.", code)
	} else {
		s.District = code
	}

	s.NameEn = p.field(rec, colNameEn)
	if s.NameEn == "" {
		p.fail(line, "The name_en is empty.")
	} else if n := utf8.RuneCountInString(s.NameEn); n > maxNameLen {
		p.fail(line, "The name_en is %d characters long, more than %d.", n, maxNameLen)
	}

	s.NameHi = p.field(rec, colNameHi)
	if s.NameHi != "" && !hasDevanagari(s.NameHi) {
		p.fail(line, "The name_hi %q has no Devanagari letters; write it in Hindi or leave it empty.", s.NameHi)
	} else if n := utf8.RuneCountInString(s.NameHi); n > maxNameLen {
		p.fail(line, "The name_hi is %d characters long, more than %d.", n, maxNameLen)
	}

	for _, a := range strings.Split(p.field(rec, colAliases), "|") {
		a = strings.TrimSpace(a)
		if a == "" || slices.Contains(s.Aliases, a) {
			continue
		}
		if n := utf8.RuneCountInString(a); n > maxNameLen {
			p.fail(line, "An alias is %d characters long, more than %d.", n, maxNameLen)
			continue
		}
		s.Aliases = append(s.Aliases, a)
	}

	lat, lon := p.field(rec, colLat), p.field(rec, colLon)
	switch {
	case lat == "" && lon == "":
	case lat == "" || lon == "":
		p.fail(line, "Give both lat and lon, or neither.")
	default:
		la, errLat := parseCoord(lat)
		lo, errLon := parseCoord(lon)
		switch {
		case errLat != nil:
			p.fail(line, "The lat %q is not a number.", lat)
		case errLon != nil:
			p.fail(line, "The lon %q is not a number.", lon)
		case la < minLat || la > maxLat || lo < minLon || lo > maxLon:
			p.fail(line, "The point %s, %s lies outside Uttar Pradesh (lat %g to %g, lon %g to %g); are lat and lon swapped?",
				lat, lon, minLat, maxLat, minLon, maxLon)
		default:
			s.Lat, s.Lon = &la, &lo
		}
	}

	return s, len(p.errs) == before
}

func parseCoord(s string) (float64, error) {
	f, err := strconv.ParseFloat(s, 64)
	if err == nil && (math.IsNaN(f) || math.IsInf(f, 0)) {
		err = errors.New("not a finite number")
	}
	return f, err
}

func hasDevanagari(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Devanagari, r) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}
