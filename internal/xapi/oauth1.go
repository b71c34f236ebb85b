package xapi

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"encoding/base64"
	"encoding/hex"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"
)

// oauth1Header returns the Authorization header of an OAuth 1.0a
// (HMAC-SHA1) request signed with the user-context credentials. params are
// the query parameters and, for form bodies, the body's parameters; a JSON
// body is not signed, as X documents for API v2.
func oauth1Header(c Credentials, method, rawURL string, params url.Values, now time.Time, nonce string) string {
	oauth := map[string]string{
		"oauth_consumer_key":     c.ConsumerKey,
		"oauth_nonce":            nonce,
		"oauth_signature_method": "HMAC-SHA1",
		"oauth_timestamp":        strconv.FormatInt(now.Unix(), 10),
		"oauth_token":            c.AccessToken,
		"oauth_version":          "1.0",
	}
	oauth["oauth_signature"] = oauth1Signature(c.ConsumerSecret, c.AccessSecret, method, rawURL, params, oauth)

	keys := make([]string, 0, len(oauth))
	for k := range oauth {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("OAuth ")
	for i, k := range keys {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(percentEncode(k))
		b.WriteString(`="`)
		b.WriteString(percentEncode(oauth[k]))
		b.WriteString(`"`)
	}
	return b.String()
}

// oauth1Signature computes the base64 HMAC-SHA1 signature of a request:
// the signature base string is METHOD&url&params, params being every
// request and oauth_* parameter, percent-encoded and sorted.
func oauth1Signature(consumerSecret, tokenSecret, method, rawURL string, params url.Values, oauth map[string]string) string {
	base := rawURL
	if u, err := url.Parse(rawURL); err == nil {
		u.RawQuery, u.Fragment = "", ""
		u.Scheme = strings.ToLower(u.Scheme)
		u.Host = strings.ToLower(u.Host)
		base = u.String()
	}
	type pair struct{ k, v string }
	var pairs []pair
	for k, vs := range params {
		for _, v := range vs {
			pairs = append(pairs, pair{percentEncode(k), percentEncode(v)})
		}
	}
	for k, v := range oauth {
		if k != "oauth_signature" {
			pairs = append(pairs, pair{percentEncode(k), percentEncode(v)})
		}
	}
	sort.Slice(pairs, func(i, j int) bool {
		if pairs[i].k != pairs[j].k {
			return pairs[i].k < pairs[j].k
		}
		return pairs[i].v < pairs[j].v
	})
	var ps strings.Builder
	for i, p := range pairs {
		if i > 0 {
			ps.WriteByte('&')
		}
		ps.WriteString(p.k)
		ps.WriteByte('=')
		ps.WriteString(p.v)
	}
	text := strings.ToUpper(method) + "&" + percentEncode(base) + "&" + percentEncode(ps.String())
	mac := hmac.New(sha1.New, []byte(percentEncode(consumerSecret)+"&"+percentEncode(tokenSecret)))
	mac.Write([]byte(text))
	return base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// percentEncode encodes s as RFC 3986 (and OAuth 1.0a) require: everything
// but the unreserved characters A-Z a-z 0-9 - . _ ~ becomes %XX.
func percentEncode(s string) string {
	const hexDigits = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hexDigits[c>>4])
		b.WriteByte(hexDigits[c&15])
	}
	return b.String()
}

// newNonce returns 32 random hex characters.
func newNonce() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// ParseOAuth1Header reads the parameters of an "OAuth k="v", …" header.
func ParseOAuth1Header(h string) (map[string]string, bool) {
	rest, ok := strings.CutPrefix(h, "OAuth ")
	if !ok {
		return nil, false
	}
	out := map[string]string{}
	for _, part := range strings.Split(rest, ",") {
		k, v, ok := strings.Cut(strings.TrimSpace(part), "=")
		if !ok {
			return nil, false
		}
		v = strings.Trim(v, `"`)
		dk, err1 := url.PathUnescape(k)
		dv, err2 := url.PathUnescape(v)
		if err1 != nil || err2 != nil {
			return nil, false
		}
		out[dk] = dv
	}
	return out, true
}

// VerifyOAuth1 checks the OAuth 1.0a signature of a request with the given
// secrets, as X does. params are the request's query (and form) parameters.
func VerifyOAuth1(consumerSecret, tokenSecret, method, rawURL string, params url.Values, header string) bool {
	oauth, ok := ParseOAuth1Header(header)
	if !ok || oauth["oauth_signature_method"] != "HMAC-SHA1" {
		return false
	}
	want := oauth1Signature(consumerSecret, tokenSecret, method, rawURL, params, oauth)
	return hmac.Equal([]byte(want), []byte(oauth["oauth_signature"]))
}
