package main

import (
	"bytes"
	"context"
	"encoding/json"
	"log/slog"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/intake"
	"github.com/shikayat/shikayat/internal/storetest"
)

// lockedBuffer collects log lines written from many goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// The log of a desk taking posts, at info level, names complaints by
// docket code and post id and holds nothing personal: no post text, no
// citizen's handle.
func TestLogsNameComplaintsAndHoldNothingPersonal(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		ts := httptest.NewServer(fastSim())
		defer ts.Close()
		x := simClient{t, ts.URL}
		var logs lockedBuffer
		m := NewMain()
		m.Config.Addr, m.Config.DB, m.Config.XAPI = "127.0.0.1:0", dsn(), ts.URL
		m.Config.XPoll, m.Config.Account, m.Config.DocketState, m.Config.DailyPostBudget = time.Second, "Uppolice", "UP", 1000
		m.Config.IntakeLease = 30 * time.Second
		if err := m.Config.Validate(); err != nil {
			t.Fatal(err)
		}
		m.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelInfo}))
		m.PollerOptions = func(p *intake.Poller) { p.Interval, p.LeaseTTL = 200*time.Millisecond, 3*time.Second }
		if err := m.Run(context.Background()); err != nil {
			t.Fatal(err)
		}
		defer func() {
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			m.Close(ctx)
		}()

		personal := map[string]string{
			"sunita_knp77":    "@Uppolice कानपुर में मेरा मोबाइल छीन लिया गया गोविंद नगर में, मदद करें",
			"arjun_lko_1984":  "@Uppolice my car was stolen from outside my house in Gomti Nagar Lucknow last night",
			"ravi_noida_2021": "@Uppolice chain snatching near sector 18 market Noida, please help jaldi",
		}
		var ids []string
		for handle, text := range personal {
			ids = append(ids, x.mention(map[string]string{"username": handle, "text": text}))
		}
		// Every post recorded and every complaint's acknowledgement logged.
		complaints := 0
		deadline := time.Now().Add(30 * time.Second)
		for {
			c, p, err := m.DB.Counts(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			complaints = c
			if p == len(ids) && c > 0 && strings.Count(logs.String(), `"msg":"reply posted"`) >= c {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("%d of %d posts recorded, %d complaints; log:\n%s", p, len(ids), c, logs.String())
			}
			time.Sleep(50 * time.Millisecond)
		}

		posted := 0
		for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
			var rec map[string]any
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("a log line that is not JSON: %q", line)
			}
			for handle, text := range personal {
				// A piece of the text is as personal as the whole.
				if strings.Contains(line, handle) || strings.Contains(line, text[10:40]) {
					t.Errorf("%s line holds personal data (%s): %s", rec["level"], handle, line)
				}
			}
			code, _ := rec["code"].(string)
			if code != "" && rec["post_id"] == nil {
				t.Errorf("a line about complaint %s without its post id: %s", code, line)
			}
			if rec["msg"] == "reply posted" {
				posted++
				if code == "" || rec["post_id"] == nil {
					t.Errorf("reply posted without the complaint's code and post id: %s", line)
				}
			}
		}
		if posted != complaints {
			t.Errorf("%d replies posted in the log, want %d:\n%s", posted, complaints, logs.String())
		}
	})
}
