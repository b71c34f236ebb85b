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
