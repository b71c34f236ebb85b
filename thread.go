package shikayat

import "time"

// ThreadPost is a post recorded with a complaint: the post that opened it,
// the citizen's follow-ups and staff posts in its conversation.
type ThreadPost struct {
	Post       *Post
	Kind       RecordKind
	RecordedAt time.Time
	// Reasons are triage's reasons for what it made of the post.
	Reasons []string
}

// Thread is everything said about a complaint on X: its posts, oldest
// first, and the desk's replies with their state.
type Thread struct {
	Posts   []ThreadPost
	Replies []*Reply
}
