// Package xapi speaks X's API v2: its wire types, a client for the endpoints
// the desk uses (mentions, recent search, users, posting, the filtered
// stream, Account Activity webhooks), and the translation of X's posts into
// the desk's shikayat.Post.
package xapi

import "encoding/json"

// Tweet is X's post object as the API v2 sends it. Only id, text and
// edit_history_tweet_ids come by default; everything else must be asked for
// with tweet.fields, so every other field is optional.
type Tweet struct {
	ID                  string            `json:"id"`
	Text                string            `json:"text"`
	EditHistoryTweetIDs []string          `json:"edit_history_tweet_ids,omitempty"`
	AuthorID            string            `json:"author_id,omitempty"`
	CreatedAt           string            `json:"created_at,omitempty"` // RFC 3339, e.g. 2026-01-04T01:49:01.000Z
	ConversationID      string            `json:"conversation_id,omitempty"`
	InReplyToUserID     string            `json:"in_reply_to_user_id,omitempty"`
	Lang                string            `json:"lang,omitempty"`
	ReferencedTweets    []ReferencedTweet `json:"referenced_tweets,omitempty"`
	Entities            *Entities         `json:"entities,omitempty"`
	Geo                 *TweetGeo         `json:"geo,omitempty"`
	Attachments         *Attachments      `json:"attachments,omitempty"`
	Withheld            *Withheld         `json:"withheld,omitempty"`
}

// Withheld says in which countries X withholds a post (scope "tweet") or
// its author (scope "user").
type Withheld struct {
	Copyright    bool     `json:"copyright,omitempty"`
	CountryCodes []string `json:"country_codes,omitempty"`
	Scope        string   `json:"scope,omitempty"`
}

// Kinds of ReferencedTweet.
const (
	RefRepliedTo = "replied_to"
	RefQuoted    = "quoted"
	RefRetweeted = "retweeted"
)

// ReferencedTweet links a post to the one it replies to, quotes or retweets.
type ReferencedTweet struct {
	Type string `json:"type"` // RefRepliedTo, RefQuoted or RefRetweeted
	ID   string `json:"id"`
}

// Entities are the parsed parts of a post's text. Offsets count code points.
type Entities struct {
	Mentions []MentionEntity `json:"mentions,omitempty"`
	Hashtags []HashtagEntity `json:"hashtags,omitempty"`
	URLs     []URLEntity     `json:"urls,omitempty"`
}

// MentionEntity is an @username in a post's text.
type MentionEntity struct {
	Start    int    `json:"start"`
	End      int    `json:"end"`
	Username string `json:"username"`
	ID       string `json:"id,omitempty"`
}

// HashtagEntity is a #tag in a post's text.
type HashtagEntity struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Tag   string `json:"tag"`
}

// URLEntity is a link in a post's text.
type URLEntity struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	URL         string `json:"url"`
	ExpandedURL string `json:"expanded_url,omitempty"`
	DisplayURL  string `json:"display_url,omitempty"`
	MediaKey    string `json:"media_key,omitempty"`
}

// TweetGeo is where a post was sent from: a place id, exact coordinates, or both.
type TweetGeo struct {
	PlaceID     string    `json:"place_id,omitempty"`
	Coordinates *GeoPoint `json:"coordinates,omitempty"`
}

// GeoPoint is a GeoJSON point: Coordinates is [longitude, latitude].
type GeoPoint struct {
	Type        string    `json:"type"`
	Coordinates []float64 `json:"coordinates"`
}

// Attachments names the media of a post.
type Attachments struct {
	MediaKeys []string `json:"media_keys,omitempty"`
}

// User is X's user object. Location is the free text of the profile; it
// comes only when user.fields asks for it.
type User struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Username string `json:"username"`
	Location string `json:"location,omitempty"`
}

// Place is X's place object; Geo carries the bounding box.
type Place struct {
	ID          string    `json:"id"`
	FullName    string    `json:"full_name"`
	Name        string    `json:"name,omitempty"`
	Country     string    `json:"country,omitempty"`
	CountryCode string    `json:"country_code,omitempty"`
	PlaceType   string    `json:"place_type,omitempty"`
	Geo         *PlaceGeo `json:"geo,omitempty"`
}

// PlaceGeo is a GeoJSON feature whose BBox is [west, south, east, north].
type PlaceGeo struct {
	Type       string    `json:"type"` // "Feature"
	BBox       []float64 `json:"bbox"`
	Properties struct{}  `json:"properties"`
}

// Media is X's media object (photo, video or animated_gif).
type Media struct {
	MediaKey        string `json:"media_key"`
	Type            string `json:"type"`
	URL             string `json:"url,omitempty"`               // photos
	PreviewImageURL string `json:"preview_image_url,omitempty"` // videos and GIFs
	AltText         string `json:"alt_text,omitempty"`
	Width           int    `json:"width,omitempty"`
	Height          int    `json:"height,omitempty"`
	DurationMS      int    `json:"duration_ms,omitempty"`
}

// Includes carries the objects the expansions asked for.
type Includes struct {
	Users  []User  `json:"users,omitempty"`
	Places []Place `json:"places,omitempty"`
	Tweets []Tweet `json:"tweets,omitempty"`
	Media  []Media `json:"media,omitempty"`
}

// Single is the answer for one post: {"data": Tweet, "includes": {...}}.
// It is also the shape of one line of the filtered stream.
type Single struct {
	Data     *Tweet    `json:"data,omitempty"`
	Includes *Includes `json:"includes,omitempty"`
	Errors   []Problem `json:"errors,omitempty"`
	// MatchingRules is set on filtered-stream lines.
	MatchingRules []MatchingRule `json:"matching_rules,omitempty"`
}

// MatchingRule names a stream rule a post matched.
type MatchingRule struct {
	ID  string `json:"id"`
	Tag string `json:"tag,omitempty"`
}

// Page is the answer of a timeline or search: a page of posts with their
// expansions, paging metadata and partial errors.
type Page struct {
	Data     []Tweet   `json:"data,omitempty"`
	Includes *Includes `json:"includes,omitempty"`
	Meta     Meta      `json:"meta"`
	Errors   []Problem `json:"errors,omitempty"`

	// Raw holds each post of Data as X sent it, in the same order, when the
	// page was decoded from JSON.
	Raw []json.RawMessage `json:"-"`
	// Undecoded holds the items of "data" that were not post objects at
	// all (a field of the wrong type, say), as X sent them.
	Undecoded []json.RawMessage `json:"-"`
}

// Meta is the paging metadata of a Page. NextToken is empty on the last page.
type Meta struct {
	ResultCount   int    `json:"result_count"`
	NewestID      string `json:"newest_id,omitempty"`
	OldestID      string `json:"oldest_id,omitempty"`
	NextToken     string `json:"next_token,omitempty"`
	PreviousToken string `json:"previous_token,omitempty"`
}

// Problem is X's error object: an RFC 7807 problem for a failed request, or
// a partial error inside a successful answer (then Value, Parameter,
// ResourceType and ResourceID say what could not be expanded).
type Problem struct {
	Type         string `json:"type"`
	Title        string `json:"title"`
	Detail       string `json:"detail,omitempty"`
	Status       int    `json:"status,omitempty"`
	Value        any    `json:"value,omitempty"`
	Parameter    string `json:"parameter,omitempty"`
	ResourceType string `json:"resource_type,omitempty"`
	ResourceID   string `json:"resource_id,omitempty"`
	Section      string `json:"section,omitempty"`
	// Message is set instead of Title on the items of an invalid-request
	// problem's "errors".
	Message string `json:"message,omitempty"`
}
