package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/xsim"
)

// TestSensitiveEndToEnd: a post about a sexual offence against a minor,
// read from the simulated X, becomes a sensitive complaint, is answered
// with the neutral acknowledgement only, and its public tracking gives the
// stage alone.
func TestSensitiveEndToEnd(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		sim := xsim.New(xsim.Options{Account: "Uppolice"})
		ts := httptest.NewServer(sim)
		defer ts.Close()
		x := simClient{t, ts.URL}
		m := startDesk(t, dsn(), ts.URL)

		text := "@Uppolice लखनऊ के हजरतगंज में मेरी 14 साल की बेटी के साथ स्कूल के बाहर रोज़ छेड़छाड़ हो रही है, कृपया कार्यवाही करें"
		id := x.mention(map[string]string{"username": "pita_lko", "text": text})
		got := x.waitReplies(id, 1)
		if len(got) != 1 {
			t.Fatalf("%d replies to the complaint, want 1", len(got))
		}
		codes, _ := shikayat.FindDockets(got[0].Text)
		if len(codes) != 1 {
			t.Fatalf("reply %q has no valid docket code", got[0].Text)
		}
		code := codes[0]
		reply := got[0].Text
		if !strings.Contains(reply, "https://shikayat.example/t/"+code) {
			t.Fatalf("reply %q lacks the tracking link", reply)
		}
		rest := strings.NewReplacer("https://shikayat.example/t/"+code, "", code, "").Replace(reply)
		for _, leak := range []string{"112", "छेड़छाड़", "बेटी", "14", "हजरतगंज", "शिकायत", "खतरा"} {
			if strings.Contains(rest, leak) {
				t.Fatalf("the acknowledgement %q says %q", reply, leak)
			}
		}
		c, err := m.DB.FindComplaint(context.Background(), code, shikayat.SystemScope())
		if err != nil {
			t.Fatal(err)
		}
		if !c.Sensitive || !c.SuggestedSensitive {
			t.Fatalf("complaint not marked sensitive: %+v", c)
		}

		resp, err := http.Get("http://" + m.Addr + "/api/v1/track/" + code)
		if err != nil {
			t.Fatal(err)
		}
		var tr map[string]json.RawMessage
		json.NewDecoder(resp.Body).Decode(&tr)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || string(tr["code"]) != `"`+code+`"` || string(tr["stage"]) == "null" {
			t.Fatalf("track = %d %v", resp.StatusCode, tr)
		}
		for _, k := range []string{"district", "class", "updated_at", "history"} {
			if v, ok := tr[k]; !ok || string(v) != "null" {
				t.Errorf("track %s = %s, want null", k, v)
			}
		}
	})
}
