package shikayat

import "strings"

// PoliceAccount is one of the force's accounts on X: the state account, or
// a district's, a zone's or a functional unit's handle, and the unit it
// speaks for.
type PoliceAccount struct {
	Username string `json:"username"` // without "@"
	UnitID   string `json:"unit_id"`  // as in "user add": hq, district:LGD, unit:NAME, …
}

// Accounts is the one list of the force's own accounts: the state account
// (--account) first, then the others (--accounts). Every account's
// mentions are read; a reply goes out only from an account the post
// mentioned.
type Accounts []PoliceAccount

// State returns the state account's username ("" for none).
func (a Accounts) State() string {
	if len(a) == 0 {
		return ""
	}
	return a[0].Username
}

// Find returns the account @username (case-insensitive).
func (a Accounts) Find(username string) (PoliceAccount, bool) {
	username = strings.TrimPrefix(username, "@")
	for _, acc := range a {
		if equalFoldASCII(acc.Username, username) {
			return acc, true
		}
	}
	return PoliceAccount{}, false
}

// Usernames lists the accounts' usernames, the state account first.
func (a Accounts) Usernames() []string {
	out := make([]string, len(a))
	for i, acc := range a {
		out[i] = acc.Username
	}
	return out
}

// Mentioned lists the accounts a post @mentions, in the post's order, each
// once.
func (a Accounts) Mentioned(mentions []string) Accounts {
	var out Accounts
	for _, m := range mentions {
		if acc, ok := a.Find(m); ok {
			if _, dup := out.Find(acc.Username); !dup {
				out = append(out, acc)
			}
		}
	}
	return out
}

// ReplyFrom decides which account answers a post that mentioned mentions,
// about a complaint owned by the unit whose path (Unit.Path) is unitPath
// ("" when none is known): the account of the unit that owns the
// complaint (the deepest mentioned account whose unit is the owner or
// above it, the state account aside) if the post mentioned it; else the
// state account if it was mentioned; else the first mentioned account.
// A post that mentions none of the accounts is never answered (ok false):
// X lets an account reply only to posts that mention it.
func (a Accounts) ReplyFrom(mentions []string, unitPath string) (username string, ok bool) {
	tagged := a.Mentioned(mentions)
	if len(tagged) == 0 {
		return "", false
	}
	state := a.State()
	best, depth := "", -1
	for _, acc := range tagged {
		if equalFoldASCII(acc.Username, state) || acc.UnitID == "" {
			continue
		}
		if d := unitDepth(unitPath, acc.UnitID); d > depth {
			best, depth = acc.Username, d
		}
	}
	if best != "" {
		return best, true
	}
	if _, ok := tagged.Find(state); ok && state != "" {
		return state, true
	}
	return tagged[0].Username, true
}

// unitDepth returns how deep unitID sits on path (a Unit.Path: ids from the
// root, each followed by "/"), or -1 when it is not on it.
func unitDepth(path, unitID string) int {
	for i, id := range strings.Split(strings.TrimSuffix(path, "/"), "/") {
		if id != "" && id == unitID {
			return i
		}
	}
	return -1
}
