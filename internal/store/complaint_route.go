package store

import "github.com/shikayat/shikayat"

// intakeForward is the forward a new complaint gets at intake, if any: to
// the functional unit whose account the post tagged, else to the district
// triage was sure of.
func intakeForward(in shikayat.NewComplaint, c *shikayat.Complaint) (shikayat.Action, bool) {
	switch {
	case in.ForwardUnit != "":
		return shikayat.Action{Kind: shikayat.ActionForward, Unit: in.ForwardUnit, Reason: "Routed at intake: the post tagged this unit's account."}, true
	case in.Forward && c.SuggestedDistrict != 0:
		return shikayat.Action{Kind: shikayat.ActionForward, District: c.SuggestedDistrict, Reason: "Routed by triage at intake."}, true
	}
	return shikayat.Action{}, false
}
