package shikayat

import "time"

// IST is India Standard Time. Times are stored in UTC and shown in IST, and
// days in reports are IST days. It is a fixed zone (UTC+05:30, no daylight
// saving), so it needs no time zone database.
var IST = time.FixedZone("IST", 5*3600+1800)

// ISTDay returns the IST calendar day of t as YYYY-MM-DD.
func ISTDay(t time.Time) string { return t.In(IST).Format(time.DateOnly) }

// ParseISTDay reads YYYY-MM-DD as the start of that IST day.
func ParseISTDay(s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, s, IST)
	if err != nil {
		return time.Time{}, Errorf(EINVALID, "Date %q must be YYYY-MM-DD.", s)
	}
	return t, nil
}
