package main

import (
	"context"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/xsim"
)

// A citizen on a phone-sized window follows a closed complaint in Hindi and
// in English: each page speaks its own language only, shows the public
// note masked and nothing wider than the screen.
func TestBrowserTrackingPageOnAPhone(t *testing.T) {
	t.Parallel()
	b := newBrowser(t, 390, 844)
	sim := xsim.New(xsim.Options{Account: "Uppolice"})
	ts := httptest.NewServer(sim)
	defer ts.Close()
	x := simClient{t, ts.URL}
	m := startDesk(t, "sqlite:"+filepath.Join(t.TempDir(), "t.db"), ts.URL)
	ctx := context.Background()

	id := x.mention(map[string]string{"username": "ramesh_lko", "text": "@Uppolice लखनऊ के हजरतगंज में कल रात मेरी बाइक चोरी हो गई, कृपया मदद करें"})
	codes, _ := shikayat.FindDockets(x.waitReplies(id, 1)[0].Text)
	if len(codes) != 1 {
		t.Fatal("no docket code in the acknowledgement")
	}
	code := codes[0]
	for _, a := range []shikayat.Action{
		{Kind: shikayat.ActionNote, Text: "internal: suspect is the neighbour"},
		{Kind: shikayat.ActionNote, Text: "बीट सिपाही ने मौका देखा, SI @si_verma 9876543210 पर बात करें", Public: true},
		{Kind: shikayat.ActionClose, Resolution: shikayat.ResolutionActionTaken, Note: "बाइक बरामद कर लौटा दी गई", Public: true},
	} {
		if _, _, err := m.DB.ApplyAction(ctx, code, a, shikayat.SystemActor, ""); err != nil {
			t.Fatal(err)
		}
	}
	base := "http://" + m.Addr
	for _, lang := range []string{"hi", "en"} {
		b.do(chromedp.Navigate(base+"/t/"+code+"?lang="+lang), chromedp.WaitVisible(chromedp.CSS("ol")))
		text, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](`document.body.innerText`))
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(text, "suspect") || strings.Contains(text, "9876543210") || strings.Contains(text, "si_verma") || !strings.Contains(text, "98XXXXXX10") {
			t.Errorf("%s page: %q", lang, text)
		}
		// Besides the link to the other language, the code, IST and the
		// staff's own words, one language only.
		rest := strings.NewReplacer(code, "", "IST", "", "हिन्दी", "", "English", "", "बीट सिपाही ने मौका देखा, SI @*** 98XXXXXX10 पर बात करें", "",
			"बाइक बरामद कर लौटा दी गई", "").Replace(text)
		other := map[string]*regexp.Regexp{"hi": regexp.MustCompile(`[A-Za-z]{2,}`), "en": regexp.MustCompile(`[\x{0900}-\x{097F}]+`)}[lang]
		if m := other.FindAllString(rest, -1); len(m) > 0 {
			t.Errorf("the %s page shows the other language: %q", lang, m)
		}
		if evalBool(b, `document.documentElement.scrollWidth > window.innerWidth`) {
			t.Errorf("the %s page is wider than the phone", lang)
		}
		b.screenshot(lang)
	}
}
