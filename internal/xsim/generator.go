package xsim

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xapi"
)

// Generator posts realistic mentions of the account to a Server: complaints
// of every type and urgency in Hindi, Hinglish and English, follow-ups in
// the thread or quoting a docket code, status questions, queries, thanks,
// chatter and retweets, with places in Uttar Pradesh given in the text, as
// coordinates, as a place object or only in the author's profile, and some
// photos. It is for demos and load, not for training triage.
type Generator struct {
	sim *Server

	mu         sync.Mutex
	rng        *rand.Rand
	personas   []persona
	complaints []posted // recent complaints, for follow-ups in their thread
	districts  []shikayat.District
}

type persona struct {
	username, name, location string
}

type posted struct {
	id, username string
	lang         string
}

// NewGenerator returns a generator for s; the same seed gives the same posts.
func NewGenerator(s *Server, seed uint64) *Generator {
	g := &Generator{sim: s, rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), districts: shikayat.Districts()}
	for range 60 {
		g.personas = append(g.personas, g.newPersona())
	}
	return g
}

func (g *Generator) pick(xs []string) string { return xs[g.rng.IntN(len(xs))] }

func (g *Generator) newPersona() persona {
	first, last := g.pick(firstNames), g.pick(lastNames)
	username := strings.ToLower(first) + "_" + strings.ToLower(last[:min(len(last), 4)]) + strconv.Itoa(g.rng.IntN(990)+10)
	d := g.districts[g.rng.IntN(len(g.districts))]
	var loc string
	switch g.rng.IntN(6) {
	case 0:
		loc = d.Name + ", India"
	case 1:
		loc = d.Name + ", Uttar Pradesh"
	case 2:
		loc = d.NameHi
	case 3:
		loc = "India"
	}
	return persona{username: username, name: first + " " + last, location: loc}
}

// Post makes one post and puts it on the simulator; it returns the new id.
func (g *Generator) Post() (string, error) {
	g.mu.Lock()
	defer g.mu.Unlock()
	r := g.rng.Float64()
	switch {
	case r < 0.55:
		return g.complaint()
	case r < 0.63 && len(g.complaints) > 0:
		return g.threadFollowUp()
	case r < 0.71:
		return g.docketFollowUp()
	case r < 0.79:
		return g.simple(queryTemplates)
	case r < 0.86:
		return g.simple(thanksTemplates)
	case r < 0.93:
		return g.simple(chatterTemplates)
	default:
		return g.retweet()
	}
}

// Run posts at perMinute posts a minute on average (arrivals at random, as
// people post) until ctx is done.
func (g *Generator) Run(ctx context.Context, perMinute float64) error {
	if perMinute <= 0 {
		<-ctx.Done()
		return ctx.Err()
	}
	for {
		g.mu.Lock()
		wait := time.Duration(g.rng.ExpFloat64() / perMinute * float64(time.Minute))
		g.mu.Unlock()
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		if _, err := g.Post(); err != nil {
			g.sim.log.Warn("xsim generator: post failed", "err", err)
		}
	}
}

func (g *Generator) lang() string { return [...]string{"hi", "hinglish", "en"}[g.rng.IntN(3)] }

func xlang(lang string) string {
	if lang == "en" {
		return "en"
	}
	return "hi"
}

// mention puts the account's handle at the start or end of text. With
// extra accounts, a third of the posts tag the state account alone, a
// third one of the others alone (as citizens tag whichever they know), and
// a third both.
func (g *Generator) mention(text string) string {
	acct := "@" + g.sim.Account().Username
	if extra := g.sim.ExtraAccounts(); len(extra) > 0 {
		other := "@" + extra[g.rng.IntN(len(extra))]
		switch g.rng.IntN(3) {
		case 0:
			acct = other
		case 1:
			acct += " " + other
		}
	}
	if g.rng.IntN(4) == 0 {
		return text + " " + acct
	}
	return acct + " " + text
}

