package desk

import (
	"testing"

	"github.com/shikayat/shikayat"
)

// TestMessagesCoverEveryStageAndRole: the pages name stages and roles by
// computed keys, which the start-up check of templates cannot see.
func TestMessagesCoverEveryStageAndRole(t *testing.T) {
	var keys []string
	for _, s := range shikayat.Stages {
		keys = append(keys, stageKey(s))
	}
	for _, r := range shikayat.Roles {
		keys = append(keys, roleKey(r))
	}
	for _, k := range keys {
		m, ok := messages[k]
		if !ok || m.en == "" || m.hi == "" {
			t.Errorf("message %q is missing in English or Hindi", k)
		}
	}
	for k, m := range messages {
		if m.en == "" || m.hi == "" {
			t.Errorf("message %q is missing in English or Hindi", k)
		}
	}
}

// A redirect after a form never leaves the desk, whatever the back field
// holds: other sites, schemes, and control characters browsers drop.
func TestLocalPathStaysOnTheDesk(t *testing.T) {
	for _, p := range []string{"https://evil.example/", "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "evil"} {
		if got := localPath(p); got != "/desk/" {
			t.Errorf("localPath(%q) = %q", p, got)
		}
	}
	if got := localPath("/desk/complaints/UP26-X?lang=hi"); got != "/desk/complaints/UP26-X?lang=hi" {
		t.Errorf("a desk path became %q", got)
	}
}
