package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/shikayat/shikayat/internal/storetest"
)

// TestServeOpen311 boots the real program, makes an API key with `token
// create` and files a complaint through Open311, then follows it by its
// docket: the route table, the key and triage are wired.
func TestServeOpen311(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		m := quietMain(t, dsn(), "https://api.x.com", func(m *Main) { m.Config.BaseURL = "https://desk.example" })
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", m.Config.DB, "--username", "hq-311", "--role", "hq_operator", "--unit", "hq", "--password-stdin"); code != 0 {
			t.Fatalf("user add: %s", errs)
		}
		code, out, errs := runCmd(t, "", "token", "create", "--db", m.Config.DB, "--username", "hq-311")
		if code != 0 {
			t.Fatalf("token create: %s", errs)
		}
		token := strings.TrimSpace(out)
		ctx := context.Background()
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)
		base := "http://" + m.Addr + "/open311/v2"

		resp, err := http.PostForm(base+"/requests.json?jurisdiction_id=desk.example", url.Values{
			"api_key": {token}, "service_code": {"theft"}, "lat": {"26.85"}, "long": {"80.95"},
			"description": {"हजरतगंज लखनऊ में मेरी बाइक चोरी हो गई"},
		})
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var created []struct {
			ID string `json:"service_request_id"`
		}
		if err := json.Unmarshal(body, &created); err != nil || resp.StatusCode != http.StatusOK || len(created) != 1 {
			t.Fatalf("POST = %d %s", resp.StatusCode, body)
		}
		resp, err = http.Get(base + "/requests/" + created[0].ID + ".json")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"status":"open"`) || !strings.Contains(string(body), "Lucknow") {
			t.Fatalf("GET by docket = %d %s", resp.StatusCode, body)
		}
		resp, err = http.Get(base + "/requests.json")
		if err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || strings.Contains(string(body), created[0].ID) || !strings.Contains(string(body), `"service_code":"theft"`) {
			t.Fatalf("list = %d %s", resp.StatusCode, body)
		}
	})
}
