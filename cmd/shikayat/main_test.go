package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/storetest"
)

// runCmd runs a subcommand in-process and returns its status and output.
func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, stdio{strings.NewReader(stdin), &out, &errb})
	return code, out.String(), errb.String()
}

func TestMainServesOpsEndpoints(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		m := quietMain(t, dsn(), "https://api.x.com")
		ctx := context.Background()
		if err := m.Run(ctx); err != nil {
			t.Fatal(err)
		}
		defer m.Close(ctx)
		base := "http://" + m.Addr
		for path, want := range map[string]int{"/healthz": 200, "/readyz": 200, "/metrics": 200, "/nowhere": 404} {
			resp, err := http.Get(base + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != want {
				t.Fatalf("GET %s = %d, want %d: %s", path, resp.StatusCode, want, body)
			}
			if path == "/readyz" {
				var r struct {
					Status string
					Checks map[string]string
				}
				json.Unmarshal(body, &r)
				if r.Checks["database"] != "ok" || !strings.Contains(r.Checks["x_credentials"], "SHIKAYAT_X_BEARER_TOKEN") {
					t.Fatalf("readyz = %s", body)
				}
			}
		}
		resp, _ := http.Get(base + "/metrics")
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if !strings.Contains(string(body), `shikayat_http_requests_total{code="200",route="GET /healthz"} 1`) {
			t.Fatalf("metrics lack the request counter:\n%.2000s", body)
		}
	})
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds the real program once per test run.
func binary(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "shikayat-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "shikayat")
		out, err := exec.Command("go", "build", "-o", binPath, ".").CombinedOutput()
		if err != nil {
			buildErr = err
			t.Logf("%s", out)
		}
	})
	if buildErr != nil {
		t.Fatalf("build: %v", buildErr)
	}
	return binPath
}

func TestServeShutsDownCleanlyOnSIGTERM(t *testing.T) {
	t.Parallel()
	bin := binary(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--addr", "127.0.0.1:0", "--db", "sqlite:"+filepath.Join(dir, "s.db"))
	cmd.Dir = dir
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan map[string]any, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) == nil {
				lines <- m
			}
		}
		close(lines)
	}()
	var addr string
	timeout := time.After(60 * time.Second)
	for addr == "" {
		select {
		case m, ok := <-lines:
			if !ok {
				t.Fatal("serve exited before serving")
			}
			if m["msg"] == "serving" {
				addr, _ = m["addr"].(string)
			}
		case <-timeout:
			t.Fatal("serve did not start")
		}
	}
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v", err)
	}
	resp.Body.Close()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	var stopped bool
	for m := range lines {
		if m["msg"] == "stopped" {
			stopped = true
		}
	}
	if err := cmd.Wait(); err != nil {
		t.Fatalf("serve exited with %v after SIGTERM", err)
	}
	if !stopped {
		t.Fatal("serve did not log that it stopped")
	}
}

func TestAdminCommands(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db := dsn()
		dir := t.TempDir()
		write := func(name, body string) string {
			p := filepath.Join(dir, name)
			if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			return p
		}
		if code, out, errs := runCmd(t, "", "migrate", "--db", db); code != 0 || !strings.Contains(out, "up to date") {
			t.Fatalf("migrate = %d %q %q", code, out, errs)
		}

		bad := write("bad.csv", "id,district,name_en,name_hi\nlko-ok,162,Hazratganj,हजरतगंज\nBad Id,162,X,\nlko-x,99999,Y,\n")
		code, _, errs := runCmd(t, "", "stations", "import", "--db", db, bad)
		if code != 1 || !strings.Contains(errs, "line 3") || !strings.Contains(errs, "line 4") || !strings.Contains(errs, "nothing was imported") {
			t.Fatalf("bad import = %d %q", code, errs)
		}
		good := write("good.csv", "id,district,name_en,name_hi,aliases,lat,lon\nlko-hazratganj,162,Hazratganj,हजरतगंज,Ganj|गंज,26.85,80.94\n")
		if code, out, errs := runCmd(t, "", "stations", "import", "--db", db, good); code != 0 || !strings.Contains(out, "1 new") {
			t.Fatalf("import = %d %q %q", code, out, errs)
		}
		if code, out, _ := runCmd(t, "", "stations", "import", "--db", db, good); code != 0 || !strings.Contains(out, "1 updated") {
			t.Fatalf("re-import = %d %q", code, out)
		}

		if code, out, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", db, "--username", "lko-op", "--role", "district_operator", "--unit", "district:162", "--password-stdin"); code != 0 || !strings.Contains(out, "lko-op") {
			t.Fatalf("user add = %d %q %q", code, out, errs)
		}
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", db, "--username", "lko-op", "--role", "district_operator", "--unit", "district:162", "--password-stdin"); code != 1 || !strings.Contains(errs, "already exists") {
			t.Fatalf("duplicate user add = %d %q", code, errs)
		}
		if code, _, errs := runCmd(t, "a long enough password\n", "user", "add", "--db", db, "--username", "ganj-so", "--role", "station_officer", "--unit", "district:162", "--password-stdin"); code != 1 || !strings.Contains(errs, "cannot belong") {
			t.Fatalf("misplaced user add = %d %q", code, errs)
		}
		if code, _, errs := runCmd(t, "short\n", "user", "add", "--db", db, "--username", "x-op", "--role", "hq_admin", "--unit", "hq", "--password-stdin"); code != 1 || !strings.Contains(errs, "at least") {
			t.Fatalf("short password = %d %q", code, errs)
		}
		code, out, errs := runCmd(t, "", "token", "create", "--db", db, "--username", "lko-op")
		token := strings.TrimSpace(out)
		if code != 0 || strings.Count(out, "\n") != 1 || !strings.HasPrefix(token, "shk_") {
			t.Fatalf("token create = %d %q %q", code, out, errs)
		}
		if code, _, _ := runCmd(t, "", "token", "revoke", "--db", db, token); code != 0 {
			t.Fatalf("token revoke = %d", code)
		}
		if code, _, _ := runCmd(t, "", "token", "revoke", "--db", db, token); code != 1 {
			t.Fatalf("second revoke = %d, want 1", code)
		}
	})
	if code, out, _ := runCmd(t, "", "version"); code != 0 || !strings.HasPrefix(out, "shikayat ") {
		t.Fatalf("version = %d %q", code, out)
	}
	if code, _, _ := runCmd(t, "", "frobnicate"); code != 2 {
		t.Fatalf("unknown command = %d, want 2", code)
	}
}
