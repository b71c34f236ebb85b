package xapi

import (
	"net/url"
	"strings"
	"testing"
	"time"
)

// The worked example of X's "Creating a signature" documentation.
func TestOAuth1SignatureDocumentedExample(t *testing.T) {
	params := url.Values{
		"status":           {"Hello Ladies + Gentlemen, a signed OAuth request!"},
		"include_entities": {"true"},
	}
	oauth := map[string]string{
		"oauth_consumer_key":     "xvz1evFS4wEEPTGEFPHBog",
		"oauth_nonce":            "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg",
		"oauth_signature_method": "HMAC-SHA1",
		"oauth_timestamp":        "1318622958",
		"oauth_token":            "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
		"oauth_version":          "1.0",
	}
	got := oauth1Signature("kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw", "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
		"POST", "https://api.twitter.com/1.1/statuses/update.json", params, oauth)
	if want := "hCtSmYh+iHYCEqBWrE7C7hYmtUk="; got != want {
		t.Errorf("signature %q, want %q", got, want)
	}
}

func TestOAuth1HeaderVerifies(t *testing.T) {
	c := Credentials{ConsumerKey: "ck", ConsumerSecret: "cs", AccessToken: "at", AccessSecret: "as"}
	q := url.Values{"a": {"1 2"}, "b": {"ü"}}
	h := oauth1Header(c, "POST", "https://api.x.com/2/tweets", q, time.Unix(1700000000, 0), "nonce")
	if !strings.HasPrefix(h, "OAuth ") || !strings.Contains(h, `oauth_consumer_key="ck"`) || strings.Contains(h, "cs") && strings.Contains(h, `"cs"`) {
		t.Fatalf("header %q", h)
	}
	if !VerifyOAuth1("cs", "as", "POST", "https://api.x.com/2/tweets", q, h) {
		t.Error("own signature does not verify")
	}
	if VerifyOAuth1("cs", "wrong", "POST", "https://api.x.com/2/tweets", q, h) {
		t.Error("verifies with the wrong token secret")
	}
	if VerifyOAuth1("cs", "as", "POST", "https://api.x.com/2/tweets", url.Values{"a": {"1 3"}}, h) {
		t.Error("verifies with other parameters")
	}
}

func TestPercentEncode(t *testing.T) {
	for in, want := range map[string]string{
		"Ladies + Gentlemen": "Ladies%20%2B%20Gentlemen",
		"An encoded string!": "An%20encoded%20string%21",
		"Dogs, Cats & Mice":  "Dogs%2C%20Cats%20%26%20Mice",
		"☃":                  "%E2%98%83",
		"a-b.c_d~e":          "a-b.c_d~e",
	} {
		if got := percentEncode(in); got != want {
			t.Errorf("percentEncode(%q) = %q, want %q", in, got, want)
		}
	}
}
