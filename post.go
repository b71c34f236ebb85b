package shikayat

import "time"

// Post is a post on X as the desk sees it: the post itself with what its
// expansions told about the author, the place and the media.
type Post struct {
	ID             string    `json:"id"`
	Text           string    `json:"text"`
	AuthorID       string    `json:"author_id"`
	AuthorUsername string    `json:"author_username,omitempty"`
	AuthorName     string    `json:"author_name,omitempty"`
	AuthorLocation string    `json:"author_location,omitempty"` // free text from the profile
	CreatedAt      time.Time `json:"created_at"`
	ConversationID string    `json:"conversation_id,omitempty"`
	Lang           string    `json:"lang,omitempty"` // X's guess, e.g. "hi", "en", "qme"

	InReplyToUserID string `json:"in_reply_to_user_id,omitempty"`
	InReplyToPostID string `json:"in_reply_to_post_id,omitempty"`
	QuotedPostID    string `json:"quoted_post_id,omitempty"`
	// RetweetOf is set on a retweet; Text is then the original's full text
	// when the expansion carried it.
	RetweetOf string `json:"retweet_of,omitempty"`

	Mentions []string `json:"mentions,omitempty"` // usernames, without "@"
	Hashtags []string `json:"hashtags,omitempty"`
	URLs     []string `json:"urls,omitempty"`

	Coordinates *Point  `json:"coordinates,omitempty"` // exact location, when the post has one
	Place       *Place  `json:"place,omitempty"`
	Media       []Media `json:"media,omitempty"`
}

// Mentions reports whether the post @mentions username (case-insensitive).
func (p *Post) MentionsUser(username string) bool {
	for _, m := range p.Mentions {
		if equalFoldASCII(m, username) {
			return true
		}
	}
	return false
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// Point is a WGS84 position.
type Point struct {
	Lat float64 `json:"lat"`
	Lon float64 `json:"lon"`
}

// Place is X's place object: a named area with a bounding box.
type Place struct {
	ID       string `json:"id"`
	FullName string `json:"full_name"`
	Name     string `json:"name,omitempty"`
	Country  string `json:"country_code,omitempty"`
	Type     string `json:"place_type,omitempty"`
	// BBox is [west, south, east, north], or all zero when X gave none.
	BBox [4]float64 `json:"bbox"`
}

// Centre returns the middle of the place's bounding box, and whether it has one.
func (p *Place) Centre() (Point, bool) {
	if p == nil || p.BBox == [4]float64{} {
		return Point{}, false
	}
	return Point{Lat: (p.BBox[1] + p.BBox[3]) / 2, Lon: (p.BBox[0] + p.BBox[2]) / 2}, true
}
