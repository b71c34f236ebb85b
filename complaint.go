package shikayat

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Complaint is one citizen's grievance, opened by a post and worked until it
// is closed. Fields named Suggested* come from triage; the plain ones are set
// by people (or by intake when triage is confident).
type Complaint struct {
	ID           int64  `json:"-"`
	Code         string `json:"code"`
	SourcePostID string `json:"source_post_id"`
	Source       string `json:"source"` // "x" for posts; other channels later

	AuthorID       string `json:"author_id,omitempty"`
	AuthorUsername string `json:"author_username,omitempty"`
	ConversationID string `json:"conversation_id,omitempty"`
	Text           string `json:"text"`
	Lang           string `json:"lang,omitempty"`

	Stage      Stage      `json:"stage"`
	Status     Status     `json:"status"`
	District   int        `json:"district"` // LGD code of the owning district, 0 if none
	UnitID     string     `json:"unit_id"`  // owning unit: hq, a district, a functional unit or a station
	StationID  string     `json:"station_id"`
	Class      Class      `json:"class"`
	Type       Type       `json:"type"`
	Resolution Resolution `json:"resolution,omitempty"`
	MergedInto string     `json:"merged_into,omitempty"` // docket code of the complaint this duplicates

	// Sensitive marks a complaint of a sexual offence, about a minor, or
	// one that names the victim: only the owning unit's staff and the
	// supervisors above it see it (see Scope), every view is recorded, the
	// acknowledgement repeats nothing of the post, and the public page
	// shows its stage alone. Triage suggests it (SuggestedSensitive),
	// intake sets it from the suggestion, staff set or clear it.
	Sensitive bool `json:"sensitive"`

	SuggestedDistrict  int     `json:"suggested_district,omitempty"`
	SuggestedClass     Class   `json:"suggested_class,omitempty"`
	SuggestedType      Type    `json:"suggested_type,omitempty"`
	SuggestedSensitive bool    `json:"suggested_sensitive,omitempty"`
	Confidence         float64 `json:"confidence,omitempty"`

	Lat   *float64 `json:"lat,omitempty"`
	Lon   *float64 `json:"lon,omitempty"`
	Media []Media  `json:"media,omitempty"`

	// Replyable is false when the post did not mention the account: X lets
	// the desk reply only to posts that do.
	Replyable bool `json:"replyable"`

	// Bounces counts how often the complaint was forwarded away from a unit
	// that owned it.
	Bounces int `json:"bounces"`

	ReceivedAt time.Time  `json:"received_at"` // the citizen's clock; never restarts
	UnitSince  time.Time  `json:"unit_since"`  // the unit's clock; restarts on forward
	UpdatedAt  time.Time  `json:"updated_at"`
	ClosedAt   *time.Time `json:"closed_at,omitempty"`
	// FirstActionAt is when a person first acted on the complaint.
	FirstActionAt *time.Time `json:"first_action_at,omitempty"`
	// DueAt is the next SLA deadline, nil when none applies.
	DueAt *time.Time `json:"due_at,omitempty"`
	// LastClosedAt is when the complaint was last closed; unlike ClosedAt
	// it stays when the complaint is reopened. The FeedbackWindow runs
	// from it.
	LastClosedAt *time.Time `json:"last_closed_at,omitempty"`

	// Rating is the author's last rating (1–5), 0 when none; Appeals
	// counts the times the author's post reopened the complaint.
	Rating  int `json:"rating,omitempty"`
	Appeals int `json:"appeals"`

	Events []*Event `json:"events,omitempty"`
}

// ClosedBy reports whether c still stands closed by its close event
// eventID: it is closed, and no reopen came after that event (a reopen
// and a later close leave it closed by the later one). A closing reply
// goes out only while it does.
func (c *Complaint) ClosedBy(eventID int64) bool {
	if c.Stage != StageClosed {
		return false
	}
	closing := false
	for _, e := range c.Events {
		switch {
		case e.ID == eventID:
			closing = e.Action == string(ActionClose)
		case e.ID > eventID && e.Action == string(ActionReopen):
			return false
		}
	}
	return closing
}

// EffectiveClass is the class that drives deadlines: the one a person set,
// else the model's suggestion.
func (c *Complaint) EffectiveClass() Class {
	if c.Class != "" {
		return c.Class
	}
	return c.SuggestedClass
}

// EffectiveType is the type a person set, else the model's suggestion.
func (c *Complaint) EffectiveType() Type {
	if c.Type != "" {
		return c.Type
	}
	return c.SuggestedType
}

// Media is a photo or video attached to a post.
type Media struct {
	Key        string `json:"key"`
	Type       string `json:"type"` // photo, video, animated_gif
	URL        string `json:"url,omitempty"`
	PreviewURL string `json:"preview_url,omitempty"`
	AltText    string `json:"alt_text,omitempty"`
}

// Event is one entry of a complaint's append-only trail.
type Event struct {
	ID          int64     `json:"id"`
	ComplaintID int64     `json:"-"`
	At          time.Time `json:"at"`
	Actor       string    `json:"actor"` // username, or "system"
	UserID      int64     `json:"-"`
	Action      string    `json:"action"`
	FromStage   Stage     `json:"from_stage,omitempty"`
	ToStage     Stage     `json:"to_stage"`
	FromUnit    string    `json:"from_unit,omitempty"`
	ToUnit      string    `json:"to_unit,omitempty"`
	Note        string    `json:"note"`
	Public      bool      `json:"public"`
	// Detail holds action-specific fields (class, type, resolution, …).
	Detail map[string]string `json:"detail,omitempty"`
	// ByUnit is the unit of the person who wrote a reply, as it was then
	// (the league counts a reply while a station holds the complaint as
	// the station's action only when it is that station's or a unit's
	// under it); "" on other events and on replies written before it was
	// recorded.
	ByUnit string `json:"by_unit,omitempty"`
}

