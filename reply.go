package shikayat

import "time"

// ReplyState is where a reply to a citizen stands. A reply is recorded
// before it is sent and after, so that none is ever sent twice.
type ReplyState string

const (
	ReplyPending ReplyState = "pending" // recorded, not yet tried
	ReplySending ReplyState = "sending" // handed to X; the outcome is not yet known
	ReplySent    ReplyState = "sent"    // X accepted it
	ReplyFailed  ReplyState = "failed"  // X refused it for good, or a person (or the deployment's rule) gave up on it
	// ReplyUnverified: given up while a try's outcome was unknown. A job
	// looks at X's posts: it becomes sent if the try was posted, failed if
	// not.
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
	// AttemptedAt is when the last try began (nil before the first).
	AttemptedAt *time.Time
	// Code is the docket code of its complaint, as read ("" for none).
	Code string
}
