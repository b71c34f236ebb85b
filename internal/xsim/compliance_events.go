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
	s.records[id] = xapi.ComplianceRecord{ID: id, Action: "delete", Reason: "scrub_geo", CreatedAt: t.CreatedAt}
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
	s.records[id] = xapi.ComplianceRecord{ID: id, Action: action, Reason: reason}
}

// complianceRecordLocked is what a job's result says of an uploaded id,
// and false when nothing (the post is as it was).
func (s *Server) complianceRecordLocked(id string) (xapi.ComplianceRecord, bool) {
	if d, ok := s.deleted[id]; ok {
		return xapi.ComplianceRecord{ID: id, Action: "delete", CreatedAt: d.createdAt,
			RedactedAt: d.at.UTC().Format("2006-01-02T15:04:05.000Z"), Reason: "deleted"}, true
	}
	if t := s.posts[id]; t != nil {
		if st := s.userState[t.AuthorID]; st != "" {
			return xapi.ComplianceRecord{ID: id, Action: "delete", CreatedAt: t.CreatedAt,
				RedactedAt: s.now().UTC().Format("2006-01-02T15:04:05.000Z"), Reason: st}, true
		}
	}
	r, ok := s.records[id]
	return r, ok
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

// SetWithheld makes X withhold a post in the given countries (ISO codes):
// the posts lookup gives it with its "withheld" field, and compliance jobs
// list it with action "withheld", reason "tweet_withheld" and the
// countries. It reports whether the post exists.
func (s *Server) SetWithheld(id string, countries ...string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.posts[id]
	if t == nil {
		return false
	}
	t.Withheld = &xapi.Withheld{CountryCodes: countries, Scope: "tweet"}
	s.records[id] = xapi.ComplianceRecord{ID: id, Action: "withheld", Reason: "tweet_withheld", CreatedAt: t.CreatedAt,
		WithheldInCountries: countries}
	return true
}
