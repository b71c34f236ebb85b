package triage

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
)

// Locator maps a position to the district that contains it.
type Locator interface {
	// Locate returns the LGD code of the district at lat, lon, how it was
	// found (e.g. "boundary", "nearest point"), and false when the
	// position lies in no UP district.
	Locate(lat, lon float64) (lgd int, how string, ok bool)
}

// Route is a routing decision: the district (0 for none), how sure it is,
// and why.
type Route struct {
	District   int
	Confidence float64
	Reasons    []string
}

// Words around a place name that say the incident is there, or that the
// place is only where someone comes from.
var (
	atBefore = keySet("in", "at", "near", "outside", "inside", "thana", "थाना", "थाने", "जिला", "जिले", "जनपद", "janpad", "jila", "jile", "district", "distt", "dist", "kotwali", "कोतवाली", "chowki", "चौकी", "area", "क्षेत्र", "shahar", "शहर", "city", "village", "गांव", "gaon", "gav", "mohalla", "मोहल्ला", "inside")
	atAfter  = keySet("में", "me", "mein", "main", "mai", "men", "पर", "par", "pe", "district", "distt", "dist", "जिले", "जिला", "जनपद", "janpad", "jile", "jila", "thana", "थाना", "थाने", "ke", "के", "की", "ki", "police", "पुलिस", "city", "शहर", "kshetra", "क्षेत्र", "area", "station", "स्टेशन", "road", "रोड", "bazar", "बाजार", "market", "chauraha", "चौराहा", "चौराहे", "crossing", "sector", "colony", "कॉलोनी",
		"roadways", "रोडवेज", "bus", "बस", "stand", "स्टैंड", "junction", "जंक्शन", "railway", "रेलवे", "tehsil", "तहसील", "block", "ब्लॉक",
		"kotwali", "कोतवाली", "chowki", "चौकी", "mandi", "मंडी", "sadar", "सदर", "dehat", "देहात")
	fromBefore = keySet("from", "to", "towards", "via", "visit", "visiting", "native", "originally")
	// "Delhi road", "Agra gate": a street named after a city, not the city.
	streetAfter = keySet("road", "rd", "रोड", "marg", "मार्ग", "highway", "expressway", "एक्सप्रेसवे", "bypass", "बाईपास", "gate", "गेट", "darwaza", "दरवाजा", "mod", "मोड़", "chungi", "चुंगी", "stand", "स्टैंड", "wali", "वाली", "wale", "वाले", "trip", "ट्रिप", "tour")
	fromAfter   = keySet("से", "se", "ja", "jaa", "jaate", "jate", "जा", "जाते", "gaye", "jana", "जाना", "aaya", "aya", "आया", "aaye", "आए", "aayi", "आई", "वाला", "वाले", "wala", "wale", "tak", "तक", "bound", "based")
)

// textScore weighs one place named in the text by its kind and the words
// around it. marked reports whether the words say the incident is there.
func textScore(m Match, toks []Token) (w float64, marked bool) {
	w = m.Kind().weight()
	if m.Fuzzy || m.Romanised {
		w *= 0.6
	}
	if m.Start > 0 {
		prev := toks[m.Start-1].Key
		if atBefore[prev] {
			w *= 1.5
			marked = true
		} else if fromBefore[prev] {
			w *= 0.5
		}
	}
	if m.End < len(toks) {
		next := toks[m.End].Key
		switch {
		case m.Kind() == KindOutside && streetAfter[next]:
			return 0, false
		case atAfter[next]:
			w *= 1.5
			marked = true
		case fromAfter[next]:
			w *= 0.5
			marked = false
		}
	}
	if toks[m.Start].Hashtag {
		w *= 0.8
	}
	return w, marked
}

// route decides the district of a post. Signals rank as the guidelines say:
// the place named in the text, exact coordinates, the place object, a
// district police account tagged, the author's profile location.
func (t *Triager) route(p *shikayat.Post, toks []Token) Route {
	return t.routeWith(p, toks, nil, &writtenWords{text: p.Text})
}

