package xsim

import "strings"

func (s *Server) countRequest(endpoint string) {
	s.mu.Lock()
	s.requests[endpoint]++
	s.mu.Unlock()
}

// Requests returns how many requests the endpoint (an xapi Endpoint
// constant or a short name such as "mentions", as for faults) has received,
// answered or refused alike. Tests count them to see how often the desk
// calls X.
func (s *Server) Requests(endpoint string) int {
	ep, ok := endpointNames[strings.TrimSpace(endpoint)]
	if !ok {
		return 0
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[ep]
}

// PostsRead returns how many posts the simulator has sent, in timeline and
// search pages and on the filtered stream: what X bills reads by.
func (s *Server) PostsRead() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.served
}
