package xapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/shikayat/shikayat"
)

// StreamRule is a filtered-stream rule, e.g. {Value: "@Uppolice", Tag: "mentions"}.
type StreamRule struct {
	ID    string `json:"id,omitempty"`
	Value string `json:"value"`
	Tag   string `json:"tag,omitempty"`
}

// RulesResponse is the answer of the stream-rules endpoints.
type RulesResponse struct {
	Data   []StreamRule `json:"data,omitempty"`
	Meta   RulesMeta    `json:"meta"`
	Errors []Problem    `json:"errors,omitempty"`
}

// RulesMeta is the metadata of RulesResponse.
type RulesMeta struct {
	Sent        string        `json:"sent"`
	ResultCount *int          `json:"result_count,omitempty"`
	Summary     *RulesSummary `json:"summary,omitempty"`
}

// RulesSummary counts what a change of rules did.
type RulesSummary struct {
	Created    int `json:"created"`
	NotCreated int `json:"not_created"`
	Valid      int `json:"valid"`
	Invalid    int `json:"invalid"`
	Deleted    int `json:"deleted"`
	NotDeleted int `json:"not_deleted"`
}

// RulesRequest is the body of POST /2/tweets/search/stream/rules: either
// Add or Delete.
type RulesRequest struct {
	Add    []StreamRule `json:"add,omitempty"`
	Delete *RuleIDs     `json:"delete,omitempty"`
}

// RuleIDs names rules to delete.
type RuleIDs struct {
	IDs []string `json:"ids"`
}

// StreamRules lists the filtered stream's rules.
func (c *Client) StreamRules(ctx context.Context) ([]StreamRule, error) {
	var a RulesResponse
	if err := c.get(ctx, request{endpoint: EndpointStreamRules, path: "/2/tweets/search/stream/rules"}, &a); err != nil {
		return nil, err
	}
	return a.Data, nil
}

// AddStreamRules adds rules and returns them with their ids. Rules X
// refused (invalid or duplicate) make the error; the created ones are
// returned all the same.
func (c *Client) AddStreamRules(ctx context.Context, rules ...StreamRule) ([]StreamRule, error) {
	if len(rules) == 0 {
		return nil, nil
	}
	add := make([]StreamRule, len(rules))
	for i, r := range rules {
		add[i] = StreamRule{Value: r.Value, Tag: r.Tag}
	}
	return c.changeRules(ctx, RulesRequest{Add: add})
}

// DeleteStreamRules deletes rules by id.
func (c *Client) DeleteStreamRules(ctx context.Context, ids ...string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := c.changeRules(ctx, RulesRequest{Delete: &RuleIDs{IDs: ids}})
	return err
}

func (c *Client) changeRules(ctx context.Context, body RulesRequest) ([]StreamRule, error) {
	var a RulesResponse
	r := request{endpoint: EndpointStreamRulesChange, method: http.MethodPost, path: "/2/tweets/search/stream/rules", body: body}
	if err := c.send(ctx, r, &a); err != nil {
		return nil, err
	}
	if len(a.Errors) > 0 {
		return a.Data, &APIError{Endpoint: r.endpoint, Status: http.StatusOK, Problems: a.Errors}
	}
	return a.Data, nil
}

// StreamPost is one post from the filtered stream with the rules it matched.
type StreamPost struct {
	Post          shikayat.Post
	MatchingRules []MatchingRule
}

// DecodeStreamLine decodes one line of the filtered stream. A blank line
// (the keep-alive) is ErrKeepAlive; a line of only errors (X's notice
// before it closes the connection) is a *DisconnectError; anything that is
// not a post is EINVALID.
func DecodeStreamLine(line []byte) (StreamPost, error) {
	line = bytes.TrimSpace(line)
	if len(line) == 0 {
		return StreamPost{}, ErrKeepAlive
	}
	var s Single
	if err := json.Unmarshal(line, &s); err != nil {
		return StreamPost{}, shikayat.Errorf(shikayat.EINVALID, "stream line: %s", jsonErrorText(err))
	}
	if s.Data == nil {
		if len(s.Errors) > 0 {
			return StreamPost{}, &DisconnectError{Problems: s.Errors}
		}
		return StreamPost{}, shikayat.Errorf(shikayat.EINVALID, `stream line: no "data" object`)
	}
	p, err := PostFrom(s.Data, newIndex(s.Includes))
	if err != nil {
		return StreamPost{}, err
	}
	return StreamPost{Post: p, MatchingRules: s.MatchingRules}, nil
}

// ErrKeepAlive is a stream's keep-alive line.
var ErrKeepAlive = errors.New("x: stream keep-alive")

// ErrStreamStalled means the stream sent nothing, not even a keep-alive,
// for the stall timeout.
var ErrStreamStalled = errors.New("x: stream stalled: no data and no keep-alive")

// DisconnectError is X's notice on the stream that it is closing it
// (e.g. an operational disconnect).
type DisconnectError struct {
	Problems []Problem
}

func (e *DisconnectError) Error() string {
	return "x: stream disconnected: " + problemsText(e.Problems)
}

