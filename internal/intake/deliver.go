package intake

import (
	"context"
	"log/slog"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/store"
	"github.com/shikayat/shikayat/internal/xapi"
)

// Deliver records posts pushed to the desk (Account Activity webhooks, the
// filtered stream) rather than polled. Any node may take them: a post is
// recorded once, whoever sees it first, so no lease is needed, and the
// mentions checkpoint is left to polling, which still reads every mention.
// A pushed copy cannot pre-empt X's own read: when polling reads the post
// differently, the polled copy replaces it.
func (p *Poller) Deliver(ctx context.Context, posts []shikayat.Post) error {
	p.defaults()
	me, err := p.AccountID(ctx)
	if err != nil {
		return err
	}
	prior, err := p.priorReplies(ctx, posts)
	if err != nil {
		return err
	}
	in := make([]shikayat.Incoming, 0, len(posts))
	for i := range posts {
		post := &posts[i]
		if post.ConversationID == "" {
			// X's older webhook shape has no conversation id. A post that
			// replies to none starts its own; a reply takes its parent's,
			// when the desk knows the parent. Otherwise it is left to
			// polling, which reads it with its thread.
			if post.InReplyToPostID == "" {
				post.ConversationID = post.ID
			} else if conv, ok, err := p.DB.ConversationOf(ctx, post.InReplyToPostID); err != nil {
				return err
			} else if ok {
				post.ConversationID = conv
			} else {
				p.Logger.Info("delivered reply left to polling: its thread is not known", slog.String("post_id", post.ID))
				continue
			}
		}
		inc, err := p.incoming(ctx, me, post)
		if err != nil {
			return err
		}
		inc.Pushed = true // a polled copy that differs replaces it
		if r, ok := prior[post.ID]; ok {
			inc.Prior = &r
		}
		in = append(in, inc)
	}
	recs, err := p.DB.RecordPosts(ctx, store.Fence{}, "", "", in)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if !r.Duplicate {
			p.Logger.Info("delivered post recorded", slog.String("post_id", r.PostID), slog.String("kind", string(r.Kind)), slog.String("code", r.ComplaintCode))
		}
	}
	return nil
}

// Webhook returns the Account Activity endpoint that feeds Deliver.
func (p *Poller) Webhook(consumerSecret string) *xapi.Webhook {
	p.defaults()
	return &xapi.Webhook{
		ConsumerSecret: consumerSecret,
		Logger:         p.Logger,
		AccountID:      p.AccountID, // deliveries for another account are refused
		Handle: func(ctx context.Context, ev xapi.WebhookEvent) error {
			return p.Deliver(ctx, ev.Posts)
		},
	}
}
