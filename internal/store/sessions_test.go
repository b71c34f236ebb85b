package store_test

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

func TestSessions(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		clk := newClock()
		db := open(t, dsn(), store.Options{Now: clk.Now})
		u := &shikayat.User{Username: "lko-op", Role: shikayat.RoleDistrictOperator, UnitID: "district:162"}
		if err := db.CreateUser(ctx, u, "hash"); err != nil {
			t.Fatal(err)
		}
		const idle, maxAge = 30 * time.Minute, 2 * time.Hour

		t.Run("idle expiry", func(t *testing.T) {
			if _, err := db.CreateSession(ctx, "s1", u.ID, "10.0.0.1", maxAge); err != nil {
				t.Fatal(err)
			}
			clk.Add(20 * time.Minute)
			if got, err := db.SessionUser(ctx, "s1", idle); err != nil || got.ID != u.ID {
				t.Fatalf("session in use = %v, %v", got, err)
			}
			clk.Add(20 * time.Minute) // 20 minutes after the last use
			if _, err := db.SessionUser(ctx, "s1", idle); err != nil {
				t.Fatalf("use renews the idle time: %v", err)
			}
			clk.Add(31 * time.Minute)
			_, err := db.SessionUser(ctx, "s1", idle)
			wantCode(t, err, shikayat.EUNAUTHORIZED)
		})
		t.Run("absolute expiry", func(t *testing.T) {
			db.CreateSession(ctx, "s2", u.ID, "", maxAge)
			for range 5 {
				clk.Add(25 * time.Minute)
				db.SessionUser(ctx, "s2", idle)
			}
			_, err := db.SessionUser(ctx, "s2", idle)
			wantCode(t, err, shikayat.EUNAUTHORIZED)
		})
		t.Run("logout, password change and disabling end sessions", func(t *testing.T) {
			db.CreateSession(ctx, "a", u.ID, "", maxAge)
			db.CreateSession(ctx, "b", u.ID, "", maxAge)
			db.CreateSession(ctx, "c", u.ID, "", maxAge)
			if err := db.DeleteSession(ctx, "a"); err != nil {
				t.Fatal(err)
			}
			_, err := db.SessionUser(ctx, "a", idle)
			wantCode(t, err, shikayat.EUNAUTHORIZED)
			if err := db.SetPassword(ctx, u.Username, "new-hash", "b"); err != nil {
				t.Fatal(err)
			}
			if _, err := db.SessionUser(ctx, "b", idle); err != nil {
				t.Fatalf("the session that changed the password: %v", err)
			}
			_, err = db.SessionUser(ctx, "c", idle)
			wantCode(t, err, shikayat.EUNAUTHORIZED)
			if _, hash, _ := db.FindUserByUsername(ctx, u.Username); hash != "new-hash" {
				t.Fatalf("hash = %q", hash)
			}
			if err := db.SetUserDisabled(ctx, u.Username, true); err != nil {
				t.Fatal(err)
			}
			_, err = db.SessionUser(ctx, "b", idle)
			wantCode(t, err, shikayat.EUNAUTHORIZED)
			db.SetUserDisabled(ctx, u.Username, false)
			_, err = db.SessionUser(ctx, "b", idle)
			wantCode(t, err, shikayat.EUNAUTHORIZED)
			err = db.SetUserDisabled(ctx, "nobody", true)
			wantCode(t, err, shikayat.ENOTFOUND)
		})
		t.Run("failed sign-ins are counted per account and address within the window", func(t *testing.T) {
			for i := range 3 {
				db.RecordLoginFailure(ctx, "lko-op", "10.0.0.9")
				db.RecordLoginFailure(ctx, "other", "10.0.0.9")
				_ = i
			}
			db.RecordLoginFailure(ctx, "lko-op", "10.0.0.7")
			acct, addr, err := db.LoginFailures(ctx, "lko-op", "10.0.0.9", 15*time.Minute)
			if err != nil || acct != 4 || addr != 6 {
				t.Fatalf("failures = %d by account, %d by address, %v; want 4, 6", acct, addr, err)
			}
			db.ClearLoginFailures(ctx, "lko-op")
			if acct, addr, _ = db.LoginFailures(ctx, "lko-op", "10.0.0.9", 15*time.Minute); acct != 0 || addr != 3 {
				t.Fatalf("after sign-in: %d, %d; want 0, 3", acct, addr)
			}
			clk.Add(16 * time.Minute)
			if _, addr, _ = db.LoginFailures(ctx, "x", "10.0.0.9", 15*time.Minute); addr != 0 {
				t.Fatalf("failures outside the window count: %d", addr)
			}
		})
	})
}

// TestIdempotentReplayReturnsTheFirstResult: a retried action answers what
// the first one answered, even when the complaint moved on in between.
func TestIdempotentReplayReturnsTheFirstResult(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ctx := context.Background()
		db := open(t, dsn(), store.Options{})
		c, _, _ := db.CreateComplaint(ctx, post("800", "fraud call"))
		hq := shikayat.Actor{UserID: 1, Username: "hq", Role: shikayat.RoleHQOperator, UnitID: "hq", Scope: shikayat.SystemScope()}
		a := shikayat.Action{Kind: shikayat.ActionNote, Text: "called the citizen"}
		first, _, err := db.ApplyAction(ctx, c.Code, a, hq, "key-1")
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := db.ApplyAction(ctx, c.Code, shikayat.Action{Kind: shikayat.ActionNote, Text: "later"}, hq, ""); err != nil {
			t.Fatal(err)
		}
		again, _, err := db.ApplyAction(ctx, c.Code, a, hq, "key-1")
		if err != nil {
			t.Fatal(err)
		}
		b1, _ := json.Marshal(first)
		b2, _ := json.Marshal(again)
		if string(b1) != string(b2) {
			t.Fatalf("replay answered\n%s\nthe first request\n%s", b2, b1)
		}
	})
}
