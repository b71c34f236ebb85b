package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"
)

// syncPipe hands what a command prints to the test line by line.
type syncPipe struct{ w *io.PipeWriter }

func (p syncPipe) Write(b []byte) (int, error) { return p.w.Write(b) }

// `shikayat demo` runs the whole desk fed by its simulated X: its printed
// logins sign in, generated posts become complaints, and the desk answers
// them on the simulated X.
func TestDemoRunsTheWholeDesk(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("demo: not in -short mode")
	}
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"demo", "--addr", "127.0.0.1:0", "--rate", "120", "--seed", "7"}, stdio{strings.NewReader(""), syncPipe{pw}, io.Discard})
		pw.Close()
	}()
	defer func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("demo exited %d after Ctrl-C", code)
		}
	}()

	var deskURL, simURL string
	logins := map[string]string{}
	sc := bufio.NewScanner(pr)
	deskRe := regexp.MustCompile(`desk is at (http://\S+)/desk/`)
	simRe := regexp.MustCompile(`simulated X at (http://\S+) `)
	loginRe := regexp.MustCompile(`^  (\S+)\s+(\S+)\s+`)
	for sc.Scan() {
		line := sc.Text()
		if m := deskRe.FindStringSubmatch(line); m != nil {
			deskURL = m[1]
		}
		if m := simRe.FindStringSubmatch(line); m != nil {
			simURL = m[1]
		}
		if m := loginRe.FindStringSubmatch(line); m != nil {
			logins[m[1]] = m[2]
		}
		if strings.HasPrefix(line, "Database:") {
			break
		}
	}
	go io.Copy(io.Discard, pr)
	if deskURL == "" || simURL == "" || len(logins) != len(demoUsers) {
		t.Fatalf("demo printed desk %q, X %q, %d logins", deskURL, simURL, len(logins))
	}

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 10 * time.Second}
	resp, err := client.PostForm(deskURL+"/login", url.Values{"username": {"hq-operator"}, "password": {logins["hq-operator"]}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.HasSuffix(resp.Request.URL.Path, "/desk/") {
		t.Fatalf("sign-in with the printed password: %d at %s", resp.StatusCode, resp.Request.URL)
	}
	// Complaints arrive, and the desk answers them on the simulated X.
	deadline := time.Now().Add(90 * time.Second)
	for {
		var list struct{ Total int }
		resp, err := client.Get(deskURL + "/api/v1/complaints")
		if err != nil {
			t.Fatal(err)
		}
		json.NewDecoder(resp.Body).Decode(&list)
		resp.Body.Close()
		var posts struct{ Data []json.RawMessage }
		if resp, err := http.Get(simURL + "/_sim/posts"); err == nil {
			json.NewDecoder(resp.Body).Decode(&posts)
			resp.Body.Close()
		}
		replies := 0
		for _, p := range posts.Data {
			if strings.Contains(string(p), "/t/UP") {
				replies++
			}
		}
		if list.Total > 0 && replies > 0 {
			t.Logf("%d complaints, %d acknowledgements on the simulated X", list.Total, replies)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 90 s: %d complaints, %d acknowledgements", list.Total, replies)
		}
		time.Sleep(time.Second)
	}
}
