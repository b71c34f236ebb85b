package xsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// Kinds of Fault.
const (
	Fault429             = "429"              // rate limited until now + reset_seconds (default 60)
	Fault5xx             = "5xx"              // a server error (status, default 503)
	FaultSlow            = "slow"             // answer after delay_ms (default 2000); on the stream: silence, no keep-alive
	FaultDrop            = "drop"             // connection closed without an answer; on the stream: dropped mid-stream
	FaultDuplicate       = "duplicate"        // a post delivered twice
	FaultOutOfOrder      = "out_of_order"     // timelines: the post depth places from the newest (default 2: the second-newest) is missing (it shows up later); stream: two posts swapped
	FaultMalformed       = "malformed"        // a cut-off JSON body, or a broken stream line
	FaultAcceptedDropped = "accepted_dropped" // POST /2/tweets: the post is stored but the connection drops
	FaultStatus          = "status"           // an error answer with the given status (4xx or 5xx), nothing done
)

// Fault is one kind of failure for the next Count requests to Endpoint (an
// xapi Endpoint constant, a short name such as "mentions", or "*"), or for
// every request in the next Seconds: an outage that lasts a time. With both,
// the fault ends at whichever comes first.
type Fault struct {
	Endpoint     string `json:"endpoint"`
	Kind         string `json:"kind"`
	Count        int    `json:"count"`
	Seconds      int    `json:"seconds,omitempty"`
	ResetSeconds int    `json:"reset_seconds,omitempty"`
	Status       int    `json:"status,omitempty"`
	DelayMS      int    `json:"delay_ms,omitempty"`
	// Depth is, for out_of_order on a timeline, which post (counted from
	// the newest, 1 being the newest) is not visible yet; default 2.
	Depth int `json:"depth,omitempty"`
	// Until is when a fault with Seconds ends; set by the simulator.
	Until *time.Time `json:"until,omitempty"`
}

var endpointNames = map[string]string{
	"mentions":                     xapi.EndpointMentions,
	"user_tweets":                  xapi.EndpointUserTweets,
	"tweets_timeline":              xapi.EndpointUserTweets,
	"search":                       xapi.EndpointSearchRecent,
	"search_recent":                xapi.EndpointSearchRecent,
	"user_by_username":             xapi.EndpointUserByUsername,
	"users":                        xapi.EndpointUserByUsername,
	"me":                           xapi.EndpointMe,
	"tweets":                       xapi.EndpointCreatePost,
	"post":                         xapi.EndpointCreatePost,
	"create_post":                  xapi.EndpointCreatePost,
	"stream":                       xapi.EndpointStream,
	"rules":                        xapi.EndpointStreamRules,
	"rules_change":                 xapi.EndpointStreamRulesChange,
	"lookup":                       xapi.EndpointLookupPosts,
	"compliance_create":            xapi.EndpointComplianceCreate,
	"compliance_job":               xapi.EndpointComplianceJob,
	"*":                            "*",
	xapi.EndpointMentions:          xapi.EndpointMentions,
	xapi.EndpointUserTweets:        xapi.EndpointUserTweets,
	xapi.EndpointSearchRecent:      xapi.EndpointSearchRecent,
	xapi.EndpointUserByUsername:    xapi.EndpointUserByUsername,
	xapi.EndpointMe:                xapi.EndpointMe,
	xapi.EndpointCreatePost:        xapi.EndpointCreatePost,
	xapi.EndpointStream:            xapi.EndpointStream,
	xapi.EndpointStreamRules:       xapi.EndpointStreamRules,
	xapi.EndpointStreamRulesChange: xapi.EndpointStreamRulesChange,
}

// normalize checks a fault and fills in its defaults.
func (f *Fault) normalize() error {
	ep, ok := endpointNames[strings.TrimSpace(f.Endpoint)]
	if !ok {
		return fmt.Errorf("unknown endpoint %q", f.Endpoint)
	}
	f.Endpoint = ep
	switch f.Kind {
	case Fault429:
		if f.ResetSeconds <= 0 {
			f.ResetSeconds = 60
		}
	case Fault5xx:
		if f.Status == 0 {
			f.Status = http.StatusServiceUnavailable
		}
		if f.Status < 500 || f.Status > 599 {
			return fmt.Errorf("status %d is not a 5xx", f.Status)
		}
	case FaultStatus:
		if f.Status < 400 || f.Status > 599 {
			return fmt.Errorf("status %d is not an error status", f.Status)
		}
	case FaultSlow:
		if f.DelayMS <= 0 {
			f.DelayMS = 2000
		}
	case FaultAcceptedDropped:
		if f.Endpoint != xapi.EndpointCreatePost {
			return fmt.Errorf("%s applies only to %s", f.Kind, xapi.EndpointCreatePost)
		}
	case FaultOutOfOrder:
		if f.Depth < 0 {
			return fmt.Errorf("depth %d is negative", f.Depth)
		}
		if f.Depth == 0 {
			f.Depth = 2
		}
	case FaultDrop, FaultDuplicate, FaultMalformed:
	default:
		return fmt.Errorf("unknown kind %q", f.Kind)
	}
	switch {
	case f.Count < 0 || f.Seconds < 0:
		return fmt.Errorf("count and seconds must not be negative")
	case f.Seconds > 24*60*60:
		return fmt.Errorf("seconds %d is more than a day", f.Seconds)
	case f.Count == 0 && f.Seconds == 0:
		f.Count = 1
	}
	f.Until = nil
	return nil
}

// SetFault adds a fault (see the Fault kinds).
func (s *Server) SetFault(f Fault) error {
	_, err := s.setFault(f)
	return err
}

func (s *Server) setFault(f Fault) (Fault, error) {
	if err := f.normalize(); err != nil {
		return f, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if f.Seconds > 0 {
		until := s.now().Add(time.Duration(f.Seconds) * time.Second).UTC()
		f.Until = &until
	}
	c := f
	s.faults = append(s.faults, &c)
	return f, nil
}

// takeFault uses one count of the first fault for endpoint.
func (s *Server) takeFault(endpoint string) *Fault {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.takeFaultLocked(endpoint, nil)
}

// takeFaultLocked uses one count of the first fault for endpoint whose kind
// is in kinds (any kind when kinds is nil). Faults whose time is up go.
func (s *Server) takeFaultLocked(endpoint string, kinds map[string]bool) *Fault {
	now := s.now()
	s.faults = slices.DeleteFunc(s.faults, func(f *Fault) bool { return f.Until != nil && !now.Before(*f.Until) })
	for i, f := range s.faults {
		if f.Endpoint != endpoint && !(f.Endpoint == "*" && endpoint != xapi.EndpointStream) {
			continue
		}
		if kinds != nil && !kinds[f.Kind] {
			continue
		}
		c := *f
		if f.Count > 0 { // 0: only the time limits it
			f.Count--
			if f.Count == 0 {
				s.faults = append(s.faults[:i], s.faults[i+1:]...)
			}
		}
		return &c
	}
	return nil
}

func (s *Server) simFaults(w http.ResponseWriter, r *http.Request) {
	var f Fault
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "fault: "+err.Error()))
		return
	}
	f, err := s.setFault(f)
	if err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "fault: "+err.Error()))
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"data": f})
}

func (s *Server) simListFaults(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	out := make([]Fault, 0, len(s.faults))
	for _, f := range s.faults {
		out = append(out, *f)
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, map[string]any{"data": out})
}

func (s *Server) simClearFaults(w http.ResponseWriter, _ *http.Request) {
	s.mu.Lock()
	s.faults = nil
	s.mu.Unlock()
	w.WriteHeader(http.StatusNoContent)
}
