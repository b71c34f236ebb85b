package intake

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
)

// PriorFinder looks on X for the account's own replies to posts: the reply
// sender's path, as after an uncertain send (replies.Sender).
type PriorFinder interface {
	// PriorReplies returns, per post of to, the account's reply to it that
	// gives a docket code, reading the account's posts newer than since.
	PriorReplies(ctx context.Context, since string, to []string) (map[string]shikayat.PriorReply, error)
}

// priorReplies finds, for the posts of a poll the desk has no record of
// and that came after the backup the database was restored from, the
// account's replies on X: the desk the backup came from may have
// acknowledged them, and a complaint opened for one takes the docket code
// the citizen was given instead of a second one. A database never restored
// looks nothing up. Failing to read X fails the poll: no post of the window
// is recorded unread.
func (p *Poller) priorReplies(ctx context.Context, posts []shikayat.Post) (map[string]shikayat.PriorReply, error) {
	mark, restored, err := p.DB.Restored(ctx)
	if err != nil || !restored {
		return nil, err
	}
	low, high := p.restoreWindow(mark)
	var ids []string
	for _, post := range posts {
		if compareIDs(post.ID, low) > 0 && compareIDs(post.ID, high) <= 0 {
			ids = append(ids, post.ID)
		}
	}
	if ids, err = p.DB.Unrecorded(ctx, ids); err != nil || len(ids) == 0 {
		return nil, err
	}
	if p.Prior == nil {
		return nil, fmt.Errorf("%d posts came after the backup this database was restored from, and nothing looks on X for the desk's replies to them", len(ids))
	}
	since := low
	if since == "0" {
		since = "" // the copy had read nothing: every post of the account
	}
	found, err := p.Prior.PriorReplies(ctx, since, ids)
	if err != nil {
		return nil, fmt.Errorf("look for the desk's replies to posts after the backup: %w", err)
	}
	p.Logger.Info("posts after the backup looked up on X", slog.Int("posts", len(ids)), slog.Int("answered", len(found)))
	return found, nil
}

// restoreWindow is where posts the desk the backup came from may have
// answered lie: above the copy's checkpoint of this poller's account less the overlap (a post read
// late, or pushed ahead of the poll, may be missing from the copy below
// its checkpoint), up to the moment of the restore.
func (p *Poller) restoreWindow(m store.RestoreMark) (low, high string) {
	low = "0"
	cp := m.Checkpoint // a mark made before each account kept its own
	if m.Checkpoints != nil {
		cp = m.Checkpoints[p.name(CheckpointName)]
	}
	if at, ok := shikayat.SnowflakeTime(cp); ok {
		low = shikayat.SnowflakeAt(at.Add(-p.Overlap))
	}
	return low, shikayat.SnowflakeAt(m.At)
}
