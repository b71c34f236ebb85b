package intake_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/shikayat/shikayat/internal/xsim"
)

var benchTexts = []string{
	"@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक UP32 AB %d चोरी हो गई, कृपया FIR दर्ज करें",
	"@Uppolice meri behen ko Kanpur mein college ke bahar roz ek ladka pareshan karta hai, number %d",
	"@Uppolice UPI fraud of Rs %d from my account in Varanasi, the caller said he was from the bank",
	"@Uppolice Noida sector 62 ke paas roz jam lagta hai, koi traffic police nahi hoti %d",
}

// BenchmarkIntake measures intake from X to the desk: reading mentions from
// xsim over HTTP, triage, and storing each complaint with its event and its
// queued acknowledgement, on SQLite. One operation is one post.
func BenchmarkIntake(b *testing.B) {
	ctx := context.Background()
	r := newRig(b, "sqlite:"+b.TempDir()+"/bench.db", xsim.Options{MentionsReach: b.N + 1000})
	r.p.LeaseTTL = time.Hour
	for i := 0; i < b.N; i++ {
		if _, err := r.sim.AddDraft(xsim.Draft{Username: fmt.Sprintf("citizen%d", i%500), Text: fmt.Sprintf(benchTexts[i%len(benchTexts)], 1000+i)}); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	if err := r.p.PollOnce(ctx); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	var n int
	r.db.SQL().QueryRow(`SELECT count(*) FROM posts`).Scan(&n)
	if n != b.N {
		b.Fatalf("%d posts recorded, want %d", n, b.N)
	}
}
