package live_test

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/live"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
)

// event is one server-sent event as a browser sees it.
type event struct {
	id    string
	alert shikayat.Alert
}

// client reads a stream of server-sent events.
type client struct {
	t      *testing.T
	events chan event
	cancel context.CancelFunc
}

func connect(t *testing.T, url, unitPath, lastID string) *client {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	req.Header.Set("X-Test-Unit", unitPath)
	if lastID != "" {
		req.Header.Set("Last-Event-ID", lastID)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("content type %q", ct)
	}
	c := &client{t: t, events: make(chan event, 100), cancel: cancel}
	go func() {
		defer resp.Body.Close()
		sc := bufio.NewScanner(resp.Body)
		var e event
		var data string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "id: "):
				e.id = strings.TrimPrefix(line, "id: ")
			case strings.HasPrefix(line, "data: "):
				data = strings.TrimPrefix(line, "data: ")
			case line == "" && data != "":
				if err := json.Unmarshal([]byte(data), &e.alert); err != nil {
					t.Errorf("bad event data %q: %v", data, err)
				}
				c.events <- e
				e, data = event{}, ""
			}
		}
	}()
	t.Cleanup(cancel)
	return c
}

func (c *client) next(timeout time.Duration) (event, bool) {
	select {
	case e := <-c.events:
		return e, true
	case <-time.After(timeout):
		return event{}, false
	}
}

// expectCodes waits for events with the given codes, in order.
func (c *client) expectCodes(codes ...string) []event {
	c.t.Helper()
	var got []event
	for _, want := range codes {
		e, ok := c.next(10 * time.Second)
		if !ok {
			c.t.Fatalf("no event; want %s", want)
		}
		if e.alert.Code != want {
			c.t.Fatalf("event %s, want %s", e.alert.Code, want)
		}
		got = append(got, e)
	}
	return got
}

// expectNone checks that no event arrives for a while (long enough for the
// hub to have read alerts several times).
func (c *client) expectNone() {
	c.t.Helper()
	if e, ok := c.next(300 * time.Millisecond); ok {
		c.t.Fatalf("unexpected event %+v", e.alert)
	}
}

const (
	lucknow   = "hq/zone:lucknow/range:lucknow/district:162/"
	barabanki = "hq/zone:lucknow/range:ayodhya/district:151/"
)

func setup(t *testing.T, dsn string) (*store.DB, string) {
	t.Helper()
	ctx := context.Background()
	db, err := store.Open(ctx, dsn, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	hub := &live.Hub{Source: db, Every: 20 * time.Millisecond}
	hctx, cancel := context.WithCancel(ctx)
	t.Cleanup(cancel)
	go hub.Run(hctx)
	<-hub.Ready()
	stream := &live.Stream{Hub: hub, UnitPath: func(r *http.Request) (string, bool) {
		p := r.Header.Get("X-Test-Unit")
		return p, p != ""
	}}
	ts := httptest.NewServer(stream)
	t.Cleanup(ts.Close)
	return db, ts.URL
}

func alert(code, unitID, path string) *shikayat.Alert {
	return &shikayat.Alert{Kind: shikayat.AlertImmediate, Code: code, UnitID: unitID, UnitPath: path}
}

func TestAlertsReachTheUnitAndThoseAboveOnly(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, url := setup(t, dsn())
		ctx := context.Background()
		own := connect(t, url, lucknow, "")
		hq := connect(t, url, "hq/", "")
		sibling := connect(t, url, barabanki, "")
		station := connect(t, url, lucknow+"station:lko-hazratganj/", "")
		time.Sleep(50 * time.Millisecond) // let the subscriptions start

		if err := db.AddAlert(ctx, alert("UP26-A", "district:162", lucknow)); err != nil {
			t.Fatal(err)
		}
		own.expectCodes("UP26-A")
		hq.expectCodes("UP26-A")
		sibling.expectNone()
		station.expectNone() // a district's alert is not for each of its stations

		if err := db.AddAlert(ctx, alert("UP26-B", "station:lko-hazratganj", lucknow+"station:lko-hazratganj/")); err != nil {
			t.Fatal(err)
		}
		station.expectCodes("UP26-B")
		own.expectCodes("UP26-B")
		sibling.expectNone()
	})
}

func TestReconnectReplaysWhatWasMissed(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, url := setup(t, dsn())
		ctx := context.Background()
		c := connect(t, url, lucknow, "")
		time.Sleep(50 * time.Millisecond)
		db.AddAlert(ctx, alert("UP26-1", "district:162", lucknow))
		first := c.expectCodes("UP26-1")
		c.cancel() // the phone loses its signal

		db.AddAlert(ctx, alert("UP26-2", "district:162", lucknow))
		db.AddAlert(ctx, alert("UP26-X", "district:151", barabanki))
		db.AddAlert(ctx, alert("UP26-3", "district:162", lucknow))

		again := connect(t, url, lucknow, first[0].id)
		again.expectCodes("UP26-2", "UP26-3")
		again.expectNone()
		db.AddAlert(ctx, alert("UP26-4", "district:162", lucknow))
		again.expectCodes("UP26-4")
	})
}

// On PostgreSQL an alert's id is handed out before its transaction commits,
// so an alert may become visible after one with a higher id: it is still
// delivered, once.
func TestAnAlertCommittedLateIsStillDelivered(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		db, url := setup(t, dsn())
		ctx := context.Background()
		c := connect(t, url, lucknow, "")
		time.Sleep(50 * time.Millisecond)
		now := time.Now().UnixMilli()
		ins := `INSERT INTO alerts (id, kind, code, unit_id, unit_path, at) VALUES ($1, 'immediate', $2, 'district:162', $3, $4)`
		if _, err := db.SQL().ExecContext(ctx, ins, 1000, "UP26-LATER", lucknow, now); err != nil {
			t.Fatal(err)
		}
		c.expectCodes("UP26-LATER")
		if _, err := db.SQL().ExecContext(ctx, ins, 990, "UP26-EARLIER", lucknow, now); err != nil {
			t.Fatal(err)
		}
		c.expectCodes("UP26-EARLIER")
		c.expectNone()
	})
}

func TestStreamRefusesWithoutAUser(t *testing.T) {
	_, url := setup(t, storetest.DSN(t, "sqlite"))
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("status %d, want 401", resp.StatusCode)
	}
}

// When the hub stops (the node shuts down), open streams end, so that the
// server's graceful shutdown is not held up by them.
func TestStreamsEndWhenTheHubStops(t *testing.T) {
	db, err := store.Open(context.Background(), storetest.DSN(t, "sqlite"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	hub := &live.Hub{Source: db, Every: 20 * time.Millisecond}
	ctx, stop := context.WithCancel(context.Background())
	ran := make(chan struct{})
	go func() { hub.Run(ctx); close(ran) }()
	<-hub.Ready()
	stream := &live.Stream{Hub: hub, UnitPath: func(*http.Request) (string, bool) { return lucknow, true }}
	ts := httptest.NewServer(stream)
	defer ts.Close()
	resp, err := http.Get(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	ended := make(chan struct{})
	go func() {
		io.Copy(io.Discard, resp.Body)
		close(ended)
	}()
	stop()
	<-ran
	select {
	case <-ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the stream is still open after the hub stopped")
	}
}
