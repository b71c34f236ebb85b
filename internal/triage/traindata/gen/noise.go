package main

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var greetings = map[string][]string{
	"en": {"", "", "", "Sir,", "Respected sir,", "Hello,", "Dear UP Police,", "Sir please help.", "Kindly help.", "Sir/Madam,"},
	"hi": {"", "", "", "महोदय,", "सर,", "श्रीमान जी,", "निवेदन है कि", "आदरणीय महोदय,", "सेवा में,"},
	"hg": {"", "", "", "Sir", "sir ji", "bhaiya", "namaste sir", "sir plz", "Sir ek request hai"},
}

var closings = map[string]map[string][]string{
	"immediate": {
		"en": {"", "Please hurry!", "Send help now", "Urgent!!", "112 is not connecting.", "Please help.", "Please act fast."},
		"hi": {"", "तुरंत मदद करें", "जल्दी पहुंचिए", "112 नहीं लग रहा", "कृपया मदद करें", "बहुत जरूरी है"},
		"hg": {"", "jaldi aao", "please jaldi", "112 nahi lag raha", "help karo", "bahut urgent hai"},
	},
	"mid_term": {
		"en": {"", "Please register an FIR and take action.", "Kindly look into this.", "Please take strict action.", "Hoping for justice.", "Please help."},
		"hi": {"", "कृपया एफआईआर दर्ज कर कार्रवाई करें।", "उचित कार्रवाई की जाए।", "न्याय की उम्मीद है।", "कृपया मदद करें"},
		"hg": {"", "FIR karke action lo please", "sakht karwai kijiye", "insaaf chahiye", "help karo"},
	},
	"long_term": {
		"en": {"", "Please take permanent action.", "Kindly look into this.", "Requesting regular checking.", "Please help."},
		"hi": {"", "स्थायी समाधान किया जाए।", "कृपया संज्ञान लें।", "कृपया मदद करें"},
		"hg": {"", "permanent solution chahiye", "dhyan dijiye please", "help karo"},
	},
	"query": {
		"en": {"", "", "Please guide.", "Thanks in advance.", "Please reply.", "Kindly help."},
		"hi": {"", "", "कृपया मार्गदर्शन करें।", "कृपया बताएं।", "धन्यवाद।"},
		"hg": {"", "", "please batao", "guide kijiye", "reply karo plz"},
	},
	"-": {
		"en": {"", "", "🙏"},
		"hi": {"", "", "🙏"},
		"hg": {"", "", "🙏"},
	},
}

var tags = []string{"#UPPolice", "#help", "#justice", "#UPPolice #help", "#WomenSafety", "#cyberfraud", "#StopCrime", "#यूपी_पुलिस", "#न्याय"}
var emojis = []string{"🙏", "😡", "😢", "🙏🙏", "‼️", "🚨", "😠", "🙏🏻", "😞"}

// registers wrap a complaint the way people write in different settings:
// a formal application (as to the SP's office), a bare fragment, a rant.
var registers = map[string][]string{
	"en": {
		"Respected Sir, this is to bring to your kind notice that {body} Kindly take necessary action. Regards, {name}",
		"Dear Sir/Madam, {body} I request you to look into this at the earliest.",
		"{body} Hope someone acts on this.",
		"URGENT: {body}",
	},
	"hi": {
		"सेवा में, श्रीमान पुलिस अधीक्षक महोदय, सविनय निवेदन है कि {body} अतः श्रीमान जी से निवेदन है कि उचित कार्रवाई करने की कृपा करें। प्रार्थी {name}",
		"महोदय, प्रार्थी निवेदन करता है कि {body} कृपया संज्ञान लेकर कार्रवाई करें।",
		"{body} आशा है उचित कदम उठाए जाएंगे।",
		"अति आवश्यक: {body}",
		"{body} कृपया इसे गंभीरता से लें।",
	},
	"hg": {
		"sir ek request hai, {body} please jaldi action lijiye. {name}",
		"bhai koi sunega?? {body}",
		"{body} umeed hai kuch hoga",
		"URGENT hai sir: {body}",
		"{body} sir please dekh lo ek baar",
	},
}

