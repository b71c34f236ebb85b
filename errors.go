package shikayat

import (
	"errors"
	"fmt"
	"time"
)

// Error codes shared by every layer. The web layer maps them to HTTP status
// codes in one place; everything else only chooses the code.
const (
	EINVALID      = "invalid"
	ENOTFOUND     = "not_found"
	ECONFLICT     = "conflict"
	EFORBIDDEN    = "forbidden"
	EUNAUTHORIZED = "unauthorized"
	EINTERNAL     = "internal"
	ETOOMANY      = "too_many_requests"
)

// Error is a domain error: a code from the list above and a message a person
// can read. Details for operators go to the log, not into Message.
type Error struct {
	Code    string
	Message string
	// RetryAfter says when a refused request (ETOOMANY) may be tried again.
	RetryAfter time.Duration
	// Key names the message for translation (the desk's message table),
	// with Args the values Message was formatted from; "" when untranslated.
	Key  string
	Args []any
}

func (e *Error) Error() string {
	return fmt.Sprintf("shikayat error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns a domain error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Errork is Errorf with a stable message key, so that the desk can show the
// message in the user's language; the English Message stays as formatted.
func Errork(code, key, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...), Key: key, Args: args}
}

// ErrorKey returns the message key and its arguments of the first domain
// error in err's chain; "" when it has none.
func ErrorKey(err error) (string, []any) {
	var e *Error
	if errors.As(err, &e) {
		return e.Key, e.Args
	}
	return "", nil
}

// ErrorCode returns the code of the first domain error in err's chain,
// EINTERNAL for any other error, and "" for nil.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the human message of the first domain error in err's
// chain, or a generic message for any other error.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Internal error."
}

// ErrorRetryAfter returns how long to wait before retrying, from the first
// domain error in err's chain; zero when it does not say.
func ErrorRetryAfter(err error) time.Duration {
	var e *Error
	if errors.As(err, &e) {
		return e.RetryAfter
	}
	return 0
}
