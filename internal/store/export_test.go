package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/shikayat/shikayat"
)

// ForgeEvent writes e on the complaint's chain as the store itself would,
// hashes and all, without any of the rules of the action it names: what an
// insider with the code and the database can do.
func (s *DB) ForgeEvent(ctx context.Context, complaintID int64, e *shikayat.Event) error {
	return s.withTx(ctx, func(tx *sql.Tx) error { return insertEvent(ctx, tx, complaintID, e) })
}

// OnLockHeld sets the hook called inside a transaction once it holds a
// post's row lock (see DB.locked).
func (s *DB) OnLockHeld(f func(step string)) { s.locked = f }

// SetImportLockWait sets how long ImportStations waits for a lock.
func (s *DB) SetImportLockWait(d time.Duration) { s.lockWait = d }

// TrackBatches tells how many queries TrackComplaint's flights made and how
// many lookups they read.
func (s *DB) TrackBatches() (queries, lookups int64) {
	s.track.mu.Lock()
	defer s.track.mu.Unlock()
	return s.track.batches, s.track.batched
}

// TrackQueued tells how many lookups wait for a flight.
func (s *DB) TrackQueued() int {
	s.track.mu.Lock()
	defer s.track.mu.Unlock()
	return len(s.track.queue)
}

// HoldTrackFlights makes the tracking flights wait, each with the batch it
// took, until release is called.
func (s *DB) HoldTrackFlights() (release func()) {
	hold := make(chan struct{})
	s.track.mu.Lock()
	s.track.hold = hold
	s.track.mu.Unlock()
	return func() {
		s.track.mu.Lock()
		s.track.hold = nil
		s.track.mu.Unlock()
		close(hold)
	}
}

// SameView is sameView, the comparison of two public views.
var SameView = sameView
