package desk

import (
	"bytes"
	"embed"
	"encoding/binary"
	"math"
	"net/http"
	"time"
)

//go:embed static/desk.js
var staticFS embed.FS

// Script serves GET /static/desk.js: the desk's one script (keyboard
// shortcuts, live alerts, the reply's X length). Pages work without it.
func (h *Handler) Script(w http.ResponseWriter, r *http.Request) {
	b, _ := staticFS.ReadFile("static/desk.js")
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, "desk.js", time.Time{}, bytes.NewReader(b))
}

// Sound serves GET /static/alert.wav: the alert's short chime.
func (h *Handler) Sound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "audio/wav")
	w.Header().Set("Cache-Control", "public, max-age=86400")
	http.ServeContent(w, r, "alert.wav", time.Time{}, bytes.NewReader(alertWAV))
}

// alertWAV is two short tones, made once at start: 8 kHz, 8-bit mono PCM.
var alertWAV = makeChime()

func makeChime() []byte {
	const rate = 8000
	var pcm []byte
	for _, tone := range []struct {
		hz  float64
		dur float64
	}{{880, 0.15}, {0, 0.05}, {1320, 0.2}} {
		n := int(tone.dur * rate)
		for i := 0; i < n; i++ {
			v := 0.0
			if tone.hz > 0 {
				fade := math.Min(1, float64(n-i)/400) // no click at the end
				v = 0.5 * fade * math.Sin(2*math.Pi*tone.hz*float64(i)/rate)
			}
			pcm = append(pcm, byte(128+127*v))
		}
	}
	var b bytes.Buffer
	le := func(v any) { binary.Write(&b, binary.LittleEndian, v) }
	b.WriteString("RIFF")
	le(uint32(36 + len(pcm)))
	b.WriteString("WAVEfmt ")
	le(uint32(16))
	le(uint16(1)) // PCM
	le(uint16(1)) // mono
	le(uint32(rate))
	le(uint32(rate)) // bytes per second
	le(uint16(1))    // block align
	le(uint16(8))    // bits per sample
	b.WriteString("data")
	le(uint32(len(pcm)))
	b.Write(pcm)
	return b.Bytes()
}
