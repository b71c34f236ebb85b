package main

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// chromiumPath finds a Chromium to drive: SHIKAYAT_CHROMIUM, else Debian's.
func chromiumPath() string {
	if p := os.Getenv("SHIKAYAT_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// browser is a headless Chromium driven over the DevTools protocol, with
// a screenshot written when the test fails.
type browser struct {
	t   *testing.T
	ctx context.Context
}

// newBrowser starts Chromium with a window of width×height. Without a
// browser the test is skipped, except in CI (CI set), where that is a
// failure: .ci/run installs Debian's chromium.
func newBrowser(t *testing.T, width, height int) *browser {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test: not in -short mode")
	}
	path := chromiumPath()
	if path == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no Chromium found: install Debian's chromium (apt-get install -y chromium) or set SHIKAYAT_CHROMIUM")
		}
		t.Skip("no Chromium found (apt-get install -y chromium, or set SHIKAYAT_CHROMIUM); set CI to make this a failure")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.WindowSize(width, height), chromedp.UserDataDir(t.TempDir()),
		// This machine has no network but loopback: no background calls.
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("lang", "en-IN"),
	)
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	ctx, cancelTime := context.WithTimeout(ctx, 3*time.Minute)
	b := &browser{t: t, ctx: ctx}
	t.Cleanup(func() {
		if t.Failed() {
			b.screenshot("failed")
		}
		cancelTime()
		cancelCtx()
		cancelAlloc()
	})
	// Start the browser now, so a broken install fails here, clearly.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start %s: %v", path, err)
	}
	return b
}

// screenshotDir is where screenshots go: SHIKAYAT_TEST_SCREENSHOTS, else a
// folder in the system's temporary directory.
func screenshotDir() string {
	if d := os.Getenv("SHIKAYAT_TEST_SCREENSHOTS"); d != "" {
		return d
	}
	return filepath.Join(os.TempDir(), "shikayat-screenshots")
}

// screenshot saves the whole page as a PNG named for the test and label.
func (b *browser) screenshot(label string) string {
	dir := screenshotDir()
	os.MkdirAll(dir, 0o755)
	name := strings.NewReplacer("/", "_", " ", "_").Replace(b.t.Name()) + "-" + label + ".png"
	path := filepath.Join(dir, name)
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		b.t.Logf("screenshot %s: %v", label, err)
		return ""
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		b.t.Logf("screenshot %s: %v", label, err)
		return ""
	}
	b.t.Logf("screenshot: %s", path)
	return path
}

// do runs actions, failing the test on error.
func (b *browser) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// text returns the text of the first element matching sel.
func (b *browser) text(sel string) string {
	b.t.Helper()
	s, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		b.t.Fatal(err)
	}
	return s
}

// eval evaluates JavaScript in the page.
func evalBool(b *browser, js string) bool {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js))
	if err != nil {
		b.t.Fatal(err)
	}
	return v
}

// signIn signs a member of staff in through the form.
func (b *browser) signIn(base, username, password string) {
	b.t.Helper()
	b.do(
		chromedp.Navigate(base+"/login"),
		chromedp.WaitVisible(chromedp.CSS(`input[name=username]`)),
		chromedp.SendKeys(chromedp.CSS(`input[name=username]`), username),
		chromedp.SendKeys(chromedp.CSS(`input[name=password]`), password),
		chromedp.Submit(chromedp.CSS(`input[name=password]`)),
		chromedp.WaitReady(chromedp.CSS(`body`)),
	)
	deadline := time.Now().Add(10 * time.Second)
	for {
		loc, err := chromedp.Run(b.ctx, chromedp.Location())
		if err == nil && strings.Contains(loc, "/desk/") {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatalf("sign-in as %s did not reach the desk (at %s)", username, loc)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// newPageAfter runs an action that leads to a new page (a form's submit)
// and waits until that page has loaded.
func (b *browser) newPageAfter(a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__oldPage = true`)); err != nil {
		b.t.Fatal(err)
	}
	b.do(a)
	deadline := time.Now().Add(20 * time.Second)
	for {
		v, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](`window.__oldPage !== true && document.readyState === "complete"`))
		if err == nil && v {
			return
		}
		if time.Now().After(deadline) {
			b.t.Fatal("no new page after the action")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
