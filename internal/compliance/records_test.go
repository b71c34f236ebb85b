package compliance_test

import (
	"context"
	"slices"
	"sort"
	"strconv"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/compliance"
	"github.com/shikayat/shikayat/internal/xapi"
)

// memStore is the desk's side in memory: the ids it holds and what the
// check asked of them.
type memStore struct {
	ids                []string
	redacted, scrubbed []string
	cursor             string
	retryAt            string
	tries              int
}

func (f *memStore) UnredactedPostIDs(_ context.Context, _ time.Time, after string, limit int) ([]string, error) {
	var out []string
	a, _ := strconv.Atoi(after)
	for _, id := range f.ids {
		if b, _ := strconv.Atoi(id); after != "" && b <= a {
			continue
		}
		if len(out) < limit {
			out = append(out, id)
		}
	}
	return out, nil
}

func (f *memStore) RedactDeletedPosts(_ context.Context, ids []string) (int, error) {
	f.redacted = append(f.redacted, ids...)
	return len(ids), nil
}

func (f *memStore) ScrubGeo(_ context.Context, ids []string) (int, error) {
	f.scrubbed = append(f.scrubbed, ids...)
	return len(ids), nil
}

func (f *memStore) ScrubLostGeo(context.Context, []string) (int, error) { return 0, nil }

func (f *memStore) MarkWithheld(context.Context, []string, string) (int, error) { return 0, nil }

func (f *memStore) ComplianceCursor(context.Context) (string, error) { return f.cursor, nil }

func (f *memStore) SetComplianceCursor(_ context.Context, after string) error {
	f.cursor = after
	return nil
}

func (f *memStore) ComplianceRetry(context.Context) (string, int, error) {
	return f.retryAt, f.tries, nil
}

func (f *memStore) SetComplianceRetry(_ context.Context, after string, tries int) error {
	f.retryAt, f.tries = after, tries
	return nil
}

// scriptedX is X's side: job n (from 1) gets the status status(n) and,
// once complete, the result result(n, the ids uploaded to it).
type scriptedX struct {
	n       int
	uploads [][]string
	result  func(job int, ids []string) []xapi.ComplianceRecord
	status  func(job int) string
}

func (x *scriptedX) CreateComplianceJob(context.Context, string) (*xapi.ComplianceJob, error) {
	x.n++
	id := strconv.Itoa(x.n)
	return &xapi.ComplianceJob{ID: id, UploadURL: id, DownloadURL: id, Status: "created"}, nil
}

func (x *scriptedX) UploadComplianceIDs(_ context.Context, _ string, ids []string) error {
	x.uploads = append(x.uploads, slices.Clone(ids))
	return nil
}

func (x *scriptedX) ComplianceJob(_ context.Context, id string) (*xapi.ComplianceJob, error) {
	n, _ := strconv.Atoi(id)
	st := "complete"
	if x.status != nil {
		st = x.status(n)
	}
	return &xapi.ComplianceJob{ID: id, Status: st, DownloadURL: id}, nil
}

func (x *scriptedX) DownloadComplianceResult(_ context.Context, u string) ([]xapi.ComplianceRecord, error) {
	n, _ := strconv.Atoi(u)
	return x.result(n, x.uploads[n-1]), nil
}

func (x *scriptedX) LookupPosts(context.Context, []string) (*xapi.Lookup, error) {
	return &xapi.Lookup{}, nil
}

// TestCheckerActsOnlyOnAskedPosts: a job's result naming a post that was
// not uploaded to that job (another batch's post, or one the desk never
// named) is dropped and logged; only the job's own posts are redacted.
func TestCheckerActsOnlyOnAskedPosts(t *testing.T) {
	st := &memStore{ids: []string{"101", "102", "103", "104"}}
	x := &scriptedX{result: func(job int, ids []string) []xapi.ComplianceRecord {
		if job == 1 { // given 101 and 102
			return []xapi.ComplianceRecord{
				{ID: "102", Action: "delete", Reason: "deleted"},
				{ID: "104", Action: "delete", Reason: "deleted"},
				{ID: "999", Action: "delete", Reason: "deleted"},
				{ID: "103", Action: "delete", Reason: "scrub_geo"},
			}
		}
		return nil
	}}
	c := &compliance.Checker{Store: st, X: x, JobIDs: 2, Sleeper: &noSleep{}}
	res, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(st.redacted, []string{"102"}) || len(st.scrubbed) != 0 {
		t.Errorf("redacted %v, scrubbed %v; want only 102 redacted", st.redacted, st.scrubbed)
	}
	if res.Redacted != 1 || res.Foreign != 3 {
		t.Errorf("result %+v, want 1 redacted and 3 foreign records", res)
	}
}

// TestCheckerContradictoryRecords: a scrub of the location only for
// action delete with reason exactly scrub_geo; a reason saying the post
// or its author is gone redacts whatever the action says.
func TestCheckerContradictoryRecords(t *testing.T) {
	st := &memStore{ids: []string{"101", "102", "103", "104", "105", "106"}}
	x := &scriptedX{result: func(int, []string) []xapi.ComplianceRecord {
		return []xapi.ComplianceRecord{
			{ID: "101", Action: "scrub_geo", Reason: "deleted"},
			{ID: "102", Action: "Delete", Reason: "deleted"},
			{ID: "103", Action: "DELETE", Reason: "scrub_geo"},
			{ID: "104", Action: "withheld", Reason: "Suspended"},
			{ID: "105", Action: "delete", Reason: "SCRUB_GEO"},
			{ID: "106", Action: "scrub_geo", Reason: ""},
		}
	}}
	c := &compliance.Checker{Store: st, X: x, Sleeper: &noSleep{}}
	res, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(st.redacted)
	if want := []string{"101", "102", "104", "105"}; !slices.Equal(st.redacted, want) {
		t.Errorf("redacted %v, want %v", st.redacted, want)
	}
	if want := []string{"103"}; !slices.Equal(st.scrubbed, want) {
		t.Errorf("scrubbed %v, want %v", st.scrubbed, want)
	}
	if res.Other != 1 {
		t.Errorf("result %+v, want the one record without a reason logged as other", res)
	}
}

// TestCheckerStuckJobHoldsUpNothing: a job still in_progress when the
// wait runs out is recorded like a failed one; the later batches are
// checked and the run fails at the end so that it is retried.
func TestCheckerStuckJobHoldsUpNothing(t *testing.T) {
	st := &memStore{ids: []string{"101", "102", "103", "104"}}
	x := &scriptedX{status: func(job int) string {
		if job == 1 {
			return "in_progress"
		}
		return "complete"
	}, result: func(_ int, ids []string) []xapi.ComplianceRecord {
		return []xapi.ComplianceRecord{{ID: ids[0], Action: "delete", Reason: "deleted"}}
	}}
	c := &compliance.Checker{Store: st, X: x, JobIDs: 2, Sleeper: &noSleep{}, PollEvery: time.Minute, MaxWait: 3 * time.Minute}
	res, err := c.Run(context.Background())
	if err == nil {
		t.Error("a run with a job still in progress succeeded; it must fail to be retried")
	}
	if x.n != 2 || !slices.Equal(st.redacted, []string{"103"}) {
		t.Errorf("%d jobs, redacted %v; want the second batch checked and 103 redacted", x.n, st.redacted)
	}
	if !slices.Equal(res.Failed, []string{"1"}) {
		t.Errorf("failed jobs %v, want [1]", res.Failed)
	}
}