// place chooses a district, and a locality in it when one is known; it
// returns the phrase for the text in the language asked for.
func (g *Generator) place(lang string) (shikayat.District, string) {
	d := g.districts[g.rng.IntN(len(g.districts))]
	if g.rng.IntN(3) > 0 {
		// Favour the big cities, as real traffic does.
		names := make([]string, 0, len(localities))
		for n := range localities {
			names = append(names, n)
		}
		sortStrings(names)
		name := names[g.rng.IntN(len(names))]
		for _, x := range g.districts {
			if x.Name == name {
				d = x
			}
		}
	}
	locs := localities[d.Name]
	if len(locs) > 0 && g.rng.IntN(2) == 0 {
		l := locs[g.rng.IntN(len(locs))]
		if lang == "hi" {
			return d, l[1]
		}
		return d, l[0]
	}
	if lang == "hi" {
		return d, d.NameHi
	}
	return d, d.Name
}

func sortStrings(xs []string) {
	for i := 1; i < len(xs); i++ {
		for j := i; j > 0 && xs[j] < xs[j-1]; j-- {
			xs[j], xs[j-1] = xs[j-1], xs[j]
		}
	}
}

func (g *Generator) fill(text, lang, placePhrase string) string {
	r := strings.NewReplacer(
		"{p}", placePhrase,
		"{t}", g.pick(times[lang]),
		"{v}", fmt.Sprintf("UP%02d %c%c %04d", g.rng.IntN(95)+1, 'A'+rune(g.rng.IntN(26)), 'A'+rune(g.rng.IntN(26)), g.rng.IntN(10000)),
		"{a}", strconv.Itoa((g.rng.IntN(190)+5)*500),
		"{n}", strconv.Itoa(g.rng.IntN(10)+6),
		"{ph}", fmt.Sprintf("9%09d", g.rng.IntN(1_000_000_000)),
	)
	return r.Replace(text)
}

func (g *Generator) persona() persona {
	if g.rng.IntN(5) == 0 {
		p := g.newPersona()
		g.personas = append(g.personas, p)
		return p
	}
	return g.personas[g.rng.IntN(len(g.personas))]
}

func (g *Generator) complaint() (string, error) {
	t := complaintTemplates[g.rng.IntN(len(complaintTemplates))]
	p := g.persona()
	d, phrase := g.place(t.lang)
	draft := Draft{Username: p.username, Name: p.name, Location: p.location, Lang: xlang(t.lang)}
	// Where the location comes from: the text, or only coordinates, a place
	// object or the profile.
	switch r := g.rng.IntN(20); {
	case r < 2:
		phrase = placeless(t.lang)
		draft.Coordinates = []float64{round4(d.Lon + g.jitter()), round4(d.Lat + g.jitter())}
	case r < 4:
		phrase = placeless(t.lang)
		draft.Place = placeOf(d)
	case r < 6:
		phrase = placeless(t.lang)
		draft.Location = d.Name + ", UP"
	case r < 8:
		draft.Coordinates = []float64{round4(d.Lon + g.jitter()), round4(d.Lat + g.jitter())}
	}
	draft.Text = g.mention(g.fill(t.text, t.lang, phrase))
	if g.rng.IntN(7) == 0 {
		draft.Media = []xapi.Media{g.photo()}
	}
	id, err := g.sim.AddDraft(draft)
	if err == nil {
		g.complaints = append(g.complaints, posted{id: id, username: p.username, lang: t.lang})
		if len(g.complaints) > 200 {
			g.complaints = g.complaints[len(g.complaints)-200:]
		}
	}
	return id, err
}

func placeless(lang string) string {
	switch lang {
	case "hi":
		return "हमारे इलाके"
	case "hinglish":
		return "hamare area"
	}
	return "my area"
}

func round4(x float64) float64 { return math.Round(x*1e4) / 1e4 }

func (g *Generator) jitter() float64 { return (g.rng.Float64() - 0.5) * 0.08 }

// placeOf is X's place object for a district's main town.
func placeOf(d shikayat.District) *xapi.Place {
	return &xapi.Place{
		ID:          fmt.Sprintf("%016x", uint64(d.LGD)*0x9e3779b97f4a7c15),
		FullName:    d.Name + ", India",
		Name:        d.Name,
		Country:     "India",
		CountryCode: "IN",
		PlaceType:   "city",
		Geo:         &xapi.PlaceGeo{Type: "Feature", BBox: []float64{round4(d.Lon - 0.12), round4(d.Lat - 0.1), round4(d.Lon + 0.12), round4(d.Lat + 0.1)}},
	}
}

const mediaChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

func (g *Generator) photo() xapi.Media {
	var b strings.Builder
	for range 15 {
		b.WriteByte(mediaChars[g.rng.IntN(len(mediaChars))])
	}
	return xapi.Media{Type: "photo", URL: "https://pbs.twimg.com/media/" + b.String() + ".jpg", Width: 1200, Height: 900}
}

func (g *Generator) threadFollowUp() (string, error) {
	c := g.complaints[g.rng.IntN(len(g.complaints))]
	d := Draft{Username: c.username, InReplyTo: c.id, Lang: xlang(c.lang),
		Text: g.mention(g.pick(threadFollowUps[c.lang]))}
	if g.rng.IntN(5) == 0 {
		d.Media = []xapi.Media{g.photo()}
	}
	return g.sim.AddDraft(d)
}

var docketRE = regexp.MustCompile(`\b[A-Z]{2}[0-9]{2}-[0-9A-Z]{10}\b`)

// docketFollowUp asks about a docket code the account gave out, replying in
// that thread, or quotes a code from memory (sometimes mistyped).
func (g *Generator) docketFollowUp() (string, error) {
	lang := g.lang()
	var code, replyTo, author string
	posts := g.sim.AccountPosts()
	for tries := 0; tries < 5 && len(posts) > 0 && code == ""; tries++ {
		p := posts[len(posts)-1-g.rng.IntN(min(len(posts), 50))]
		if c := docketRE.FindString(p.Text); c != "" {
			code, replyTo = c, p.ID
			for _, r := range p.ReferencedTweets {
				if target, ok := g.sim.Post(r.ID); ok && r.Type == xapi.RefRepliedTo {
					if u, ok := g.sim.user(target.AuthorID); ok {
						author = u.Username
					}
				}
			}
		}
	}
	if code == "" {
		const crock = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
		var b strings.Builder
		b.WriteString("UP26-")
		for range 10 {
			b.WriteByte(crock[g.rng.IntN(len(crock))])
		}
		code = b.String()
	} else if g.rng.IntN(8) == 0 {
		code = strings.ToLower(code) // people type codes in every case
	}
	d := Draft{Lang: xlang(lang), Text: g.mention(strings.ReplaceAll(g.pick(followUpTemplates[lang]), "{d}", code))}
	if author != "" && g.rng.IntN(2) == 0 {
		d.Username, d.InReplyTo = author, replyTo
	} else {
		p := g.persona()
		d.Username, d.Name, d.Location = p.username, p.name, p.location
	}
	return g.sim.AddDraft(d)
}

func (g *Generator) simple(templates map[string][]string) (string, error) {
	lang := g.lang()
	p := g.persona()
	_, phrase := g.place(lang)
	return g.sim.AddDraft(Draft{Username: p.username, Name: p.name, Location: p.location, Lang: xlang(lang),
		Text: g.mention(g.fill(g.pick(templates[lang]), lang, phrase))})
}

// retweet reposts a recent complaint, or a news post that mentions the account.
func (g *Generator) retweet() (string, error) {
	p := g.persona()
	var orig string
	if len(g.complaints) > 0 && g.rng.IntN(2) == 0 {
		orig = g.complaints[g.rng.IntN(len(g.complaints))].id
	} else {
		n := newsAccounts[g.rng.IntN(len(newsAccounts))]
		_, phrase := g.place("en")
		text := g.fill(g.pick(newsTemplates), "en", phrase)
		if g.rng.IntN(2) == 0 {
			text += " @" + g.sim.Account().Username
		}
		id, err := g.sim.AddDraft(Draft{Username: n.username, Name: n.name, Text: text})
		if err != nil {
			return "", err
		}
		orig = id
	}
	return g.sim.AddDraft(Draft{Username: p.username, Name: p.name, Location: p.location, RetweetOf: orig})
}

func (s *Server) user(id string) (xapi.User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u := s.users[id]
	if u == nil {
		return xapi.User{}, false
	}
	return *u, true
}
