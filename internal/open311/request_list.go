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
// docket. Either way it is a lookup by code, limited with tracking's
// (Handler.Limit).
func (h *Handler) ShowRequest(w http.ResponseWriter, r *http.Request) {
	id, f, err := splitFile(r.PathValue("file"))
	if err != nil {
		h.fail(w, r, formatJSON, err)
		return
	}
	if err := h.checkJurisdiction(r); err != nil {
		h.fail(w, r, f, err)
		return
	}
	var out request
	find := func() (err error) {
		out, err = h.showRequest(r, id)
		return err
	}
	if h.Limit == nil {
		err = find()
	} else {
		err = h.Limit.Lookup(h.Clients.Addr(r), find)
	}
	if err != nil {
		h.fail(w, r, f, err)
		return
	}
	writeRequests(w, f, requests{Requests: []request{out}})
}

// showRequest finds the request id names: an opaque id or a docket code.
func (h *Handler) showRequest(r *http.Request, id string) (request, error) {
	ctx := r.Context()
	lang := requestLang(r)
	if len(id) == opaqueIDLen {
		block, err := h.cipherBlock(ctx)
		if err != nil {
			return request{}, err
		}
		if cid, ok := complaintID(block, id); ok {
			list, err := h.Store.PublicComplaints(ctx, shikayat.PublicFilter{IDs: []int64{cid}})
			if err != nil {
				return request{}, err
			}
			if len(list) == 0 {
				return request{}, shikayat.Errorf(shikayat.ENOTFOUND, "No service request %s.", id)
			}
			return anonymousRequest(list[0], id, lang), nil
		}
	}
	c, err := h.Store.TrackComplaint(ctx, id)
	if err != nil {
		if shikayat.ErrorCode(err) == shikayat.EINVALID && !shikayat.IsDocketTypo(err) {
			err = shikayat.Errorf(shikayat.ENOTFOUND, "No service request %s.", truncate(id, 40))
		}
		return request{}, err
	}
	return publicRequest(c, c.Code, latestNote(c, h.mask), lang), nil
}

// latestNote is the latest public note of a tracked complaint, its
// contacts masked, else its stage.
func latestNote(c *shikayat.Complaint, mask func(string) string) string {
	for i := len(c.Events) - 1; i >= 0; i-- {
		if e := c.Events[i]; e.Public && e.Note != "" {
			return mask(e.Note)
		}
	}
	return string(c.Stage)
}
