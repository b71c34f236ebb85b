package shikayat

import "time"

// Actions on a recorded post, by HQ (the review queue and the posts API).
const (
	// PostMakeComplaint makes a held (or non-actionable) post a complaint:
	// docket, forward rule, acknowledgement.
	PostMakeComplaint = "make_complaint"
	// PostNotComplaint records that a held post is not a complaint.
	PostNotComplaint = "not_complaint"
)

// PostView is a recorded post as HQ sees it (DESIGN's posts API).
type PostView struct {
	ID             string     `json:"id"`
	Text           string     `json:"text"`
	AuthorUsername string     `json:"author_username"`
	Handling       Handling   `json:"handling"`
	Triage         *Triage    `json:"triage"`
	Complaint      *string    `json:"complaint"` // the docket code, null when none
	Kind           RecordKind `json:"kind"`
	Reason         string     `json:"reason"`
	Urgent         bool       `json:"urgent"`
	DueAt          *time.Time `json:"due_at"`
	Overdue        bool       `json:"overdue"`
	CreatedAt      time.Time  `json:"created_at"`
}

// PostFilter selects recorded posts.
type PostFilter struct {
	Scope Scope
	// Held lists only posts held for review, immediate first, then oldest.
	Held bool
	// Query is a post id, or text the post contains (three characters or
	// more use the trigram index).
	Query   string
	Page    int
	PerPage int
}

// PostPage is one page of recorded posts.
type PostPage struct {
	Posts   []*PostView `json:"data"`
	Page    int         `json:"page"`
	PerPage int         `json:"per_page"`
	Total   int         `json:"total"`
}

// PostOutcome is what an action on a post did: the complaint it made (nil
// for not_complaint) and whether this request made it.
type PostOutcome struct {
	Post      *PostView
	Complaint *Complaint
	Created   bool
}
