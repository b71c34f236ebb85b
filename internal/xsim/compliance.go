package xsim

import (
	"bufio"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/shikayat/shikayat/internal/xapi"
)

// Deleted posts and X's batch compliance. `DELETE /_sim/posts/{id}`
// deletes a post as its author would: it leaves every timeline and the
// posts lookup, and compliance jobs name it. Compliance jobs of type
// "tweets" answer as X's do: POST /2/compliance/jobs gives an upload_url
// and a download_url the simulator serves itself; once ids are uploaded
// the job is in_progress, and complete when next read; the result names
// each uploaded id that was deleted, one JSON object a line.
// `POST /_sim/compliance` with {"forbidden": true} makes the compliance
// endpoints answer 403, as X does to an app without access to them; the
// other kinds of compliance data are in compliance_events.go.

// simJob is a compliance job and what was uploaded to it.
type simJob struct {
	job      xapi.ComplianceJob
	ids      []string
	uploaded bool
}

// deletedPost is what the simulator keeps of a deleted post.
type deletedPost struct {
	createdAt string
	at        time.Time
}

// DeletePost deletes a post as its author would on X. It reports whether
// the post existed.
func (s *Server) DeletePost(id string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.posts[id]
	if t == nil {
		return false
	}
	delete(s.posts, id)
	drop := func(ids []string) []string { return slices.DeleteFunc(ids, func(x string) bool { return x == id }) }
	s.timeline = drop(s.timeline)
	s.byAuthor[t.AuthorID] = drop(s.byAuthor[t.AuthorID])
	for k, ids := range s.mentions {
		s.mentions[k] = drop(ids)
	}
	for k, ids := range s.replies {
		s.replies[k] = drop(ids)
	}
	delete(s.replies, id)
	s.deleted[id] = deletedPost{createdAt: t.CreatedAt, at: s.now()}
	return true
}

func (s *Server) simDeletePost(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !s.DeletePost(id) {
		writeProblem(w, http.StatusNotFound, problem("about:blank", "Not Found", "No post "+id+"."))
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": map[string]bool{"deleted": true}})
}

// SetComplianceForbidden makes the compliance endpoints answer 403 (true)
// or work (false).
func (s *Server) SetComplianceForbidden(forbidden bool) {
	s.mu.Lock()
	s.complianceForbidden = forbidden
	s.mu.Unlock()
}

func (s *Server) simCompliance(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Forbidden *bool                   `json:"forbidden"`
		FailNext  int                     `json:"fail_next"`
		FailAs    string                  `json:"fail_as"`
		ScrubGeo  []string                `json:"scrub_geo"`
		Users     map[string]string       `json:"users"`
		Records   []xapi.ComplianceRecord `json:"records"`
	}
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<16))
	dec.DisallowUnknownFields() // a mistyped key is refused, not taken as nothing asked
	if err := dec.Decode(&body); err != nil {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "compliance: "+err.Error()))
		return
	}
	if body.FailNext < 0 || (body.FailNext > 0 && body.FailAs != "failed" && body.FailAs != "expired") {
		writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", `compliance: fail_next needs fail_as "failed" or "expired"`))
		return
	}
	// Every part is checked before any is applied.
	for _, rec := range body.Records {
		if !isDigits(rec.ID) || rec.Action == "" {
			writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "compliance: a record needs a post id and an action"))
			return
		}
	}
	s.mu.Lock()
	for _, id := range body.ScrubGeo {
		if s.posts[id] == nil {
			s.mu.Unlock()
			writeProblem(w, http.StatusNotFound, problem("about:blank", "Not Found", "No post "+id+"."))
			return
		}
	}
	for name, state := range body.Users {
		if _, ok := s.usernames[strings.ToLower(name)]; !ok || (state != "" && !slices.Contains(userStates, state)) {
			s.mu.Unlock()
			writeProblem(w, http.StatusBadRequest, problem("invalid-request", "Invalid Request", "compliance: no user "+name+" or no state "+state))
			return
		}
	}
	s.mu.Unlock()
	if body.Forbidden != nil {
		s.SetComplianceForbidden(*body.Forbidden)
	}
	if body.FailNext > 0 {
		s.FailComplianceJobs(body.FailAs, body.FailNext)
	}
	for _, id := range body.ScrubGeo {
		s.ScrubGeo(id)
	}
	for name, state := range body.Users {
		s.SetUserState(name, state)
	}
	for _, rec := range body.Records {
		s.SetComplianceRecord(rec.ID, rec.Action, rec.Reason)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": body})
}

