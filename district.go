package shikayat

// District is one of Uttar Pradesh's 75 districts, keyed by its LGD code
// (Local Government Directory, Ministry of Panchayati Raj).
type District struct {
	LGD      int      // LGD district code
	Name     string   // English name as people write it, e.g. "Lucknow"
	NameHi   string   // Hindi name in Devanagari, e.g. "लखनऊ"
	Aliases  []string // alternative and old names, Latin and Devanagari (Allahabad, इलाहाबाद, …)
	Division string   // revenue division (mandal)
	// Lat, Lon is a representative point that lies inside the district.
	Lat, Lon float64
}

// Districts returns the 75 districts in LGD code order. The slice is shared:
// do not change it.
func Districts() []District { return districts }

// DistrictByLGD returns the district with the given LGD code.
func DistrictByLGD(lgd int) (District, bool) {
	for _, d := range districts {
		if d.LGD == lgd {
			return d, true
		}
	}
	return District{}, false
}

// PoliceZone is one entry of the zone/range table: a zone, a range in it, and
// the districts of that range.
type PoliceZone struct {
	Zone      string // slug, e.g. "lucknow"
	ZoneName  string
	Range     string // slug, e.g. "lucknow"
	RangeName string
	Districts []int // LGD codes
}
