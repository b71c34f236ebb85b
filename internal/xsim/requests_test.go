package xsim_test

import (
	"encoding/json"
	"fmt"
	"net/http/httptest"
	"testing"

	"github.com/shikayat/shikayat/internal/xsim"
)

// Requests counts what each endpoint received, refused ones too; an
// out_of_order fault hides the post its depth names until a later read.
func TestRequestsAndOutOfOrderDepth(t *testing.T) {
	sim := xsim.New(xsim.Options{})
	srv := httptest.NewServer(sim)
	defer srv.Close()
	var ids []string
	for i := 0; i < 30; i++ {
		id, err := sim.AddDraft(xsim.Draft{Username: "ram", Text: fmt.Sprintf("@Uppolice post %d", i)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	me := sim.Account().ID
	read := func() map[string]bool {
		code, body := do(t, srv, "GET", "/2/users/"+me+"/mentions?max_results=100", "")
		if code != 200 {
			t.Fatalf("mentions = %d %s", code, body)
		}
		var page struct{ Data []struct{ ID string } }
		json.Unmarshal(body, &page)
		got := map[string]bool{}
		for _, p := range page.Data {
			got[p.ID] = true
		}
		return got
	}
	if err := sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultOutOfOrder, Depth: 25}); err != nil {
		t.Fatal(err)
	}
	if got := read(); len(got) != 29 || got[ids[5]] {
		t.Fatalf("with the fault: %d posts, 25th newest shown: %v", len(got), got[ids[5]])
	}
	if got := read(); len(got) != 30 {
		t.Fatalf("after the fault: %d posts", len(got))
	}
	if code, _ := do(t, srv, "GET", "/2/users/by/username/nobody!", ""); code != 400 {
		t.Fatalf("bad username = %d", code)
	}
	if n, u := sim.Requests("mentions"), sim.Requests("users"); n != 2 || u != 1 {
		t.Fatalf("requests: mentions %d, users %d", n, u)
	}
	if err := sim.SetFault(xsim.Fault{Endpoint: "mentions", Kind: xsim.FaultOutOfOrder, Depth: -1}); err == nil {
		t.Fatal("a negative depth was accepted")
	}
}
