package xapi

import (
	"context"
	"encoding/json"
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
	l, err := New(Options{BaseURL: srv.URL}).LookupPosts(context.Background(), []string{"1", "2", "3", "4"})
	if err != nil {
		t.Fatal(err)
	}
	gone := l.Gone
	slices.Sort(gone)
	if !slices.Equal(gone, []string{"2", "3", "4"}) {
		t.Errorf("gone = %v, want 2 (deleted), 3 (protected) and 4 (suspended)", gone)
	}
}

// FuzzLookupAnswer: whatever X answers to a posts lookup, only the posts
// asked about are named, each once, and none both gone and found.
func FuzzLookupAnswer(f *testing.F) {
	f.Add(`{"data":[{"id":"1","text":"here","geo":{"place_id":"p"}},{"id":"5","text":"w","withheld":{"country_codes":["IN"]}}],"errors":[{"value":"2","resource_id":"2","type":"https://api.twitter.com/2/problems/resource-not-found"}]}`)
	f.Add(`{"data":[{"id":"1"},{"id":"1"},{"id":"9"}],"errors":[{"value":"1","type":"x/resource-unavailable"}]}`)
	f.Add(`{"data":[{"id":"3","geo":{}}]}`)
	f.Fuzz(func(t *testing.T, body string) {
		var a struct {
			Data   []Tweet   `json:"data"`
			Errors []Problem `json:"errors"`
		}
		if json.Unmarshal([]byte(body), &a) != nil {
			return
		}
		ids := []string{"1", "2", "3", "4", "5"}
		l := lookupAnswer(ids, a.Data, a.Errors)
		seen := map[string]int{}
		for _, id := range append(append([]string{}, l.Gone...), l.NoGeo...) {
			if !slices.Contains(ids, id) {
				t.Fatalf("%q named but not asked: %+v", id, l)
			}
			if seen[id]++; seen[id] > 1 {
				t.Fatalf("%q named twice: %+v", id, l)
			}
		}
		for id := range l.Withheld {
			if !slices.Contains(ids, id) || slices.Contains(l.Gone, id) {
				t.Fatalf("withheld %q not asked, or gone: %+v", id, l)
			}
		}
	})
}
