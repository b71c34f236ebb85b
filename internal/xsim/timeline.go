package xsim

import (
	"encoding/base32"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

var tokenEncoding = base32.NewEncoding("0123456789abcdefghijklmnopqrstuv").WithPadding(base32.NoPadding)

// pageToken makes the opaque next_token that continues below id.
func pageToken(id string) string { return tokenEncoding.EncodeToString([]byte("xsim:" + id)) }

func parseToken(tok string) (string, bool) {
	b, err := tokenEncoding.DecodeString(tok)
	if err != nil {
		return "", false
	}
	id, ok := strings.CutPrefix(string(b), "xsim:")
	return id, ok && isDigits(id)
}

func isDigits(s string) bool {
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

// paging is the window of a timeline request.
type paging struct {
	since, until, below string // exclusive bounds on ids; "" for none
	start, end          time.Time
	max                 int
}

func parsePaging(q url.Values, minMax, maxMax int, tokenParams ...string) (paging, *problemBody) {
	pg := paging{max: 10}
	bad := func(param, msg string) (paging, *problemBody) {
		p := invalidParam(param, q.Get(param), msg)
		return paging{}, &p
	}
	if v := q.Get("max_results"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < minMax || n > maxMax {
			return bad("max_results", "The `max_results` query parameter value ["+v+"] is not between "+strconv.Itoa(minMax)+" and "+strconv.Itoa(maxMax))
		}
		pg.max = n
	}
	pg.max = max(pg.max, minMax)
	for _, p := range []struct {
		name string
		dst  *string
	}{{"since_id", &pg.since}, {"until_id", &pg.until}} {
		if v := q.Get(p.name); v != "" {
			if !isDigits(v) {
				return bad(p.name, "The `"+p.name+"` query parameter value ["+v+"] does not match ^[0-9]{1,19}$")
			}
			*p.dst = v
		}
	}
	for _, p := range []struct {
		name string
		dst  *time.Time
	}{{"start_time", &pg.start}, {"end_time", &pg.end}} {
		if v := q.Get(p.name); v != "" {
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return bad(p.name, "The `"+p.name+"` query parameter value ["+v+"] is not a valid RFC 3339 time")
			}
			*p.dst = t
		}
	}
	for _, name := range tokenParams {
		if v := q.Get(name); v != "" {
			id, ok := parseToken(v)
			if !ok {
				return bad(name, "The `"+name+"` query parameter value ["+v+"] is not valid")
			}
			pg.below = id
		}
	}
	return pg, nil
}

// pageLocked answers a timeline: the posts among ids (ascending) inside the
// window that match, newest first, with their expansions.
func (s *Server) pageLocked(ids []string, pg paging, match func(*xapi.Tweet) bool, sel selection, fault *Fault) xapi.Page {
	now := s.now()
	in := func(t *xapi.Tweet) bool {
		if !s.visibleLocked(t.ID, now) {
			return false
		}
		if pg.since != "" && !idLess(pg.since, t.ID) {
			return false
		}
		if pg.until != "" && !idLess(t.ID, pg.until) {
			return false
		}
		if pg.below != "" && !idLess(t.ID, pg.below) {
			return false
		}
		if !pg.start.IsZero() || !pg.end.IsZero() {
			at, _ := time.Parse(time.RFC3339, t.CreatedAt)
			if !pg.start.IsZero() && at.Before(pg.start) || !pg.end.IsZero() && !at.Before(pg.end) {
				return false
			}
		}
		return match == nil || match(t)
	}
	// Out-of-order delivery: the post fault.Depth places from the newest
	// (the second-newest by default) is not visible yet.
	hidden := ""
	if fault != nil && fault.Kind == FaultOutOfOrder && pg.below == "" {
		depth := fault.Depth
		if depth <= 0 {
			depth = 2
		}
		seen := 0
		for i := len(ids) - 1; i >= 0 && seen < depth; i-- {
			if t := s.posts[ids[i]]; t != nil && in(t) {
				if seen++; seen == depth {
					hidden = t.ID
				}
			}
		}
	}
	var got []*xapi.Tweet
	more := false
	for i := len(ids) - 1; i >= 0; i-- {
		t := s.posts[ids[i]]
		if t == nil || t.ID == hidden || !in(t) {
			continue
		}
		if len(got) == pg.max {
			more = true
			break
		}
		got = append(got, t)
	}
	var page xapi.Page
	for _, t := range got {
		page.Data = append(page.Data, renderTweet(t, sel.tweet))
	}
	if fault != nil && fault.Kind == FaultDuplicate && len(page.Data) > 0 {
		page.Data = append(page.Data[:1], page.Data...)
	}
	page.Includes, page.Errors = s.includesLocked(got, sel)
	page.Meta.ResultCount = len(page.Data)
	s.served += len(page.Data)
	if len(got) > 0 {
		page.Meta.NewestID = got[0].ID
		page.Meta.OldestID = got[len(got)-1].ID
		if more {
			page.Meta.NextToken = pageToken(page.Meta.OldestID)
		}
	}
	return page
}

var timelineParams = append([]string{"since_id", "until_id", "max_results", "pagination_token", "start_time", "end_time"}, postParams...)

func (s *Server) getMentions(r *http.Request, f *Fault) (int, any) {
	return s.userTimeline(r, f, "mentions", 5, 100, s.opts.MentionsReach)
}

func (s *Server) getUserTweets(r *http.Request, f *Fault) (int, any) {
	return s.userTimeline(r, f, "tweets", 5, 100, 3200)
}

func (s *Server) userTimeline(r *http.Request, f *Fault, kind string, minMax, maxMax, reach int) (int, any) {
	id := r.PathValue("id")
	if !isDigits(id) {
		return http.StatusBadRequest, invalidParam("id", id, "The `id` query parameter value ["+id+"] does not match ^[0-9]{1,19}$")
	}
	q := r.URL.Query()
	sel, p := checkQuery(q, timelineParams, false)
	if p != nil {
		return http.StatusBadRequest, *p
	}
	pg, p := parsePaging(q, minMax, maxMax, "pagination_token")
	if p != nil {
		return http.StatusBadRequest, *p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[id]
	if u == nil {
		return http.StatusOK, map[string]any{"errors": []xapi.Problem{notFound("user", "id", id, "Could not find user with id: ["+id+"].")}}
	}
	ids := s.byAuthor[id]
	if kind == "mentions" {
		ids = s.mentions[strings.ToLower(u.Username)]
	}
	if len(ids) > reach {
		ids = ids[len(ids)-reach:]
	}
	return http.StatusOK, s.pageLocked(ids, pg, nil, sel, f)
}

var searchParams = append([]string{"query", "since_id", "until_id", "max_results", "next_token", "pagination_token", "start_time", "end_time", "sort_order"}, postParams...)

func (s *Server) getSearchRecent(r *http.Request, f *Fault) (int, any) {
	q := r.URL.Query()
	sel, p := checkQuery(q, searchParams, false)
	if p != nil {
		return http.StatusBadRequest, *p
	}
	pg, p := parsePaging(q, 10, 100, "next_token", "pagination_token")
	if p != nil {
		return http.StatusBadRequest, *p
	}
	m, err := parseQuery(q.Get("query"))
	if err != nil {
		return http.StatusBadRequest, invalidParam("query", q.Get("query"), "There were errors processing your request: "+err.Error())
	}
	weekAgo := s.now().Add(-7 * 24 * time.Hour)
	if pg.start.Before(weekAgo) {
		pg.start = weekAgo
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return http.StatusOK, s.pageLocked(s.timeline, pg, func(t *xapi.Tweet) bool { return m.match(s, t) }, sel, f)
}

func notFound(resource, param, value, detail string) xapi.Problem {
	return xapi.Problem{Value: value, Detail: detail, Title: "Not Found Error", ResourceType: resource,
		Parameter: param, ResourceID: value, Type: "https://api.twitter.com/2/problems/resource-not-found"}
}

var userParams = []string{"user.fields", "expansions", "tweet.fields"}

func (s *Server) getUserByUsername(r *http.Request, _ *Fault) (int, any) {
	name := r.PathValue("username")
	if !validUsername(name) {
		return http.StatusBadRequest, invalidParam("username", name, "The `username` query parameter value ["+name+"] does not match ^[A-Za-z0-9_]{1,15}$")
	}
	sel, p := checkQuery(r.URL.Query(), userParams, true)
	if p != nil {
		return http.StatusBadRequest, *p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.usernames[strings.ToLower(name)]
	if !ok {
		return http.StatusOK, map[string]any{"errors": []xapi.Problem{notFound("user", "username", name, "Could not find user with username: ["+name+"].")}}
	}
	return http.StatusOK, map[string]any{"data": renderUser(s.users[id], sel.user)}
}

func (s *Server) getMe(r *http.Request, _ *Fault) (int, any) {
	sel, p := checkQuery(r.URL.Query(), userParams, true)
	if p != nil {
		return http.StatusBadRequest, *p
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return http.StatusOK, map[string]any{"data": renderUser(s.actorLocked(r), sel.user)}
}

func validUsername(s string) bool {
	if s == "" || len(s) > 15 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
