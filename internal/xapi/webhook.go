package xapi

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/shikayat/shikayat"
)

// SignatureHeader carries the signature of an Account Activity delivery.
const SignatureHeader = "x-twitter-webhooks-signature"

// maxWebhookBody bounds an Account Activity delivery.
const maxWebhookBody = 4 << 20

// Sign returns "sha256=" + base64(HMAC-SHA256(consumerSecret, msg)): the
// answer to a CRC challenge (msg being the crc_token) and the signature of
// a delivery (msg being the body).
func Sign(consumerSecret string, msg []byte) string {
	mac := hmac.New(sha256.New, []byte(consumerSecret))
	mac.Write(msg)
	return "sha256=" + base64.StdEncoding.EncodeToString(mac.Sum(nil))
}

// CRCResponse is the response_token that answers X's challenge.
func CRCResponse(consumerSecret, crcToken string) string {
	return Sign(consumerSecret, []byte(crcToken))
}

// MaxCRCToken bounds the length of a crc_token the webhook answers.
const MaxCRCToken = 128

// ValidCRCToken reports whether token is shaped like the challenges X sends:
// 1 to MaxCRCToken characters of base64 or base64url (letters, digits,
// "-", "_", "+", "/", "="), and not a JSON value. X signs the challenge and
// the deliveries with the same secret, so answering any token would let
// anyone have a body of their choosing signed and post it as a delivery;
// no token of this shape can be read as one (a delivery is a JSON object).
func ValidCRCToken(token string) bool {
	if token == "" || len(token) > MaxCRCToken {
		return false
	}
	for i := 0; i < len(token); i++ {
		switch c := token[i]; {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '-', c == '_', c == '+', c == '/', c == '=':
		default:
			return false
		}
	}
	return !json.Valid([]byte(token))
}

// VerifySignature reports whether header is the signature of body under
// consumerSecret, compared in constant time.
func VerifySignature(consumerSecret string, body []byte, header string) bool {
	if consumerSecret == "" || !strings.HasPrefix(header, "sha256=") {
		return false
	}
	return hmac.Equal([]byte(Sign(consumerSecret, body)), []byte(header))
}

// WebhookEvent is the part of an Account Activity delivery the desk uses:
// the posts that were created (mentions of the account, replies to it, and
// its own posts), and the kinds of events it did not read.
type WebhookEvent struct {
	ForUserID string
	Posts     []shikayat.Post
	Ignored   []string // keys of other events, e.g. "favorite_events"
}

// Webhook answers Account Activity: X's CRC challenge on GET and signed
// deliveries on POST. A challenge not shaped like X's is refused with 400;
// a delivery whose signature does not match with 401; a delivery for
// another account than AccountID's (or naming none) with 403. Each refusal
// is logged.
type Webhook struct {
	ConsumerSecret string
	Logger         *slog.Logger // default: discard
	// AccountID returns the X id of the account whose activity the desk
	// subscribed to; a delivery must name it in for_user_id. Required:
	// without it every delivery is refused.
	AccountID func(context.Context) (string, error)
	// Handle receives each delivery; an error answers 500.
	Handle func(context.Context, WebhookEvent) error
}

