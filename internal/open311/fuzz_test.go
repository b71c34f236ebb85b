package open311

import (
	"crypto/aes"
	"net/url"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParseCreateForm: any form body either is refused as invalid or gives
// a known service, a description within bounds and a valid UTF-8 text.
func FuzzParseCreateForm(f *testing.F) {
	f.Add("service_code=theft&description=Bike+stolen&lat=26.85&long=80.95")
	f.Add("service_code=other&description=%E0%A4%9A%E0%A5%8B%E0%A4%B0%E0%A5%80&address_string=Gali+4&first_name=Asha&phone=900")
	f.Add("service_code=theft&description=x&lat=NaN&long=Inf")
	f.Add("service_code=theft&description=x&address_id=12&media_url=https://example.org/a.jpg")
	f.Add("api_key=abc&service_code=&description=")
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		cf, err := parseCreateForm(form)
		if err != nil {
			if len(err.Error()) > 300 {
				t.Errorf("error message is %d bytes long", len(err.Error()))
			}
			return
		}
		if !cf.Type.Valid() {
			t.Errorf("type %q accepted", cf.Type)
		}
		if cf.Description == "" || len(cf.Description) > maxDescription {
			t.Errorf("description of %d bytes accepted", len(cf.Description))
		}
		if cf.Lat == nil && cf.Address == "" && cf.AddressID == "" {
			t.Error("accepted without a location")
		}
		if cf.Lat != nil && (*cf.Lat != *cf.Lat || *cf.Lat < -90 || *cf.Lat > 90 || *cf.Lon != *cf.Lon || *cf.Lon < -180 || *cf.Lon > 180) {
			t.Errorf("accepted lat %v long %v", *cf.Lat, *cf.Lon)
		}
		if text := cf.text(); !utf8.ValidString(text) || strings.TrimSpace(text) == "" {
			t.Errorf("text %q", text)
		}
	})
}

// FuzzParseListQuery: any query is refused or gives a span of at most 90
// days and a known service.
func FuzzParseListQuery(f *testing.F) {
	f.Add("status=open,closed&service_code=theft")
	f.Add("start_date=2026-03-01T00:00:00Z&end_date=2026-03-11T00:00:00Z")
	f.Add("end_date=2026-03-09T00:00:00%2B05:30")
	f.Add("service_request_id=a,b,,c")
	now := time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, query string) {
		q, err := url.ParseQuery(query)
		if err != nil {
			return
		}
		lq, err := parseListQuery(q, now)
		if err != nil {
			return
		}
		if lq.IDs != nil {
			if len(lq.IDs) > maxListIDs {
				t.Errorf("%d ids accepted", len(lq.IDs))
			}
			return
		}
		if lq.Type != "" && !lq.Type.Valid() {
			t.Errorf("type %q accepted", lq.Type)
		}
		if lq.From.IsZero() {
			t.Error("no start: the list is unbounded")
		}
		if !lq.To.IsZero() && (lq.To.Before(lq.From) || lq.To.Sub(lq.From) > 90*24*time.Hour) {
			t.Errorf("span %v to %v accepted", lq.From, lq.To)
		}
	})
}

// FuzzRequestID: any last path segment splits into an id and a known
// format or is refused; an opaque id read back is the one made, and
// nothing else decodes to a complaint unless it is an opaque id of it.
func FuzzRequestID(f *testing.F) {
	b, err := aes.NewCipher(make([]byte, 32))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("UP26-7K3QM9XD4P.json", int64(1))
	f.Add(opaqueID(b, 42)+".xml", int64(42))
	f.Add(".json", int64(9))
	f.Add("00000000000000000000000000000000.json", int64(-1))
	f.Fuzz(func(t *testing.T, file string, id int64) {
		if got, ok := complaintID(b, opaqueID(b, id)); (id > 0) != ok || (ok && got != id) {
			t.Errorf("id %d reads back as %d, %v", id, got, ok)
		}
		rest, format, err := splitFile(file)
		if err != nil {
			return
		}
		if format != formatJSON && format != formatXML {
			t.Errorf("format %q", format)
		}
		if rest+"."+format != file {
			t.Errorf("%q split into %q and %q", file, rest, format)
		}
		if got, ok := complaintID(b, rest); ok && opaqueID(b, got) != strings.ToLower(rest) {
			t.Errorf("%q decodes to complaint %d, whose id is %q", rest, got, opaqueID(b, got))
		}
	})
}
