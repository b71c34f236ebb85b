package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/shikayat/shikayat"
)

// insertCorrection records a person's correction of triage in tx, the
// transaction of the action that makes it.
func insertCorrection(ctx context.Context, tx *sql.Tx, c *shikayat.Correction) error {
	var user sql.NullInt64
	if c.UserID != 0 {
		user = sql.NullInt64{Int64: c.UserID, Valid: true}
	}
	var complaint sql.NullInt64
	if c.ComplaintID != 0 {
		complaint = sql.NullInt64{Int64: c.ComplaintID, Valid: true}
	}
	err := tx.QueryRowContext(ctx, `
		INSERT INTO corrections (post_id, complaint_id, field, suggested, corrected, user_id, by_name, at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		c.PostID, complaint, c.Field, c.Suggested, c.Corrected, user, c.By, ms(c.At)).Scan(&c.ID)
	if err != nil {
		return fmt.Errorf("save correction: %w", err)
	}
	return nil
}

// RecordCorrection records a correction on its own (a held post judged by
// a person, say); actions on complaints record theirs in their own
// transaction.
func (s *DB) RecordCorrection(ctx context.Context, c *shikayat.Correction) error {
	if c.At.IsZero() {
		c.At = s.now()
	}
	return s.withTx(ctx, func(tx *sql.Tx) error { return insertCorrection(ctx, tx, c) })
}

// CorrectedPost is a post with the judgement people gave it: triage's
// suggestions with every correction applied, the latest of each field
// winning.
type CorrectedPost struct {
	Post  shikayat.Post
	Label CorrectedLabel
}

// CorrectedLabel is the labelled shape `shikayat train --extra` reads.
type CorrectedLabel struct {
	ID         string  `json:"id"`
	Intent     string  `json:"intent"`
	Actionable bool    `json:"actionable"`
	Urgency    *string `json:"urgency"`
	Type       *string `json:"type"`
	District   *int    `json:"district"`
	Lang       string  `json:"lang"`
}

// EachCorrectedPost calls fn for every post that people corrected, in the
// order of their first correction, reading one post at a time.
func (s *DB) EachCorrectedPost(ctx context.Context, fn func(CorrectedPost) error) error {
	rows, err := s.db.QueryContext(ctx, `
		SELECT p.id, p.body, p.intent, p.lang,
			COALESCE(c.suggested_district, 0), COALESCE(c.suggested_class, ''), COALESCE(c.suggested_type, ''),
			CASE WHEN c.id IS NULL THEN 0 ELSE 1 END
		FROM (SELECT post_id, min(id) AS first FROM corrections GROUP BY post_id) k
		JOIN posts p ON p.id = k.post_id
		LEFT JOIN complaints c ON c.source_post_id = p.id
		ORDER BY k.first`)
	if err != nil {
		return fmt.Errorf("read corrections: %w", err)
	}
	type item struct {
		id, body, intent, lang string
		district               int
		class, typ             string
		complaint              bool
	}
	var items []item
	for rows.Next() {
		var it item
		var complaint int
		if err := rows.Scan(&it.id, &it.body, &it.intent, &it.lang, &it.district, &it.class, &it.typ, &complaint); err != nil {
			rows.Close()
			return fmt.Errorf("read corrections: %w", err)
		}
		it.complaint = complaint == 1
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read corrections: %w", err)
	}
	for _, it := range items {
		var p shikayat.Post
		if err := json.Unmarshal([]byte(it.body), &p); err != nil || p.ID == "" {
			continue // an unreadable post: nothing to learn from
		}
		l := CorrectedLabel{ID: it.id, Intent: it.intent, Actionable: it.complaint, Lang: it.lang}
		district, class, typ := it.district, it.class, it.typ
		crow, err := s.db.QueryContext(ctx, `SELECT field, corrected FROM corrections WHERE post_id = $1 ORDER BY id`, it.id)
		if err != nil {
			return fmt.Errorf("read corrections: %w", err)
		}
		for crow.Next() {
			var field, value string
			if err := crow.Scan(&field, &value); err != nil {
				crow.Close()
				return fmt.Errorf("read corrections: %w", err)
			}
			switch field {
			case shikayat.CorrectActionable:
				l.Actionable = value == "true"
			case shikayat.CorrectDistrict:
				district, _ = strconv.Atoi(value)
			case shikayat.CorrectClass:
				class = value
			case shikayat.CorrectType:
				typ = value
			}
		}
		crow.Close()
		if err := crow.Err(); err != nil {
			return fmt.Errorf("read corrections: %w", err)
		}
		if l.Actionable {
			if l.Intent == "" || l.Intent == "other" || l.Intent == "feedback" {
				l.Intent = "complaint"
			}
			if class != "" {
				l.Urgency = &class
			}
			if typ != "" {
				l.Type = &typ
			}
		} else if l.Intent == "" || l.Intent == "complaint" {
			l.Intent = "other"
		}
		if district != 0 {
			l.District = &district
		}
		if err := fn(CorrectedPost{Post: p, Label: l}); err != nil {
			return err
		}
	}
	return nil
}