func (h *Webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	log := h.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	switch r.Method {
	case http.MethodGet:
		token := r.URL.Query().Get("crc_token")
		if token == "" {
			http.Error(w, "crc_token missing", http.StatusBadRequest)
			return
		}
		if !ValidCRCToken(token) {
			log.Warn("x webhook: refused a crc_token not shaped like X's", "remote", r.RemoteAddr, "bytes", len(token))
			http.Error(w, "crc_token malformed", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]string{"response_token": CRCResponse(h.ConsumerSecret, token)})
	case http.MethodPost:
		body, err := io.ReadAll(io.LimitReader(r.Body, maxWebhookBody+1))
		if err != nil || len(body) > maxWebhookBody {
			http.Error(w, "body unreadable or too large", http.StatusBadRequest)
			return
		}
		if !VerifySignature(h.ConsumerSecret, body, r.Header.Get(SignatureHeader)) {
			log.Warn("x webhook: refused a delivery with a bad signature", "remote", r.RemoteAddr, "bytes", len(body))
			http.Error(w, "bad signature", http.StatusUnauthorized)
			return
		}
		ev, err := DecodeWebhook(body)
		if err != nil {
			log.Warn("x webhook: unreadable delivery", "err", err)
			http.Error(w, shikayat.ErrorMessage(err), http.StatusBadRequest)
			return
		}
		if h.AccountID == nil {
			log.Error("x webhook: no account configured; delivery refused")
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		me, err := h.AccountID(r.Context())
		if err != nil {
			log.Error("x webhook: the account's id is unknown; delivery refused", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		if ev.ForUserID != me {
			log.Warn("x webhook: refused a delivery for another account", "remote", r.RemoteAddr, "for_user_id", clip(ev.ForUserID))
			http.Error(w, "delivery for another account", http.StatusForbidden)
			return
		}
		if h.Handle != nil {
			if err := h.Handle(r.Context(), ev); err != nil {
				log.Error("x webhook: handling a delivery failed", "err", err)
				http.Error(w, "internal error", http.StatusInternalServerError)
				return
			}
		}
		w.WriteHeader(http.StatusOK)
	default:
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}

// DecodeWebhook reads an Account Activity delivery. Its posts come in X's
// v1.1 shape and are turned into Posts like the v2 ones.
func DecodeWebhook(body []byte) (WebhookEvent, error) {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(bytes.TrimSpace(body), &raw); err != nil {
		return WebhookEvent{}, shikayat.Errorf(shikayat.EINVALID, "webhook: %s", jsonErrorText(err))
	}
	if raw == nil {
		return WebhookEvent{}, shikayat.Errorf(shikayat.EINVALID, "webhook: a delivery is a JSON object")
	}
	var ev WebhookEvent
	if v, ok := raw["for_user_id"]; ok {
		if err := json.Unmarshal(v, &ev.ForUserID); err != nil {
			return WebhookEvent{}, shikayat.Errorf(shikayat.EINVALID, "webhook: for_user_id is not a string")
		}
	}
	for k, v := range raw {
		switch k {
		case "for_user_id", "user_has_blocked", "source":
			continue
		case "tweet_create_events":
			var ts []v1Tweet
			if err := json.Unmarshal(v, &ts); err != nil {
				return WebhookEvent{}, shikayat.Errorf(shikayat.EINVALID, "webhook: tweet_create_events: %s", jsonErrorText(err))
			}
			for i := range ts {
				p, err := ts[i].post()
				if err != nil {
					return WebhookEvent{}, err
				}
				ev.Posts = append(ev.Posts, p)
			}
		default:
			ev.Ignored = append(ev.Ignored, k)
		}
	}
	return ev, nil
}

// v1Tweet is the v1.1 post object of Account Activity deliveries.
type v1Tweet struct {
	IDStr                string      `json:"id_str"`
	Text                 string      `json:"text"`
	FullText             string      `json:"full_text"`
	CreatedAt            string      `json:"created_at"` // "Wed Oct 10 20:19:24 +0000 2018"
	Lang                 string      `json:"lang"`
	User                 v1User      `json:"user"`
	InReplyToStatusIDStr string      `json:"in_reply_to_status_id_str"`
	InReplyToUserIDStr   string      `json:"in_reply_to_user_id_str"`
	QuotedStatusIDStr    string      `json:"quoted_status_id_str"`
	RetweetedStatus      *v1Tweet    `json:"retweeted_status"`
	Coordinates          *GeoPoint   `json:"coordinates"`
	Place                *v1Place    `json:"place"`
	Entities             v1Entities  `json:"entities"`
	ExtendedEntities     *v1Entities `json:"extended_entities"`
	ExtendedTweet        *struct {
		FullText         string      `json:"full_text"`
		Entities         v1Entities  `json:"entities"`
		ExtendedEntities *v1Entities `json:"extended_entities"`
	} `json:"extended_tweet"`
}

type v1User struct {
	IDStr      string `json:"id_str"`
	ScreenName string `json:"screen_name"`
	Name       string `json:"name"`
	Location   string `json:"location"`
}

type v1Place struct {
	ID          string `json:"id"`
	FullName    string `json:"full_name"`
	Name        string `json:"name"`
	CountryCode string `json:"country_code"`
	PlaceType   string `json:"place_type"`
	BoundingBox *struct {
		Coordinates [][][]float64 `json:"coordinates"`
	} `json:"bounding_box"`
}

type v1Entities struct {
	Hashtags     []struct{ Text string } `json:"hashtags"`
	UserMentions []struct {
		ScreenName string `json:"screen_name"`
	} `json:"user_mentions"`
	URLs []struct {
		URL         string `json:"url"`
		ExpandedURL string `json:"expanded_url"`
	} `json:"urls"`
	Media []struct {
		IDStr         string `json:"id_str"`
		Type          string `json:"type"`
		MediaURLHTTPS string `json:"media_url_https"`
		ExtAltText    string `json:"ext_alt_text"`
	} `json:"media"`
}

func (t *v1Tweet) post() (shikayat.Post, error) {
	if !isID(t.IDStr) {
		return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "webhook: post id %q is not an X id", clip(t.IDStr))
	}
	p := shikayat.Post{
		ID:              t.IDStr,
		Text:            t.Text,
		AuthorID:        t.User.IDStr,
		AuthorUsername:  t.User.ScreenName,
		AuthorName:      t.User.Name,
		AuthorLocation:  t.User.Location,
		Lang:            t.Lang,
		InReplyToPostID: t.InReplyToStatusIDStr,
		InReplyToUserID: t.InReplyToUserIDStr,
		QuotedPostID:    t.QuotedStatusIDStr,
	}
	if t.FullText != "" {
		p.Text = t.FullText
	}
	ents, ext := t.Entities, t.ExtendedEntities
	if t.ExtendedTweet != nil {
		p.Text = t.ExtendedTweet.FullText
		ents, ext = t.ExtendedTweet.Entities, t.ExtendedTweet.ExtendedEntities
	}
	if t.CreatedAt != "" {
		at, err := time.Parse(time.RubyDate, t.CreatedAt)
		if err != nil {
			return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "webhook: post %s: created_at %q unreadable", t.IDStr, clip(t.CreatedAt))
		}
		p.CreatedAt = at.UTC()
	}
	if rt := t.RetweetedStatus; rt != nil && rt.IDStr != "" {
		p.RetweetOf = rt.IDStr
		if orig, err := rt.post(); err == nil && orig.Text != "" {
			p.Text = orig.Text
		}
	}
	for _, m := range ents.UserMentions {
		p.Mentions = append(p.Mentions, m.ScreenName)
	}
	for _, h := range ents.Hashtags {
		p.Hashtags = append(p.Hashtags, h.Text)
	}
	for _, u := range ents.URLs {
		if u.ExpandedURL != "" {
			p.URLs = append(p.URLs, u.ExpandedURL)
		} else if u.URL != "" {
			p.URLs = append(p.URLs, u.URL)
		}
	}
	media := ents.Media
	if ext != nil && len(ext.Media) > 0 {
		media = ext.Media
	}
	for _, m := range media {
		p.Media = append(p.Media, shikayat.Media{Key: m.IDStr, Type: m.Type, URL: m.MediaURLHTTPS, AltText: m.ExtAltText})
	}
	if t.Coordinates != nil {
		pt, err := pointFrom(t.Coordinates)
		if err != nil {
			return shikayat.Post{}, shikayat.Errorf(shikayat.EINVALID, "webhook: post %s: %s", t.IDStr, err)
		}
		p.Coordinates = &pt
	}
	if pl := t.Place; pl != nil && pl.ID != "" {
		place := &Place{ID: pl.ID, FullName: pl.FullName, Name: pl.Name, CountryCode: pl.CountryCode, PlaceType: pl.PlaceType}
		if bb := pl.BoundingBox; bb != nil && len(bb.Coordinates) == 1 && len(bb.Coordinates[0]) > 0 {
			w, s, e, n := 180.0, 90.0, -180.0, -90.0
			for _, c := range bb.Coordinates[0] {
				if len(c) != 2 {
					continue
				}
				w, e = min(w, c[0]), max(e, c[0])
				s, n = min(s, c[1]), max(n, c[1])
			}
			if w <= e && s <= n {
				place.Geo = &PlaceGeo{Type: "Feature", BBox: []float64{w, s, e, n}}
			}
		}
		p.Place = placeFrom(place)
	}
	return p, nil
}
