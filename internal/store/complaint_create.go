package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shikayat/shikayat"
)

// maxDocketDraws bounds how often a clashing docket code is drawn again. With
// 45 random bits a second clash in a row means the random source is broken.
const maxDocketDraws = 8

// CreateComplaint stores a complaint with its docket code, its first event
// and its acknowledgement job, all in one transaction. It is idempotent on
// the source post: a second call for the same post returns the first
// complaint and created=false.
func (s *DB) CreateComplaint(ctx context.Context, in shikayat.NewComplaint) (c *shikayat.Complaint, created bool, err error) {
	err = s.withTx(ctx, func(tx *sql.Tx) error {
		c, created, err = s.createComplaint(ctx, tx, in)
		return err
	})
	if err != nil {
		return nil, false, err
	}
	return c, created, nil
}

// CreateComplaintTx is CreateComplaint inside a caller's transaction, for
// intake that records the post and its checkpoint in the same commit.
func (s *DB) CreateComplaintTx(ctx context.Context, tx *sql.Tx, in shikayat.NewComplaint) (*shikayat.Complaint, bool, error) {
	return s.createComplaint(ctx, tx, in)
}

func (s *DB) createComplaint(ctx context.Context, tx *sql.Tx, in shikayat.NewComplaint) (*shikayat.Complaint, bool, error) {
	if err := in.Validate(); err != nil {
		return nil, false, err
	}
	// No look-up first: the insert below does nothing for a post stored
	// before, and then the first complaint is returned.
	now := s.now()
	received := in.ReceivedAt.UTC()
	if in.ReceivedAt.IsZero() || received.After(now) {
		received = now
	}
	c := &shikayat.Complaint{
		Source: in.Source, SourcePostID: in.SourcePostID, AuthorID: in.AuthorID,
		AuthorUsername: in.AuthorUsername, ConversationID: in.ConversationID,
		Text: in.Text, Lang: in.Lang, Stage: shikayat.StageReceived,
		UnitID: shikayat.HQUnitID, Lat: in.Lat, Lon: in.Lon, Media: in.Media,
		ReceivedAt: received, UnitSince: received, UpdatedAt: now, Replyable: !in.NoAcknowledge,
	}
	if t := in.Triage; t != nil {
		c.SuggestedDistrict = t.District
		c.SuggestedClass = t.Urgency
		c.SuggestedType = t.Type
		c.Confidence = t.Confidence
		c.Sensitive, c.SuggestedSensitive = t.Sensitive, t.Sensitive
	}
	c.Status = c.Stage.Status()
	media, err := json.Marshal(c.Media)
	if err != nil {
		return nil, false, fmt.Errorf("create complaint: %w", err)
	}
	if len(c.Media) == 0 {
		media = nil
	}

	prefix := shikayat.DocketPrefix(s.opts.DocketState, istYear(received))
	// A post acknowledged on X before it was recorded (after a restore)
	// keeps the code the citizen was given, unless another complaint holds
	// it: then it is not this post's code, and a new one is drawn.
	adopt := in.Acknowledged
	if adopt != nil {
		if code, err := shikayat.ParseDocket(adopt.Code); err != nil || code != adopt.Code {
			adopt = nil
		}
	}
	for draw := 0; ; draw++ {
		if draw == maxDocketDraws {
			return nil, false, fmt.Errorf("create complaint: %d docket codes in a row clashed", maxDocketDraws)
		}
		var code string
		if adopt != nil && draw == 0 {
			code = adopt.Code
		} else {
			adopt = nil
			if code, err = shikayat.NewDocket(prefix, s.opts.Rand); err != nil {
				return nil, false, err
			}
		}
		c.Code = code
		s.setDue(c)
		err = tx.QueryRowContext(ctx, `
			INSERT INTO complaints (code, source, source_post_id, author_id, author_username,
				conversation_id, text, lang, stage, district, unit_id, suggested_district,
				suggested_class, suggested_type, confidence, lat, lon, media, search_text,
				received_at, unit_since, updated_at, due_at, replyable, sensitive, suggested_sensitive)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
				$18, $19, $20, $21, $22, $23, $24, $25, $26)
			ON CONFLICT DO NOTHING
			RETURNING id`,
			c.Code, c.Source, c.SourcePostID, c.AuthorID, c.AuthorUsername, c.ConversationID,
			c.Text, c.Lang, string(c.Stage), c.District, c.UnitID, c.SuggestedDistrict,
			string(c.SuggestedClass), string(c.SuggestedType), c.Confidence, c.Lat, c.Lon,
			string(media), searchText(c), ms(c.ReceivedAt), ms(c.UnitSince), ms(c.UpdatedAt),
			nullMS(c.DueAt), boolInt(c.Replyable), boolInt(c.Sensitive), boolInt(c.SuggestedSensitive),
		).Scan(&c.ID)
		if err == nil {
			break
		} else if !isNoRows(err) {
			return nil, false, fmt.Errorf("create complaint: %w", err)
		}
		// Nothing inserted: either another transaction stored this post
		// first (return its complaint), or the code clashed (draw again).
		if other, err := findComplaintBy(ctx, tx, "c.source_post_id = $1", in.SourcePostID); err == nil {
			return other, false, nil
		} else if shikayat.ErrorCode(err) != shikayat.ENOTFOUND {
			return nil, false, err
		}
	}

	ev := &shikayat.Event{
		At: now, Actor: shikayat.SystemActor.Name(), Action: "receive",
		ToStage: shikayat.StageReceived, ToUnit: c.UnitID, Public: true,
		Note: "Complaint received.",
	}
	if err := insertEvent(ctx, tx, c.ID, ev); err != nil {
		return nil, false, err
	}
	c.Events = append(c.Events, ev)
	// The first deadline is generation 0's; a forward below that moves it
	// starts generation 1, and this job finds itself outdated.
	if err := s.scheduleSLA(ctx, tx, c, 0, 0); err != nil {
		return nil, false, err
	}

	if forward, ok := intakeForward(in, c); ok {
		ev, err := s.apply(ctx, tx, c, 1, forward, shikayat.SystemActor)
		if err != nil {
			return nil, false, err
		}
		c.Events = append(c.Events, ev)
	} else if c.EffectiveClass() == shikayat.ClassImmediate {
		// Not routed: it waits at HQ, whose staff are alerted.
		hq, err := findUnit(ctx, tx, shikayat.HQUnitID)
		if err != nil {
			return nil, false, err
		}
		if err := insertAlert(ctx, tx, alertFor(c, hq, now)); err != nil {
			return nil, false, err
		}
	}

	if !in.NoAcknowledge && c.EffectiveClass() == shikayat.ClassImmediate {
		if err := s.scheduleAckCheck(ctx, tx, c); err != nil {
			return nil, false, err
		}
	}
	if adopt != nil {
		// Acknowledged on X already: that reply is the acknowledgement.
		if err := s.adoptAcknowledgement(ctx, tx, c, adopt, now); err != nil {
			return nil, false, err
		}
	} else if s.opts.Jobs != nil && !in.NoAcknowledge {
		job := shikayat.Job{Kind: shikayat.JobAcknowledge, ComplaintID: c.ID, PostID: c.SourcePostID, Urgent: c.EffectiveClass() == shikayat.ClassImmediate}
		if err := s.opts.Jobs.InsertTx(ctx, tx, job); err != nil {
			return nil, false, fmt.Errorf("create complaint: queue acknowledgement: %w", err)
		}
	}
	return c, true, nil
}

