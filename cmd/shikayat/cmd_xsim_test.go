package main

import (
	"bufio"
	"context"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

func TestXsimCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"xsim", "--addr", "127.0.0.1:0", "--account", "@lkopolice", "--rate", "6000", "--seed", "3"}, stdio{strings.NewReader(""), pw, &stderr})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no start-up line: %v (stderr %s)", err, stderr.String())
	}
	go io.Copy(io.Discard, pr)
	m := regexp.MustCompile(`listening on (http://\S+) \(account @lkopolice, id (\d+)\)`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("start-up line %q", line)
	}
	c := xapi.New(xapi.Options{BaseURL: m[1]})
	me, err := c.UserByUsername(ctx, "lkopolice")
	if err != nil || me.ID != m[2] {
		t.Fatalf("account: %+v %v", me, err)
	}
	// The generator posts mentions of the account (6000 a minute).
	deadline := time.Now().Add(20 * time.Second)
	for {
		p, err := c.Mentions(ctx, me.ID, "", "")
		if err != nil {
			t.Fatal(err)
		}
		if len(p.Data) > 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the generator posted nothing")
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit status %d after the context ended; stderr %s", code, stderr.String())
	}
}

func TestXsimCommandRefusesBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"xsim", "--addr", "nohostport"},
		{"xsim", "--rate", "-1"},
		{"xsim", "--account", ""},
	} {
		var out, errOut strings.Builder
		if code := run(context.Background(), args, stdio{strings.NewReader(""), &out, &errOut}); code == 0 {
			t.Errorf("%v: exit status 0", args)
		}
	}
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"xsim", "stray"}, stdio{strings.NewReader(""), &out, &errOut}); code != 2 {
		t.Errorf("stray argument: exit %d", code)
	}
}

// `xsim --limits` sets the rate-limit windows, so that a load test or a
// demo is not held to X's 100 posts per 15 minutes.
func TestXsimCommandLimits(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"xsim", "--addr", "127.0.0.1:0", "--limits", "user_by_username=7/1h,create_post=5000/15m"}, stdio{strings.NewReader(""), pw, &stderr})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no start-up line: %v (stderr %s)", err, stderr.String())
	}
	go io.Copy(io.Discard, pr)
	base := regexp.MustCompile(`listening on (http://\S+)`).FindStringSubmatch(line)
	if base == nil {
		t.Fatalf("start-up line %q", line)
	}
	c := xapi.New(xapi.Options{BaseURL: base[1]})
	if _, err := c.UserByUsername(ctx, "Uppolice"); err != nil {
		t.Fatal(err)
	}
	if rl, ok := c.RateLimit(xapi.EndpointUserByUsername); !ok || rl.Limit != 7 || rl.Remaining != 6 {
		t.Errorf("user lookup window %+v, want 7 a window", rl)
	}
	cancel()
	<-done
	var out, errOut strings.Builder
	if code := run(context.Background(), []string{"xsim", "--limits", "create_post=lots"}, stdio{strings.NewReader(""), &out, &errOut}); code == 0 {
		t.Error("--limits create_post=lots: exit status 0")
	}
}
