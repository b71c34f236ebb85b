package replies

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"text/template"

	"github.com/shikayat/shikayat"
)

//go:embed templates/*.tmpl
var defaultTemplates embed.FS

// Template names. Each exists in Hindi (.hi) and English (.en).
const (
	TemplateAck    = "ack"
	TemplateStatus = "status"
	TemplateReply  = "reply"
	// TemplateAckSensitive acknowledges a sensitive complaint: the docket
	// code and the tracking link only, nothing of the post, its type or
	// the offence (no 112 advice either, which would hint at it).
	TemplateAckSensitive = "ack_sensitive"
	// TemplateHelpline answers another department's matter with its
	// helpline, never with a docket.
	TemplateHelpline = "helpline"
	// TemplateClose tells the citizen a complaint is closed and how, with
	// the closing note when it was marked public, and invites a rating
	// 1–5 (or "not resolved") by reply.
	TemplateClose = "close"
	// TemplateCloseSensitive closes a sensitive complaint neutrally: the
	// docket, that it is closed, and the invitation to rate; no
	// resolution, no note.
	TemplateCloseSensitive = "close_sensitive"
)

// Templates render the desk's replies. The defaults are embedded; a
// deployment edits them by putting files of the same names (ack.hi.tmpl, …)
// in a directory of its own.
type Templates struct {
	t map[string]*template.Template // "ack.hi" → template
}

// TemplateData is what a template sees.
type TemplateData struct {
	Code       string // docket code
	URL        string // the public tracking page
	Immediate  bool   // the complaint is of class immediate: tell them to dial 112
	StatusText string // the public status in the reply's language
	District   string // English name of the owning district, if any
	DistrictHi string // Hindi name
	Text       string // a person's own words, for staff replies
	AsOf       string // the time of a status, in IST ("27 Nov 14:05:31")
	// Question is the id of the post a status answer answers: it makes
	// each answer's text its own, so X refuses none as a duplicate of
	// another person's.
	Question string
	// CyberFraud: the complaint is of cyber fraud — tell them to call 1930
	// and report at cybercrime.gov.in at once.
	CyberFraud bool
	// Helpline and HelplineName name the department's helpline, for
	// helpline replies.
	Helpline     string
	HelplineName string
	// ResolutionText is how a closed complaint ended, in the reply's
	// language.
	ResolutionText string
}

// LoadTemplates parses the embedded templates and, when dir is not "",
// those in dir over them. Every template is parsed and tried at start.
func LoadTemplates(dir string) (*Templates, error) {
	t := &Templates{t: map[string]*template.Template{}}
	load := func(fsys fs.FS, pattern string) error {
		names, err := fs.Glob(fsys, pattern)
		if err != nil {
			return err
		}
		for _, name := range names {
			b, err := fs.ReadFile(fsys, name)
			if err != nil {
				return err
			}
			key := strings.TrimSuffix(filepath.Base(name), ".tmpl")
			tmpl, err := template.New(key).Option("missingkey=error").Parse(strings.TrimSpace(string(b)))
			if err != nil {
				return shikayat.Errorf(shikayat.EINVALID, "Reply template %s: %v", name, err)
			}
			if err := tmpl.Execute(&bytes.Buffer{}, TemplateData{Code: "UP26-0000000000", URL: "https://example.org/t/UP26-0000000000", Helpline: "1912", HelplineName: "UPPCL"}); err != nil {
				return shikayat.Errorf(shikayat.EINVALID, "Reply template %s: %v", name, err)
			}
			t.t[key] = tmpl
		}
		return nil
	}
	if err := load(defaultTemplates, "templates/*.tmpl"); err != nil {
		return nil, err
	}
	if dir != "" {
		if _, err := os.Stat(dir); err != nil {
			return nil, shikayat.Errorf(shikayat.EINVALID, "Reply templates directory: %v", err)
		}
		if err := load(os.DirFS(dir), "*.tmpl"); err != nil {
			return nil, err
		}
	}
	for _, name := range []string{TemplateAck, TemplateAckSensitive, TemplateStatus, TemplateReply, TemplateHelpline, TemplateClose, TemplateCloseSensitive} {
		for _, lang := range []string{"hi", "en"} {
			if t.t[name+"."+lang] == nil {
				return nil, fmt.Errorf("reply template %s.%s is missing", name, lang)
			}
		}
	}
	return t, nil
}

// Render fills template name in lang ("hi" or "en").
func (t *Templates) Render(name, lang string, d TemplateData) (string, error) {
	tmpl := t.t[name+"."+lang]
	if tmpl == nil {
		return "", shikayat.Errorf(shikayat.EINVALID, "There is no reply template %s in %s.", name, lang)
	}
	var b bytes.Buffer
	if err := tmpl.Execute(&b, d); err != nil {
		return "", fmt.Errorf("render %s.%s: %w", name, lang, err)
	}
	return strings.TrimSpace(b.String()), nil
}

// ReplyLang is the language to answer in: Hindi for Devanagari or
// Hinglish, else English.
func ReplyLang(lang string) string {
	if lang == "hi" || lang == "hinglish" {
		return "hi"
	}
	return "en"
}

var statusText = map[string]map[shikayat.Status]string{
	"en": {shikayat.StatusOpen: "open, being routed", shikayat.StatusInProcess: "in process at the police station", shikayat.StatusClosed: "closed"},
	"hi": {shikayat.StatusOpen: "खुली है, संबंधित अधिकारी को भेजी जा रही है", shikayat.StatusInProcess: "थाने पर कार्यवाही जारी है", shikayat.StatusClosed: "बंद"},
}

// resolutionText names each resolution in the reply's language.
var resolutionText = map[string]map[shikayat.Resolution]string{
	"en": {
		shikayat.ResolutionActionTaken: "action taken", shikayat.ResolutionFIRRegistered: "FIR registered",
		shikayat.ResolutionNotPoliceMatter: "not a police matter", shikayat.ResolutionDuplicate: "a duplicate of another complaint",
		shikayat.ResolutionWithdrawn: "withdrawn", shikayat.ResolutionNoResponse: "no response from the complainant",
	},
	"hi": {
		shikayat.ResolutionActionTaken: "कार्यवाही की गई", shikayat.ResolutionFIRRegistered: "एफ़आईआर दर्ज",
		shikayat.ResolutionNotPoliceMatter: "पुलिस से संबंधित मामला नहीं", shikayat.ResolutionDuplicate: "दूसरी शिकायत की प्रति",
		shikayat.ResolutionWithdrawn: "वापस ली गई", shikayat.ResolutionNoResponse: "शिकायतकर्ता से संपर्क नहीं हो सका",
	},
}
