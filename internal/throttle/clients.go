// Package throttle says who a request comes from, and limits how often one
// client may look complaints up on the public tracking routes.
package throttle

import (
	"net"
	"net/http"
	"net/netip"
	"strings"

	"github.com/shikayat/shikayat"
)

// Clients tells the address a request came from: the connection's peer,
// unless the peer is a trusted proxy, in which case X-Forwarded-For is read
// from the right, past every trusted proxy, to the first address that is
// not one. Without trusted proxies the header is never believed: anyone can
// send it.
type Clients struct {
	Trusted []netip.Prefix
}

// ParseTrusted reads a comma-separated list of CIDRs (or single addresses),
// as --trusted-proxies takes it.
func ParseTrusted(s string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, shikayat.Errorf(shikayat.EINVALID, "--trusted-proxies: %q is not an address or a CIDR.", f)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, shikayat.Errorf(shikayat.EINVALID, "--trusted-proxies: %q is not an address or a CIDR.", f)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

func (c Clients) trusted(a netip.Addr) bool {
	for _, p := range c.Trusted {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// Addr returns the client's address as text.
func (c Clients) Addr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	peer, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	peer = peer.Unmap()
	if len(c.Trusted) == 0 || !c.trusted(peer) {
		return peer.String()
	}
	client := peer
	hops := r.Header.Values("X-Forwarded-For")
	for i := len(hops) - 1; i >= 0; i-- {
		parts := strings.Split(hops[i], ",")
		for j := len(parts) - 1; j >= 0; j-- {
			a, err := parseHop(strings.TrimSpace(parts[j]))
			if err != nil {
				return client.String() // a hop that is no address ends what can be believed
			}
			client = a.Unmap()
			if !c.trusted(client) {
				return client.String()
			}
		}
	}
	return client.String()
}

// parseHop reads one X-Forwarded-For entry: an address, or an address with
// a port ("1.2.3.4:80", "[2001:db8::1]:443") as some proxies write it.
func parseHop(s string) (netip.Addr, error) {
	if a, err := netip.ParseAddr(s); err == nil {
		return a, nil
	}
	ap, err := netip.ParseAddrPort(s)
	if err != nil {
		return netip.Addr{}, err
	}
	return ap.Addr(), nil
}