func (g *gen) compose(body string, sc scenario, lang string) string {
	if sc.plain && g.chance(0.5) {
		// as first written: the report and nothing around it
		if g.chance(0.15) {
			body += " " + g.pick(emojis)
		}
		return body
	}
	if (sc.intent == "complaint" || sc.intent == "follow_up") && g.chance(0.2) {
		wrap := g.pick(registers[lang])
		if sc.urgency != "immediate" && (strings.HasPrefix(wrap, "URGENT") || strings.HasPrefix(wrap, "अति आवश्यक")) {
			wrap = "{body}"
		}
		name := g.personName()
		return strings.NewReplacer("{body}", body, "{name}", name).Replace(wrap)
	}
	if sc.intent == "complaint" && g.chance(0.1) {
		// a bare fragment: the first clause only
		if i := strings.IndexAny(body, ",।."); i > 20 {
			body = body[:i]
		}
	}
	parts := []string{}
	if gr := g.pick(greetings[lang]); gr != "" {
		parts = append(parts, gr)
	}
	parts = append(parts, body)
	if sc.intent == "query" {
		if c := g.pick(closings["query"][lang]); c != "" {
			parts = append(parts, c)
		}
	} else if sc.intent == "complaint" {
		if c := g.pick(closings[sc.urgency][lang]); c != "" {
			parts = append(parts, c)
		}
	} else if c := g.pick(closings["-"][lang]); c != "" {
		parts = append(parts, c)
	}
	s := strings.Join(parts, " ")
	if g.chance(0.3) {
		s += " " + g.pick(emojis)
	}
	if g.chance(0.2) {
		s += " " + g.pick(tags)
	}
	return s
}

var devaVariants = strings.NewReplacer("ं", "ँ", "ज", "ज़", "फ", "फ़", "ड़", "ड", "ी", "ि")

func (g *gen) noise(s, lang string) string {
	if lang != "hi" {
		if g.chance(0.25) {
			s = strings.ToLower(s)
		}
		if g.chance(0.3) {
			s = strings.NewReplacer("please", "plz", "Please", "Pls", " you ", " u ", "because", "coz").Replace(s)
		}
		if g.chance(0.3) {
			s = g.typo(s)
		}
	} else {
		if g.chance(0.2) {
			// spell one word another common way (nukta, chandrabindu, matra)
			words := strings.Fields(s)
			if len(words) > 0 {
				k := g.r.IntN(len(words))
				words[k] = devaVariants.Replace(words[k])
				s = strings.Join(words, " ")
			}
		}
	}
	if g.chance(0.15) {
		s = strings.NewReplacer(".", "", ",", "", "।", "").Replace(s)
	}
	if g.chance(0.1) {
		s = strings.ReplaceAll(s, "!", "!!!")
	}
	return s
}

// typo changes a letter or two in one longer Latin word.
func (g *gen) typo(s string) string {
	words := strings.Fields(s)
	var long []int
	for i, w := range words {
		if len(w) >= 5 && !isDeva(w) && !strings.ContainsAny(w, "@#0123456789") {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return s
	}
	k := long[g.r.IntN(len(long))]
	b := []byte(words[k])
	j := 1 + g.r.IntN(len(b)-2)
	switch g.r.IntN(3) {
	case 0:
		b[j], b[j+1] = b[j+1], b[j]
	case 1:
		b = append(b[:j], b[j+1:]...)
	default:
		b = append(b[:j+1], b[j:]...)
	}
	words[k] = string(b)
	return strings.Join(words, " ")
}

// withMentions puts the mentions before the text (or after it, now and
// then) and computes the entities in code points.
func (g *gen) withMentions(body string, users []string) (string, *entities) {
	var b strings.Builder
	ents := &entities{}
	pos := 0
	write := func(s string) {
		b.WriteString(s)
		pos += utf8.RuneCountInString(s)
	}
	tail := g.chance(0.2)
	if tail {
		write(body)
		write(" ")
	}
	for i, u := range users {
		if i > 0 {
			write(" ")
		}
		ents.Mentions = append(ents.Mentions, mention{pos, pos + 1 + utf8.RuneCountInString(u), u})
		write("@" + u)
	}
	if !tail {
		write(" ")
		write(body)
	}
	text := b.String()
	// hashtags
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if rs[i] != '#' || (i > 0 && !unicode.IsSpace(rs[i-1])) {
			continue
		}
		j := i + 1
		for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || unicode.Is(unicode.Mn, rs[j]) || unicode.Is(unicode.Mc, rs[j]) || rs[j] == '_') {
			j++
		}
		if j > i+1 {
			ents.Hashtags = append(ents.Hashtags, hashtag{i, j, string(rs[i+1 : j])})
		}
	}
	return text, ents
}
