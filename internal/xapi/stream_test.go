package xapi

import (
	"errors"
	"net/http"
	"testing"
	"time"

	"github.com/shikayat/shikayat"
)

func TestStreamBackoff(t *testing.T) {
	netErr := errors.New("connection reset")
	httpErr := &APIError{Endpoint: EndpointStream, Status: http.StatusServiceUnavailable}
	rateErr := &RateLimitError{Endpoint: EndpointStream}
	ms := time.Millisecond
	tests := []struct {
		name string
		errs []error
		want []time.Duration
	}{
		{"network errors grow linearly to 16s", repeat(netErr, 66),
			append([]time.Duration{250 * ms, 500 * ms, 750 * ms, time.Second}, append(durations(60, 0), 16*time.Second, 16*time.Second)...)},
		{"http errors double from 5s to 320s", repeat(httpErr, 9),
			[]time.Duration{5 * time.Second, 10 * time.Second, 20 * time.Second, 40 * time.Second, 80 * time.Second, 160 * time.Second, 320 * time.Second, 320 * time.Second, 320 * time.Second}},
		{"429 doubles from a minute", repeat(rateErr, 4),
			[]time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute, 8 * time.Minute}},
		{"kinds count separately", []error{netErr, httpErr, netErr, rateErr, httpErr},
			[]time.Duration{250 * ms, 5 * time.Second, 500 * ms, time.Minute, 10 * time.Second}},
		{"stalls are network errors", []error{ErrStreamStalled, ErrStreamStalled}, []time.Duration{250 * ms, 500 * ms}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b StreamBackoff
			for i, err := range tt.errs {
				d, ok := b.Next(err)
				if !ok {
					t.Fatalf("step %d: final", i)
				}
				if tt.want[i] != 0 && d != tt.want[i] {
					t.Fatalf("step %d: wait %v, want %v", i, d, tt.want[i])
				}
				if d > 16*time.Minute {
					t.Fatalf("step %d: wait %v beyond any cap", i, d)
				}
			}
		})
	}
	var b StreamBackoff
	b.Next(netErr)
	b.Next(netErr)
	b.Reset()
	if d, _ := b.Next(netErr); d != 250*ms {
		t.Errorf("after Reset: %v, want 250ms", d)
	}
	for _, status := range []int{400, 401, 403, 404} {
		if _, ok := b.Next(&APIError{Status: status}); ok {
			t.Errorf("status %d should be final", status)
		}
	}
}

func repeat(err error, n int) []error {
	out := make([]error, n)
	for i := range out {
		out[i] = err
	}
	return out
}

func durations(n int, d time.Duration) []time.Duration { return make([]time.Duration, n) }

func TestDecodeStreamLine(t *testing.T) {
	sp, err := DecodeStreamLine([]byte(`{"data":{"id":"9","text":"@Uppolice hi","author_id":"4"},"includes":{"users":[{"id":"4","username":"ram","name":"Ram"}]},"matching_rules":[{"id":"77","tag":"mentions"}]}` + "\r\n"))
	if err != nil || sp.Post.ID != "9" || sp.Post.AuthorUsername != "ram" || len(sp.MatchingRules) != 1 || sp.MatchingRules[0].Tag != "mentions" {
		t.Fatalf("got %+v, %v", sp, err)
	}
	if _, err := DecodeStreamLine([]byte("\r\n")); !errors.Is(err, ErrKeepAlive) {
		t.Errorf("keep-alive: %v", err)
	}
	_, err = DecodeStreamLine([]byte(`{"errors":[{"title":"operational-disconnect","disconnect_type":"UpstreamOperationalDisconnect","detail":"This stream has been disconnected upstream for operational reasons.","type":"https://api.twitter.com/2/problems/operational-disconnect"}]}`))
	var d *DisconnectError
	if !errors.As(err, &d) {
		t.Errorf("disconnect notice: %v", err)
	}
	if _, err := DecodeStreamLine([]byte(`{"data":{"id":"9","te`)); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Errorf("cut line: %v", err)
	}
}
