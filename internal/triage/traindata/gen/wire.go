package main

import "github.com/shikayat/shikayat/internal/triage"

// Wire shapes of the X API v2, only what the training set needs.
type (
	mention struct {
		Start    int    `json:"start"`
		End      int    `json:"end"`
		Username string `json:"username"`
	}
	hashtag struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Tag   string `json:"tag"`
	}
	entities struct {
		Mentions []mention `json:"mentions,omitempty"`
		Hashtags []hashtag `json:"hashtags,omitempty"`
	}
	point struct {
		Type        string     `json:"type"`
		Coordinates [2]float64 `json:"coordinates"`
	}
	tweetGeo struct {
		PlaceID     string `json:"place_id,omitempty"`
		Coordinates *point `json:"coordinates,omitempty"`
	}
	ref struct {
		Type string `json:"type"`
		ID   string `json:"id"`
	}
	tweet struct {
		ID               string    `json:"id"`
		Text             string    `json:"text"`
		AuthorID         string    `json:"author_id"`
		CreatedAt        string    `json:"created_at"`
		Lang             string    `json:"lang,omitempty"`
		ConversationID   string    `json:"conversation_id,omitempty"`
		InReplyToUserID  string    `json:"in_reply_to_user_id,omitempty"`
		ReferencedTweets []ref     `json:"referenced_tweets,omitempty"`
		Entities         *entities `json:"entities,omitempty"`
		Geo              *tweetGeo `json:"geo,omitempty"`
		EditHistory      []string  `json:"edit_history_tweet_ids"`
	}
	user struct {
		ID       string `json:"id"`
		Username string `json:"username"`
		Name     string `json:"name"`
		Location string `json:"location,omitempty"`
	}
	placeGeo struct {
		Type       string     `json:"type"`
		BBox       [4]float64 `json:"bbox"`
		Properties struct{}   `json:"properties"`
	}
	place struct {
		ID          string    `json:"id"`
		FullName    string    `json:"full_name"`
		Name        string    `json:"name"`
		Country     string    `json:"country"`
		CountryCode string    `json:"country_code"`
		PlaceType   string    `json:"place_type"`
		Geo         *placeGeo `json:"geo"`
	}
	includes struct {
		Users  []user  `json:"users,omitempty"`
		Places []place `json:"places,omitempty"`
		Tweets []tweet `json:"tweets,omitempty"`
	}
	line struct {
		Data     tweet        `json:"data"`
		Includes includes     `json:"includes"`
		Label    triage.Label `json:"label"`
	}
)
