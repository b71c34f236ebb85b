package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// An unreadable SHIKAYAT_DB_FILE names itself, not the empty DSN it left.
func TestUnreadableDBFileReportsItself(t *testing.T) {
	t.Setenv("SHIKAYAT_DB", "")
	t.Setenv("SHIKAYAT_DB_FILE", filepath.Join(t.TempDir(), "missing"))
	for _, args := range [][]string{
		{"backup", "--out", filepath.Join(t.TempDir(), "x.backup")},
		{"restore", filepath.Join(t.TempDir(), "x.backup")},
		{"migrate"},
	} {
		var out, errb bytes.Buffer
		run(context.Background(), args, stdio{in: strings.NewReader(""), out: &out, err: &errb})
		if !strings.Contains(errb.String(), "SHIKAYAT_DB_FILE") {
			t.Errorf("%s: the error does not name SHIKAYAT_DB_FILE: %s", args[0], errb.String())
		}
	}
}
