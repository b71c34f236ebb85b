package xapi

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// DecodePost decodes one post in the single-post shape
// {"data": Tweet, "includes": {...}} — a line of a JSON-lines file, a line
// of the filtered stream, or the answer of GET /2/tweets/:id — into a Post,
// taking the author, place, quoted or retweeted post and media from the
// includes. Input that is not such a post yields an EINVALID error.
func DecodePost(line []byte) (shikayat.Post, error) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "post: empty input")
	}
	var s Single
	if err := json.Unmarshal(line, &s); err != nil {
		return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "post: not a post object: %s", jsonErrorText(err))
	}
	if s.Data == nil {
		if len(s.Errors) > 0 {
			return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "post: no data: %s", problemsText(s.Errors))
		}
		return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, `post: no "data" object`)
	}
	return PostFrom(s.Data, newIndex(s.Includes))
}

// PostsFromPage turns a page of posts into Posts, each with its own
// expansions picked out of the page's includes, in the page's order. A post
// that cannot be read is left out and named in the returned EINVALID error;
// the others are returned all the same.
func PostsFromPage(page *Page) ([]shikayat.Post, error) {
	if page == nil {
		return nil, nil
	}
	idx := newIndex(page.Includes)
	posts := make([]shikayat.Post, 0, len(page.Data))
	var errs []string
	for i := range page.Data {
		p, err := PostFrom(&page.Data[i], idx)
		if err != nil {
			errs = append(errs, shikayat.ErrorMessage(err))
			continue
		}
		posts = append(posts, p)
	}
	if len(errs) > 0 {
		return posts, shikayat.Errorf(shikayat.EINVALID, "%d of %d posts unreadable: %s", len(errs), len(page.Data), strings.Join(errs, "; "))
	}
	return posts, nil
}

// Index looks up a page's expansions by id.
type Index struct {
	users  map[string]*User
	places map[string]*Place
	tweets map[string]*Tweet
	media  map[string]*Media
}

// NewIndex indexes the includes of a page or single post.
func NewIndex(inc *Includes) *Index { return newIndex(inc) }

func newIndex(inc *Includes) *Index {
	idx := &Index{}
	if inc == nil {
		return idx
	}
	idx.users = make(map[string]*User, len(inc.Users))
	for i := range inc.Users {
		idx.users[inc.Users[i].ID] = &inc.Users[i]
	}
	idx.places = make(map[string]*Place, len(inc.Places))
	for i := range inc.Places {
		idx.places[inc.Places[i].ID] = &inc.Places[i]
	}
	idx.tweets = make(map[string]*Tweet, len(inc.Tweets))
	for i := range inc.Tweets {
		idx.tweets[inc.Tweets[i].ID] = &inc.Tweets[i]
	}
	idx.media = make(map[string]*Media, len(inc.Media))
	for i := range inc.Media {
		idx.media[inc.Media[i].MediaKey] = &inc.Media[i]
	}
	return idx
}

