package open311

import (
	"net/http"

	"github.com/shikayat/shikayat"
)

// ListRequests serves GET /open311/v2/requests.{json,xml}: complaints of
// the last 90 days (or the dates asked), newest first, at most 1000, each
// under its opaque id — never its docket code.
func (h *Handler) ListRequests(f Format) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		if err := h.checkJurisdiction(r); err != nil {
			h.fail(w, r, f, err)
			return
		}
		q, err := parseListQuery(r.URL.Query(), h.now())
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		block, err := h.cipherBlock(ctx)
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		filter := shikayat.PublicFilter{Type: q.Type, Closed: q.Closed, From: q.From, To: q.To}
		if q.IDs != nil {
			// Ids asked for override the other arguments; ids not made here
			// (docket codes included) match nothing.
			filter = shikayat.PublicFilter{IDs: []int64{}}
			for _, s := range q.IDs {
				if id, ok := complaintID(block, s); ok {
					filter.IDs = append(filter.IDs, id)
				}
			}
		}
		list, err := h.Store.PublicComplaints(ctx, filter)
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		lang := requestLang(r)
		out := requests{Requests: []request{}}
		for _, c := range list {
			out.Requests = append(out.Requests, anonymousRequest(c, opaqueID(block, c.ID), lang))
		}
		writeRequests(w, f, out)
	}
}

// writeRequests answers requests: a JSON array, or <service_requests>.
func writeRequests(w http.ResponseWriter, f Format, out requests) {
	if f == formatXML {
		write(w, f, http.StatusOK, out)
		return
	}
	write(w, f, http.StatusOK, out.Requests)
}

// ShowRequest serves GET /open311/v2/requests/{id}.{json,xml}: a one-element
// list. By docket code it answers like tracking (the docket, the latest
// public note); by opaque id it answers as the list does, without the
// docket.
func (h *Handler) ShowRequest(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	id, f, err := splitFile(r.PathValue("file"))
	if err != nil {
		h.fail(w, r, formatJSON, err)
		return
	}
	if err := h.checkJurisdiction(r); err != nil {
		h.fail(w, r, f, err)
		return
	}
	lang := requestLang(r)
	if len(id) == opaqueIDLen {
		block, err := h.cipherBlock(ctx)
		if err != nil {
			h.fail(w, r, f, err)
			return
		}
		if cid, ok := complaintID(block, id); ok {
			list, err := h.Store.PublicComplaints(ctx, shikayat.PublicFilter{IDs: []int64{cid}})
			if err != nil {
				h.fail(w, r, f, err)
				return
			}
			if len(list) == 0 {
				h.fail(w, r, f, shikayat.Errorf(shikayat.ENOTFOUND, "No service request %s.", id))
				return
			}
			writeRequests(w, f, requests{Requests: []request{anonymousRequest(list[0], id, lang)}})
			return
		}
	}
	c, err := h.Store.TrackComplaint(ctx, id)
	if err != nil {
		if shikayat.ErrorCode(err) == shikayat.EINVALID && !shikayat.IsDocketTypo(err) {
			err = shikayat.Errorf(shikayat.ENOTFOUND, "No service request %s.", truncate(id, 40))
		}
		h.fail(w, r, f, err)
		return
	}
	writeRequests(w, f, requests{Requests: []request{publicRequest(c, c.Code, latestNote(c), lang)}})
}

// latestNote is the latest public note of a tracked complaint, else its
// stage.
func latestNote(c *shikayat.Complaint) string {
	for i := len(c.Events) - 1; i >= 0; i-- {
		if e := c.Events[i]; e.Public && e.Note != "" {
			return e.Note
		}
	}
	return string(c.Stage)
}
