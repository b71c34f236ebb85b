package shikayat

// Found is what the desk already holds that bears on a post, as the store
// looked it up.
type Found struct {
	// Quoted is the first existing complaint among the docket codes the
	// post quotes (Incoming.Dockets), or nil.
	Quoted *Complaint
	// Thread is the complaint opened in the post's conversation: by the
	// same author for a citizen's post, by anyone for a staff post; nil
	// when there is none (or the post starts its conversation).
	Thread *Complaint
	// Held is the id of a post held for review that starts the post's
	// conversation, by the same author, or "".
	Held string
}

// Attachment actions: how a post joins a complaint's trail.
const (
	EventCitizenPost = "citizen_post"
	EventStaffPost   = "staff_post"
)

// Decision is what a post becomes: the one record it ends in, and what the
// store must do for it.
type Decision struct {
	Kind   RecordKind
	Reason string
	// Attach is the complaint the post joins (an attachment, or a staff
	// post on a complaint's thread), with the trail action Event.
	Attach *Complaint
	Event  string
	// StatusReply queues a status reply: the post asks after a complaint
	// by its code, and mentions the account (X lets the desk answer only
	// those).
	StatusReply bool
	// Open is the complaint to open (Kind RecordComplaint); it is valid.
	Open *NewComplaint
	// Urgent marks a held post triage calls immediate: HQ is alerted and
	// it is due for review within the SLA's ImmediateAck.
	Urgent bool
	// HeldPost is the held post a follow-up joins (Kind RecordAttachment
	// with no complaint yet); it joins the complaint if one is made.
	HeldPost string
	// HelplineReply queues the one reply that names the helpline of the
	// department whose matter the post is.
	HelplineReply bool
	// Rating is the author's rating of the complaint (1–5; Event is then
	// EventRating), 0 when the post is no rating.
	Rating int
	// Appeal, when not "", reopens the closed complaint the post joins, on
	// its author's appeal (AppealRating, AppealNotResolved).
	Appeal string
}

// Decide says what a post becomes, from the post, its triage and what the
// store found. In order: an unreadable post is recorded as such; a staff
// post is recorded on its thread; a retweet is not actionable; a post
// quoting a docket code attaches to that complaint (a status question); a
// citizen's post in the thread of their own complaint, or of their own post
// held for review, attaches to it — within the FeedbackWindow after the
// complaint was closed, the author's rating is recorded, and a rating of
// 1–2 or saying it is not resolved reopens it (an appeal); a post triage hands to review is held;
// one it hands to be recorded is not actionable (another department's
// matter answered with its helpline where the deployment does so); an
// actionable post opens a complaint; anything else is not actionable.
func Decide(in *Incoming, f Found) Decision {
	p := in.Post
	switch {
	case in.Unreadable != nil:
		return Decision{Kind: RecordUnreadable, Reason: "could not be read: " + in.Unreadable.Error}
	case p == nil:
		return Decision{Kind: RecordUnreadable, Reason: "no post"}
	case in.Staff:
		d := Decision{Kind: RecordStaff, Reason: "posted by a police account"}
		if f.Thread != nil {
			d.Attach, d.Event = f.Thread, EventStaffPost
		}
		return d
	case p.RetweetOf != "":
		return Decision{Kind: RecordNonActionable, Reason: "a retweet"}
	case f.Quoted != nil:
		return Decision{Kind: RecordAttachment, Reason: "quotes docket " + f.Quoted.Code,
			Attach: f.Quoted, Event: EventCitizenPost, StatusReply: in.MentionsAccount}
	case f.Thread != nil:
		d := Decision{Kind: RecordAttachment, Reason: "follows up in the thread of " + f.Thread.Code,
			Attach: f.Thread, Event: EventCitizenPost}
		feedback(&d, p, f.Thread)
		return d
	case f.Held != "":
		return Decision{Kind: RecordAttachment, Reason: "follows up held post " + f.Held, HeldPost: f.Held}
	case in.Triage != nil && in.Triage.Handling == HandlingReview:
		return Decision{Kind: RecordHeld, Reason: "held for review: " + string(in.Triage.Intent),
			Urgent: in.Triage.Urgency == ClassImmediate}
	case in.Triage != nil && in.Triage.Department != "":
		return Decision{Kind: RecordNonActionable, Reason: "another department's matter: " + in.Triage.Department,
			HelplineReply: in.HelplineReplies && in.MentionsAccount}
	case in.Triage != nil && in.Triage.Handling == HandlingRecord:
		return Decision{Kind: RecordNonActionable, Reason: "not actionable: " + string(in.Triage.Intent)}
	case in.Triage == nil || !in.Triage.Actionable:
		var intent Intent
		if in.Triage != nil {
			intent = in.Triage.Intent
		}
		return Decision{Kind: RecordNonActionable, Reason: "not actionable: " + string(intent)}
	}
	nc, err := OpenFrom(in)
	if err != nil {
		// A post the desk cannot open a complaint from is still recorded,
		// with the reason, and does not hold up the rest.
		return Decision{Kind: RecordNonActionable, Reason: "no complaint opened: " + ErrorMessage(err)}
	}
	return Decision{Kind: RecordComplaint, Reason: "a new complaint", Open: nc}
}

// OpenFrom makes the complaint a post opens: at intake, or when a person
// makes a held post a complaint. The citizen's clock starts at the post;
// the complaint is forwarded at once when intake was sure of the district
// and the district is one the desk knows.
func OpenFrom(in *Incoming) (*NewComplaint, error) {
	p := in.Post
	var t Triage
	if in.Triage != nil {
		t = *in.Triage
	}
	if _, ok := DistrictByLGD(t.District); !ok {
		t.District = 0 // a suggestion the desk does not know is no suggestion
	}
	nc := &NewComplaint{
		Source: "x", SourcePostID: p.ID, AuthorID: p.AuthorID, AuthorUsername: p.AuthorUsername,
		ConversationID: p.ConversationID, Text: p.Text, Lang: t.Lang, Media: p.Media,
		ReceivedAt: p.CreatedAt, Triage: &t, Forward: in.Forward && t.District != 0, ForwardUnit: in.ForwardUnit, NoAcknowledge: !in.MentionsAccount,
		Acknowledged: in.Prior,
	}
	if p.Coordinates != nil {
		lat, lon := p.Coordinates.Lat, p.Coordinates.Lon
		nc.Lat, nc.Lon = &lat, &lon
	}
	if err := nc.Validate(); err != nil {
		return nil, err
	}
	return nc, nil
}
