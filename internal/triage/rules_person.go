package triage

import "github.com/shikayat/shikayat"

// Dangers told in more than one run of words: a person taken away, an
// unattended bag with words between, a family member beaten.

// takePerson are the words of taking someone away by force: with a person
// (personNouns) before them, a kidnapping.
var takePerson = phrases("le gaye", "le gaya", "le gayi", "ले गए", "ले गया", "ले गई", "ले गये", "utha liya", "utha liye", "उठा लिया",
	"उठा लिए", "utha le gaye", "उठा ले गए", "utha ke le gaye", "उठा के ले गए", "उठाकर ले गए", "uthakar le gaye", "gaadi me daal",
	"gaadi mein daal", "gadi me daal", "गाड़ी में डाल", "गाड़ी में डालकर", "car me daal", "कार में डाल", "जबरदस्ती ले गए",
	"zabardasti le gaye", "jabardasti le gaye", "forced into", "dragged into", "pushed into", "bundled into", "pulled into",
	"drove off with", "drove away with")

// suspectObject are the things an unattended or suspicious … names.
var (
	unattendedWords = phrases("unattended", "abandoned", "suspicious", "lawaris", "लावारिस", "संदिग्ध", "sandigdh", "lavaris")
	objectWords     = phrases("bag", "bags", "suitcase", "backpack", "box", "packet", "package", "parcel", "object", "thaila",
		"बैग", "सूटकेस", "थैला", "डिब्बा", "पैकेट", "वस्तु", "attachi", "अटैची")
	// a family member hurt by others ("mere bhai ko … maara")
	hurtWords = phrases("maara", "mara", "maar maar", "maar ke", "मार मार", "मारकर", "maar diya", "peeta", "pita", "peet diya", "मारा", "पीटा", "मार दिया", "पीट दिया", "beat",
		"beaten", "attacked", "stabbed", "chaku maara", "चाकू मारा", "goli maari", "गोली मारी", "shot")
)

// personTaken returns the words of a person taken away by force ("meri
// beti ko … gaadi me daal kar le gaye", "forced my daughter into a car"),
// or "".
func personTaken(toks []Token) string {
	if w := personThen(toks, takeByForce, 10); w != "" {
		return w
	}
	// English: "forced my sister into a van", "dragged the girl into a car"
	for i, t := range toks {
		if !personNouns[t.Key] {
			continue
		}
		for j := max(0, i-3); j < i; j++ {
			if !forceVerbs[toks[j].Key] {
				continue
			}
			for k := i + 1; k < len(toks) && k <= i+2; k++ {
				if toks[k].Key == "into" {
					return joinToks(toks[j : k+1])
				}
			}
		}
	}
	// a bare "le gaye" is as often an elopement days old ("bahla-phuslakar
	// le gaya, do din ho gaye"): a kidnapping only with force named
	if forceWords.first(toks) != "" {
		return personThen(toks, takePerson, 10)
	}
	return ""
}

// takeByForce are the words of taking someone that carry the force in
// themselves; forceWords name it beside a bare "le gaye".
var (
	takeByForce = phrases("utha liya", "utha liye", "उठा लिया", "उठा लिए", "utha le gaye", "उठा ले गए", "utha ke le gaye", "उठा के ले गए",
		"उठाकर ले गए", "uthakar le gaye", "gaadi me daal", "gaadi mein daal", "gadi me daal", "गाड़ी में डाल", "गाड़ी में डालकर",
		"car me daal", "कार में डाल", "जबरदस्ती ले गए", "zabardasti le gaye", "jabardasti le gaye", "forced into", "dragged into",
		"pushed into", "bundled into", "pulled into", "drove off with", "drove away with")
	forceWords = phrases("jabardasti", "zabardasti", "जबरदस्ती", "जबरन", "jabran", "zabardasti", "abhi abhi", "अभी अभी", "gaadi", "गाड़ी",
		"car", "van", "forcibly", "by force", "pistol", "तमंचा", "tamancha", "hathiyar", "हथियार")
)

// forceVerbs put a person into something by force (as keys).
var forceVerbs = keySet("forced", "dragged", "pushed", "bundled", "pulled", "threw", "shoved")

// first returns the first phrase of ps in toks, or "".
func (ps *phraseSet) first(toks []Token) string {
	for i := range toks {
		if n := ps.at(toks, i); n > 0 {
			return joinToks(toks[i : i+n])
		}
	}
	return ""
}

// personHurt returns the words of a person beaten or attacked, or "".
func personHurt(toks []Token) string { return personThen(toks, hurtWords, 8) }

// personThen finds a person noun followed within span words by a phrase of
// ps (or, in English, the phrase before the person: "forced my sister
// into", "attacked my father").
func personThen(toks []Token, ps *phraseSet, span int) string {
	for i, t := range toks {
		if !personNouns[t.Key] {
			continue
		}
		for j := max(0, i-3); j < len(toks) && j <= i+span; j++ {
			if j == i {
				continue
			}
			if n := ps.at(toks, j); n > 0 {
				return joinToks(toks[min(i, j):max(i+1, j+n)])
			}
		}
	}
	return ""
}

// suspectBag returns the words of an unattended bag with up to three
// words between ("unattended black bag"), or "".
func suspectBag(toks []Token) string {
	for i := range toks {
		if unattendedWords.at(toks, i) == 0 {
			continue
		}
		for j := i + 1; j < len(toks) && j <= i+4; j++ {
			if n := objectWords.at(toks, j); n > 0 {
				return joinToks(toks[i : j+n])
			}
		}
	}
	return ""
}

func joinToks(toks []Token) string {
	s := ""
	for i, t := range toks {
		if i > 0 {
			s += " "
		}
		s += t.Text
	}
	return s
}

// dangerInRuns returns the words of a danger told in separate runs, and the
// type it implies.
func dangerInRuns(toks []Token, pm phraseMatches) (string, shikayat.Type) {
	if w := personTaken(toks); w != "" {
		return w, shikayat.TypeMissingPerson
	}
	// a person beaten and bleeding or unconscious
	if inj := pm.in(injuredWords); inj != "" {
		if w := personHurt(toks); w != "" {
			return w + " … " + inj, shikayat.TypeAssaultThreat
		}
	}
	if w := suspectBag(toks); w != "" {
		return w, shikayat.TypeOther
	}
	return "", ""
}
