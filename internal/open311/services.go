package open311

import (
	"encoding/xml"
	"net/http"

	"github.com/shikayat/shikayat"
)

// service is one Open311 service: a complaint type.
type service struct {
	XMLName     xml.Name `json:"-" xml:"service"`
	Code        string   `json:"service_code" xml:"service_code"`
	Name        string   `json:"service_name" xml:"service_name"`
	Description string   `json:"description" xml:"description"`
	Metadata    bool     `json:"metadata" xml:"metadata"`
	Type        string   `json:"type" xml:"type"`
	Group       string   `json:"group" xml:"group"`
}

type services struct {
	XMLName  xml.Name  `xml:"services"`
	Services []service `xml:"service"`
}

// typeNames names each complaint type in English and Hindi.
var typeNames = map[shikayat.Type][2]string{
	shikayat.TypeTheft:          {"Theft", "चोरी"},
	shikayat.TypeCyberFraud:     {"Cyber fraud", "साइबर धोखाधड़ी"},
	shikayat.TypeWomenSafety:    {"Women's safety", "महिला सुरक्षा"},
	shikayat.TypeAssaultThreat:  {"Assault or threat", "मारपीट या धमकी"},
	shikayat.TypeMissingPerson:  {"Missing person", "गुमशुदा व्यक्ति"},
	shikayat.TypeLandDispute:    {"Land dispute", "ज़मीन विवाद"},
	shikayat.TypeTraffic:        {"Traffic", "यातायात"},
	shikayat.TypePublicNuisance: {"Public nuisance", "सार्वजनिक उपद्रव"},
	shikayat.TypePoliceConduct:  {"Police conduct", "पुलिस का आचरण"},
	shikayat.TypeFraudCheating:  {"Fraud or cheating", "धोखाधड़ी"},
	shikayat.TypeServiceRequest: {"Service request", "सेवा अनुरोध"},
	shikayat.TypeOther:          {"Other", "अन्य"},
}

// serviceName names a type in lang ("hi" or English).
func serviceName(t shikayat.Type, lang string) string {
	n, ok := typeNames[t]
	if !ok {
		n = typeNames[shikayat.TypeOther]
	}
	if lang == "hi" {
		return n[1]
	}
	return n[0]
}

// requestLang is the language of service names: ?lang=, then
// Accept-Language; English by default (Open311 clients are programs).
func requestLang(r *http.Request) string {
	switch r.URL.Query().Get("lang") {
	case "hi":
		return "hi"
	case "en":
		return "en"
	}
	if al := r.Header.Get("Accept-Language"); len(al) >= 2 && (al[:2] == "hi" || al[:2] == "HI") {
		return "hi"
	}
	return "en"
}

// Services serves GET /open311/v2/services.{json,xml}: the complaint
// types, named in the caller's language and described in both.
func (h *Handler) Services(f Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := h.checkJurisdiction(r); err != nil {
			h.fail(w, r, f, err)
			return
		}
		lang := requestLang(r)
		out := services{Services: []service{}}
		for _, t := range shikayat.Types {
			n := typeNames[t]
			out.Services = append(out.Services, service{
				Code: string(t), Name: serviceName(t, lang), Description: n[0] + " / " + n[1],
				Type: "realtime", Group: "police",
			})
		}
		if f == formatXML {
			write(w, f, http.StatusOK, out)
			return
		}
		write(w, f, http.StatusOK, out.Services)
	}
}
