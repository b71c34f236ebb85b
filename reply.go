package shikayat

import (
	"html"
	"strings"
	"time"
)

// ReplyState is where a reply to a citizen stands. A reply is recorded
// before it is sent and after, so that none is ever sent twice.
type ReplyState string

const (
	ReplyPending ReplyState = "pending" // recorded, not yet tried
	ReplySending ReplyState = "sending" // handed to X; the outcome is not yet known
	ReplySent    ReplyState = "sent"    // X accepted it
	ReplyFailed  ReplyState = "failed"  // X refused it for good, or a person (or the deployment's rule) gave up on it
	// ReplyUnverified: not to be tried again while a try's outcome is
	// unknown: given up then, or X called a retry a duplicate of a post not
	// visible yet (DuplicateAt). A job looks at X's posts for a bounded
	// time: it becomes sent if the try was posted, failed if the post found
	// is another reply's. A reply X called a duplicate whose post never
	// shows stays here, for a person (readyz, metrics and the log name it).
	ReplyUnverified ReplyState = "given_up_unverified"
)

// Reply is one post the desk makes to a citizen.
type Reply struct {
	ID          int64
	Key         string // what it answers: ack:COMPLAINT, reply:EVENT, status:POST
	Account     string // the account it is posted from, whose daily budget it uses
	ComplaintID int64
	InReplyTo   string // the post answered
	Text        string
	Lang        string
	State       ReplyState
	PostedID    string
	Attempts    int
	Error       string
	Urgent      bool
	CreatedAt   time.Time
	SentAt      *time.Time
	// TriedAt is when its last try began (nil: never tried).
	TriedAt *time.Time
	// DuplicateAt is when X answered a retry after an uncertain try with
	// "duplicate content" while the reply's post was not visible (nil:
	// never): it was most likely posted, and is not sent again.
	DuplicateAt *time.Time
	// UnsureSince is when a try began whose outcome is not known (nil:
	// none): that try may have reached X, even if the reply went back to
	// pending after a later try X refused for now (a 429, a 401). It is
	// cleared only when the reply is settled: sent, failed, or found not
	// posted.
	UnsureSince *time.Time
	// Code is the docket code of its complaint, as read ("" for none).
	Code string
	// Redacted: the post it answers or its complaint was redacted. Its
	// Text is masked (no digest of the text as written is kept), and it is
	// never sent again; while its outcome is unknown, any post of the
	// account's answering InReplyTo after its try counts as it.
	Redacted bool
}

// SameText reports whether a post's text as X shows it is the reply's
// text as sent: X escapes &, < and >, and shortens every link to a t.co
// link, so entities are read back and links are compared as links, not by
// URL.
func (r *Reply) SameText(posted string) bool {
	return CanonicalReplyText(html.UnescapeString(posted)) == CanonicalReplyText(r.Text)
}

// CanonicalReplyText is a reply's text as compared with X's posts: words
// separated by single spaces, every link a "<link>".
func CanonicalReplyText(s string) string {
	f := strings.Fields(s)
	for i, w := range f {
		if strings.HasPrefix(w, "http://") || strings.HasPrefix(w, "https://") {
			f[i] = "<link>"
		}
	}
	return strings.Join(f, " ")
}
