package xapi

import "log/slog"

// Credentials are the app's keys for X: a bearer token for reads and OAuth
// 1.0a user-context keys for posting. Printing or logging them shows only
// which ones are set.
type Credentials struct {
	BearerToken    string
	ConsumerKey    string
	ConsumerSecret string
	AccessToken    string
	AccessSecret   string
}

// CanRead reports whether a bearer token is set.
func (c Credentials) CanRead() bool { return c.BearerToken != "" }

// CanPost reports whether all four OAuth 1.0a keys are set.
func (c Credentials) CanPost() bool {
	return c.ConsumerKey != "" && c.ConsumerSecret != "" && c.AccessToken != "" && c.AccessSecret != ""
}

func redacted(s string) string {
	if s == "" {
		return "unset"
	}
	return "redacted"
}

// String describes the credentials without revealing them.
func (c Credentials) String() string {
	return "xapi.Credentials{bearer:" + redacted(c.BearerToken) +
		" consumer_key:" + redacted(c.ConsumerKey) +
		" consumer_secret:" + redacted(c.ConsumerSecret) +
		" access_token:" + redacted(c.AccessToken) +
		" access_secret:" + redacted(c.AccessSecret) + "}"
}

// GoString keeps %#v from printing the secrets.
func (c Credentials) GoString() string { return c.String() }

// LogValue keeps slog from printing the secrets.
func (c Credentials) LogValue() slog.Value {
	return slog.GroupValue(
		slog.String("bearer", redacted(c.BearerToken)),
		slog.String("consumer_key", redacted(c.ConsumerKey)),
		slog.String("consumer_secret", redacted(c.ConsumerSecret)),
		slog.String("access_token", redacted(c.AccessToken)),
		slog.String("access_secret", redacted(c.AccessSecret)),
	)
}
