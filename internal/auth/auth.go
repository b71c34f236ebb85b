// Package auth holds the secrets of staff sign-in: password hashes (bcrypt,
// from golang.org/x/crypto) and API tokens.
package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"

	"github.com/shikayat/shikayat"
)

// MinPasswordLength is the shortest password accepted.
const MinPasswordLength = 10

// HashPassword checks a new password and returns its bcrypt hash.
func HashPassword(password string) (string, error) {
	switch {
	case !utf8.ValidString(password):
		return "", shikayat.Errorf(shikayat.EINVALID, "The password must be valid UTF-8.")
	case utf8.RuneCountInString(password) < MinPasswordLength:
		return "", shikayat.Errorf(shikayat.EINVALID, "The password must have at least %d characters.", MinPasswordLength)
	case len(password) > 72:
		// bcrypt reads only the first 72 bytes; refuse rather than ignore the rest.
		return "", shikayat.Errorf(shikayat.EINVALID, "The password must be at most 72 bytes.")
	}
	h, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
	if err != nil {
		return "", err
	}
	return string(h), nil
}

// CheckPassword reports whether password matches hash.
func CheckPassword(hash, password string) bool {
	if hash == "" {
		return false
	}
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(password))
	return err == nil
}

// NewToken returns a new random API token and the hash to store. The token
// is shown once; only its hash is kept.
func NewToken() (token, hash string, err error) {
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", "", err
	}
	token = "shk_" + base64.RawURLEncoding.EncodeToString(b[:])
	return token, TokenHash(token), nil
}

// TokenHash is how a token is stored and looked up: its SHA-256, in hex. A
// token has 256 random bits, so a fast hash is enough.
func TokenHash(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}