// PostFrom builds a Post from a post and the indexed includes it came with.
func PostFrom(t *Tweet, idx *Index) (shikayat.Post, error) {
	if idx == nil {
		idx = &Index{}
	}
	if !isID(t.ID) {
		return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "post: id %q is not a post id", clip(t.ID))
	}
	p := shikayat.Post{
		ID:              t.ID,
		Text:            t.Text,
		AuthorID:        t.AuthorID,
		ConversationID:  t.ConversationID,
		InReplyToUserID: t.InReplyToUserID,
		Lang:            t.Lang,
	}
	if t.CreatedAt != "" {
		at, err := time.Parse(time.RFC3339, t.CreatedAt)
		if err != nil {
			return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "post %s: created_at %q is not an RFC 3339 time", t.ID, clip(t.CreatedAt))
		}
		p.CreatedAt = at.UTC()
	}
	if u := idx.users[t.AuthorID]; u != nil && t.AuthorID != "" {
		p.AuthorUsername, p.AuthorName, p.AuthorLocation = u.Username, u.Name, u.Location
	}
	for _, r := range t.ReferencedTweets {
		switch r.Type {
		case RefRepliedTo:
			p.InReplyToPostID = r.ID
		case RefQuoted:
			p.QuotedPostID = r.ID
		case RefRetweeted:
			p.RetweetOf = r.ID
			if orig := idx.tweets[r.ID]; orig != nil && orig.Text != "" {
				p.Text = orig.Text
			}
		}
	}
	if e := t.Entities; e != nil {
		for _, m := range e.Mentions {
			if m.Username != "" {
				p.Mentions = append(p.Mentions, m.Username)
			}
		}
		for _, h := range e.Hashtags {
			if h.Tag != "" {
				p.Hashtags = append(p.Hashtags, h.Tag)
			}
		}
		for _, u := range e.URLs {
			switch {
			case u.ExpandedURL != "":
				p.URLs = append(p.URLs, u.ExpandedURL)
			case u.URL != "":
				p.URLs = append(p.URLs, u.URL)
			}
		}
	}
	if g := t.Geo; g != nil {
		if c := g.Coordinates; c != nil {
			pt, err := pointFrom(c)
			if err != nil {
				return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "post %s: %s", t.ID, err)
			}
			p.Coordinates = &pt
		}
		if g.PlaceID != "" {
			p.Place = &shikayat.Place{ID: g.PlaceID}
			if pl := idx.places[g.PlaceID]; pl != nil {
				p.Place = placeFrom(pl)
			}
		}
	}
	if t.Attachments != nil {
		for _, key := range t.Attachments.MediaKeys {
			m := shikayat.Media{Key: key}
			if x := idx.media[key]; x != nil {
				m.Type, m.URL, m.PreviewURL, m.AltText = x.Type, x.URL, x.PreviewImageURL, x.AltText
			}
			p.Media = append(p.Media, m)
		}
	}
	return p, nil
}

func pointFrom(c *GeoPoint) (shikayat.Point, error) {
	if c.Type != "" && c.Type != "Point" {
		return shikayat.Point{}, errors.New(`geo.coordinates: type is not "Point"`)
	}
	if len(c.Coordinates) != 2 {
		return shikayat.Point{}, errors.New("geo.coordinates: want [longitude, latitude]")
	}
	lon, lat := c.Coordinates[0], c.Coordinates[1]
	if math.IsNaN(lon) || math.IsNaN(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90 {
		return shikayat.Point{}, errors.New("geo.coordinates: out of range")
	}
	return shikayat.Point{Lat: lat, Lon: lon}, nil
}

func placeFrom(pl *Place) *shikayat.Place {
	out := &shikayat.Place{
		ID:       pl.ID,
		FullName: pl.FullName,
		Name:     pl.Name,
		Country:  pl.CountryCode,
		Type:     pl.PlaceType,
	}
	if pl.Geo != nil && len(pl.Geo.BBox) == 4 {
		ok := true
		for _, v := range pl.Geo.BBox {
			if math.IsNaN(v) || math.IsInf(v, 0) || v < -180 || v > 180 {
				ok = false
			}
		}
		if ok {
			copy(out.BBox[:], pl.Geo.BBox)
		}
	}
	return out
}

// isID reports whether s looks like an X id: 1 to 19 decimal digits.
func isID(s string) bool {
	if s == "" || len(s) > 19 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// clip shortens untrusted text quoted in an error message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	r := []rune(s)
	if len(r) <= max {
		return s
	}
	return string(r[:max]) + "…"
}

func jsonErrorText(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return "malformed JSON at byte " + strconv.FormatInt(se.Offset, 10)
	case errors.As(err, &te):
		if te.Field != "" {
			return "field " + te.Field + " has the wrong type (" + te.Value + ")"
		}
		return "wrong type (" + te.Value + ")"
	}
	return err.Error()
}

func problemsText(ps []Problem) string {
	parts := make([]string, 0, len(ps))
	for _, p := range ps {
		parts = append(parts, p.String())
	}
	return strings.Join(parts, "; ")
}
