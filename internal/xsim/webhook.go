package xsim

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// CheckCRC does what X does when a webhook is registered and every so often
// after: GET webhookURL?crc_token=… and check the response_token against
// the consumer secret.
func (s *Server) CheckCRC(ctx context.Context, client *http.Client, webhookURL, consumerSecret string) error {
	var b [32]byte
	_, _ = rand.Read(b[:])
	token := base64.RawURLEncoding.EncodeToString(b[:]) // base64url, as X's tokens look
	u, err := url.Parse(webhookURL)
	if err != nil {
		return err
	}
	q := u.Query()
	q.Set("crc_token", token)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var out struct {
		ResponseToken string `json:"response_token"`
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("crc: status %d", resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<16)).Decode(&out); err != nil {
		return fmt.Errorf("crc: %w", err)
	}
	if out.ResponseToken != xapi.CRCResponse(consumerSecret, token) {
		return fmt.Errorf("crc: wrong response_token")
	}
	return nil
}

// DeliverWebhook sends posts to a webhook as an Account Activity delivery
// (tweet_create_events in X's v1.1 shape), signed with consumerSecret in
// the x-twitter-webhooks-signature header.
func (s *Server) DeliverWebhook(ctx context.Context, client *http.Client, webhookURL, consumerSecret string, ids ...string) error {
	body, err := s.WebhookPayload(ids...)
	if err != nil {
		return err
	}
	return DeliverBody(ctx, client, webhookURL, consumerSecret, body)
}

// DeliverBody posts body to a webhook as X does, signed with consumerSecret
// in the x-twitter-webhooks-signature header (a test may alter the body
// first: a pushed copy that differs from the post).
func DeliverBody(ctx context.Context, client *http.Client, webhookURL, consumerSecret string, body []byte) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, webhookURL, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(xapi.SignatureHeader, xapi.Sign(consumerSecret, body))
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		return fmt.Errorf("webhook delivery: status %d", resp.StatusCode)
	}
	return nil
}

// WebhookPayload is the Account Activity delivery of the account for posts.
func (s *Server) WebhookPayload(ids ...string) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	events := make([]map[string]any, 0, len(ids))
	for _, id := range ids {
		t := s.posts[id]
		if t == nil {
			return nil, fmt.Errorf("no post %s", id)
		}
		events = append(events, s.v1TweetLocked(t, true))
	}
	return json.Marshal(map[string]any{"for_user_id": s.account.ID, "tweet_create_events": events})
}

// v1TweetLocked renders a post in X's v1.1 shape.
func (s *Server) v1TweetLocked(t *xapi.Tweet, nest bool) map[string]any {
	out := map[string]any{"id_str": t.ID, "text": t.Text, "lang": t.Lang}
	if at, err := time.Parse(time.RFC3339, t.CreatedAt); err == nil {
		out["created_at"] = at.UTC().Format(time.RubyDate)
	}
	if u := s.users[t.AuthorID]; u != nil {
		out["user"] = map[string]any{"id_str": u.ID, "screen_name": u.Username, "name": u.Name, "location": u.Location}
	}
	ents := map[string]any{"hashtags": []any{}, "user_mentions": []any{}, "urls": []any{}}
	if e := t.Entities; e != nil {
		var hs, ms, us []any
		for _, h := range e.Hashtags {
			hs = append(hs, map[string]any{"text": h.Tag, "indices": []int{h.Start, h.End}})
		}
		for _, m := range e.Mentions {
			ms = append(ms, map[string]any{"screen_name": m.Username, "indices": []int{m.Start, m.End}})
		}
		for _, u := range e.URLs {
			us = append(us, map[string]any{"url": u.URL, "expanded_url": u.ExpandedURL, "display_url": u.DisplayURL, "indices": []int{u.Start, u.End}})
		}
		ents["hashtags"], ents["user_mentions"], ents["urls"] = orEmpty(hs), orEmpty(ms), orEmpty(us)
	}
	out["entities"] = ents
	if t.Attachments != nil {
		var media []any
		for _, k := range t.Attachments.MediaKeys {
			if m := s.media[k]; m != nil {
				url := m.URL
				if url == "" {
					url = m.PreviewImageURL
				}
				media = append(media, map[string]any{"id_str": k, "type": m.Type, "media_url_https": url, "ext_alt_text": m.AltText})
			}
		}
		if len(media) > 0 {
			out["extended_entities"] = map[string]any{"media": media}
		}
	}
	for _, r := range t.ReferencedTweets {
		switch r.Type {
		case xapi.RefRepliedTo:
			out["in_reply_to_status_id_str"] = r.ID
			out["in_reply_to_user_id_str"] = t.InReplyToUserID
		case xapi.RefQuoted:
			out["quoted_status_id_str"] = r.ID
		case xapi.RefRetweeted:
			if orig := s.posts[r.ID]; orig != nil && nest {
				out["retweeted_status"] = s.v1TweetLocked(orig, false)
			}
		}
	}
	if g := t.Geo; g != nil {
		if g.Coordinates != nil {
			out["coordinates"] = g.Coordinates
		}
		if p := s.places[g.PlaceID]; p != nil {
			place := map[string]any{"id": p.ID, "full_name": p.FullName, "name": p.Name, "country_code": p.CountryCode, "place_type": p.PlaceType}
			if p.Geo != nil && len(p.Geo.BBox) == 4 {
				w, so, e, n := p.Geo.BBox[0], p.Geo.BBox[1], p.Geo.BBox[2], p.Geo.BBox[3]
				place["bounding_box"] = map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{w, so}, {e, so}, {e, n}, {w, n}}}}
			}
			out["place"] = place
		}
	}
	return out
}

func orEmpty(xs []any) []any {
	if xs == nil {
		return []any{}
	}
	return xs
}
