package open311

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

// splitFile splits the last path segment "ID.json" into the id and its
// format.
func splitFile(file string) (id string, f Format, err error) {
	i := strings.LastIndexByte(file, '.')
	if i <= 0 {
		return "", "", shikayat.Errorf(shikayat.ENOTFOUND, "Ask for ID.json or ID.xml.")
	}
	switch ext := file[i+1:]; ext {
	case "json":
		f = formatJSON
	case "xml":
		f = formatXML
	default:
		return "", "", shikayat.Errorf(shikayat.ENOTFOUND, "Ask for ID.json or ID.xml.")
	}
	return file[:i], f, nil
}

// listQuery is what GET /requests asks for.
type listQuery struct {
	IDs      []string // service_request_id, comma separated; overrides the rest
	Type     shikayat.Type
	Closed   *bool
	From, To time.Time
}

// maxListIDs bounds service_request_id.
const maxListIDs = 100

// parseListQuery reads the query of GET /requests. A span longer than
// 90 days is refused, as the spec says; without dates the last 90 days are
// listed.
func parseListQuery(q url.Values, now time.Time) (listQuery, error) {
	var lq listQuery
	if v := strings.TrimSpace(q.Get("service_request_id")); v != "" {
		for _, id := range strings.Split(v, ",") {
			if id = strings.TrimSpace(id); id != "" {
				lq.IDs = append(lq.IDs, id)
			}
		}
		if len(lq.IDs) > maxListIDs {
			return lq, shikayat.Errorf(shikayat.EINVALID, "At most %d service_request_ids at once.", maxListIDs)
		}
		if lq.IDs != nil {
			return lq, nil
		}
		// Only commas: as if absent.
	}
	if v := q.Get("service_code"); v != "" {
		lq.Type = shikayat.Type(v)
		if !lq.Type.Valid() {
			return lq, shikayat.Errorf(shikayat.EINVALID, "Unknown service_code %q.", truncate(v, 40))
		}
	}
	if v := q.Get("status"); v != "" {
		open, closed := false, false
		for _, s := range strings.Split(v, ",") {
			switch strings.TrimSpace(s) {
			case "open":
				open = true
			case "closed":
				closed = true
			default:
				return lq, shikayat.Errorf(shikayat.EINVALID, "status is open, closed or both.")
			}
		}
		if open != closed {
			lq.Closed = &closed
		}
	}
	var err error
	for _, d := range []struct {
		name string
		to   *time.Time
	}{{"start_date", &lq.From}, {"end_date", &lq.To}} {
		if v := q.Get(d.name); v != "" {
			if *d.to, err = time.Parse(time.RFC3339, v); err != nil {
				return lq, shikayat.Errorf(shikayat.EINVALID, "%s must be a date and time like 2026-03-10T12:00:00+05:30.", d.name)
			}
		}
	}
	const span = 90 * 24 * time.Hour
	switch {
	case lq.From.IsZero() && lq.To.IsZero():
		lq.From = now.Add(-span)
		return lq, nil
	case lq.From.IsZero():
		lq.From = lq.To.Add(-span)
	case lq.To.IsZero():
		lq.To = lq.From.Add(span)
	}
	if lq.To.Before(lq.From) {
		return lq, shikayat.Errorf(shikayat.EINVALID, "end_date is before start_date.")
	}
	if lq.To.Sub(lq.From) > span {
		return lq, shikayat.Errorf(shikayat.EINVALID, "start_date and end_date may not span more than 90 days.")
	}
	return lq, nil
}

// createForm is what POST /requests carries.
type createForm struct {
	Key         string
	Type        shikayat.Type
	Description string
	Lat, Lon    *float64
	Address     string
	AddressID   string
	// Contact is the reporter's name, phone and e-mail, for staff only.
	Contact string
	Media   []string
}

// maxDescription bounds the description (a complaint's text).
const maxDescription = 4000

// parseCreateForm reads the form of POST /requests.
func parseCreateForm(form url.Values) (createForm, error) {
	var cf createForm
	cf.Key = strings.TrimSpace(form.Get("api_key"))
	cf.Type = shikayat.Type(strings.TrimSpace(form.Get("service_code")))
	if cf.Type == "" {
		return cf, shikayat.Errorf(shikayat.EINVALID, "service_code is required.")
	}
	if !cf.Type.Valid() {
		return cf, shikayat.Errorf(shikayat.EINVALID, "Unknown service_code %q.", truncate(string(cf.Type), 40))
	}
	for name, v := range form {
		for _, s := range v {
			if !utf8.ValidString(s) {
				return cf, shikayat.Errorf(shikayat.EINVALID, "%s is not valid UTF-8.", truncate(strings.ToValidUTF8(name, "?"), 40))
			}
		}
	}
	cf.Description = strings.TrimSpace(form.Get("description"))
	if cf.Description == "" {
		return cf, shikayat.Errorf(shikayat.EINVALID, "description is required: it is the complaint.")
	}
	if len(cf.Description) > maxDescription {
		return cf, shikayat.Errorf(shikayat.EINVALID, "description is longer than %d bytes.", maxDescription)
	}
	cf.Address = truncate(strings.TrimSpace(form.Get("address_string")), 500)
	cf.AddressID = truncate(strings.TrimSpace(form.Get("address_id")), 100)
	lat, long := strings.TrimSpace(form.Get("lat")), strings.TrimSpace(form.Get("long"))
	if lat != "" || long != "" {
		la, err1 := strconv.ParseFloat(lat, 64)
		lo, err2 := strconv.ParseFloat(long, 64)
		if err1 != nil || err2 != nil || la < -90 || la > 90 || lo < -180 || lo > 180 {
			return cf, shikayat.Errorf(shikayat.EINVALID, "lat and long must both be WGS84 degrees.")
		}
		cf.Lat, cf.Lon = &la, &lo
	}
	if cf.Lat == nil && cf.Address == "" && cf.AddressID == "" {
		return cf, shikayat.Errorf(shikayat.EINVALID, "A location is required: lat and long, address_string or address_id.")
	}
	var contact []string
	name := strings.TrimSpace(form.Get("first_name") + " " + form.Get("last_name"))
	for _, v := range []string{name, form.Get("phone"), form.Get("email")} {
		if v = strings.TrimSpace(v); v != "" {
			contact = append(contact, truncate(v, 200))
		}
	}
	cf.Contact = strings.Join(contact, ", ")
	if m := strings.TrimSpace(form.Get("media_url")); m != "" {
		u, err := url.Parse(m)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || len(m) > 2000 {
			return cf, shikayat.Errorf(shikayat.EINVALID, "media_url must be an http or https URL.")
		}
		cf.Media = append(cf.Media, m)
	}
	return cf, nil
}

// text is the complaint's text: the description, then where and who.
func (cf createForm) text() string {
	t := cf.Description
	if cf.Address != "" {
		t += "\nAddress: " + cf.Address
	}
	if cf.AddressID != "" {
		t += "\nAddress id: " + cf.AddressID
	}
	if cf.Contact != "" {
		t += "\nContact: " + cf.Contact
	}
	return t
}
