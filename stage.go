package shikayat

// Stage is where a complaint stands in its lifecycle.
type Stage string

const (
	StageReceived   Stage = "received"    // stored, docket issued, acknowledgement queued
	StageForwarded  Stage = "forwarded"   // a district or functional unit owns it
	StageClassified Stage = "classified"  // the owner set its class
	StageAssigned   Stage = "assigned"    // a station owns it
	StageInProgress Stage = "in_progress" // the station recorded an action
	StageClosed     Stage = "closed"      // with a resolution
)

// Stages lists every stage in lifecycle order.
var Stages = []Stage{StageReceived, StageForwarded, StageClassified, StageAssigned, StageInProgress, StageClosed}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool {
	for _, x := range Stages {
		if s == x {
			return true
		}
	}
	return false
}

// Status is what the public sees of a stage.
type Status string

const (
	StatusOpen      Status = "open"       // red
	StatusInProcess Status = "in_process" // amber
	StatusClosed    Status = "closed"     // green
)

// Status derives the public status from the stage.
func (s Stage) Status() Status {
	switch s {
	case StageAssigned, StageInProgress:
		return StatusInProcess
	case StageClosed:
		return StatusClosed
	default:
		return StatusOpen
	}
}

// Class is one of the three triage classes of urgency.
type Class string

const (
	ClassImmediate Class = "immediate"
	ClassMidTerm   Class = "mid_term"
	ClassLongTerm  Class = "long_term"
)

// Classes lists the three classes, most urgent first.
var Classes = []Class{ClassImmediate, ClassMidTerm, ClassLongTerm}

// Valid reports whether c is one of the three classes.
func (c Class) Valid() bool {
	return c == ClassImmediate || c == ClassMidTerm || c == ClassLongTerm
}

// Type is the subject of a complaint.
type Type string

const (
	TypeTheft          Type = "theft"
	TypeCyberFraud     Type = "cyber_fraud"
	TypeWomenSafety    Type = "women_safety"
	TypeAssaultThreat  Type = "assault_threat"
	TypeMissingPerson  Type = "missing_person"
	TypeLandDispute    Type = "land_dispute"
	TypeTraffic        Type = "traffic"
	TypePublicNuisance Type = "public_nuisance"
	TypePoliceConduct  Type = "police_conduct"
	TypeFraudCheating  Type = "fraud_cheating"
	TypeServiceRequest Type = "service_request"
	TypeOther          Type = "other"
)

// Types lists every complaint type.
var Types = []Type{
	TypeTheft, TypeCyberFraud, TypeWomenSafety, TypeAssaultThreat, TypeMissingPerson,
	TypeLandDispute, TypeTraffic, TypePublicNuisance, TypePoliceConduct, TypeFraudCheating,
	TypeServiceRequest, TypeOther,
}

// Valid reports whether t is a known type.
func (t Type) Valid() bool {
	for _, x := range Types {
		if t == x {
			return true
		}
	}
	return false
}

// Resolution is how a closed complaint ended.
type Resolution string

const (
	ResolutionActionTaken     Resolution = "action_taken"
	ResolutionFIRRegistered   Resolution = "fir_registered"
	ResolutionNotPoliceMatter Resolution = "not_police_matter"
	ResolutionDuplicate       Resolution = "duplicate"
	ResolutionWithdrawn       Resolution = "withdrawn"
	ResolutionNoResponse      Resolution = "no_response"
)

// Resolutions lists every resolution.
var Resolutions = []Resolution{
	ResolutionActionTaken, ResolutionFIRRegistered, ResolutionNotPoliceMatter,
	ResolutionDuplicate, ResolutionWithdrawn, ResolutionNoResponse,
}

// Valid reports whether r is a known resolution.
func (r Resolution) Valid() bool {
	for _, x := range Resolutions {
		if r == x {
			return true
		}
	}
	return false
}
