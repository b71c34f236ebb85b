package web

import (
	"bytes"
	"strings"
)

// The page of a complaint found is written by writeTrackingPage rather than
// by executing trackTemplate: a lookup the store answers afresh renders the
// page anew, and the template's reflection, its calls and its escaping of
// every value were two fifths of such a lookup's time. The bytes are those
// the template writes (TestTrackingPageAsTemplate and its fuzz target hold
// the two together); the template still writes the pages of a code not
// found, and its head (title and style) is the one both use.

// trackHead is the template's text before the body, cut at its three
// values: lang, title, code.
var trackHead = func() [4]string {
	b, err := templatesFS.ReadFile("templates/track.html")
	if err != nil {
		panic(err)
	}
	s := string(b)
	s = s[:strings.Index(s, `<p><a href=`)]
	var parts [4]string
	for i, action := range []string{`{{.Lang}}`, `{{.Text "title"}}`, `{{.Code}}`} {
		before, after, ok := strings.Cut(s, action)
		if !ok {
			panic("templates/track.html: no " + action + " in the head")
		}
		parts[i], s = before, after
	}
	parts[3] = s
	return parts
}()

var trackHeadLen = len(trackHead[0]) + len(trackHead[1]) + len(trackHead[2]) + len(trackHead[3])

// trackingPage is the page for a complaint found.
func trackingPage(page trackPage) ([]byte, error) {
	// Sized to hold the page at once: the head, the rest's markup and
	// words, each step's with its note.
	n := trackHeadLen + 512
	for _, h := range page.T.History {
		n += 160 + len(h.Note)
	}
	var b bytes.Buffer
	b.Grow(n)
	writeTrackingPage(&b, page)
	return b.Bytes(), nil
}

// writeTrackingPage writes what trackTemplate writes for page, whose T is
// not nil.
func writeTrackingPage(b *bytes.Buffer, page trackPage) {
	lang, t := page.Lang, page.T
	text := func(key string) { esc(b, trackText[lang][key]) }
	b.WriteString(trackHead[0])
	esc(b, lang)
	b.WriteString(trackHead[1])
	text("title")
	b.WriteString(trackHead[2])
	esc(b, page.Code)
	b.WriteString(trackHead[3])
	if page.Hindi() {
		b.WriteString(`<p><a href="?lang=en" lang="en">`)
	} else {
		b.WriteString(`<p><a href="?lang=hi" lang="hi">`)
	}
	text("other_lang")
	b.WriteString("</a></p>\n\n<h1>")
	text("complaint")
	b.WriteString(" <span>")
	esc(b, t.Code)
	b.WriteString("</span></h1>\n<p><span class=\"s ")
	esc(b, string(t.Status))
	b.WriteString(`">`)
	text("status." + string(t.Status))
	b.WriteString("</span>\n ")
	text("stage." + string(t.Stage))
	b.WriteString("</p>\n")
	if t.District != nil {
		b.WriteString("<p>")
		text("district")
		b.WriteString(": ")
		if page.Hindi() {
			esc(b, t.District.NameHi)
		} else {
			esc(b, t.District.Name)
		}
		b.WriteString("</p>")
	}
	b.WriteString("\n")
	if t.UpdatedAt != nil {
		b.WriteString("<p><small>")
		text("updated")
		b.WriteString(": ")
		esc(b, istIn(lang, *t.UpdatedAt))
		b.WriteString(" IST</small></p>")
	}
	b.WriteString("\n")
	if len(t.History) > 0 {
		b.WriteString("<h2>")
		text("history")
		b.WriteString("</h2>\n<ol>")
		for _, h := range t.History {
			b.WriteString("\n<li><small>")
			esc(b, istIn(lang, h.At))
			b.WriteString("</small> — ")
			text("step." + h.Step)
			if h.Resolution != "" {
				b.WriteString(" (")
				text("res." + string(h.Resolution))
				b.WriteString(")")
			}
			if h.Note != "" {
				b.WriteString(`<bdi class="note">`)
				esc(b, h.Note)
				b.WriteString("</bdi>")
			}
			b.WriteString("</li>")
		}
		b.WriteString("\n</ol>")
	}
	b.WriteString("\n\n</body>\n</html>\n")
}

// esc writes s escaped as html/template escapes text and quoted
// attributes: NUL as U+FFFD, and " & ' + < > as entities.
func esc(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}
