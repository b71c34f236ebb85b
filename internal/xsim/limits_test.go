package xsim_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xsim"
)

// get asks the simulator for path and returns the status and the rate-limit
// window it announced.
func getLimit(t *testing.T, srv *httptest.Server, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", srv.URL+path, nil)
	req.Header.Set("Authorization", "Bearer")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode, resp.Header.Get("x-rate-limit-limit")
}

// A load test or a demo sets each endpoint's window through the control
// API, above X's limits or below them.
func TestControlSetsRateLimits(t *testing.T) {
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	mentions := "/2/users/" + sim.Account().ID + "/mentions"
	if _, limit := getLimit(t, srv, mentions); limit != "450" {
		t.Fatalf("default mentions limit %q", limit)
	}

	status, body := do(t, srv, "POST", "/_sim/limits", `{"mentions": "2/15m", "create_post": "100000/15m"}`)
	if status != http.StatusOK {
		t.Fatalf("POST /_sim/limits = %d %s", status, body)
	}
	var out struct{ Data map[string]string }
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatal(err)
	}
	if out.Data["mentions"] != "2/15m" || out.Data["create_post"] != "100000/15m" || out.Data["search"] != "450/15m" {
		t.Errorf("limits now %v", out.Data)
	}
	for i, want := range []int{200, 200, 429} {
		if code, limit := getLimit(t, srv, mentions); code != want || limit != "2" {
			t.Errorf("request %d: %d (limit %s), want %d", i+1, code, limit, want)
		}
	}
	status, body = do(t, srv, "GET", "/_sim/limits", "")
	if status != http.StatusOK || !strings.Contains(string(body), `"mentions":"2/15m"`) {
		t.Errorf("GET /_sim/limits = %d %s", status, body)
	}
	for _, bad := range []string{`{"nowhere": "1/1m"}`, `{"mentions": "many"}`, `{"mentions": "0/15m"}`, `{"mentions": "5/0s"}`, `[1]`} {
		if status, body := do(t, srv, "POST", "/_sim/limits", bad); status != http.StatusBadRequest {
			t.Errorf("POST /_sim/limits %s = %d %s", bad, status, body)
		}
	}
	// DELETE puts X's limits back.
	if status, _ := do(t, srv, "DELETE", "/_sim/limits", ""); status != http.StatusNoContent {
		t.Errorf("DELETE /_sim/limits = %d", status)
	}
	if code, limit := getLimit(t, srv, mentions); code != 200 || limit != "450" {
		t.Errorf("after DELETE: %d, limit %s", code, limit)
	}
}

func TestParseLimits(t *testing.T) {
	got, err := xsim.ParseLimits("create_post=1000/15m, mentions=5000/1h,*=20/1s")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]xsim.Limit{
		"POST /2/tweets":            {Requests: 1000, Window: 15 * time.Minute},
		"GET /2/users/:id/mentions": {Requests: 5000, Window: time.Hour},
		"*":                         {Requests: 20, Window: time.Second},
	}
	if len(got) != len(want) {
		t.Fatalf("got %v", got)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %v, want %v", k, got[k], v)
		}
	}
	if got, err := xsim.ParseLimits(""); err != nil || len(got) != 0 {
		t.Errorf("empty: %v %v", got, err)
	}
	for _, bad := range []string{"create_post", "create_post=", "create_post=10", "create_post=10/", "x=1/1m", "create_post=-1/1m",
		"create_post=1/-1m", "create_post=1/1m,create_post=2/1m", "mentions=1/1m,", "create_post=99999999999999999999/1m", "create_post=1/1ns"} {
		if _, err := xsim.ParseLimits(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
