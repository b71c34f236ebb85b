package xapi

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
)

func TestCredentialsNeverPrinted(t *testing.T) {
	c := Credentials{BearerToken: "SECRETbearer", ConsumerKey: "SECRETck", ConsumerSecret: "SECRETcs", AccessToken: "SECRETat"}
	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("x", "creds", c)
	client := New(Options{Credentials: c})
	log.Info("x", "client", client)
	out := buf.String() + fmt.Sprintf("%v %+v %#v %s %v", c, c, c, c, client)
	if strings.Contains(out, "SECRET") {
		t.Fatalf("credentials leaked: %s", out)
	}
	if !strings.Contains(out, "access_secret") || !strings.Contains(out, "unset") || !strings.Contains(out, "redacted") {
		t.Errorf("redacted form does not say which keys are set: %s", out)
	}
	if !c.CanRead() || c.CanPost() {
		t.Errorf("CanRead/CanPost wrong for %v", c)
	}
}