// routeWith is route, with a memo of single words for the gazetteer and
// the post's words as written (sf, of p.Text), shared with the other
// reasons.
func (t *Triager) routeWith(p *shikayat.Post, toks []Token, memo *wordMemo, sf *writtenWords) Route {
	var r Route
	g := t.gaz

	// 1. The text.
	matches := g.find(toks, memo)
	scores := map[int]float64{}
	var outsideScore, outsideMention float64
	var outsideName string
	var textReasons []string
	var ambiguous []int
	first := true
	// weakOnly stays true while every place named is a weak match: one
	// letter off, romanised from Devanagari, or a short name with no word
	// around it that puts the incident there.
	weakOnly := true
	for _, m := range matches {
		k := m.Kind()
		if k == KindState {
			continue
		}
		s, marked := textScore(m, toks)
		if capital, ok := wordlikeNames[m.Surface]; ok && !marked && !firstWord(toks, m.Start) && (capital == "" || !strings.Contains(p.Text, capital)) {
			continue // sambhal, "to handle", is not Sambhal
		}
		if k == KindOutside {
			// A place outside UP counts only where the words put the
			// incident there; "a trip to Nainital" does not.
			if marked && s > outsideScore {
				outsideScore, outsideName = s, m.Surface
			} else if s > outsideMention {
				outsideMention = s
				if outsideName == "" {
					outsideName = m.Surface
				}
			}
			continue
		}
		ds := m.Districts()
		if len(ds) == 0 {
			continue
		}
		if !(m.Fuzzy || m.Romanised || (!marked && utf8.RuneCountInString(m.Surface) <= 4)) {
			weakOnly = false
		}
		if first {
			s += 0.3 // the first place named is most often where it happened
			first = false
		}
		for _, d := range ds {
			scores[d] += s / float64(len(ds))
		}
		if len(ds) > 1 {
			ambiguous = append(ambiguous, ds...)
		}
		textReasons = append(textReasons, matchReason(m, ds, writtenPhrase(sf, m.Surface)))
	}
	best, bestScore, second := top(scores)

	// A clear, strong text match decides without the other signals.
	if best != 0 && !weakOnly && bestScore > outsideScore && bestScore-second >= 0.5 {
		r.District = best
		r.Confidence = clamp01(0.55 + 0.1*bestScore)
		r.Reasons = append(r.Reasons, textReasons...)
		return r
	}

	// Signals after the text, computed once.
	coord, coordWhy, coordOK := t.fromCoordinates(p)
	plc, plcWhy, plcOK, plcNull := t.fromPlace(p)
	hnd, hndWhy, hndOK := t.fromHandles(p, toks)
	prof, profWhy, profOK := t.fromProfile(p)

	// A lone weak match in the text never outranks another signal.
	if best != 0 && weakOnly && (coordOK || plcOK || hndOK || profOK) {
		textReasons = append(textReasons[:0:0], fmt.Sprintf("text: only a weak match (%s), outranked", districtName(best)))
		best, bestScore, second = 0, 0, 0
	}

	// Ambiguous text names are settled by another signal that agrees.
	if best != 0 && bestScore-second < 0.5 && len(ambiguous) > 0 {
		for _, alt := range []struct {
			lgd int
			ok  bool
		}{{coord, coordOK}, {plc, plcOK}, {hnd, hndOK}, {prof, profOK}} {
			if alt.ok && scores[alt.lgd] > 0 {
				best, bestScore, second = alt.lgd, scores[alt.lgd]+1, 0
				break
			}
		}
	}

	switch {
	case best != 0 && bestScore > outsideScore && bestScore-second >= 0.5:
		r.District = best
		r.Confidence = clamp01(0.55 + 0.1*bestScore)
		r.Reasons = append(r.Reasons, textReasons...)
		return r
	case outsideScore > 0 && outsideScore >= bestScore && !coordOK && !plcOK:
		// Exact coordinates or a place in UP outrank a mention.
		r.Reasons = append(r.Reasons, fmt.Sprintf("text: %s is outside Uttar Pradesh → no district", writtenPhrase(sf, outsideName)))
		r.Confidence = 0.8
		return r
	case best != 0:
		r.Reasons = append(r.Reasons, textReasons...)
		r.Reasons = append(r.Reasons, "text: places of several districts named")
	}

	// 2. Coordinates, 3. place object, 4. a district police account,
	// 5. the author's profile.
	switch {
	case coordOK:
		r.District, r.Confidence = coord, 0.9
		r.Reasons = append(r.Reasons, coordWhy)
	case plcOK:
		r.District, r.Confidence = plc, 0.8
		r.Reasons = append(r.Reasons, plcWhy)
	case plcNull:
		r.Reasons = append(r.Reasons, plcWhy)
		r.Confidence = 0.6
	case hndOK:
		r.District, r.Confidence = hnd, 0.75
		r.Reasons = append(r.Reasons, hndWhy)
	case hndWhy != "":
		// a police account of another state was tagged
		r.Reasons = append(r.Reasons, hndWhy)
		r.Confidence = 0.6
	case outsideMention > 0 && best == 0:
		r.Reasons = append(r.Reasons, fmt.Sprintf("text: %s is outside Uttar Pradesh and no UP place is named → no district", writtenPhrase(sf, outsideName)))
		r.Confidence = 0.5
	case profOK:
		r.District, r.Confidence = prof, 0.6
		r.Reasons = append(r.Reasons, profWhy)
	case best != 0:
		r.District, r.Confidence = best, 0.4
	default:
		if coordWhy != "" {
			r.Reasons = append(r.Reasons, coordWhy)
		}
		if profWhy != "" {
			r.Reasons = append(r.Reasons, profWhy)
		}
		r.Reasons = append(r.Reasons, "no UP district named")
		r.Confidence = 0.5
	}
	return r
}