func forbiddenProblem() problemBody {
	return problem("client-forbidden", "Client Forbidden",
		"This request must be made using an approved developer account that is enrolled in the requested endpoint.")
}

func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) postComplianceJob(r *http.Request, _ *Fault) (int, any) {
	var req struct {
		Type      string `json:"type"`
		Name      string `json:"name"`
		Resumable bool   `json:"resumable"`
	}
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<12)).Decode(&req); err != nil {
		return http.StatusBadRequest, problem("invalid-request", "Invalid Request", "One or more parameters to your request was invalid. "+err.Error())
	}
	if req.Type != "tweets" && req.Type != "users" {
		return http.StatusBadRequest, invalidParam("type", req.Type, "The `type` value ["+req.Type+"] is not one of [tweets,users]")
	}
	if len(req.Name) > 64 {
		return http.StatusBadRequest, invalidParam("name", req.Name, "The `name` value is longer than 64 characters")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.complianceForbidden {
		return http.StatusForbidden, forbiddenProblem()
	}
	now := s.now().UTC()
	id := s.newIDLocked()
	base := baseURL(r)
	j := &simJob{job: xapi.ComplianceJob{
		ID: id, Type: req.Type, Name: req.Name, Status: "created",
		CreatedAt:         now.Format("2006-01-02T15:04:05.000Z"),
		UploadURL:         base + "/_sim/compliance/upload/" + id,
		UploadExpiresAt:   now.Add(15 * time.Minute).Format("2006-01-02T15:04:05.000Z"),
		DownloadURL:       base + "/_sim/compliance/download/" + id,
		DownloadExpiresAt: now.Add(7 * 24 * time.Hour).Format("2006-01-02T15:04:05.000Z"),
	}}
	s.jobs[id] = j
	return http.StatusOK, map[string]any{"data": j.job}
}

// readJobLocked answers a job as it stands, moving an uploaded job on: in
// progress when uploaded, complete when read after that.
func (s *Server) readJobLocked(j *simJob) xapi.ComplianceJob {
	out := j.job
	if j.uploaded && j.job.Status == "in_progress" {
		j.job.Status = "complete"
	}
	return out
}