// searchText is what text search looks in: the folded text, the docket code
// and the author's username.
func searchText(c *shikayat.Complaint) string {
	return strings.ToLower(c.Text + " " + c.Code + " @" + c.AuthorUsername)
}

// setDue recomputes the complaint's next deadline.
func (s *DB) setDue(c *shikayat.Complaint) {
	if t, ok := s.sla().Deadline(c); ok {
		c.DueAt = &t
	} else {
		c.DueAt = nil
	}
}

func insertEvent(ctx context.Context, tx *sql.Tx, complaintID int64, e *shikayat.Event) error {
	var detail []byte
	if len(e.Detail) > 0 {
		var err error
		if detail, err = json.Marshal(e.Detail); err != nil {
			return fmt.Errorf("save event: %w", err)
		}
	}
	var user sql.NullInt64
	if e.UserID != 0 {
		user = sql.NullInt64{Int64: e.UserID, Valid: true}
	}
	public := 0
	if e.Public {
		public = 1
	}
	// The hash covers the detail as stored, read back.
	stored, err := parseDetail(string(detail))
	if err != nil {
		return fmt.Errorf("save event: %w", err)
	}
	tr, err := chainEvent(ctx, tx, complaintID, e, stored)
	if err != nil {
		return err
	}
	err = tx.QueryRowContext(ctx, `
		INSERT INTO events (complaint_id, at, actor, user_id, action, from_stage, to_stage,
			from_unit, to_unit, note, public, detail, hash, actor_digest, note_digest, salt, by_unit)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
		RETURNING id`,
		complaintID, ms(e.At), e.Actor, user, e.Action, string(e.FromStage), string(e.ToStage),
		e.FromUnit, e.ToUnit, e.Note, public, string(detail),
		tr.hash, tr.actorDigest, tr.noteDigest, tr.salt, e.ByUnit,
	).Scan(&e.ID)
	if err != nil {
		return fmt.Errorf("save event: %w", err)
	}
	e.ComplaintID = complaintID
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
