package xsim

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// Draft is a post to put on the simulated X in the simple form: who posts
// what, and optionally where, with what media, in reply to or quoting which
// post. The text is kept as given: a post that does not @mention the
// account is stored but, as on X, is not in its mentions timeline.
type Draft struct {
	Text     string `json:"text"`
	Username string `json:"username"`
	Name     string `json:"name,omitempty"`
	Location string `json:"location,omitempty"` // the author's profile location
	Lang     string `json:"lang,omitempty"`     // default: guessed from the text
	// InReplyTo makes the post a reply in that post's conversation.
	InReplyTo string `json:"in_reply_to,omitempty"`
	// Quote quotes that post.
	Quote string `json:"quote,omitempty"`
	// RetweetOf makes the post a retweet of that post; Text is then ignored.
	RetweetOf   string       `json:"retweet_of,omitempty"`
	Coordinates []float64    `json:"coordinates,omitempty"` // [longitude, latitude]
	Place       *xapi.Place  `json:"place,omitempty"`
	Media       []xapi.Media `json:"media,omitempty"` // keys are made when missing
	CreatedAt   string       `json:"created_at,omitempty"`
}

// simPost is the body of POST /_sim/mentions: a Draft, or a post in X's
// single-post shape.
type simPost struct {
	Draft
	Data     *xapi.Tweet    `json:"data,omitempty"`
	Includes *xapi.Includes `json:"includes,omitempty"`
}

var mediaKeyRE = regexp.MustCompile(`^[0-9]+_[0-9]+$`)

// AddDraft stores a post and returns its new id.
func (s *Server) AddDraft(d Draft) (string, error) {
	if !validUsername(d.Username) {
		return "", fmt.Errorf("username %q is not an X username", d.Username)
	}
	s.mu.Lock()
	u := s.userLocked(d.Username, d.Name, d.Location)
	t := &xapi.Tweet{Text: d.Text, AuthorID: u.ID, Lang: d.Lang, CreatedAt: d.CreatedAt}
	if d.RetweetOf != "" {
		orig := s.posts[d.RetweetOf]
		if orig == nil {
			s.mu.Unlock()
			return "", fmt.Errorf("retweet_of: no post %s", d.RetweetOf)
		}
		ou := s.users[orig.AuthorID]
		t.Text = "RT @" + ou.Username + ": " + orig.Text
		if r := []rune(t.Text); len(r) > 140 {
			t.Text = string(r[:139]) + "…"
		}
		t.ReferencedTweets = append(t.ReferencedTweets, xapi.ReferencedTweet{Type: xapi.RefRetweeted, ID: orig.ID})
		t.Lang = orig.Lang
	} else if strings.TrimSpace(d.Text) == "" {
		s.mu.Unlock()
		return "", errors.New("text is empty")
	}
	if d.InReplyTo != "" {
		t.ReferencedTweets = append(t.ReferencedTweets, xapi.ReferencedTweet{Type: xapi.RefRepliedTo, ID: d.InReplyTo})
	}
	if d.Quote != "" {
		t.ReferencedTweets = append(t.ReferencedTweets, xapi.ReferencedTweet{Type: xapi.RefQuoted, ID: d.Quote})
	}
	if len(d.Coordinates) > 0 {
		if len(d.Coordinates) != 2 || badCoord(d.Coordinates[0], 180) || badCoord(d.Coordinates[1], 90) {
			s.mu.Unlock()
			return "", errors.New("coordinates must be [longitude, latitude]")
		}
		t.Geo = &xapi.TweetGeo{Coordinates: &xapi.GeoPoint{Type: "Point", Coordinates: d.Coordinates}}
	}
	if d.Place != nil {
		if d.Place.ID == "" || d.Place.FullName == "" {
			s.mu.Unlock()
			return "", errors.New("place needs an id and a full_name")
		}
		pl := *d.Place
		s.places[pl.ID] = &pl
		if t.Geo == nil {
			t.Geo = &xapi.TweetGeo{}
		}
		t.Geo.PlaceID = pl.ID
	}
	for _, m := range d.Media {
		m.MediaKey = s.mediaKeyLocked(m)
		if m.Type == "" {
			m.Type = "photo"
		}
		s.media[m.MediaKey] = &m
		if t.Attachments == nil {
			t.Attachments = &xapi.Attachments{}
		}
		t.Attachments.MediaKeys = append(t.Attachments.MediaKeys, m.MediaKey)
	}
	id, err := s.storeLocked(t)
	s.mu.Unlock()
	if err != nil {
		return "", err
	}
	s.broadcast(id)
	return id, nil
}