func (s *Server) getComplianceJob(r *http.Request, _ *Fault) (int, any) {
	id := r.PathValue("id")
	if !isDigits(id) {
		return http.StatusBadRequest, invalidParam("id", id, "The `id` query parameter value ["+id+"] does not match ^[0-9]{1,19}$")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.complianceForbidden {
		return http.StatusForbidden, forbiddenProblem()
	}
	j := s.jobs[id]
	if j == nil {
		return http.StatusOK, map[string]any{"errors": []xapi.Problem{notFound("compliance_job", "id", id, "Could not find compliance job with id: ["+id+"].")}}
	}
	return http.StatusOK, map[string]any{"data": s.readJobLocked(j)}
}

func (s *Server) getComplianceJobs(r *http.Request, _ *Fault) (int, any) {
	q := r.URL.Query()
	for k := range q {
		if !slices.Contains([]string{"type", "status", "compliance_job.fields"}, k) {
			return http.StatusBadRequest, invalidParam(k, q.Get(k), "The query parameter ["+k+"] is not one of [type,status,compliance_job.fields]")
		}
	}
	typ := q.Get("type")
	if typ != "tweets" && typ != "users" {
		return http.StatusBadRequest, invalidParam("type", typ, "The `type` query parameter value ["+typ+"] is not one of [tweets,users]")
	}
	if st := q.Get("status"); q.Has("status") && !slices.Contains([]string{"created", "in_progress", "failed", "complete"}, st) {
		return http.StatusBadRequest, invalidParam("status", st, "The `status` query parameter value ["+st+"] is not one of [created,in_progress,failed,complete]")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.complianceForbidden {
		return http.StatusForbidden, forbiddenProblem()
	}
	var out []xapi.ComplianceJob
	for _, j := range s.jobs {
		if j.job.Type == typ && (q.Get("status") == "" || q.Get("status") == j.job.Status) {
			out = append(out, s.readJobLocked(j))
		}
	}
	slices.SortFunc(out, func(a, b xapi.ComplianceJob) int {
		if idLess(a.ID, b.ID) {
			return -1
		}
		return 1
	})
	body := map[string]any{"meta": map[string]int{"result_count": len(out)}}
	if len(out) > 0 {
		body["data"] = out
	}
	return http.StatusOK, body
}

// simUpload takes the ids of a job, one a line, as X's pre-signed upload
// URL does.
func (s *Server) simUpload(w http.ResponseWriter, r *http.Request) {
	var ids []string
	sc := bufio.NewScanner(http.MaxBytesReader(w, r.Body, 64<<20))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if !isDigits(line) {
			http.Error(w, "line "+strconv.Itoa(len(ids)+1)+" is not an id", http.StatusBadRequest)
			return
		}
		ids = append(ids, line)
	}
	if err := sc.Err(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobs[r.PathValue("id")]
	if j == nil || j.uploaded {
		http.Error(w, "no such upload", http.StatusNotFound)
		return
	}
	j.ids, j.uploaded, j.job.Status = ids, true, "in_progress"
	if s.failJobs > 0 {
		s.failJobs--
		j.job.Status = s.failAs
	}
	w.WriteHeader(http.StatusOK)
}

// simDownload answers a complete job's result.
func (s *Server) simDownload(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	j := s.jobs[r.PathValue("id")]
	if j == nil || j.job.Status != "complete" {
		http.Error(w, "no such result", http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	enc := json.NewEncoder(w)
	for _, id := range j.ids {
		for _, rec := range s.complianceRecordsLocked(id) {
			_ = enc.Encode(rec)
		}
	}
}

var lookupParams = append([]string{"ids"}, postParams...)

// getTweets answers GET /2/tweets?ids=: the posts that exist, and a "not
// found" error for each that does not (deleted, or never posted).
func (s *Server) getTweets(r *http.Request, _ *Fault) (int, any) {
	q := r.URL.Query()
	sel, p := checkQuery(q, lookupParams, false)
	if p != nil {
		return http.StatusBadRequest, *p
	}
	ids := strings.Split(q.Get("ids"), ",")
	if q.Get("ids") == "" || len(ids) > 100 {
		return http.StatusBadRequest, invalidParam("ids", q.Get("ids"), "The `ids` query parameter value must hold 1 to 100 ids")
	}
	for _, id := range ids {
		if !isDigits(id) {
			return http.StatusBadRequest, invalidParam("ids", id, "The `ids` query parameter value ["+id+"] does not match ^[0-9]{1,19}$")
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var found []*xapi.Tweet
	var errs []xapi.Problem
	for _, id := range ids {
		if t := s.posts[id]; t != nil {
			if p, gone := s.lookupProblemLocked(t); gone {
				errs = append(errs, p)
			} else {
				found = append(found, t)
			}
		} else {
			errs = append(errs, notFound("tweet", "ids", id, "Could not find tweet with ids: ["+id+"]."))
		}
	}
	body := map[string]any{}
	if len(found) > 0 {
		data := make([]xapi.Tweet, 0, len(found))
		for _, t := range found {
			data = append(data, renderTweet(t, sel.tweet))
		}
		body["data"] = data
		inc, ierrs := s.includesLocked(found, sel)
		if inc != nil {
			body["includes"] = inc
		}
		errs = append(errs, ierrs...)
	}
	if len(errs) > 0 {
		body["errors"] = errs
	}
	return http.StatusOK, body
}
