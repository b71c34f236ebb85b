package open311_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"encoding/xml"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/auth"
	"github.com/shikayat/shikayat/internal/open311"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/storetest"
	"github.com/shikayat/shikayat/internal/triage"
	"github.com/shikayat/shikayat/internal/web"
)

type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }

// jobs records the jobs queued with complaints.
type jobs struct {
	mu   sync.Mutex
	list []shikayat.Job
}

func (j *jobs) InsertTx(_ context.Context, _ *sql.Tx, job shikayat.Job) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.list = append(j.list, job)
	return nil
}

// count counts the jobs that answer on X (SLA timers are not).
func (j *jobs) count() int {
	j.mu.Lock()
	defer j.mu.Unlock()
	n := 0
	for _, job := range j.list {
		if job.Kind != shikayat.JobSLA {
			n++
		}
	}
	return n
}

type fixture struct {
	db     *store.DB
	url    string
	jobs   *jobs
	tokens map[string]string // username → token
	codes  []string          // dockets of the complaints from X
	texts  []string          // their text and authors
}

func newFixture(t *testing.T, dsn string) *fixture {
	t.Helper()
	ctx := context.Background()
	clk := &clock{t: time.Date(2026, 3, 10, 6, 30, 0, 0, time.UTC)}
	db, err := store.Open(ctx, dsn, store.Options{Now: clk.Now})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	f := &fixture{db: db, jobs: &jobs{}, tokens: map[string]string{}}
	db.SetJobs(f.jobs)
	for _, u := range []*shikayat.User{
		{Username: "lko-desk", Role: shikayat.RoleDistrictOperator, UnitID: "district:162"},
		{Username: "hq-desk", Role: shikayat.RoleHQOperator, UnitID: shikayat.HQUnitID},
	} {
		if err := db.CreateUser(ctx, u, "x"); err != nil {
			t.Fatal(err)
		}
		token, hash, err := auth.NewToken()
		if err != nil {
			t.Fatal(err)
		}
		if err := db.CreateToken(ctx, u.Username, hash); err != nil {
			t.Fatal(err)
		}
		f.tokens[u.Username] = token
	}
	for i, p := range []struct{ id, text, author string }{
		{"1001", "मेरा फ़ोन हज़रतगंज में चोरी हो गया", "citizen_one"},
		{"1002", "Someone is threatening my family in Aminabad", "citizen_two"},
	} {
		c, _, err := db.CreateComplaint(ctx, shikayat.NewComplaint{
			SourcePostID: p.id, Text: p.text, AuthorUsername: p.author,
			Triage:  &shikayat.Triage{Urgency: shikayat.ClassMidTerm, Type: shikayat.Types[i], District: 162},
			Forward: true, NoAcknowledge: true,
		})
		if err != nil {
			t.Fatal(err)
		}
		f.codes = append(f.codes, c.Code)
		f.texts = append(f.texts, p.text, p.author)
	}
	tr, err := triage.New(triage.Options{})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := web.NewServer(logger, prometheus.NewRegistry())
	h := &open311.Handler{Store: db, Triager: tr, Logger: logger, BaseURL: "http://desk.example",
		Jurisdiction: "desk.example", Now: clk.Now}
	routes := web.Routes(web.Handlers{Track: &web.Tracker{Store: db, Server: srv}, Alerts: http.NotFoundHandler(), Open311: h})
	if err := srv.Mount(routes, web.Signin{Accounts: db}); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	t.Cleanup(ts.Close)
	f.url = ts.URL
	return f
}