func badCoord(v, lim float64) bool { return math.IsNaN(v) || v < -lim || v > lim }

func (s *Server) mediaKeyLocked(m xapi.Media) string {
	if mediaKeyRE.MatchString(m.MediaKey) && s.media[m.MediaKey] == nil {
		return m.MediaKey
	}
	s.mediaSeq++
	prefix := "3"
	switch m.Type {
	case "video":
		prefix = "7"
	case "animated_gif":
		prefix = "16"
	}
	return prefix + "_" + strconv.FormatUint(s.lastID+s.mediaSeq, 10)
}

// AddPost stores a post given in X's single-post shape, as it would come
// from X, and returns its new id. The author, place, media and referenced
// posts come from the includes; the ids of the post and its author are
// the simulator's own.
func (s *Server) AddPost(p xapi.Single) (string, error) {
	if p.Data == nil {
		return "", errors.New(`no "data" object`)
	}
	src := *p.Data
	inc := p.Includes
	if inc == nil {
		inc = &xapi.Includes{}
	}
	var author *xapi.User
	for i := range inc.Users {
		if inc.Users[i].ID == src.AuthorID {
			author = &inc.Users[i]
		}
	}
	if author == nil || !validUsername(author.Username) {
		return "", errors.New("the author (includes.users with the data's author_id) is missing or has no valid username")
	}
	if strings.TrimSpace(src.Text) == "" {
		return "", errors.New("text is empty")
	}
	s.mu.Lock()
	u := s.userLocked(author.Username, author.Name, author.Location)
	for i := range inc.Tweets {
		rt := inc.Tweets[i]
		if !isDigits(rt.ID) || s.posts[rt.ID] != nil {
			continue
		}
		if rt.AuthorID != "" {
			for _, iu := range inc.Users {
				if iu.ID == rt.AuthorID && validUsername(iu.Username) {
					rt.AuthorID = s.userLocked(iu.Username, iu.Name, iu.Location).ID
				}
			}
		}
		if len(rt.EditHistoryTweetIDs) == 0 {
			rt.EditHistoryTweetIDs = []string{rt.ID}
		}
		s.posts[rt.ID] = &rt // known to X, but older than anything in the timelines
	}
	for i := range inc.Places {
		pl := inc.Places[i]
		if pl.ID != "" && pl.FullName != "" {
			s.places[pl.ID] = &pl
		}
	}
	keys := map[string]string{}
	for i := range inc.Media {
		m := inc.Media[i]
		old := m.MediaKey
		m.MediaKey = s.mediaKeyLocked(m)
		if m.Type == "" {
			m.Type = "photo"
		}
		keys[old] = m.MediaKey
		s.media[m.MediaKey] = &m
	}
	t := &xapi.Tweet{
		Text:             src.Text,
		AuthorID:         u.ID,
		CreatedAt:        src.CreatedAt,
		Lang:             src.Lang,
		ReferencedTweets: src.ReferencedTweets,
		Entities:         src.Entities,
		Geo:              src.Geo,
	}
	if src.ConversationID != "" && src.ConversationID != src.ID {
		t.ConversationID = src.ConversationID
	}
	if src.Attachments != nil {
		t.Attachments = &xapi.Attachments{}
		for _, k := range src.Attachments.MediaKeys {
			if nk, ok := keys[k]; ok {
				k = nk
			}
			t.Attachments.MediaKeys = append(t.Attachments.MediaKeys, k)
		}
	}
	id, err := s.storeLocked(t)
	s.mu.Unlock()
	if err != nil {
		return "", err
	}
	s.broadcast(id)
	return id, nil
}