// firstWord reports whether token i is the first word of the post after
// mentions (a dateline: "बस्ती: …").
func firstWord(toks []Token, i int) bool {
	for j := 0; j < i; j++ {
		if !toks[j].Mention {
			return false
		}
	}
	return true
}

func top(scores map[int]float64) (best int, bestScore, second float64) {
	for d, s := range scores {
		if s > bestScore || (s == bestScore && d < best) {
			best, second, bestScore = d, bestScore, s
		} else if s > second {
			second = s
		}
	}
	return best, bestScore, second
}

func clamp01(x float64) float64 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}

// matchReason names a match of the text, quoted as written.
func matchReason(m Match, ds []int, quoted string) string {
	kind := m.Kind().String()
	fuzzy := ""
	if m.Fuzzy {
		fuzzy = ", one letter off"
	}
	if m.Romanised {
		fuzzy = ", romanised"
	}
	if len(ds) == 1 {
		return fmt.Sprintf("text: %s → %s (%d) [%s%s]", quoted, districtName(ds[0]), ds[0], kind, fuzzy)
	}
	names := make([]string, len(ds))
	sort.Ints(ds)
	for i, d := range ds {
		names[i] = fmt.Sprintf("%s (%d)", districtName(d), d)
	}
	return fmt.Sprintf("text: %s → ambiguous: %s [%s%s]", quoted, strings.Join(names, ", "), kind, fuzzy)
}

func districtName(lgd int) string {
	if d, ok := shikayat.DistrictByLGD(lgd); ok {
		return d.Name
	}
	return "district"
}

func (t *Triager) fromCoordinates(p *shikayat.Post) (int, string, bool) {
	if p.Coordinates == nil || t.loc == nil {
		return 0, "", false
	}
	c := p.Coordinates
	lgd, how, ok := t.loc.Locate(c.Lat, c.Lon)
	if !ok {
		return 0, fmt.Sprintf("coordinates: %.4f,%.4f lie outside Uttar Pradesh", c.Lat, c.Lon), false
	}
	return lgd, fmt.Sprintf("coordinates: %.4f,%.4f → %s (%d) [%s]", c.Lat, c.Lon, districtName(lgd), lgd, how), true
}

