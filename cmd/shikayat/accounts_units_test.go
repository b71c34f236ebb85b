package main

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// An --accounts line naming a unit the desk does not have (a typo of a
// functional unit's name, a district that is not one) stops the start with
// its line number and creates nothing; a functional unit made first with
// "unit add" is accepted.
func TestAccountsRefuseUnitTheDeskLacks(t *testing.T) {
	sim := xsim.New(xsim.Options{Account: "Uppolice", ExtraAccounts: []string{"lucknowpolice", "grpup"}})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	dsn := storetest.DSN(t, "sqlite")
	accounts := writeAccounts(t, "lucknowpolice,district:162", "grpup,unit:gpr")

	m := NewMain()
	m.Logger = discardLogger()
	m.Config.Addr, m.Config.DB, m.Config.XAPI, m.Config.Account = "127.0.0.1:0", dsn, ts.URL, "Uppolice"
	m.Config.DocketState, m.Config.AccountsFile, m.Config.NoIntake = "UP", accounts, true
	m.Config.XPoll, m.Config.IntakeLease, m.Config.DailyPostBudget = time.Second, 30*time.Second, 10
	if err := m.Config.Validate(); err != nil {
		t.Fatal(err)
	}
	err := m.Run(context.Background())
	ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	m.Close(ctx)
	if err == nil || shikayat.ErrorCode(err) != shikayat.EINVALID || !strings.Contains(err.Error(), "line 3") || !strings.Contains(err.Error(), "unit:gpr") {
		t.Fatalf("serve with a misspelt unit: %v; want it refused, naming line 3 and the unit", err)
	}
	db, err := openStore(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.FindUnit(context.Background(), "unit:gpr")
	db.Close()
	if shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
		t.Fatalf("the misspelt unit: %v; want none made", err)
	}

	if code, _, errs := runCmd(t, "", "unit", "add", "--db", dsn, "--unit", "unit:grp", "--name", "Government Railway Police"); code != 0 {
		t.Fatalf("unit add: %s", errs)
	}
	if code, _, errs := runCmd(t, "", "unit", "add", "--db", dsn, "--unit", "district:162", "--name", "x"); code == 0 || !strings.Contains(errs, "functional") {
		t.Fatalf("unit add of a district = %d, %s; want refused", code, errs)
	}
	m = startAccountsDesk(t, dsn, ts.URL, writeAccounts(t, "lucknowpolice,district:162", "grpup,unit:grp"))
	if u, err := m.DB.FindUnit(context.Background(), "unit:grp"); err != nil || u.Name != "Government Railway Police" {
		t.Fatalf("unit:grp = %+v, %v", u, err)
	}
}