// storeLocked gives t a new id, fills in what X derives (entities,
// conversation, reply target, time, language) and indexes it.
func (s *Server) storeLocked(t *xapi.Tweet) (string, error) {
	if t.CreatedAt != "" {
		at, err := time.Parse(time.RFC3339, t.CreatedAt)
		if err != nil {
			return "", fmt.Errorf("created_at %q is not an RFC 3339 time", t.CreatedAt)
		}
		t.CreatedAt = at.UTC().Format("2006-01-02T15:04:05.000Z")
	} else {
		t.CreatedAt = s.now().UTC().Format("2006-01-02T15:04:05.000Z")
	}
	t.ID = s.newIDLocked()
	t.EditHistoryTweetIDs = []string{t.ID}
	if t.Entities == nil {
		t.Entities = entitiesOf(t.Text)
	}
	if t.Lang == "" {
		t.Lang = guessLang(t.Text)
	}
	for _, r := range t.ReferencedTweets {
		if r.Type != xapi.RefRepliedTo {
			continue
		}
		if target := s.posts[r.ID]; target != nil {
			t.InReplyToUserID = target.AuthorID
			if target.ConversationID != "" {
				t.ConversationID = target.ConversationID
			} else {
				t.ConversationID = target.ID
			}
		}
		s.replies[r.ID] = append(s.replies[r.ID], t.ID)
	}
	if t.ConversationID == "" {
		t.ConversationID = t.ID
	}
	s.posts[t.ID] = t
	s.timeline = append(s.timeline, t.ID)
	s.byAuthor[t.AuthorID] = append(s.byAuthor[t.AuthorID], t.ID)
	if t.Entities != nil {
		seen := map[string]bool{}
		for _, m := range t.Entities.Mentions {
			name := strings.ToLower(m.Username)
			if !seen[name] {
				seen[name] = true
				s.mentions[name] = append(s.mentions[name], t.ID)
			}
		}
	}
	return t.ID, nil
}

func (s *Server) simMention(w http.ResponseWriter, r *http.Request) {
	var p simPost
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&p); err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "post: "+err.Error()))
		return
	}
	var id string
	var err error
	if p.Data != nil {
		id, err = s.AddPost(xapi.Single{Data: p.Data, Includes: p.Includes})
	} else {
		id, err = s.AddDraft(p.Draft)
	}
	if err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "post: "+err.Error()))
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": map[string]string{"id": id}})
}

// Post returns a stored post with all its fields.
func (s *Server) Post(id string) (xapi.Tweet, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.posts[id]
	if t == nil {
		return xapi.Tweet{}, false
	}
	return *t, true
}

// Replies returns the replies to a post, oldest first.
func (s *Server) Replies(id string) []xapi.Tweet {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []xapi.Tweet{}
	for _, rid := range s.replies[id] {
		out = append(out, *s.posts[rid])
	}
	return out
}

// AccountPosts returns every post of the account, oldest first.
func (s *Server) AccountPosts() []xapi.Tweet {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []xapi.Tweet{}
	for _, id := range s.byAuthor[s.account.ID] {
		out = append(out, *s.posts[id])
	}
	return out
}

// simPosts answers GET /_sim/posts?in_reply_to=ID with the replies to ID,
// or without a parameter with all the account's posts.
func (s *Server) simPosts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if id := q.Get("in_reply_to"); id != "" {
		writeJSON(w, http.StatusOK, map[string]any{"data": s.Replies(id)})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": s.AccountPosts()})
}

