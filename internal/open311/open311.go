// Package open311 serves Open311 GeoReport v2 under /open311/v2/: the
// discovery document, the services (the complaint types), the public list
// and look-up of requests, and the creation of a complaint by another
// channel with an API key (a staff token). Each answer is JSON or XML, as
// the path's suffix says.
//
// The anonymous list never shows docket codes: its service_request_ids are
// opaque ids, the complaint's id encrypted with a secret the deployment
// keeps in its database. Such an id is accepted by the look-up too, which
// then answers without the docket. A look-up by docket code answers like
// the tracking page.
package open311

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/shikayat/shikayat"
	"github.com/shikayat/shikayat/internal/api"
	"github.com/shikayat/shikayat/internal/throttle"
)

// Store is what Open311 reads and writes.
type Store interface {
	Open311Secret(ctx context.Context) ([]byte, error)
	PublicComplaints(ctx context.Context, f shikayat.PublicFilter) ([]*shikayat.Complaint, error)
	TrackComplaint(ctx context.Context, code string) (*shikayat.Complaint, error)
	CreateComplaint(ctx context.Context, in shikayat.NewComplaint) (*shikayat.Complaint, bool, error)
	UserByToken(ctx context.Context, hash string) (*shikayat.User, error)
	FindUnit(ctx context.Context, id string) (*shikayat.Unit, error)
}

// Handler serves Open311.
type Handler struct {
	Store   Store
	Triager shikayat.Triager
	Logger  *slog.Logger
	// BaseURL is the desk's public address, for the discovery document.
	BaseURL string
	// Jurisdiction is the one jurisdiction_id served; a request naming
	// another answers 404. Requests may leave it out.
	Jurisdiction string
	// ForwardAt is the routing confidence at which a new complaint goes to
	// its district at once, as at intake (0.8 when 0).
	ForwardAt float64
	// Now is the clock (time.Now when nil).
	Now func() time.Time
	// Limit, when not nil, limits the look-ups of one request by id or
	// docket code per client address: the same limiter as tracking's, so
	// that codes cannot be guessed here instead.
	Limit *throttle.Lookups
	// Clients says which address a request comes from.
	Clients throttle.Clients
	// MaskNote masks the contacts in a public note (the web server's
	// cache of it); shikayat.MaskContacts when nil.
	MaskNote func(string) string

	mu    sync.Mutex
	block cipher.Block // nil until the secret is read
}

func (h *Handler) now() time.Time {
	if h.Now != nil {
		return h.Now()
	}
	return time.Now()
}

// mask masks a public note: MaskNote, or MaskContacts.
func (h *Handler) mask(note string) string {
	if h.MaskNote != nil {
		return h.MaskNote(note)
	}
	return shikayat.MaskContacts(note)
}

// Format is an answer's format, from the path's suffix.
type Format = string

const (
	formatJSON Format = "json"
	formatXML  Format = "xml"
)

// Formats lists the suffixes served.
var Formats = []Format{formatJSON, formatXML}

// write answers v (a JSON array or object; its XML form by its xml tags).
func write(w http.ResponseWriter, f Format, code int, v any) {
	w.Header().Set("Cache-Control", "no-store")
	if f == formatXML {
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		w.WriteHeader(code)
		w.Write([]byte(xml.Header))
		enc := xml.NewEncoder(w)
		enc.Encode(v)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}

// apiError is one entry of Open311's error answer.
type apiError struct {
	XMLName     xml.Name `json:"-" xml:"error"`
	Code        int      `json:"code" xml:"code"`
	Description string   `json:"description" xml:"description"`
}

type apiErrors struct {
	XMLName xml.Name   `xml:"errors"`
	Errors  []apiError `xml:"error"`
}

// fail answers err in Open311's error shape ([{"code", "description"}]),
// with the status the domain code maps to; internal errors are logged.
func (h *Handler) fail(w http.ResponseWriter, r *http.Request, f Format, err error) {
	code := api.Status(err)
	if shikayat.ErrorCode(err) == shikayat.EINTERNAL {
		if api.ClientGone(r, err) {
			w.WriteHeader(api.StatusClientClosed)
			return
		}
		if h.Logger != nil {
			h.Logger.ErrorContext(r.Context(), "internal error", slog.String("path", r.URL.Path), slog.Any("error", err))
		}
	}
	api.SetRetryAfter(w, err)
	e := apiError{Code: code, Description: shikayat.ErrorMessage(err)}
	if f == formatXML {
		write(w, f, code, apiErrors{Errors: []apiError{e}})
		return
	}
	write(w, f, code, []apiError{e})
}

// checkJurisdiction refuses a jurisdiction_id other than the one served.
func (h *Handler) checkJurisdiction(r *http.Request) error {
	j := r.FormValue("jurisdiction_id")
	if j == "" || j == h.Jurisdiction {
		return nil
	}
	return shikayat.Errorf(shikayat.ENOTFOUND, "Unknown jurisdiction_id %q: this server serves %q.", truncate(j, 64), h.Jurisdiction)
}

// truncate cuts s to at most n bytes, at a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// cipherBlock is the cipher of opaque ids, keyed by the stored secret.
func (h *Handler) cipherBlock(ctx context.Context) (cipher.Block, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.block != nil {
		return h.block, nil
	}
	secret, err := h.Store.Open311Secret(ctx)
	if err != nil {
		return nil, err
	}
	if h.block, err = aes.NewCipher(secret); err != nil {
		return nil, fmt.Errorf("open311: %w", err)
	}
	return h.block, nil
}

// opaqueIDLen is the length of an opaque id: one AES block in hex.
const opaqueIDLen = 2 * aes.BlockSize

// opaqueID is the public id of a complaint: its id and eight zero bytes,
// encrypted. It is stable, reveals neither the docket code nor the order
// of complaints, and cannot be made up (a forged id decrypts to a block
// whose last half is not zero).
func opaqueID(b cipher.Block, id int64) string {
	var p, c [aes.BlockSize]byte
	binary.BigEndian.PutUint64(p[:8], uint64(id))
	b.Encrypt(c[:], p[:])
	return hex.EncodeToString(c[:])
}

// complaintID reverses opaqueID; ok is false for anything it did not make.
func complaintID(b cipher.Block, s string) (id int64, ok bool) {
	if len(s) != opaqueIDLen {
		return 0, false
	}
	c, err := hex.DecodeString(s)
	if err != nil {
		return 0, false
	}
	var p [aes.BlockSize]byte
	b.Decrypt(p[:], c)
	if binary.BigEndian.Uint64(p[8:]) != 0 {
		return 0, false
	}
	id = int64(binary.BigEndian.Uint64(p[:8]))
	return id, id > 0
}
