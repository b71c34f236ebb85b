package open311

import (
	"encoding/xml"
	"net/http"
	"strings"
)

// discovery is GeoReport v2's service discovery document.
type discovery struct {
	XMLName    xml.Name   `json:"-" xml:"discovery"`
	Changeset  string     `json:"changeset" xml:"changeset"`
	Contact    string     `json:"contact" xml:"contact"`
	KeyService string     `json:"key_service" xml:"key_service"`
	Endpoints  []endpoint `json:"endpoints" xml:"endpoints>endpoint"`
}

type endpoint struct {
	Specification string   `json:"specification" xml:"specification"`
	URL           string   `json:"url" xml:"url"`
	Changeset     string   `json:"changeset" xml:"changeset"`
	Type          string   `json:"type" xml:"type"`
	Formats       []string `json:"formats" xml:"formats>format"`
}

// changeset is when this interface last changed.
const changeset = "2026-11-30T00:00:00Z"

// Discovery serves GET /open311/v2/discovery.{json,xml}.
func (h *Handler) Discovery(f Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		base := strings.TrimRight(h.BaseURL, "/")
		write(w, f, http.StatusOK, discovery{
			Changeset:  changeset,
			Contact:    "Police headquarters: " + base,
			KeyService: "An API key is a staff token: shikayat token create --username U.",
			Endpoints: []endpoint{{
				Specification: "http://wiki.open311.org/GeoReport_v2", URL: base + "/open311/v2",
				Changeset: changeset, Type: "production", Formats: []string{"text/xml", "application/json"},
			}},
		})
	}
}
