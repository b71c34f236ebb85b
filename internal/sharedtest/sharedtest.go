// Package sharedtest finds the shared folder beside the module root
// (../shared): the public data sets and the triage dev set that some tests
// read. The files are not part of the repository; tests that need them skip
// with a message when the folder is absent.
package sharedtest

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the shared folder beside the module root.
func Dir() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("module root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		return "", fmt.Errorf("%s is absent (the shared folder beside the module)", shared)
	}
	return shared, nil
}

// Path returns the path of rel (slash-separated, e.g.
// "data/up-districts/districts-lgd.geojson") in the shared folder, or skips
// the test when it is not there.
func Path(t testing.TB, rel string) string {
	t.Helper()
	dir, err := Dir()
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		t.Skipf("skipping: %s is absent", p)
	}
	return p
}
