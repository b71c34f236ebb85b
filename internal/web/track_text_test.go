package web

import (
	"testing"

	"github.com/shikayat/shikayat"
)

// TestTrackTextIsComplete: both languages have the same words, and every
// stage, status, public step and resolution has them.
func TestTrackTextIsComplete(t *testing.T) {
	for k := range trackText["en"] {
		if trackText["hi"][k] == "" {
			t.Errorf("%s has no Hindi", k)
		}
	}
	for k := range trackText["hi"] {
		if trackText["en"][k] == "" {
			t.Errorf("%s has no English", k)
		}
	}
	var keys []string
	for _, s := range shikayat.Stages {
		keys = append(keys, "stage."+string(s), "status."+string(s.Status()), "step."+string(s))
	}
	for _, s := range []string{shikayat.StepNote, shikayat.StepReplied, shikayat.StepMerged, shikayat.StepReopened, shikayat.StepAppeal} {
		keys = append(keys, "step."+s)
	}
	for _, r := range shikayat.Resolutions {
		keys = append(keys, "res."+string(r))
	}
	for _, k := range keys {
		if trackText["en"][k] == "" || trackText["hi"][k] == "" {
			t.Errorf("%s is missing", k)
		}
	}
}
