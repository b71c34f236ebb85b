package stations

import _ "embed"

// Sample is a small stations file of well-known police stations in a few
// large districts, for the demo and training sandbox. It is a sample, not an
// official list (see docs/data-sources.md).
//
//go:embed sample.csv
var Sample []byte
