package desk

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/shikayat/shikayat"
)

// safeURL returns u when it is an absolute http or https URL, else "":
// a javascript: or data: URL from a post never becomes a link or an image.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || (p.Scheme != "https" && p.Scheme != "http") || p.Host == "" {
		return ""
	}
	return p.String()
}

// districtName names a district by its LGD code in lang.
func districtName(lang Lang, lgd int) string {
	d, ok := shikayat.DistrictByLGD(lgd)
	switch {
	case !ok:
		return "—"
	case lang == Hindi && d.NameHi != "":
		return d.NameHi
	}
	return d.Name
}

// errorText is a domain error's message in lang: translated through the
// message table when the error has a key, DESIGN's English text otherwise.
// Stages and actions named in it are translated too.
func errorText(lang Lang, err error) string {
	key, args := shikayat.ErrorKey(err)
	if _, ok := messages[key]; !ok || key == "" {
		return shikayat.ErrorMessage(err)
	}
	if lang == English {
		return shikayat.ErrorMessage(err)
	}
	out := make([]any, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case shikayat.Stage:
			out[i] = T(lang, stageKey(v))
		case shikayat.ActionKind:
			out[i] = T(lang, "action_"+string(v))
		default:
			out[i] = a
		}
	}
	return fmt.Sprintf(T(lang, key), out...)
}

// setLangCookie remembers the language for pages before sign-in.
func setLangCookie(w http.ResponseWriter, l Lang) {
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: string(l), Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
}

// localPath returns p when it is a path on this site ("/desk/…"), else
// "/desk/": a redirect never leaves the desk.
func localPath(p string) string {
	if !strings.HasPrefix(p, "/") || strings.HasPrefix(p, "//") || strings.HasPrefix(p, "/\\") ||
		strings.ContainsFunc(p, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		// Browsers drop tabs and newlines: "/\t/evil.com" would leave the desk.
		return "/desk/"
	}
	return p
}
