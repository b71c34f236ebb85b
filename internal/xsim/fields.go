package xsim

import (
	"net/url"
	"slices"
	"strings"

	"github.com/shikayat/shikayat/internal/xapi"
)

// The values X accepts for each fields parameter and for expansions.
var (
	knownTweetFields = set("article", "attachments", "author_id", "card_uri", "community_id", "context_annotations",
		"conversation_id", "created_at", "display_text_range", "edit_controls", "edit_history_tweet_ids", "entities",
		"geo", "id", "in_reply_to_user_id", "lang", "media_metadata", "non_public_metrics", "note_tweet",
		"organic_metrics", "possibly_sensitive", "promoted_metrics", "public_metrics", "referenced_tweets",
		"reply_settings", "scopes", "source", "suggested_source_links", "text", "withheld")
	knownUserFields = set("affiliation", "confirmed_email", "connection_status", "created_at", "description", "entities",
		"id", "is_identity_verified", "location", "most_recent_tweet_id", "name", "parody", "pinned_tweet_id",
		"profile_banner_url", "profile_image_url", "protected", "public_metrics", "receives_your_dm", "subscription",
		"subscription_type", "url", "username", "verified", "verified_followers_count", "verified_type", "withheld")
	knownPlaceFields = set("contained_within", "country", "country_code", "full_name", "geo", "id", "name", "place_type")
	knownMediaFields = set("alt_text", "duration_ms", "height", "media_key", "non_public_metrics", "organic_metrics",
		"preview_image_url", "promoted_metrics", "public_metrics", "type", "url", "variants", "width")
	knownPollFields     = set("duration_minutes", "end_datetime", "id", "options", "voting_status")
	knownTweetExpansion = set("article.cover_media", "article.media_entities", "attachments.media_keys",
		"attachments.media_source_tweet", "attachments.poll_ids", "author_id", "edit_history_tweet_ids",
		"entities.mentions.username", "entities.note.mentions.username", "geo.place_id", "in_reply_to_user_id",
		"referenced_tweets.id", "referenced_tweets.id.attachments.media_keys", "referenced_tweets.id.author_id")
	knownUserExpansion = set("affiliation.user_id", "most_recent_tweet_id", "pinned_tweet_id")
)

func set(xs ...string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[x] = true
	}
	return m
}

// selection is what a request asked for.
type selection struct {
	tweet, user, place, media, exp map[string]bool
}

// postParams are the field parameters of endpoints that answer posts.
var postParams = []string{"tweet.fields", "expansions", "user.fields", "place.fields", "media.fields", "poll.fields"}