// createRequest is the body of POST /2/tweets.
type createRequest struct {
	Text  string `json:"text"`
	Reply *struct {
		InReplyToTweetID    string   `json:"in_reply_to_tweet_id"`
		ExcludeReplyUserIDs []string `json:"exclude_reply_user_ids"`
	} `json:"reply"`
	QuoteTweetID string `json:"quote_tweet_id"`
}

func (s *Server) postTweet(r *http.Request, _ *Fault) (int, any) {
	var req createRequest
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<16)).Decode(&req); err != nil {
		return http.StatusBadRequest, problem("invalid-request", "Invalid Request", "One or more parameters to your request was invalid. "+err.Error())
	}
	if strings.TrimSpace(req.Text) == "" {
		return http.StatusBadRequest, invalidParam("text", "", "text must not be empty")
	}
	if weightedLength(req.Text) > 280 {
		return http.StatusForbidden, problem("about:blank", "Forbidden", "Your Tweet text is too long. For more information on how X determines text length see https://github.com/twitter/twitter-text.")
	}
	s.mu.Lock()
	me := s.actorLocked(r)
	t := &xapi.Tweet{Text: req.Text, AuthorID: me.ID}
	if req.Reply != nil {
		tid := req.Reply.InReplyToTweetID
		target := s.posts[tid]
		if !isDigits(tid) || target == nil {
			s.mu.Unlock()
			return http.StatusForbidden, problem("about:blank", "Forbidden", "You attempted to reply to a Tweet that is deleted or not visible to you.")
		}
		if !s.mayReplyLocked(me, target) {
			s.mu.Unlock()
			return http.StatusForbidden, problem("about:blank", "Forbidden", "Reply to this conversation is not allowed because you have not been mentioned or otherwise engaged by the author of the post you are replying to.")
		}
		t.ReferencedTweets = append(t.ReferencedTweets, xapi.ReferencedTweet{Type: xapi.RefRepliedTo, ID: tid})
	}
	if req.QuoteTweetID != "" {
		if s.posts[req.QuoteTweetID] == nil {
			s.mu.Unlock()
			return http.StatusBadRequest, invalidParam("quote_tweet_id", req.QuoteTweetID, "quote_tweet_id names no post")
		}
		t.ReferencedTweets = append(t.ReferencedTweets, xapi.ReferencedTweet{Type: xapi.RefQuoted, ID: req.QuoteTweetID})
	}
	own := s.byAuthor[me.ID]
	for i := len(own) - 1; i >= 0 && i >= len(own)-200; i-- {
		if s.posts[own[i]].Text == req.Text {
			s.mu.Unlock()
			return http.StatusForbidden, problem("about:blank", "Forbidden", "You are not allowed to create a Tweet with duplicate content.")
		}
	}
	id, err := s.storeLocked(t)
	if err == nil {
		s.hideLocked(id)
	}
	s.mu.Unlock()
	if err != nil {
		return http.StatusInternalServerError, problem("about:blank", "Internal Server Error", err.Error())
	}
	s.broadcast(id)
	return http.StatusCreated, map[string]any{"data": map[string]string{"id": id, "text": t.Text}}
}

// mayReplyLocked is X's rule since February 2026: an app may reply as an
// account only to a post that mentions that account (or quotes it, or is
// its own).
func (s *Server) mayReplyLocked(me *xapi.User, target *xapi.Tweet) bool {
	if target.AuthorID == me.ID {
		return true
	}
	if target.Entities != nil {
		for _, m := range target.Entities.Mentions {
			if strings.EqualFold(m.Username, me.Username) {
				return true
			}
		}
	}
	for _, r := range target.ReferencedTweets {
		if q := s.posts[r.ID]; r.Type == xapi.RefQuoted && q != nil && q.AuthorID == me.ID {
			return true
		}
	}
	return false
}
