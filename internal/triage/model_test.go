package triage

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/shikayat/shikayat"
)

func ptr[T any](v T) *T { return &v }

func tinySet() []Example {
	ex := func(text, intent string, urg, typ *string) Example {
		return Example{Post: shikayat.Post{Text: text}, Label: Label{Intent: intent, Urgency: urg, Type: typ}}
	}
	var out []Example
	for i := 0; i < 5; i++ {
		out = append(out,
			ex("meri bike chori ho gayi kal raat", "complaint", ptr("mid_term"), ptr("theft")),
			ex("my phone was stolen from the market", "complaint", ptr("mid_term"), ptr("theft")),
			ex("abhi goli chal rahi hai jaldi aao", "complaint", ptr("immediate"), ptr("assault_threat")),
			ex("firing going on right now send police", "complaint", ptr("immediate"), ptr("assault_threat")),
			ex("thank you for the quick help", "feedback", nil, nil),
			ex("bahut bahut dhanyavad police", "feedback", nil, nil),
		)
	}
	return out
}

func TestTrainLearnsAndPredicts(t *testing.T) {
	m, err := Train(tinySet(), TrainOptions{Epochs: 20, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	tr, err := New(Options{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text   string
		intent shikayat.Intent
		typ    shikayat.Type
	}{
		{"kal meri bike chori ho gayi", shikayat.IntentComplaint, shikayat.TypeTheft},
		{"goli chal rahi hai abhi", shikayat.IntentComplaint, shikayat.TypeAssaultThreat},
		{"thank you police", shikayat.IntentFeedback, ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			res, err := tr.Triage(context.Background(), &shikayat.Post{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if res.Intent != tt.intent || res.Type != tt.typ {
				t.Errorf("got %s/%s, want %s/%s", res.Intent, res.Type, tt.intent, tt.typ)
			}
		})
	}
}

func TestTrainRejectsUnknownIntent(t *testing.T) {
	_, err := Train([]Example{{Post: shikayat.Post{ID: "1", Text: "x"}, Label: Label{Intent: "complain"}}}, TrainOptions{})
	if err == nil || !strings.Contains(err.Error(), "complain") {
		t.Errorf("err = %v, want one naming the unknown intent", err)
	}
}

func TestModelFileRoundTripAndReproducible(t *testing.T) {
	write := func() []byte {
		m, err := Train(tinySet(), TrainOptions{Epochs: 5, Seed: 3})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if _, err := m.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	a, b := write(), write()
	if !bytes.Equal(a, b) {
		t.Fatal("the same data and seed gave different model files")
	}
	m, err := ReadModel(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	var c bytes.Buffer
	if _, err := m.WriteTo(&c); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, c.Bytes()) {
		t.Error("a model read back writes a different file")
	}
}

func TestReadModelRejectsOtherFiles(t *testing.T) {
	for name, data := range map[string][]byte{
		"empty":      nil,
		"not gzip":   []byte("hello"),
		"truncated":  mustModelBytes(t)[:40],
		"wrong head": gzipped(t, "NOTAMODEL\n"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ReadModel(bytes.NewReader(data)); err == nil {
				t.Error("ReadModel accepted it")
			}
		})
	}
}

func mustModelBytes(t *testing.T) []byte {
	m, err := Train(tinySet(), TrainOptions{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	m.WriteTo(&b)
	return b.Bytes()
}

func gzipped(t *testing.T, s string) []byte {
	var b bytes.Buffer
	zw := newGzipWriter(&b)
	zw.Write([]byte(s))
	zw.Close()
	return b.Bytes()
}

func TestEmbeddedModel(t *testing.T) {
	tr, err := New(Options{})
	if err != nil {
		t.Fatalf("the embedded model does not load: %v", err)
	}
	tests := []struct {
		name    string
		text    string
		intent  shikayat.Intent
		urgency shikayat.Class
		typ     shikayat.Type
	}{
		{"hindi theft", "@Uppolice कल रात घर के बाहर से मेरी मोटरसाइकिल चोरी हो गई, एफआईआर दर्ज करें", shikayat.IntentComplaint, shikayat.ClassMidTerm, shikayat.TypeTheft},
		{"hinglish firing now", "@Uppolice abhi gaon me goli chal rahi hai 2 log ghayal hai jaldi force bhejo", shikayat.IntentComplaint, shikayat.ClassImmediate, shikayat.TypeAssaultThreat},
		{"english fraud", "@Uppolice I lost Rs 40,000 after sharing an OTP with a fake bank caller, please help", shikayat.IntentComplaint, shikayat.ClassMidTerm, shikayat.TypeCyberFraud},
		{"thanks", "@Uppolice thank you so much for finding my father so quickly, grateful to the team 🙏", shikayat.IntentFeedback, "", ""},
		{"verification query", "@Uppolice how can I get police verification done for my new tenant?", shikayat.IntentQuery, shikayat.ClassLongTerm, shikayat.TypeServiceRequest},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := tr.Triage(context.Background(), &shikayat.Post{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			if res.Intent != tt.intent || res.Urgency != tt.urgency || res.Type != tt.typ {
				t.Errorf("got %s/%s/%s, want %s/%s/%s; reasons %q", res.Intent, res.Urgency, res.Type, tt.intent, tt.urgency, tt.typ, res.Reasons)
			}
			if res.Actionable != tt.intent.Actionable() {
				t.Errorf("actionable = %v for %s", res.Actionable, res.Intent)
			}
			if res.Confidence < 0 || res.Confidence > 1 {
				t.Errorf("confidence %v outside [0, 1]", res.Confidence)
			}
			if !strings.HasPrefix(res.Reasons[0], "intent: "+string(res.Intent)) {
				t.Errorf("first reason %q does not explain the intent", res.Reasons[0])
			}
		})
	}
}

func TestTriageNilPost(t *testing.T) {
	tr := newTestTriager(t)
	if _, err := tr.Triage(context.Background(), nil); shikayat.ErrorCode(err) != shikayat.EINVALID {
		t.Errorf("err = %v, want invalid", err)
	}
}
