package web_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestHandlersNeverTakeTheSystemScope: the staff surfaces read with the
// signed-in user's scope from the request context, never the system's wide
// one (which is for intake, replies and timers).
func TestHandlersNeverTakeTheSystemScope(t *testing.T) {
	for _, dir := range []string{".", "../api", "../desk"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("no Go files in %s: %v", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(src), "SystemScope(") || strings.Contains(string(src), "SystemActor") {
				t.Errorf("%s uses the system's scope", f)
			}
		}
	}
}
