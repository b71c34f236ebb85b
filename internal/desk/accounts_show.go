package desk

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/shikayat/shikayat"
)

// accountViews are the views of the accounts page, parsed with the others.
var accountViews = []string{"accounts"}

// accountsPage shows HQ the force's accounts on X and the unit each speaks
// for: the accounts whose mentions the desk reads and that answer them.
type accountsPage struct {
	Page
	Accounts []accountRow
}

type accountRow struct {
	Username, UnitID, UnitName string
	State                      bool
	// Trouble is what X last said of the account's credentials ("" while
	// it answers).
	Trouble string
}

// Accounts serves GET /desk/accounts (HQ only).
func (h *Handler) Accounts(w http.ResponseWriter, r *http.Request) {
	s := shikayat.StaffFromContext(r.Context())
	if s == nil {
		h.problem(w, r, shikayat.Errorf(shikayat.EFORBIDDEN, "Only HQ staff see the accounts."))
		return
	}
	lang := pageLang(w, r)
	page := &accountsPage{Page: Page{Lang: lang, Staff: s, Path: "/desk/accounts"}}
	for i, a := range h.PoliceAccounts {
		row := accountRow{Username: a.Username, UnitID: a.UnitID, UnitName: unitName(lang, a.UnitID), State: i == 0}
		if h.AccountTrouble != nil {
			if err := h.AccountTrouble(a.Username); err != nil {
				row.Trouble = shikayat.ErrorMessage(err)
			}
		}
		page.Accounts = append(page.Accounts, row)
	}
	h.render(w, r, http.StatusOK, "accounts", page)
}

// unitName names a unit for the page: a district by its name, others by
// their id.
func unitName(lang Lang, id string) string {
	if id == shikayat.HQUnitID {
		return T(lang, "accounts_hq")
	}
	if code, ok := strings.CutPrefix(id, "district:"); ok {
		if lgd, err := strconv.Atoi(code); err == nil {
			return districtName(lang, lgd)
		}
	}
	return id
}