// fromPlace reads the post's place object: its name through the
// gazetteer, else the centre of its bounding box when the box is small
// enough to stand for one district. null reports a place that says there
// is no UP district (outside UP, or the whole state).
func (t *Triager) fromPlace(p *shikayat.Post) (lgd int, why string, ok, null bool) {
	pl := p.Place
	if pl == nil {
		return 0, "", false, false
	}
	name := pl.FullName
	if name == "" {
		name = pl.Name
	}
	if pl.Country != "" && !strings.EqualFold(pl.Country, "IN") {
		return 0, fmt.Sprintf("place: %q is outside India → no district", name), false, true
	}
	if d, kind, found := t.bestName(pl.Name, pl.FullName); found {
		switch kind {
		case KindOutside:
			return 0, fmt.Sprintf("place: %q is outside Uttar Pradesh → no district", name), false, true
		case KindState:
			return 0, fmt.Sprintf("place: %q is the whole state → no district", name), false, true
		default:
			return d, fmt.Sprintf("place: %q → %s (%d)", name, districtName(d), d), true, false
		}
	}
	if c, has := pl.Centre(); has && t.loc != nil {
		w, h := pl.BBox[2]-pl.BBox[0], pl.BBox[3]-pl.BBox[1]
		if w > 1.5 || h > 1.5 {
			return 0, fmt.Sprintf("place: %q is too large to name a district", name), false, true
		}
		if d, how, ok := t.loc.Locate(c.Lat, c.Lon); ok {
			return d, fmt.Sprintf("place: %q, centre %.4f,%.4f → %s (%d) [%s]", name, c.Lat, c.Lon, districtName(d), d, how), true, false
		}
		return 0, fmt.Sprintf("place: %q lies outside Uttar Pradesh → no district", name), false, true
	}
	return 0, "", false, false
}

// bestName looks names up in the gazetteer, first one first, and returns
// the district of the first that names exactly one, or the kind of a place
// that is outside UP or the whole state.
func (t *Triager) bestName(names ...string) (int, Kind, bool) {
	for _, n := range names {
		if n == "" {
			continue
		}
		toks := Tokenize(Fold(n))
		ms := t.gaz.Find(toks)
		for _, m := range ms {
			switch k := m.Kind(); k {
			case KindOutside, KindState:
				return 0, k, true
			}
			if ds := m.Districts(); len(ds) == 1 {
				return ds[0], m.Kind(), true
			}
		}
	}
	return 0, 0, false
}

// fromHandles reads the police accounts the post tags. With no UP district
// account but another state's police tagged, why says so and ok is false.
func (t *Triager) fromHandles(p *shikayat.Post, toks []Token) (lgd int, why string, ok bool) {
	mentions := p.Mentions
	for _, tk := range toks {
		// a retweet's text names the accounts the original tagged
		if tk.Mention && !slices.ContainsFunc(mentions, func(m string) bool { return strings.EqualFold(m, tk.Text) }) {
			mentions = append(mentions[:len(mentions):len(mentions)], tk.Text)
		}
	}
	for _, m := range mentions {
		if lgd, ok := t.gaz.Handle(m); ok {
			return lgd, fmt.Sprintf("account: @%s → %s (%d)", m, districtName(lgd), lgd), true
		}
	}
	for _, m := range mentions {
		if outsidePolice[strings.ToLower(m)] {
			why = fmt.Sprintf("account: @%s is police outside Uttar Pradesh → no district", m)
		}
	}
	return 0, why, false
}

// outsidePolice are police accounts of other states and cities.
var outsidePolice = map[string]bool{
	"delhipolice": true, "dcpnewdelhi": true, "mumbaipolice": true, "kolkatapolice": true,
	"blrcitypolice": true, "hydcitypolice": true, "punecitypolice": true, "gurugrampolice": true,
	"police_haryana": true, "haryanapolice": true, "bihar_police": true, "biharpolice": true,
	"policerajasthan": true, "jaipur_police": true, "mppolicedeptt": true, "uttarakhandpolice": true,
	"dehradunpolice": true, "punjabpoliceind": true, "chandigarhpolice": true, "fbdpolice": true,
}

func (t *Triager) fromProfile(p *shikayat.Post) (int, string, bool) {
	loc := strings.TrimSpace(p.AuthorLocation)
	if loc == "" {
		return 0, "", false
	}
	toks := Tokenize(Fold(loc))
	for _, m := range t.gaz.Find(toks) {
		switch m.Kind() {
		case KindOutside:
			return 0, fmt.Sprintf("profile: %q is outside Uttar Pradesh", loc), false
		case KindState:
			continue
		}
		if ds := m.Districts(); len(ds) == 1 {
			return ds[0], fmt.Sprintf("profile: %q → %s (%d)", loc, districtName(ds[0]), ds[0]), true
		}
	}
	return 0, fmt.Sprintf("profile: %q names no UP district", loc), false
}
