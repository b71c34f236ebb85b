package shikayat

import "context"

// Staff is the member of staff a request acts for, with its unit and the
// scope it may see. Middleware sets it once per request; handlers read it
// and pass its Scope to every store call.
type Staff struct {
	User  *User
	Unit  *Unit
	Scope Scope
	// Via says how the request signed in: "session" or "token".
	Via string
}

// Actor returns the actor the staff member's actions are recorded as.
func (s *Staff) Actor() Actor { return ActorFor(s.User, s.Unit) }

type staffKey struct{}

// NewContextWithStaff returns a context that carries s.
func NewContextWithStaff(ctx context.Context, s *Staff) context.Context {
	return context.WithValue(ctx, staffKey{}, s)
}

// StaffFromContext returns the member of staff in ctx, nil when the request
// is not signed in.
func StaffFromContext(ctx context.Context) *Staff {
	s, _ := ctx.Value(staffKey{}).(*Staff)
	return s
}
