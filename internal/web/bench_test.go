package web_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/storetest"
)

// BenchmarkSignedInAPI measures a signed-in request through the whole
// stack (cross-origin check, session lookup, scope, store, JSON) with 2,000
// complaints in the signed-in district.
func BenchmarkSignedInAPI(b *testing.B) {
	for _, engine := range storetest.Engines() {
		b.Run(engine, func(b *testing.B) {
			f := newDesk(b, storetest.DSN(b, engine), "http://desk.example")
			ctx := context.Background()
			for i := range 2000 {
				c, _, err := f.db.CreateComplaint(ctx, shikayat.NewComplaint{SourcePostID: fmt.Sprint(50000 + i), Text: fmt.Sprintf("complaint %d about a stolen phone", i)})
				if err != nil {
					b.Fatal(err)
				}
				if i == 0 {
					f.codes["bench"] = c.Code
				}
			}
			if _, err := f.db.SQL().ExecContext(ctx, `UPDATE complaints SET unit_id = 'district:162', district = 162 WHERE unit_id = 'hq'`); err != nil {
				b.Fatal(err)
			}
			id := f.session(b, f.users[shikayat.RoleDistrictOperator])
			for name, target := range map[string]string{
				"list":   "/api/v1/complaints?page=3",
				"search": "/api/v1/complaints?q=stolen",
				"show":   "/api/v1/complaints/" + f.codes["bench"],
			} {
				b.Run(name, func(b *testing.B) {
					for b.Loop() {
						if rec := f.do("GET", target, "", "", id); rec.Code != http.StatusOK {
							b.Fatalf("%s = %d", target, rec.Code)
						}
					}
				})
			}
		})
	}
}