// ComplaintFilter selects complaints. The store always applies Scope, and
// refuses a filter without one.
type ComplaintFilter struct {
	Scope    Scope // only complaints owned by units in this scope
	Stage    Stage
	Class    Class
	Type     Type
	District int
	Station  string // station slug (lko-hazratganj) the complaint is assigned to
	Overdue  bool
	// Open keeps the complaints not closed (pending).
	Open  bool
	Query string // text search; works for Devanagari and Latin
	// Received and Closed keep the complaints received, or closed, in
	// [From, To); zero times leave the bound open. The dashboard's numbers
	// link to the lists behind them through these.
	ReceivedFrom, ReceivedTo time.Time
	ClosedFrom, ClosedTo     time.Time
	// Bounced keeps the complaints that a unit forwarded away, and
	// Reopened those reopened (against the unit that had closed them), in
	// [ActedFrom, ActedTo): the lists behind the dashboard's bounces and
	// reopenings. Scope, Under and District then select the unit of the
	// event — the one that sent the complaint away or had closed it — not
	// the complaint's owner now, so that a district lists what is counted
	// against it. BouncedFrom is Bounced with District.
	Bounced     bool
	BouncedFrom int
	// Rated keeps the complaints the citizen rated; ClosedFrom and
	// ClosedTo then bound the latest closure (a rating answers one), reopened
	// since or not: the list behind the dashboard's mean rating.
	Rated              bool
	Reopened           bool
	ActedFrom, ActedTo time.Time
	// Under keeps the complaints owned within a unit's subtree (a zone or
	// range: "zone:lucknow"), inside Scope.
	Under string
	// Urgent orders immediate complaints first, then the oldest first;
	// otherwise the newest come first.
	Urgent bool
	// NoTotal skips counting the matches (ComplaintPage.Total is then 0):
	// the caller knows the number from CountByStage.
	NoTotal bool
	Page    int // 1-based
	PerPage int
}

// ComplaintPage is one page of a listing.
type ComplaintPage struct {
	Complaints []*Complaint
	Page       int
	PerPage    int
	Total      int
}

// DistrictCount is the number of complaints in one district at one stage.
type DistrictCount struct {
	District int
	Stage    Stage
	Count    int
	Overdue  int // of Count, past their deadline on the unit's clock
}

// NewComplaint is what intake knows when it opens a complaint from a post.
type NewComplaint struct {
	Source         string // "x"
	SourcePostID   string
	AuthorID       string
	AuthorUsername string
	ConversationID string
	Text           string
	Lang           string
	Lat, Lon       *float64
	Media          []Media
	ReceivedAt     time.Time // when the post was made; the store's clock when zero

	Triage *Triage // suggestions; nil when none
	// Forward sends the complaint to the suggested district at once, as an
	// event by the system: triage was confident enough.
	Forward bool
	// ForwardUnit sends the complaint to this functional unit at once
	// instead ("unit:grp"): the post tagged the unit's account.
	ForwardUnit string
	// NoAcknowledge skips the acknowledgement: X lets the desk reply only to
	// posts that mention the account.
	NoAcknowledge bool
	// Acknowledged is the account's reply to the post already on X (see
	// Incoming.Prior): the complaint takes its docket code, when no other
	// complaint holds it, and the reply is recorded as its acknowledgement.
	Acknowledged *PriorReply
}

// Validate checks a new complaint and fills its defaults (the source "x").
func (in *NewComplaint) Validate() error {
	in.SourcePostID = strings.TrimSpace(in.SourcePostID)
	switch {
	case in.SourcePostID == "":
		return Errorf(EINVALID, "A complaint needs the id of the post it came from.")
	case len(in.SourcePostID) > 64:
		return Errorf(EINVALID, "Post id is too long.")
	case !utf8.ValidString(in.Text):
		return Errorf(EINVALID, "Complaint text is not valid UTF-8.")
	case strings.TrimSpace(in.Text) == "":
		return Errorf(EINVALID, "A complaint needs text.")
	case len(in.Text) > 20000:
		return Errorf(EINVALID, "Complaint text is too long.")
	}
	if in.Source == "" {
		in.Source = "x"
	}
	if t := in.Triage; t != nil {
		if t.Urgency != "" && !t.Urgency.Valid() {
			return Errorf(EINVALID, "Unknown class %q.", t.Urgency)
		}
		if t.Type != "" && !t.Type.Valid() {
			return Errorf(EINVALID, "Unknown type %q.", t.Type)
		}
		if t.District != 0 {
			if _, ok := DistrictByLGD(t.District); !ok {
				return Errorf(EINVALID, "District %d is not one of UP's districts.", t.District)
			}
		}
	}
	return nil
}

// PublicFilter selects complaints for a public list (Open311): only
// public fields are read.
type PublicFilter struct {
	IDs      []int64   // when set, only these (other fields still apply)
	Type     Type      // the type a person set, else triage's
	Closed   *bool     // nil: every status
	From, To time.Time // received in [From, To]; zero: unbounded
	Limit    int       // at most this many, newest first; 1000 when 0
}
