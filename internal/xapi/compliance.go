package xapi

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/shikayat/shikayat"
)

// X's batch compliance: the desk names the posts it holds (a compliance
// job of type "tweets": create it, upload the ids to its upload_url, wait
// until its status is "complete", download the result from download_url),
// and X answers with those that were deleted (or whose author's account
// was), one JSON object a line. An app without access to compliance jobs
// gets 403; it can look posts up instead (LookupPosts), 100 at a time.

// Endpoints of batch compliance and of the posts lookup.
const (
	EndpointComplianceCreate = "POST /2/compliance/jobs"
	EndpointComplianceJob    = "GET /2/compliance/jobs/:id"
	EndpointComplianceList   = "GET /2/compliance/jobs"
	EndpointComplianceUpload = "PUT upload_url"
	EndpointComplianceResult = "GET download_url"
	EndpointLookupPosts      = "GET /2/tweets"
)

// ComplianceJob is X's compliance job object.
type ComplianceJob struct {
	ID                string `json:"id"`
	Type              string `json:"type"`
	Name              string `json:"name,omitempty"`
	Status            string `json:"status"` // created, in_progress, failed, complete, expired
	CreatedAt         string `json:"created_at"`
	UploadURL         string `json:"upload_url"`
	UploadExpiresAt   string `json:"upload_expires_at"`
	DownloadURL       string `json:"download_url"`
	DownloadExpiresAt string `json:"download_expires_at"`
}

type complianceAnswer struct {
	Data   *ComplianceJob `json:"data"`
	Errors []Problem      `json:"errors"`
}

// CreateComplianceJob creates a compliance job of type "tweets".
func (c *Client) CreateComplianceJob(ctx context.Context, name string) (*ComplianceJob, error) {
	var a complianceAnswer
	r := request{endpoint: EndpointComplianceCreate, method: http.MethodPost, path: "/2/compliance/jobs",
		body: map[string]any{"type": "tweets", "name": name}}
	if err := c.send(ctx, r, &a); err != nil {
		return nil, err
	}
	return jobOf(r.endpoint, &a)
}

// ComplianceJob reads a compliance job's status.
func (c *Client) ComplianceJob(ctx context.Context, id string) (*ComplianceJob, error) {
	if !isID(id) {
		return nil, shikayat.Errorf(shikayat.EINVALID, "compliance job id %q is not a number", clip(id))
	}
	var a complianceAnswer
	r := request{endpoint: EndpointComplianceJob, path: "/2/compliance/jobs/" + id}
	if err := c.get(ctx, r, &a); err != nil {
		return nil, err
	}
	return jobOf(r.endpoint, &a)
}

func jobOf(endpoint string, a *complianceAnswer) (*ComplianceJob, error) {
	if a.Data == nil || a.Data.ID == "" {
		return nil, &APIError{Endpoint: endpoint, Status: http.StatusOK, Problems: a.Errors, Body: "no compliance job in the answer"}
	}
	return a.Data, nil
}

// UploadComplianceIDs uploads the post ids, one a line, to a job's
// upload_url (a pre-signed URL: no credentials go with it).
func (c *Client) UploadComplianceIDs(ctx context.Context, uploadURL string, ids []string) error {
	var b bytes.Buffer
	for _, id := range ids {
		b.WriteString(id)
		b.WriteByte('\n')
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPut, uploadURL, &b)
	if err != nil {
		return fmt.Errorf("x: %s: %w", EndpointComplianceUpload, err)
	}
	req.Header.Set("Content-Type", "text/plain")
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("x: %s: %w", EndpointComplianceUpload, err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
	if resp.StatusCode >= 300 {
		return &APIError{Endpoint: EndpointComplianceUpload, Status: resp.StatusCode, Body: clip(strings.TrimSpace(string(data)))}
	}
	return nil
}

// DownloadComplianceResult reads a complete job's result from its
// download_url and parses it.
func (c *Client) DownloadComplianceResult(ctx context.Context, downloadURL string) ([]ComplianceRecord, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, downloadURL, nil)
	if err != nil {
		return nil, fmt.Errorf("x: %s: %w", EndpointComplianceResult, err)
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("x: %s: %w", EndpointComplianceResult, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		data, _ := io.ReadAll(io.LimitReader(resp.Body, 4096))
		return nil, &APIError{Endpoint: EndpointComplianceResult, Status: resp.StatusCode, Body: clip(strings.TrimSpace(string(data)))}
	}
	recs, err := ParseComplianceResult(io.LimitReader(resp.Body, 1<<30))
	if err != nil {
		return nil, fmt.Errorf("x: %s: %w", EndpointComplianceResult, err)
	}
	return recs, nil
}

// ComplianceRecord is one line of a compliance job's result: a post the
// desk named that X says must go, or must lose its location.
type ComplianceRecord struct {
	ID         string `json:"id"`
	Action     string `json:"action"` // "delete" (X documents no other for posts)
	CreatedAt  string `json:"created_at,omitempty"`
	RedactedAt string `json:"redacted_at,omitempty"`
	Reason     string `json:"reason,omitempty"` // deleted, deactivated, suspended, protected, bounced, scrub_geo
	// WithheldInCountries are the countries (ISO codes) X withholds the
	// post in, for a record of a post or author withheld.
	WithheldInCountries []string `json:"withheld_in_countries,omitempty"`
}

// withheldKinds are the actions or reasons of a record of a post (or its
// author) X withholds in some countries.
var withheldKinds = []string{"withheld", "tweet_withheld", "user_withheld"}

// Withheld reports whether X withholds the post (or its author) in some
// countries, WithheldInCountries, and nothing says it must go.
func (r ComplianceRecord) Withheld() bool {
	if r.Delete() || r.ScrubGeo() {
		return false
	}
	for _, k := range withheldKinds {
		if strings.EqualFold(r.Action, k) || strings.EqualFold(r.Reason, k) {
			return true
		}
	}
	return false
}

// ScrubGeo reports whether only the post's location must go: its author
// removed it on X. X lists it as action "delete" (any case) with reason
// exactly "scrub_geo"; nothing else is taken for a scrub, so a record
// that also says the post is gone is a deletion.
func (r ComplianceRecord) ScrubGeo() bool {
	return strings.EqualFold(r.Action, "delete") && r.Reason == "scrub_geo"
}

// goneReasons are the reasons that say the post or its author is gone
// from X: the post is redacted whatever the record's action says.
var goneReasons = []string{"deleted", "suspended", "protected", "deactivated", "bounced"}

// Delete reports whether the post must be removed from the desk: its
// reason says it is gone (any case, whatever the action), or its action is
// "delete" (any case) and it is not a scrub of the location.
func (r ComplianceRecord) Delete() bool {
	for _, g := range goneReasons {
		if strings.EqualFold(r.Reason, g) {
			return true
		}
	}
	return strings.EqualFold(r.Action, "delete") && !r.ScrubGeo()
}

// ParseComplianceResult reads a compliance job's result: newline-delimited
// JSON, one object a line, blank lines skipped. A line that is not an
// object with a post id is an invalid error naming the line: the desk
// must not skip what it does not understand.
func ParseComplianceResult(r io.Reader) ([]ComplianceRecord, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), 1<<20)
	var out []ComplianceRecord
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var rec ComplianceRecord
		if err := json.Unmarshal(line, &rec); err != nil {
			return nil, shikayat.Errorf(shikayat.EINVALID, "compliance result line %d: %s", n, jsonErrorText(err))
		}
		if !isID(rec.ID) {
			return nil, shikayat.Errorf(shikayat.EINVALID, "compliance result line %d: %q is not a post id", n, clip(rec.ID))
		}
		if rec.Action == "" {
			return nil, shikayat.Errorf(shikayat.EINVALID, "compliance result line %d: no action", n)
		}
		out = append(out, rec)
	}
	if err := sc.Err(); err != nil {
		return nil, shikayat.Errorf(shikayat.EINVALID, "compliance result: %v", err)
	}
	return out, nil
}

