package shikayat

import "testing"

// TestDecideHeld: triage's handling decides between a complaint, a post
// held for review and a record; follow-ups to a held post join it; another
// department's matter gets its helpline reply only where the deployment
// answers them and the post mentions the account.
func TestDecideHeld(t *testing.T) {
	post := &Post{ID: "20", ConversationID: "20", AuthorID: "1", AuthorUsername: "sita", Text: "@Uppolice koi ghar ke bahar khada hai"}
	unsure := &Triage{Intent: IntentComplaint, Actionable: true, Urgency: ClassMidTerm, Type: TypeOther, Lang: "hinglish", Confidence: 0.6, Handling: HandlingReview}
	unsureLow := &Triage{Intent: IntentOther, Confidence: 0.3, Handling: HandlingReview, Lang: "en"}
	danger := &Triage{Intent: IntentComplaint, Actionable: true, Urgency: ClassImmediate, Type: TypeOther, Confidence: 0.7, Handling: HandlingReview, Lang: "en"}
	sure := &Triage{Intent: IntentComplaint, Actionable: true, Urgency: ClassMidTerm, Type: TypeTheft, Confidence: 0.95, Handling: HandlingAcknowledge, Lang: "en"}
	chatter := &Triage{Intent: IntentComplaint, Actionable: true, Confidence: 0.05, Handling: HandlingRecord, Lang: "en"}
	power := &Triage{Intent: IntentOther, Confidence: 0.2, Handling: HandlingRecord, Department: "electricity", Lang: "hi"}

	d := Decide(&Incoming{Post: post, Triage: unsure, MentionsAccount: true}, Found{})
	if d.Kind != RecordHeld || d.Open != nil || d.Urgent {
		t.Fatalf("a post triage is unsure of: %+v, want held, not urgent", d)
	}
	if d := Decide(&Incoming{Post: post, Triage: unsureLow}, Found{}); d.Kind != RecordHeld {
		t.Fatalf("a review-band post triage calls not actionable: %+v, want held", d)
	}
	if d := Decide(&Incoming{Post: post, Triage: danger, MentionsAccount: true}, Found{}); d.Kind != RecordHeld || !d.Urgent {
		t.Fatalf("an immediate post held: %+v, want held and urgent", d)
	}
	if d := Decide(&Incoming{Post: post, Triage: sure, MentionsAccount: true}, Found{}); d.Kind != RecordComplaint || d.Open == nil {
		t.Fatalf("a post triage is sure of: %+v, want a complaint", d)
	}
	if d := Decide(&Incoming{Post: post, Triage: chatter}, Found{}); d.Kind != RecordNonActionable {
		t.Fatalf("handling record: %+v, want non-actionable", d)
	}

	follow := &Post{ID: "21", ConversationID: "20", AuthorID: "1", AuthorUsername: "sita", InReplyToPostID: "20", Text: "please hurry"}
	d = Decide(&Incoming{Post: follow, Triage: sure, MentionsAccount: true}, Found{Held: "20"})
	if d.Kind != RecordAttachment || d.HeldPost != "20" || d.Open != nil || d.Attach != nil {
		t.Fatalf("a follow-up to a held post: %+v, want it attached to the held post", d)
	}

	in := &Incoming{Post: post, Triage: power, MentionsAccount: true}
	if d := Decide(in, Found{}); d.Kind != RecordNonActionable || d.HelplineReply {
		t.Fatalf("another department's matter, replies off: %+v", d)
	}
	in.HelplineReplies = true
	if d := Decide(in, Found{}); d.Kind != RecordNonActionable || !d.HelplineReply || d.Open != nil {
		t.Fatalf("another department's matter, replies on: %+v, want a helpline reply and no docket", d)
	}
	in.MentionsAccount = false
	if d := Decide(in, Found{}); d.HelplineReply {
		t.Fatalf("a post not mentioning the account gets a helpline reply: %+v", d)
	}
}
