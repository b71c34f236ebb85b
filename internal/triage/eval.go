package triage

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/shikayat/shikayat"
)

// Scored is one post's gold label beside the triage's answer.
type Scored struct {
	Gold Label
	Got  shikayat.Triage
}

// Report holds the figures of an evaluation.
type Report struct {
	N                int
	IntentAccuracy   float64
	IntentMacroF1    float64
	ActionableP      float64
	ActionableR      float64
	ActionableF1     float64
	ActionableAcc    float64
	UrgencyN         int // posts both sides call actionable
	UrgencyAccuracy  float64
	UrgencyMacroF1   float64
	TypeAccuracy     float64
	TypeMacroF1      float64
	DistrictAccuracy float64 // on all posts, null included
	DistrictKnownN   int
	DistrictKnownAcc float64 // on posts whose gold district is known
	NullPredicted    int
	NullPrecision    float64 // of predicted nulls, share that are null in gold
	NullRecall       float64
	LangAccuracy     float64
	handlingFigures
	confusions        []confusion
	byLang            map[string]*Report
	districtConfusion map[string]int
}

type confusion struct {
	name    string
	classes []string
	m       map[[2]string]int
}

func str(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

// Evaluate scores triage answers against gold labels.
func Evaluate(items []Scored) *Report {
	r := evaluate(items)
	r.byLang = map[string]*Report{}
	groups := map[string][]Scored{}
	for _, it := range items {
		groups[it.Gold.Lang] = append(groups[it.Gold.Lang], it)
	}
	for lang, g := range groups {
		r.byLang[lang] = evaluate(g)
	}
	return r
}

func evaluate(items []Scored) *Report {
	r := &Report{N: len(items), districtConfusion: map[string]int{}}
	intent := confusion{name: "intent", classes: intentClasses, m: map[[2]string]int{}}
	act := confusion{name: "actionable", classes: []string{"true", "false"}, m: map[[2]string]int{}}
	urg := confusion{name: "urgency (both actionable)", classes: urgencyClasses, m: map[[2]string]int{}}
	typ := confusion{name: "type (both actionable)", classes: typeClasses, m: map[[2]string]int{}}
	lang := confusion{name: "lang", classes: []string{LangHindi, LangEnglish, LangHinglish}, m: map[[2]string]int{}}
	var tp, fp, fn, actOK, distOK, nullGold, nullHit int
	for _, it := range items {
		g, p := it.Gold, it.Got
		intent.m[[2]string{g.Intent, string(p.Intent)}]++
		act.m[[2]string{fmt.Sprint(g.Actionable), fmt.Sprint(p.Actionable)}]++
		lang.m[[2]string{g.Lang, p.Lang}]++
		switch {
		case g.Actionable && p.Actionable:
			tp++
		case !g.Actionable && p.Actionable:
			fp++
		case g.Actionable && !p.Actionable:
			fn++
		}
		if g.Actionable == p.Actionable {
			actOK++
		}
		if g.Actionable && p.Actionable {
			r.UrgencyN++
			urg.m[[2]string{str(g.Urgency), string(p.Urgency)}]++
			typ.m[[2]string{str(g.Type), string(p.Type)}]++
		}
		gd := 0
		if g.District != nil {
			gd = *g.District
		}
		if gd == p.District {
			distOK++
		} else {
			r.districtConfusion[fmt.Sprintf("%s → %s", distLabel(gd), distLabel(p.District))]++
		}
		if gd != 0 {
			r.DistrictKnownN++
			if gd == p.District {
				r.DistrictKnownAcc++
			}
		} else {
			nullGold++
		}
		if p.District == 0 {
			r.NullPredicted++
			if gd == 0 {
				nullHit++
			}
		}
	}
	n := float64(max(len(items), 1))
	r.IntentAccuracy = intent.accuracy()
	r.IntentMacroF1 = intent.macroF1()
	r.ActionableP = ratio(tp, tp+fp)
	r.ActionableR = ratio(tp, tp+fn)
	r.ActionableF1 = f1(r.ActionableP, r.ActionableR)
	r.ActionableAcc = float64(actOK) / n
	r.UrgencyAccuracy = urg.accuracy()
	r.UrgencyMacroF1 = urg.macroF1()
	r.TypeAccuracy = typ.accuracy()
	r.TypeMacroF1 = typ.macroF1()
	r.DistrictAccuracy = float64(distOK) / n
	r.DistrictKnownAcc = ratio(int(r.DistrictKnownAcc), r.DistrictKnownN)
	r.NullPrecision = ratio(nullHit, r.NullPredicted)
	r.NullRecall = ratio(nullHit, nullGold)
	r.LangAccuracy = lang.accuracy()
	r.confusions = []confusion{intent, act, urg, typ, lang}
	r.handlingFigures.measure(items)
	return r
}

func distLabel(lgd int) string {
	if lgd == 0 {
		return "null"
	}
	return fmt.Sprintf("%s (%d)", districtName(lgd), lgd)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c confusion) accuracy() float64 {
	ok, all := 0, 0
	for k, v := range c.m {
		all += v
		if k[0] == k[1] {
			ok += v
		}
	}
	return ratio(ok, all)
}

// macroF1 averages F1 over the classes that occur in gold or prediction.
func (c confusion) macroF1() float64 {
	sum, n := 0.0, 0
	for _, cl := range c.classes {
		tp, fp, fn := 0, 0, 0
		for k, v := range c.m {
			switch {
			case k[0] == cl && k[1] == cl:
				tp += v
			case k[0] != cl && k[1] == cl:
				fp += v
			case k[0] == cl && k[1] != cl:
				fn += v
			}
		}
		if tp+fp+fn == 0 {
			continue
		}
		sum += f1(ratio(tp, tp+fp), ratio(tp, tp+fn))
		n++
	}
	if n == 0 {
		return 0
	}
	return sum / float64(n)
}

// Write prints the report for a person.
func (r *Report) Write(w io.Writer) {
	fmt.Fprintf(w, "triage evaluation on %d posts\n\n", r.N)
	r.writeFigures(w, "")
	r.writeReliability(w)
	for _, c := range r.confusions {
		c.write(w)
	}
	if len(r.districtConfusion) > 0 {
		fmt.Fprintf(w, "\ndistrict errors (gold → predicted):\n")
		type kv struct {
			k string
			v int
		}
		var kvs []kv
		for k, v := range r.districtConfusion {
			kvs = append(kvs, kv{k, v})
		}
		sort.Slice(kvs, func(i, j int) bool {
			if kvs[i].v != kvs[j].v {
				return kvs[i].v > kvs[j].v
			}
			return kvs[i].k < kvs[j].k
		})
		for _, e := range kvs {
			fmt.Fprintf(w, "  %3d  %s\n", e.v, e.k)
		}
	}
	if len(r.byLang) > 0 {
		fmt.Fprintf(w, "\nper language:\n")
		langs := make([]string, 0, len(r.byLang))
		for l := range r.byLang {
			langs = append(langs, l)
		}
		sort.Strings(langs)
		fmt.Fprintf(w, "  %-9s %5s %8s %8s %8s %8s %8s %8s\n", "lang", "n", "intent", "act.F1", "urg.mF1", "type", "district", "lang")
		for _, l := range langs {
			x := r.byLang[l]
			fmt.Fprintf(w, "  %-9s %5d %8.3f %8.3f %8.3f %8.3f %8.3f %8.3f\n", l, x.N, x.IntentAccuracy, x.ActionableF1,
				x.UrgencyMacroF1, x.TypeAccuracy, x.DistrictAccuracy, x.LangAccuracy)
		}
	}
}

func (r *Report) writeFigures(w io.Writer, indent string) {
	p := func(format string, a ...any) { fmt.Fprintf(w, indent+format+"\n", a...) }
	p("intent       accuracy %.3f  macro-F1 %.3f", r.IntentAccuracy, r.IntentMacroF1)
	p("actionable   F1 %.3f  (precision %.3f, recall %.3f, accuracy %.3f)", r.ActionableF1, r.ActionableP, r.ActionableR, r.ActionableAcc)
	p("urgency      macro-F1 %.3f  accuracy %.3f  (on %d posts both sides call actionable)", r.UrgencyMacroF1, r.UrgencyAccuracy, r.UrgencyN)
	p("type         accuracy %.3f  macro-F1 %.3f", r.TypeAccuracy, r.TypeMacroF1)
	p("district     accuracy %.3f on all; %.3f on the %d posts whose district is known", r.DistrictAccuracy, r.DistrictKnownAcc, r.DistrictKnownN)
	p("null district precision %.3f (%d predicted null), recall %.3f", r.NullPrecision, r.NullPredicted, r.NullRecall)
	p("lang         accuracy %.3f", r.LangAccuracy)
	r.handlingFigures.writeFigures(p)
}

func (c confusion) write(w io.Writer) {
	classes := append([]string(nil), c.classes...)
	// any label outside the known classes (e.g. null) gets its own row
	extra := map[string]bool{}
	for k := range c.m {
		for _, x := range k {
			if indexOf(classes, x) < 0 && x != "" {
				extra[x] = true
			}
		}
	}
	for x := range extra {
		classes = append(classes, x)
	}
	width := 6
	for _, cl := range classes {
		width = max(width, len(cl))
	}
	fmt.Fprintf(w, "\nconfusion: %s (rows gold, columns predicted)\n", c.name)
	fmt.Fprintf(w, "  %-*s", width, "")
	for _, cl := range classes {
		fmt.Fprintf(w, " %*s", min(len(cl), 8), abbreviate(cl, 8))
	}
	fmt.Fprintln(w)
	for _, g := range classes {
		fmt.Fprintf(w, "  %-*s", width, g)
		for _, p := range classes {
			fmt.Fprintf(w, " %*d", min(len(p), 8), c.m[[2]string{g, p}])
		}
		fmt.Fprintln(w)
	}
}

func abbreviate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.TrimRight(s[:n], "_")
}
