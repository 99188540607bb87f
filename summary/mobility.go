package summary

import (
	"fmt"

	"github.com/coauthnet/coauthnet/load"
	"github.com/coauthnet/coauthnet/mobility"
)

// MobilityRead returns the lines of `coauthnet mobility` on the papers
// it read: records read and skipped (by reason), every skip message, and
// the duplicates dropped.
func MobilityRead(s *load.Summary) []string {
	line := fmt.Sprintf("read %s, %d skipped", Plural(s.Read, "record"), s.Skipped)
	if s.Skipped > 0 {
		line += " (" + CountList(s.Reasons) + ")"
	}
	lines := []string{line}
	for _, m := range s.Skips {
		lines = append(lines, "skipped: "+m)
	}
	if n := s.Duplicated(); n > 0 {
		lines = append(lines, fmt.Sprintf("%s dropped as duplicates (same id or DOI as a record read before; counted once)", Plural(n, "record")))
	}
	return lines
}

// MobilityORCID returns the line of `coauthnet mobility --orcid` on the
// ORCID records it read.
func MobilityORCID(st mobility.ORCIDStats) string {
	return fmt.Sprintf("read %s, %d skipped, %d countries not ISO codes (left out)", Plural(st.Read, "ORCID record"), st.Skipped, st.BadCountry)
}

// Mobility returns the two lines of `coauthnet mobility` on a result at
// level l: the author slots left out (no identifier, no node), then the
// authors by class and the moves by kind.
func Mobility(r *mobility.Result, l mobility.Level) []string {
	st := r.Stats
	noNode := st.NoNode
	if l == mobility.Institutions {
		noNode = st.NoInst
	}
	var classes [3]int
	for _, a := range r.Authors {
		classes[a.Class]++
	}
	var mig, trav int
	for _, m := range r.Moves {
		if m.Kind == mobility.Migrant {
			mig++
		} else {
			trav++
		}
	}
	return []string{
		fmt.Sprintf("%d author slots on %s: %d without an id (ID or ORCID; left out, never matched by name), %d with an id but no %s on the paper",
			st.AuthorSlots, Plural(st.Papers, "paper"), st.NoID, noNode, l),
		fmt.Sprintf("%d authors with an id: %d stayers, %d travellers, %d migrants (%d never observed at any %s); %d migrations, %d travels",
			st.Authors, classes[mobility.Stayer], classes[mobility.TravellerClass], classes[mobility.MigrantClass], r.Unobserved, l, mig, trav),
	}
}
