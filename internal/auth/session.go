package auth

import (
	"crypto/rand"
	"encoding/base64"
	"sync"
	"time"
)

// SessionCookie is the name of the cookie that holds a session id.
const SessionCookie = "shikayat_session"

// Sessions says how long a session lives.
type Sessions struct {
	// Idle ends a session not used for this long.
	Idle time.Duration
	// MaxAge ends a session this long after sign-in, used or not.
	MaxAge time.Duration
}

// DefaultSessions: an operator's night shift fits in one session; a desk
// left alone for two hours asks for the password again.
var DefaultSessions = Sessions{Idle: 2 * time.Hour, MaxAge: 12 * time.Hour}

// NewSessionID returns a new random session id for the cookie and the hash
// to store. Like a token, it has 256 random bits.
func NewSessionID() (id, hash string, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	id = base64.RawURLEncoding.EncodeToString(b[:])
	return id, TokenHash(id), nil
}

// Throttle limits guessing passwords: failed sign-ins are counted per
// account and per address over Window; at PerAccount failures the account
// is locked out, at PerAddress the address is, until the window has slid
// past the failures.
type Throttle struct {
	PerAccount int
	PerAddress int
	Window     time.Duration
}

// DefaultThrottle allows a few typing mistakes and stops guessing.
var DefaultThrottle = Throttle{PerAccount: 5, PerAddress: 20, Window: 15 * time.Minute}

// Refuses reports whether the counted failures lock the sign-in out.
func (t Throttle) Refuses(byAccount, byAddress int) bool {
	return byAccount >= t.PerAccount || byAddress >= t.PerAddress
}

// dummyHash is checked when the account does not exist, so that a wrong
// username takes as long as a wrong password.
var dummyHash = sync.OnceValue(func() string {
	h, _ := HashPassword("not-a-password-of-anyone")
	return h
})

// CheckUserPassword reports whether password matches hash, taking the time of
// a bcrypt check even when there is no hash (no such user).
func CheckUserPassword(hash, password string) bool {
	if hash == "" {
		CheckPassword(dummyHash(), password)
		return false
	}
	return CheckPassword(hash, password)
}
