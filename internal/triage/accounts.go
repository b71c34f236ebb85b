package triage

import (
	"strconv"
	"strings"

	"github.com/shikayat/shikayat"
)

// HandlesWith returns the handle table with the deployment's own accounts
// (serve's --accounts) over it: a district's account gives its district; any
// other account (the state's, a zone's, a functional unit's) gives none,
// whatever its name suggests. Handles the deployment has not configured
// keep base's entry (DefaultHandles() when base is nil).
func HandlesWith(base map[string]int, accounts shikayat.Accounts) map[string]int {
	if base == nil {
		base = DefaultHandles()
	}
	out := make(map[string]int, len(base)+len(accounts))
	for h, lgd := range base {
		out[strings.ToLower(h)] = lgd
	}
	for _, a := range accounts {
		lgd := 0
		if code, ok := strings.CutPrefix(a.UnitID, "district:"); ok {
			lgd, _ = strconv.Atoi(code)
		}
		out[strings.ToLower(a.Username)] = lgd
	}
	return out
}
