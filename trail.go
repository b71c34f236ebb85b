package shikayat

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"sort"
	"time"
)

// The trail is tamper-evident. Each event carries a hash over its content and
// the hash of the complaint's previous event, and each IST day is sealed by
// one digest over the previous day's seal and the last event hash of every
// complaint that changed that day.
//
// Personal text — the post's text and author handle, an event's note, its
// actor (a citizen's handle on posts) — enters a hash only through its own
// digest, SHA-256 over a random salt and the text, stored beside the text.
// Redacting the text later (blanking it, and the salt, so that the digest
// cannot be tested against guesses) keeps the digest and so every hash.
//
// Canonical encoding. Hashes are SHA-256 over a byte string built from
// these items, in the order listed below, each one of:
//
//	str: a 4-byte big-endian length, then the UTF-8 bytes
//	int: 8 bytes, big-endian two's complement
//
// An event (EventHash):
//
//	str "shikayat/event/v1"   the domain of the hash
//	str prev                 the previous event's hash (hex), "" for the first
//	str code                 the complaint's docket code
//	int at                   the event's time, Unix milliseconds (UTC)
//	str actor digest
//	int user id              0 when none
//	str action, from stage, to stage, from unit, to unit
//	str note digest
//	int public               1 or 0
//	int n                    the number of detail entries
//	n × (str key, str value) the detail map, keys in byte order
//	str text digest          the complaint's text; first event only, else ""
//	str author digest        the complaint's author handle; first event only, else ""
//	str by unit              the replier's unit (Event.ByUnit); only when not ""
//
// The replier's unit is appended only when the event has one, so that every
// event hashed before it was recorded (and every event without one) hashes
// as it did: the items before it are all length-prefixed, so an event with
// a unit and one without never share an encoding.
//
// The text and author digests in the first event are the ones the complaint
// was opened with. When X's own read of the post later replaced a pushed
// copy, an internal "post_replaced" event carries the digests before and
// after in its detail (from_text_digest, from_author_digest, text_digest,
// author_digest); a verifier follows these moves from the first event's
// digests to the complaint's current ones.
//
// A day's seal (SealDigest):
//
//	str "shikayat/seal/v1"
//	str day                  YYYY-MM-DD (IST)
//	str prev                 the previous day's seal (hex), "" for the first
//	int n                    the number of complaints that changed that day
//	n × (str code, str hash) each complaint's last event hash that day, codes in byte order
//
// Hashes and digests are written as lowercase hex.

// TrailEvent is what an event's hash covers.
type TrailEvent struct {
	Code        string
	At          time.Time
	ActorDigest string
	UserID      int64
	Action      string
	FromStage   string
	ToStage     string
	FromUnit    string
	ToUnit      string
	NoteDigest  string
	Public      bool
	Detail      map[string]string
	// TextDigest and AuthorDigest cover the complaint's post text and
	// author handle; set on the complaint's first event only.
	TextDigest   string
	AuthorDigest string
	// ByUnit is the replier's unit, "" when none was recorded.
	ByUnit string
}

// SealEntry is one complaint's last event hash of a day.
type SealEntry struct {
	Code string
	Hash string
}

// PersonalDigest is the digest under which personal text enters the trail:
// SHA-256 over str "shikayat/personal/v1", str salt (as stored, hex) and
// str text.
func PersonalDigest(salt, text string) string {
	var w hashWriter
	w.str("shikayat/personal/v1")
	w.str(salt)
	w.str(text)
	return w.sum()
}

// EventHash is the hash of an event chained to prev.
func EventHash(prev string, e TrailEvent) string {
	var w hashWriter
	w.str("shikayat/event/v1")
	w.str(prev)
	w.str(e.Code)
	w.int(e.At.UnixMilli())
	w.str(e.ActorDigest)
	w.int(e.UserID)
	w.str(e.Action)
	w.str(e.FromStage)
	w.str(e.ToStage)
	w.str(e.FromUnit)
	w.str(e.ToUnit)
	w.str(e.NoteDigest)
	if e.Public {
		w.int(1)
	} else {
		w.int(0)
	}
	keys := make([]string, 0, len(e.Detail))
	for k := range e.Detail {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	w.int(int64(len(keys)))
	for _, k := range keys {
		w.str(k)
		w.str(e.Detail[k])
	}
	w.str(e.TextDigest)
	w.str(e.AuthorDigest)
	if e.ByUnit != "" {
		w.str(e.ByUnit)
	}
	return w.sum()
}

// SealDigest is the seal of an IST day over the previous day's seal and the
// day's last event hash of every complaint that changed that day. It sorts
// entries by code in place.
func SealDigest(day, prev string, entries []SealEntry) string {
	sort.Slice(entries, func(i, j int) bool { return entries[i].Code < entries[j].Code })
	var w hashWriter
	w.str("shikayat/seal/v1")
	w.str(day)
	w.str(prev)
	w.int(int64(len(entries)))
	for _, e := range entries {
		w.str(e.Code)
		w.str(e.Hash)
	}
	return w.sum()
}

// hashWriter feeds the canonical encoding to SHA-256.
type hashWriter struct{ buf []byte }

func (w *hashWriter) str(s string) {
	w.buf = binary.BigEndian.AppendUint32(w.buf, uint32(len(s)))
	w.buf = append(w.buf, s...)
}

func (w *hashWriter) int(v int64) {
	w.buf = binary.BigEndian.AppendUint64(w.buf, uint64(v))
}

func (w *hashWriter) sum() string {
	s := sha256.Sum256(w.buf)
	return hex.EncodeToString(s[:])
}
