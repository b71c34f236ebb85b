package shikayat

import (
	"strconv"
	"time"
)

// TwitterEpoch is the moment X's post ids count from, in Unix milliseconds:
// a post id (a "snowflake") holds the milliseconds since then in its bits
// above the 22nd.
const TwitterEpoch = 1288834974657

// SnowflakeTime returns the moment an X id was made, and false when id is
// not a positive decimal number.
func SnowflakeTime(id string) (time.Time, bool) {
	n, err := strconv.ParseUint(id, 10, 64)
	if err != nil || n == 0 || len(id) > 20 {
		return time.Time{}, false
	}
	return time.UnixMilli(int64(n>>22) + TwitterEpoch).UTC(), true
}

// SnowflakeAt returns the smallest X id made at t (or at the epoch, for
// times before it).
func SnowflakeAt(t time.Time) string {
	ms := t.UnixMilli() - TwitterEpoch
	if ms < 0 {
		ms = 0
	}
	return strconv.FormatUint(uint64(ms)<<22, 10)
}