// get fetches a path and returns the status and body.
func (f *fixture) get(t *testing.T, path string) (int, []byte) {
	t.Helper()
	resp, err := http.Get(f.url + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// post sends a form, with an Authorization header when bearer is set.
func (f *fixture) post(t *testing.T, path string, form url.Values, bearer string) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest("POST", f.url+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

type requestJSON struct {
	ID          string `json:"service_request_id" xml:"service_request_id"`
	Status      string `json:"status" xml:"status"`
	StatusNotes string `json:"status_notes" xml:"status_notes"`
	ServiceCode string `json:"service_code" xml:"service_code"`
	ServiceName string `json:"service_name" xml:"service_name"`
	Agency      string `json:"agency_responsible" xml:"agency_responsible"`
	Requested   string `json:"requested_datetime" xml:"requested_datetime"`
}

func decodeRequests(t *testing.T, body []byte) []requestJSON {
	t.Helper()
	var out []requestJSON
	if err := json.Unmarshal(body, &out); err != nil {
		t.Fatalf("%v: %s", err, body)
	}
	return out
}

func TestServices(t *testing.T) {
	doc := spec(t)
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newFixture(t, dsn())
		code, body := f.get(t, "/open311/v2/services.json")
		if code != http.StatusOK {
			t.Fatalf("%d %s", code, body)
		}
		validate(t, responseSchema(t, doc, "GET", "/services.{response_format}"), body)
		var list []struct {
			Code        string `json:"service_code"`
			Name        string `json:"service_name"`
			Description string `json:"description"`
		}
		json.Unmarshal(body, &list)
		if len(list) != len(shikayat.Types) {
			t.Fatalf("%d services, want one per complaint type (%d)", len(list), len(shikayat.Types))
		}
		if list[0].Code != "theft" || list[0].Name != "Theft" || !strings.Contains(list[0].Description, "चोरी") {
			t.Errorf("first service: %+v, want theft named in English and described in both languages", list[0])
		}

		t.Run("in Hindi", func(t *testing.T) {
			_, body := f.get(t, "/open311/v2/services.json?lang=hi")
			json.Unmarshal(body, &list)
			if list[0].Name != "चोरी" {
				t.Errorf("Hindi name of theft: %q", list[0].Name)
			}
		})
		t.Run("XML says the same under <services>", func(t *testing.T) {
			code, body := f.get(t, "/open311/v2/services.xml")
			var x struct {
				XMLName  xml.Name `xml:"services"`
				Services []struct {
					Code string `xml:"service_code"`
					Name string `xml:"service_name"`
				} `xml:"service"`
			}
			if err := xml.Unmarshal(body, &x); err != nil || code != http.StatusOK {
				t.Fatalf("%d %v: %s", code, err, body)
			}
			if len(x.Services) != len(shikayat.Types) || x.Services[0].Code != "theft" || x.Services[0].Name != "Theft" {
				t.Errorf("XML services: %+v", x.Services)
			}
		})
		t.Run("another jurisdiction is not served", func(t *testing.T) {
			code, body := f.get(t, "/open311/v2/services.json?jurisdiction_id=elsewhere.example")
			if code != http.StatusNotFound {
				t.Errorf("%d %s, want 404", code, body)
			}
			var e []struct {
				Code        int    `json:"code"`
				Description string `json:"description"`
			}
			if err := json.Unmarshal(body, &e); err != nil || len(e) != 1 || e[0].Code != 404 || e[0].Description == "" {
				t.Errorf("error answer %s, want [{code, description}]", body)
			}
			if code, _ := f.get(t, "/open311/v2/services.json?jurisdiction_id=desk.example"); code != http.StatusOK {
				t.Errorf("own jurisdiction_id: %d", code)
			}
		})
	})
}

func TestDiscovery(t *testing.T) {
	storetest.Each(t, func(t *testing.T, dsn func() string) {
		f := newFixture(t, dsn())
		code, body := f.get(t, "/open311/v2/discovery.json")
		var d struct {
			Endpoints []struct {
				Specification string   `json:"specification"`
				URL           string   `json:"url"`
				Formats       []string `json:"formats"`
			} `json:"endpoints"`
		}
		if err := json.Unmarshal(body, &d); err != nil || code != http.StatusOK || len(d.Endpoints) != 1 {
			t.Fatalf("%d %v: %s", code, err, body)
		}
		if e := d.Endpoints[0]; e.URL != "http://desk.example/open311/v2" || e.Specification != "http://wiki.open311.org/GeoReport_v2" || len(e.Formats) != 2 {
			t.Errorf("endpoint %+v", e)
		}
		code, body = f.get(t, "/open311/v2/discovery.xml")
		if code != http.StatusOK || !strings.Contains(string(body), "<discovery>") || !strings.Contains(string(body), "<format>text/xml</format>") {
			t.Errorf("%d %s", code, body)
		}
	})
}
