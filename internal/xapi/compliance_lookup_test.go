package xapi

import (
	"context"
	"net/http"
	"net/http/httptest"
	"slices"
	"testing"
)

// TestLookupPostsCountsWithheldPostsGone: the lookup fallback treats a
// post X withholds because its author is protected or suspended as the
// compliance job does (action "delete"): gone from the desk.
func TestLookupPostsCountsWithheldPostsGone(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"data":[{"id":"1","text":"here"}],"errors":[
			{"value":"2","detail":"Could not find tweet with ids: [2].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"2","type":"https://api.twitter.com/2/problems/resource-not-found"},
			{"value":"3","detail":"Sorry, you are not authorized to see the Tweet with ids: [3].","title":"Authorization Error","resource_type":"tweet","parameter":"ids","resource_id":"3","type":"https://api.twitter.com/2/problems/not-authorized-for-resource"},
			{"value":"4","detail":"User has been suspended: [4].","title":"Forbidden","resource_type":"tweet","parameter":"ids","resource_id":"4","type":"https://api.twitter.com/2/problems/resource-unavailable"}]}`))
	}))
	defer srv.Close()
	gone, err := New(Options{BaseURL: srv.URL}).LookupPosts(context.Background(), []string{"1", "2", "3", "4"})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(gone)
	if !slices.Equal(gone, []string{"2", "3", "4"}) {
		t.Errorf("gone = %v, want 2 (deleted), 3 (protected) and 4 (suspended)", gone)
	}
}
