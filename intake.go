package shikayat

import (
	"regexp"
	"strings"
)

// Incoming is a post as intake hands it to the desk: the post, what triage
// made of it, and what intake knows about it.
type Incoming struct {
	Post   *Post
	Triage *Triage // nil when the post was not triaged (staff posts)
	// Staff marks a post by the account itself or a configured police
	// account: recorded on its thread, never answered.
	Staff bool
	// MentionsAccount is true when the post @mentions the police account;
	// X lets the desk reply only to those.
	MentionsAccount bool
	// Dockets are the well-formed docket codes quoted in the text, canonical.
	Dockets []string
	// Forward routes a new complaint to the suggested district at once:
	// triage was confident enough.
	Forward bool
	// ForwardUnit routes a new complaint to a functional unit at once: the
	// post tagged that unit's account.
	ForwardUnit string
	// HelplineReplies: the deployment answers another department's matter
	// once with that department's helpline.
	HelplineReplies bool
	// Pushed marks a post delivered by a webhook or the filtered stream
	// rather than read by polling. A polled copy of the same post that
	// differs replaces a pushed one: X's own read wins.
	Pushed bool
	// Unreadable is set, instead of a usable Post, for a post X sent that
	// could not be decoded; Post then carries only its record's id.
	Unreadable *UnreadablePost
	// Prior is the account's own reply to the post found on X before the
	// post was recorded: after a restore, a post newer than the backup may
	// have been acknowledged by the desk the backup was taken from. A
	// complaint the post opens takes the docket code of that reply and is
	// not acknowledged again.
	Prior *PriorReply
}

// PriorReply is a reply the account posted on X to a post before the desk
// recorded the post: its X id, its text as X shows it, and the one docket
// code it gives (check symbol valid).
type PriorReply struct {
	PostID string
	Text   string
	Code   string
}

// PriorReplyFrom reads a reply of the account for the docket code it
// gives: exactly one well-formed code whose check symbol holds, else ok is
// false (a reply naming no code, or two, is not an acknowledgement).
func PriorReplyFrom(postID, text string) (PriorReply, bool) {
	codes, _ := FindDockets(text)
	if len(codes) != 1 || postID == "" {
		return PriorReply{}, false
	}
	return PriorReply{PostID: postID, Text: text, Code: codes[0]}, true
}

// UnreadablePost is a post X sent that the desk could not decode, kept as
// it came so that a person can look at it.
type UnreadablePost struct {
	// ID is the post's id when it could be made out, else a key derived
	// from the raw JSON ("unreadable:…").
	ID    string `json:"id"`
	Raw   string `json:"raw"`   // the post's JSON as X sent it
	Error string `json:"error"` // why it could not be read
}

// RecordKind is what became of a post.
type RecordKind string

const (
	RecordComplaint     RecordKind = "complaint"      // opened a new complaint
	RecordAttachment    RecordKind = "attachment"     // added to an existing complaint
	RecordNonActionable RecordKind = "non_actionable" // feedback, chatter, retweets…
	RecordStaff         RecordKind = "staff"          // by the account or another police account
	RecordUnreadable    RecordKind = "unreadable"     // X sent it, the desk could not decode it
	// RecordHeld: triage was unsure; no docket and no reply until a person
	// makes it a complaint (RecordComplaint then) or not (RecordNonActionable).
	RecordHeld RecordKind = "held"
)

// PostRecord is the one record a post ends in.
type PostRecord struct {
	PostID        string
	Kind          RecordKind
	Reason        string
	ComplaintID   int64
	ComplaintCode string
	// Duplicate is true when the post had been recorded before; the record
	// returned is that first one.
	Duplicate bool
	// Replaced names what differed (e.g. "text") when a polled copy
	// replaced the content of a pushed one; "" otherwise.
	Replaced string
}

// docketLike finds text that looks like a docket code: two letters, two
// digits (O forgiven), then ten symbols with optional spaces or dashes.
var docketLike = regexp.MustCompile(`(?i)\b[A-Z]{2}[0-9O]{2}[ \-]?(?:[0-9A-Z][ \-]?){9}[0-9A-Z]\b`)

// FindDockets returns the docket codes quoted in text: the valid ones in
// canonical form, and the ones that look like codes but fail their check
// (typos), as written.
func FindDockets(text string) (valid, typos []string) {
	if len(text) > 10000 {
		text = text[:10000]
	}
	seen := map[string]bool{}
	for _, m := range docketLike.FindAllString(text, 20) {
		code, err := ParseDocket(m)
		switch {
		case err == nil && !seen[code]:
			seen[code] = true
			valid = append(valid, code)
		case IsDocketTypo(err):
			typos = append(typos, strings.TrimSpace(m))
		}
	}
	return valid, typos
}
