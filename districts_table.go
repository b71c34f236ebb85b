package shikayat

// districts is filled in by the district table.
var districts = []District{}

// DefaultPoliceZones is the default zone/range table for UP.
var DefaultPoliceZones = []PoliceZone{}
