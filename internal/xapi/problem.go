package xapi

import (
	"fmt"
	"strings"
)

// String renders a problem for a person: title, detail and what it concerns.
func (p Problem) String() string {
	var b strings.Builder
	b.WriteString(p.Title)
	if b.Len() == 0 {
		b.WriteString(p.Message)
	}
	if b.Len() == 0 {
		b.WriteString("X error")
	}
	if p.Detail != "" && p.Detail != p.Title {
		b.WriteString(": ")
		b.WriteString(p.Detail)
	}
	if p.ResourceType != "" || p.ResourceID != "" {
		fmt.Fprintf(&b, " (%s %s)", p.ResourceType, p.ResourceID)
	}
	return b.String()
}