// Lookup is what a posts lookup says of the posts asked.
type Lookup struct {
	// Gone are the posts X says do not exist (deleted: a "not found"
	// error for the id) or withholds because their author is protected or
	// suspended, as a compliance job lists them with action "delete".
	Gone []string
	// NoGeo are the posts found without a location: one the desk holds a
	// location for had it removed by its author (X's scrub_geo).
	NoGeo []string
	// Withheld are the posts found that X withholds in some countries:
	// post id → the countries (ISO codes, as X gives them).
	Withheld map[string][]string
}

// LookupPosts looks up to 100 posts up by id, asking for their location
// and what X withholds of them.
func (c *Client) LookupPosts(ctx context.Context, ids []string) (*Lookup, error) {
	if len(ids) == 0 || len(ids) > 100 {
		return nil, shikayat.Errorf(shikayat.EINVALID, "look up 1 to 100 posts at a time, not %d", len(ids))
	}
	for _, id := range ids {
		if !isID(id) {
			return nil, shikayat.Errorf(shikayat.EINVALID, "post id %q is not a number", clip(id))
		}
	}
	var a struct {
		Data   []Tweet   `json:"data"`
		Errors []Problem `json:"errors"`
	}
	r := request{endpoint: EndpointLookupPosts, path: "/2/tweets", query: url.Values{
		"ids": {strings.Join(ids, ",")}, "tweet.fields": {"geo,withheld"}}}
	if err := c.get(ctx, r, &a); err != nil {
		return nil, err
	}
	return lookupAnswer(ids, a.Data, a.Errors), nil
}

// lookupAnswer sorts a lookup's answer about ids; posts not asked about
// are left out.
func lookupAnswer(ids []string, data []Tweet, problems []Problem) *Lookup {
	out := &Lookup{Withheld: map[string][]string{}}
	asked := map[string]bool{}
	for _, id := range ids {
		asked[id] = true
	}
	for _, p := range problems {
		id := p.ResourceID
		if id == "" {
			if s, ok := p.Value.(string); ok {
				id = s
			}
		}
		if asked[id] && withheld(p.Type) {
			out.Gone = append(out.Gone, id)
			asked[id] = false
		}
	}
	for _, t := range data {
		if !asked[t.ID] {
			continue
		}
		asked[t.ID] = false
		if t.Geo == nil || (t.Geo.PlaceID == "" && t.Geo.Coordinates == nil) {
			out.NoGeo = append(out.NoGeo, t.ID)
		}
		if t.Withheld != nil && len(t.Withheld.CountryCodes) > 0 {
			out.Withheld[t.ID] = t.Withheld.CountryCodes
		}
	}
	return out
}

// withheld tells whether a lookup's error type says the post is gone for
// the desk: deleted, its author protected (not authorised) or suspended
// (unavailable).
func withheld(problemType string) bool {
	for _, t := range []string{"/resource-not-found", "/not-authorized-for-resource", "/resource-unavailable"} {
		if strings.HasSuffix(problemType, t) {
			return true
		}
	}
	return false
}