// checkQuery refuses parameters the endpoint does not know, and fields it
// does not know, as X does; it returns the fields asked for.
func checkQuery(q url.Values, allowed []string, userExpansions bool) (selection, *problemBody) {
	for k := range q {
		if !slices.Contains(allowed, k) {
			p := invalidParam(k, q.Get(k), "The query parameter ["+k+"] is not one of ["+strings.Join(allowed, ",")+"]")
			return selection{}, &p
		}
	}
	sel := selection{}
	exp := knownTweetExpansion
	if userExpansions {
		exp = knownUserExpansion
	}
	for _, f := range []struct {
		param string
		known map[string]bool
		dst   *map[string]bool
	}{
		{"tweet.fields", knownTweetFields, &sel.tweet},
		{"user.fields", knownUserFields, &sel.user},
		{"place.fields", knownPlaceFields, &sel.place},
		{"media.fields", knownMediaFields, &sel.media},
		{"poll.fields", knownPollFields, new(map[string]bool)},
		{"expansions", exp, &sel.exp},
	} {
		*f.dst = map[string]bool{}
		v := q.Get(f.param)
		if v == "" {
			if _, given := q[f.param]; given {
				p := invalidParam(f.param, v, "The `"+f.param+"` query parameter value [] is not one of the allowed values")
				return selection{}, &p
			}
			continue
		}
		for _, name := range strings.Split(v, ",") {
			if !f.known[name] {
				p := invalidParam(f.param, name, "The `"+f.param+"` query parameter value ["+name+"] is not one of ["+strings.Join(sortedKeys(f.known), ",")+"]")
				return selection{}, &p
			}
			(*f.dst)[name] = true
		}
	}
	return sel, nil
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// renderTweet returns the post with only the fields asked for; id, text
// and edit_history_tweet_ids always come.
func renderTweet(t *xapi.Tweet, fields map[string]bool) xapi.Tweet {
	out := xapi.Tweet{ID: t.ID, Text: t.Text, EditHistoryTweetIDs: t.EditHistoryTweetIDs}
	if len(out.EditHistoryTweetIDs) == 0 {
		out.EditHistoryTweetIDs = []string{t.ID}
	}
	if fields["author_id"] {
		out.AuthorID = t.AuthorID
	}
	if fields["created_at"] {
		out.CreatedAt = t.CreatedAt
	}
	if fields["conversation_id"] {
		out.ConversationID = t.ConversationID
	}
	if fields["in_reply_to_user_id"] {
		out.InReplyToUserID = t.InReplyToUserID
	}
	if fields["lang"] {
		out.Lang = t.Lang
	}
	if fields["referenced_tweets"] {
		out.ReferencedTweets = t.ReferencedTweets
	}
	if fields["entities"] {
		out.Entities = t.Entities
	}
	if fields["geo"] {
		out.Geo = t.Geo
	}
	if fields["attachments"] {
		out.Attachments = t.Attachments
	}
	if fields["withheld"] {
		out.Withheld = t.Withheld
	}
	return out
}

func renderUser(u *xapi.User, fields map[string]bool) xapi.User {
	out := xapi.User{ID: u.ID, Name: u.Name, Username: u.Username}
	if fields["location"] {
		out.Location = u.Location
	}
	return out
}

func renderPlace(p *xapi.Place, fields map[string]bool) xapi.Place {
	out := xapi.Place{ID: p.ID, FullName: p.FullName}
	if fields["name"] {
		out.Name = p.Name
	}
	if fields["country"] {
		out.Country = p.Country
	}
	if fields["country_code"] {
		out.CountryCode = p.CountryCode
	}
	if fields["place_type"] {
		out.PlaceType = p.PlaceType
	}
	if fields["geo"] {
		out.Geo = p.Geo
	}
	return out
}

func renderMedia(m *xapi.Media, fields map[string]bool) xapi.Media {
	out := xapi.Media{MediaKey: m.MediaKey, Type: m.Type}
	if fields["url"] {
		out.URL = m.URL
	}
	if fields["preview_image_url"] {
		out.PreviewImageURL = m.PreviewImageURL
	}
	if fields["alt_text"] {
		out.AltText = m.AltText
	}
	if fields["width"] {
		out.Width = m.Width
	}
	if fields["height"] {
		out.Height = m.Height
	}
	if fields["duration_ms"] {
		out.DurationMS = m.DurationMS
	}
	return out
}

// includesLocked gathers the expansions of posts as sel asks, with a
// partial error for each referenced post that does not exist.
func (s *Server) includesLocked(posts []*xapi.Tweet, sel selection) (*xapi.Includes, []xapi.Problem) {
	inc := &xapi.Includes{}
	var problems []xapi.Problem
	seenUser, seenPlace, seenTweet, seenMedia := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	addUser := func(id string) {
		if u := s.users[id]; u != nil && !seenUser[id] {
			seenUser[id] = true
			inc.Users = append(inc.Users, renderUser(u, sel.user))
		}
	}
	for _, t := range posts {
		if sel.exp["author_id"] {
			addUser(t.AuthorID)
		}
		if sel.exp["in_reply_to_user_id"] && t.InReplyToUserID != "" {
			addUser(t.InReplyToUserID)
		}
		if sel.exp["geo.place_id"] && t.Geo != nil && t.Geo.PlaceID != "" && !seenPlace[t.Geo.PlaceID] {
			if p := s.places[t.Geo.PlaceID]; p != nil {
				seenPlace[p.ID] = true
				inc.Places = append(inc.Places, renderPlace(p, sel.place))
			}
		}
		if sel.exp["attachments.media_keys"] && t.Attachments != nil {
			for _, k := range t.Attachments.MediaKeys {
				if m := s.media[k]; m != nil && !seenMedia[k] {
					seenMedia[k] = true
					inc.Media = append(inc.Media, renderMedia(m, sel.media))
				}
			}
		}
		if sel.exp["referenced_tweets.id"] {
			for _, ref := range t.ReferencedTweets {
				rt := s.posts[ref.ID]
				if rt == nil {
					problems = append(problems, xapi.Problem{
						Value: ref.ID, Detail: "Could not find tweet with referenced_tweets.id: [" + ref.ID + "].",
						Title: "Not Found Error", ResourceType: "tweet", Parameter: "referenced_tweets.id",
						ResourceID: ref.ID, Type: "https://api.twitter.com/2/problems/resource-not-found",
					})
					continue
				}
				if !seenTweet[rt.ID] {
					seenTweet[rt.ID] = true
					inc.Tweets = append(inc.Tweets, renderTweet(rt, sel.tweet))
				}
				if sel.exp["referenced_tweets.id.author_id"] {
					addUser(rt.AuthorID)
				}
			}
		}
	}
	if len(inc.Users)+len(inc.Places)+len(inc.Tweets)+len(inc.Media) == 0 {
		return nil, problems
	}
	return inc, problems
}
