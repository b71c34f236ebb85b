package xsim

import (
	"errors"
	"strings"

	"github.com/shikayat/shikayat/internal/xapi"
)

// matcher is a search query or stream rule in the subset of X's syntax the
// simulator understands: terms joined by spaces (all must match), each
// possibly negated with "-": @user (mentions), #tag, from:user, to:user,
// is:retweet, is:reply, is:quote, has:geo, has:media, a "quoted phrase" or
// a word (found in the text, case-insensitively); and alternatives of
// those joined by OR ("@a OR @b": either). Groups are not supported.
type matcher struct {
	terms []term
	or    []matcher // more alternatives: the post matches if any does
}

type term struct {
	neg        bool
	kind, text string
}

func parseQuery(q string) (matcher, error) {
	q = strings.TrimSpace(q)
	if q == "" {
		return matcher{}, errors.New("the query is empty")
	}
	if len(q) > 512 {
		return matcher{}, errors.New("the query is longer than 512 characters")
	}
	var m matcher
	for len(q) > 0 {
		var t term
		if strings.HasPrefix(q, "-") {
			t.neg, q = true, q[1:]
		}
		var word string
		if strings.HasPrefix(q, `"`) {
			end := strings.Index(q[1:], `"`)
			if end < 0 {
				return matcher{}, errors.New("unbalanced quotes")
			}
			word, q = q[1:end+1], q[end+2:]
			t.kind, t.text = "phrase", strings.ToLower(word)
		} else {
			word, q, _ = strings.Cut(q, " ")
			switch {
			case word == "OR":
				if len(m.terms) == 0 {
					return matcher{}, errors.New("OR has nothing before it")
				}
				rest, err := parseQuery(q)
				if err != nil {
					return matcher{}, err
				}
				m.or = append([]matcher{{terms: rest.terms}}, rest.or...)
				return m, nil
			case strings.HasPrefix(word, "(") || strings.HasSuffix(word, ")"):
				return matcher{}, errors.New("groups are not supported")
			case strings.HasPrefix(word, "@") && len(word) > 1:
				t.kind, t.text = "mention", strings.ToLower(word[1:])
			case strings.HasPrefix(word, "#") && len(word) > 1:
				t.kind, t.text = "hashtag", strings.ToLower(word[1:])
			case strings.Contains(word, ":"):
				op, arg, _ := strings.Cut(word, ":")
				switch op + ":" {
				case "from:", "to:", "is:", "has:", "lang:", "conversation_id:":
					t.kind, t.text = op, strings.ToLower(arg)
				default:
					return matcher{}, errors.New("unknown operator " + op + ":")
				}
			default:
				t.kind, t.text = "word", strings.ToLower(word)
			}
		}
		if t.text == "" && t.kind != "word" {
			return matcher{}, errors.New("an operator has no value")
		}
		if t.text != "" {
			m.terms = append(m.terms, t)
		}
		q = strings.TrimSpace(q)
	}
	if len(m.terms) == 0 {
		return matcher{}, errors.New("the query has no terms")
	}
	return m, nil
}

// match must be called with s.mu held.
func (m matcher) match(s *Server, t *xapi.Tweet) bool {
	for _, alt := range m.or {
		if alt.match(s, t) {
			return true
		}
	}
	for _, tm := range m.terms {
		if tm.matches(s, t) == tm.neg {
			return false
		}
	}
	return true
}

func (tm term) matches(s *Server, t *xapi.Tweet) bool {
	switch tm.kind {
	case "mention":
		if t.Entities != nil {
			for _, m := range t.Entities.Mentions {
				if strings.EqualFold(m.Username, tm.text) {
					return true
				}
			}
		}
		return false
	case "hashtag":
		if t.Entities != nil {
			for _, h := range t.Entities.Hashtags {
				if strings.EqualFold(h.Tag, tm.text) {
					return true
				}
			}
		}
		return false
	case "from":
		u := s.users[t.AuthorID]
		return u != nil && strings.EqualFold(u.Username, tm.text)
	case "to":
		u := s.users[t.InReplyToUserID]
		return u != nil && strings.EqualFold(u.Username, tm.text)
	case "is":
		want := map[string]string{"retweet": "retweeted", "reply": "replied_to", "quote": "quoted"}[tm.text]
		for _, r := range t.ReferencedTweets {
			if r.Type == want {
				return true
			}
		}
		return false
	case "has":
		switch tm.text {
		case "geo":
			return t.Geo != nil
		case "media", "images":
			return t.Attachments != nil && len(t.Attachments.MediaKeys) > 0
		}
		return false
	case "lang":
		return strings.EqualFold(t.Lang, tm.text)
	case "conversation_id":
		return t.ConversationID == tm.text
	}
	return strings.Contains(strings.ToLower(t.Text), tm.text)
}
