package xsim

import (
	"slices"
	"strings"

	"github.com/shikayat/shikayat/internal/xapi"
)

// What X's compliance data says besides "deleted", and compliance jobs that
// do not complete. As X's batch compliance documents them, every line of a
// tweets job's result has action "delete"; the reason says why: deleted,
// deactivated (the author's account deleted), suspended, protected,
// bounced, or scrub_geo (the author removed the post's location, which is
// all that must go). A test may also make a job list a post with any
// action and reason (SetComplianceRecord: "withheld", or kinds X may add),
// and make the next jobs end failed or expired (FailComplianceJobs).
//
// `POST /_sim/compliance` takes, besides {"forbidden": bool}:
// {"fail_next": N, "fail_as": "failed"|"expired"}, {"scrub_geo": [ids]},
// {"users": {"username": "suspended"|"protected"|"deactivated"|""}} and
// {"records": [{"id", "action", "reason"}]}.

// userStates are the states of an account on X that keep its posts from
// being read; "" is a normal account.
var userStates = []string{"suspended", "protected", "deactivated"}

// FailComplianceJobs makes the next n compliance jobs end with status
// ("failed" or "expired") once their ids are uploaded, instead of
// complete.
func (s *Server) FailComplianceJobs(status string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failJobs, s.failAs = n, status
}

// ScrubGeo removes a post's location as its author would on X: the post
// keeps its text, loses its geo, and compliance jobs list it with reason
// scrub_geo. It reports whether the post exists.
func (s *Server) ScrubGeo(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.posts[id]
	if t == nil {
		return false
	}
	t.Geo = nil
	s.addRecordLocked(xapi.ComplianceRecord{ID: id, Action: "delete", Reason: "scrub_geo", CreatedAt: t.CreatedAt})
	return true
}

// SetUserState suspends, protects or deactivates (deletes) an account, or
// with "" restores it: its posts are no longer found by the posts lookup
// (errors as X gives them) and compliance jobs list them with action
// "delete" and the state as reason. It reports whether the account exists.
func (s *Server) SetUserState(username, state string) bool {
	if state != "" && !slices.Contains(userStates, state) {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	id, ok := s.usernames[strings.ToLower(username)]
	if !ok {
		return false
	}
	if state == "" {
		delete(s.userState, id)
	} else {
		s.userState[id] = state
	}
	return true
}

// SetComplianceRecord makes compliance jobs that name the post list it
// with the given action and reason (any: also kinds the desk may not know).
func (s *Server) SetComplianceRecord(id, action, reason string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addRecordLocked(xapi.ComplianceRecord{ID: id, Action: action, Reason: reason})
}

// addRecordLocked adds a record to those compliance jobs list for its
// post, unless the same one is there already: a post may be withheld in
// several countries, one record each, and have its location scrubbed too.
func (s *Server) addRecordLocked(r xapi.ComplianceRecord) {
	for _, o := range s.records[r.ID] {
		if o.Action == r.Action && o.Reason == r.Reason && slices.Equal(o.WithheldInCountries, r.WithheldInCountries) {
			return
		}
	}
	s.records[r.ID] = append(s.records[r.ID], r)
}

// complianceRecordsLocked is what a job's result says of an uploaded id:
// one deletion, or every other record of the post (none when the post is
// as it was).
func (s *Server) complianceRecordsLocked(id string) []xapi.ComplianceRecord {
	if d, ok := s.deleted[id]; ok {
		return []xapi.ComplianceRecord{{ID: id, Action: "delete", CreatedAt: d.createdAt,
			RedactedAt: d.at.UTC().Format("2006-01-02T15:04:05.000Z"), Reason: "deleted"}}
	}
	if t := s.posts[id]; t != nil {
		if st := s.userState[t.AuthorID]; st != "" {
			return []xapi.ComplianceRecord{{ID: id, Action: "delete", CreatedAt: t.CreatedAt,
				RedactedAt: s.now().UTC().Format("2006-01-02T15:04:05.000Z"), Reason: st}}
		}
	}
	return s.records[id]
}

// lookupProblemLocked is the error the posts lookup gives for a post whose
// author cannot be read, and false when it can.
func (s *Server) lookupProblemLocked(t *xapi.Tweet) (xapi.Problem, bool) {
	p := xapi.Problem{Value: t.ID, ResourceType: "tweet", Parameter: "ids", ResourceID: t.ID}
	switch s.userState[t.AuthorID] {
	case "suspended":
		p.Title, p.Type = "Forbidden", "https://api.twitter.com/2/problems/resource-unavailable"
		p.Detail = "User has been suspended: [" + t.AuthorID + "]."
	case "protected":
		p.Title, p.Type = "Authorization Error", "https://api.twitter.com/2/problems/not-authorized-for-resource"
		p.Detail = "Sorry, you are not authorized to see the Tweet with ids: [" + t.ID + "]."
	case "deactivated":
		return notFound("tweet", "ids", t.ID, "Could not find tweet with ids: ["+t.ID+"]."), true
	default:
		return p, false
	}
	return p, true
}

// SetWithheld makes X withhold a post in the given countries (ISO codes),
// besides those it withholds it in already: the posts lookup gives it with
// its "withheld" field naming them all, and compliance jobs list it with
// action "withheld", reason "tweet_withheld" and the countries, one record
// for each call (the earlier ones kept). It reports whether the post
// exists.
func (s *Server) SetWithheld(id string, countries ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.posts[id]
	if t == nil {
		return false
	}
	all := slices.Clone(countries)
	if t.Withheld != nil {
		all = append(slices.Clone(t.Withheld.CountryCodes), countries...)
	}
	slices.Sort(all)
	t.Withheld = &xapi.Withheld{CountryCodes: slices.Compact(all), Scope: "tweet"}
	s.addRecordLocked(xapi.ComplianceRecord{ID: id, Action: "withheld", Reason: "tweet_withheld", CreatedAt: t.CreatedAt,
		WithheldInCountries: slices.Clone(countries)})
	return true
}
