package main

import (
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestUserCommands(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := dsn()
		add := func(username, role, unit string) {
			t.Helper()
			if code, out, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", db, "--username", username, "--role", role, "--unit", unit, "--password-stdin"); code != 0 {
				t.Fatalf("user add %s = %d %q %q", username, code, out, errs)
			}
		}
		add("lko-op", "district_operator", "district:162")
		add("hq-admin", "hq_admin", "hq")

		code, out, errs := runCmd(t, "", "user", "list", "--db", db)
		if code != 0 || !strings.Contains(out, "hq-admin") || !strings.Contains(out, "lko-op") || !strings.Contains(out, "district:162") {
			t.Fatalf("user list = %d %q %q", code, out, errs)
		}
		if strings.Index(out, "hq-admin") > strings.Index(out, "lko-op") {
			t.Fatalf("user list is not by username: %q", out)
		}

		code, out, _ = runCmd(t, "", "token", "create", "--db", db, "--username", "lko-op")
		token := strings.TrimSpace(out)
		if code, out, errs := runCmd(t, "", "user", "disable", "--db", db, "--username", "lko-op"); code != 0 || !strings.Contains(out, "disabled") {
			t.Fatalf("user disable = %d %q %q", code, out, errs)
		}
		if _, out, _ := runCmd(t, "", "user", "list", "--db", db); !strings.Contains(out, "disabled") {
			t.Fatalf("the list does not show the disabled user: %q", out)
		}
		s, err := openStore(context.Background(), db)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.UserByToken(context.Background(), auth.TokenHash(token)); err == nil {
			t.Fatal("a disabled user's token still works")
		}
		if code, _, _ := runCmd(t, "", "user", "disable", "--db", db, "--username", "nobody"); code != 1 {
			t.Fatalf("disable nobody = %d, want 1", code)
		}
		if code, _, errs := runCmd(t, "", "user", "enable", "--db", db, "--username", "lko-op"); code != 0 {
			t.Fatalf("user enable = %d %q", code, errs)
		}

		if code, out, errs := runCmd(t, "a brand new password\n", "user", "reset-password", "--db", db, "--username", "lko-op", "--password-stdin"); code != 0 || !strings.Contains(out, "lko-op") {
			t.Fatalf("reset-password = %d %q %q", code, out, errs)
		}
		_, hash, err := s.FindUserByUsername(context.Background(), "lko-op")
		if err != nil || !auth.CheckPassword(hash, "a brand new password") {
			t.Fatalf("the new password does not open the account: %v", err)
		}
		if code, _, errs := runCmd(t, "short\n", "user", "reset-password", "--db", db, "--username", "lko-op", "--password-stdin"); code != 1 || !strings.Contains(errs, "at least") {
			t.Fatalf("short reset = %d %q", code, errs)
		}
		if code, _, _ := runCmd(t, "", "user", "frobnicate"); code != 2 {
			t.Fatalf("unknown user command = %d, want 2", code)
		}
	})
}
