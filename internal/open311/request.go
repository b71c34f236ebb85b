package open311

import (
	"encoding/xml"
	"time"

	"github.com/shikayat/shikayat"
)

// request is a service request as Open311 shows it: no personal data, no
// post text.
type request struct {
	XMLName           xml.Name `json:"-" xml:"request"`
	ID                string   `json:"service_request_id" xml:"service_request_id"`
	Status            string   `json:"status" xml:"status"`
	StatusNotes       string   `json:"status_notes,omitempty" xml:"status_notes,omitempty"`
	ServiceName       string   `json:"service_name" xml:"service_name"`
	ServiceCode       string   `json:"service_code" xml:"service_code"`
	AgencyResponsible string   `json:"agency_responsible,omitempty" xml:"agency_responsible,omitempty"`
	RequestedAt       string   `json:"requested_datetime" xml:"requested_datetime"`
	UpdatedAt         string   `json:"updated_datetime" xml:"updated_datetime"`
	Address           string   `json:"address,omitempty" xml:"address,omitempty"`
}

type requests struct {
	XMLName  xml.Name  `xml:"service_requests"`
	Requests []request `xml:"request"`
}

// status maps a stage to Open311's two statuses: everything short of
// closed is open (status_notes carries the stage).
func status(s shikayat.Stage) string {
	if s == shikayat.StageClosed {
		return "closed"
	}
	return "open"
}

// stamp writes a time as ISO 8601 in India time.
func stamp(t time.Time) string { return t.In(shikayat.IST).Format(time.RFC3339) }

// publicRequest is the public view of c under id. notes says what
// status_notes carries (the stage, or the latest public note).
func publicRequest(c *shikayat.Complaint, id, notes, lang string) request {
	typ := c.EffectiveType()
	if !typ.Valid() {
		typ = shikayat.TypeOther
	}
	r := request{
		ID: id, Status: status(c.Stage), StatusNotes: notes,
		ServiceCode: string(typ), ServiceName: serviceName(typ, lang),
		RequestedAt: stamp(c.ReceivedAt), UpdatedAt: stamp(c.UpdatedAt),
	}
	if d, ok := shikayat.DistrictByLGD(c.District); ok {
		name := d.Name
		if lang == "hi" && d.NameHi != "" {
			name = d.NameHi
		}
		r.AgencyResponsible = name + " Police"
		if lang == "hi" {
			r.AgencyResponsible = name + " पुलिस"
		}
		r.Address = name + ", Uttar Pradesh"
	}
	return r
}

// anonymousRequest is c as the anonymous list shows it under id: a
// sensitive complaint by its stage alone, with no type and no district.
func anonymousRequest(c *shikayat.Complaint, id, lang string) request {
	if !c.Sensitive {
		return publicRequest(c, id, string(c.Stage), lang)
	}
	return request{
		ID: id, Status: status(c.Stage), StatusNotes: string(c.Stage),
		RequestedAt: stamp(c.ReceivedAt), UpdatedAt: stamp(c.UpdatedAt),
	}
}