// Stream holds the filtered stream open and calls handle for every post, in
// the order X sends them (which may repeat a post or be out of order:
// callers dedupe by post id). Keep-alives are tracked and a stream quiet for
// the stall timeout is reconnected; lines that are not posts are logged and
// skipped. Reconnects back off as X asks (see StreamBackoff). Stream returns
// when ctx is done, when handle fails (with its error), or when X refuses
// the connection for good (400, 401, 403, 404).
func (c *Client) Stream(ctx context.Context, handle func(context.Context, StreamPost) error) error {
	var b StreamBackoff
	for {
		connected, err := c.streamOnce(ctx, handle)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		var he handlerError
		if errors.As(err, &he) {
			return he.err
		}
		if connected {
			b.Reset()
		}
		wait, ok := b.Next(err)
		if !ok {
			return err
		}
		c.log.Warn("x stream disconnected; reconnecting", "err", err, "wait", wait)
		if err := c.sleep.Sleep(ctx, wait); err != nil {
			return err
		}
	}
}

type handlerError struct{ err error }

func (e handlerError) Error() string { return e.err.Error() }

// streamOnce connects once and reads until the connection ends. connected
// reports whether X accepted the connection.
func (c *Client) streamOnce(ctx context.Context, handle func(context.Context, StreamPost) error) (connected bool, err error) {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var stalled atomic.Bool
	watchdog := time.AfterFunc(c.stall, func() {
		stalled.Store(true)
		cancel()
	})
	defer watchdog.Stop()

	q := postQuery()
	u := c.base + "/2/tweets/search/stream?" + q.Encode()
	req, err := http.NewRequestWithContext(sctx, http.MethodGet, u, nil)
	if err != nil {
		return false, err
	}
	c.authorize(req, request{})
	resp, err := c.stream.Do(req)
	if err != nil {
		if stalled.Load() {
			return false, ErrStreamStalled
		}
		return false, fmt.Errorf("x: %s: %w", EndpointStream, err)
	}
	defer resp.Body.Close()
	rl, _ := c.noteRateLimit(EndpointStream, resp.Header)
	if resp.StatusCode != http.StatusOK {
		data, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
		ps, _ := problemsOf(data)
		if resp.StatusCode == http.StatusTooManyRequests {
			return false, &RateLimitError{Endpoint: EndpointStream, Reset: rl.Reset, Limit: rl, Problems: ps}
		}
		return false, &APIError{Endpoint: EndpointStream, Status: resp.StatusCode, Problems: ps}
	}
	c.log.Info("x stream connected")

	r := bufio.NewReaderSize(resp.Body, 64<<10)
	for {
		line, err := readLine(r, maxBody)
		if len(line) > 0 || err == nil {
			watchdog.Reset(c.stall)
		}
		if len(line) > 0 {
			sp, derr := DecodeStreamLine(line)
			switch {
			case derr == nil:
				if herr := handle(ctx, sp); herr != nil {
					return true, handlerError{herr}
				}
			case errors.Is(derr, ErrKeepAlive):
			case isDisconnect(derr):
				return true, derr
			default:
				c.log.Warn("x stream: skipped a line that is not a post", "err", derr, "bytes", len(line))
			}
		}
		if err != nil {
			if stalled.Load() {
				return true, ErrStreamStalled
			}
			if err == io.EOF {
				return true, fmt.Errorf("x: %s: connection closed", EndpointStream)
			}
			return true, fmt.Errorf("x: %s: %w", EndpointStream, err)
		}
	}
}

func isDisconnect(err error) bool {
	var d *DisconnectError
	return errors.As(err, &d)
}

// readLine reads up to and including "\n", at most max bytes; a longer line
// is consumed and returned cut, so one bad line does not end the stream.
func readLine(r *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if len(line)+len(chunk) <= max {
			line = append(line, chunk...)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return line, err
	}
}

// StreamBackoff is X's documented reconnect policy for the filtered stream:
// after a network error (a dropped or stalled connection) wait 250 ms more
// each time, up to 16 s; after an HTTP error wait 5 s, doubling each time,
// up to 320 s; after a 429 wait 1 minute, doubling each time. The zero
// value is ready; Reset after a connection X accepted.
type StreamBackoff struct {
	network, http, rate int
}

// Reset starts the waits again from the beginning.
func (b *StreamBackoff) Reset() { *b = StreamBackoff{} }

// Next returns how long to wait before reconnecting after err, and false
// when err is final (X refused the request itself: 400, 401, 403, 404).
func (b *StreamBackoff) Next(err error) (time.Duration, bool) {
	var rl *RateLimitError
	var api *APIError
	switch {
	case errors.As(err, &rl):
		b.rate++
		return expWait(time.Minute, b.rate, 16*time.Minute), true
	case errors.As(err, &api) && api.Status != 0 && api.Status != http.StatusOK:
		switch api.Status {
		case http.StatusBadRequest, http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
			return 0, false
		}
		b.http++
		return expWait(5*time.Second, b.http, 320*time.Second), true
	default:
		b.network++
		d := time.Duration(b.network) * 250 * time.Millisecond
		return min(d, 16*time.Second), true
	}
}

func expWait(first time.Duration, n int, max time.Duration) time.Duration {
	d := first
	for i := 1; i < n && d < max; i++ {
		d *= 2
	}
	return min(d, max)
}
