package auth_test

import (
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
)

func TestPasswords(t *testing.T) {
	h, err := auth.HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(h, "correct horse battery") {
		t.Fatal("the right password was refused")
	}
	if auth.CheckPassword(h, "correct horse batterY") || auth.CheckPassword("", "") {
		t.Fatal("a wrong password was accepted")
	}
	for _, bad := range []string{"short", strings.Repeat("x", 73), "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6"} {
		if _, err := auth.HashPassword(bad); shikayat.ErrorCode(err) != shikayat.EINVALID {
			t.Errorf("HashPassword(%q) err = %v, want invalid", bad, err)
		}
	}
}

func TestTokens(t *testing.T) {
	a, ha, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	b, hb, _ := auth.NewToken()
	if a == b || ha == hb || auth.TokenHash(a) != ha || strings.Contains(ha, a) || !strings.HasPrefix(a, "shk_") {
		t.Fatalf("tokens %q %q hashes %q %q", a, b, ha, hb)
	}
}
