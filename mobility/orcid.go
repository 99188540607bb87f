package mobility

import (
	"errors"
	"io"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/io/orcid"
)

// ORCIDOptions are the options of [Careers.AddORCID].
type ORCIDOptions struct {
	// Years keeps only the papers of these years; the zero Period keeps
	// every year.
	Years graph.Period
	// Policy maps territories on every paper (the zero value is ISO:
	// nothing remapped).
	Policy coauthnet.CountryPolicy
	// Skipped, when not nil, is called with the parse error of every
	// record left out.
	Skipped func(error)
}

// ORCIDStats counts what [Careers.AddORCID] read.
type ORCIDStats struct {
	Read, Skipped int // records read, records left out as malformed
	BadCountry    int // affiliation countries that are not ISO codes (left out)
	// Paths are the career paths of the records read, in order
	// (orcid.CountPaths tallies them).
	Paths []orcid.Path
}

// AddORCID reads every ORCID public record of r (orcid.Open,
// orcid.NewReader) and adds its papers (orcid.Papers) to c, after the
// country policy, when their year is in o.Years. A malformed record
// (*orcid.ParseError) is counted, reported to o.Skipped and left out;
// any other error ends the read and is returned. AddORCID does not close
// r. Statistics add up over calls into st.
func (c *Careers) AddORCID(r *orcid.Reader, o ORCIDOptions, st *ORCIDStats) error {
	for {
		rec, err := r.Read()
		if err == io.EOF {
			st.BadCountry += r.BadCountry
			return nil
		}
		var pe *orcid.ParseError
		if errors.As(err, &pe) {
			st.Skipped++
			if o.Skipped != nil {
				o.Skipped(err)
			}
			continue
		}
		if err != nil {
			return err
		}
		st.Read++
		st.Paths = append(st.Paths, orcid.CareerPath(rec))
		for _, p := range orcid.Papers(rec) {
			if o.Years == (graph.Period{}) || o.Years.Contains(p.Year) {
				o.Policy.Apply(&p, func(string, string) {})
				c.Add(&p)
			}
		}
	}
}

// AddORCIDFiles adds the ORCID records of the named inputs (files,
// directories or .tar.gz archives: orcid.Open; "-" reads stdin) to c
// with [Careers.AddORCID], in order. An input that cannot be opened,
// read or closed ends the read with its error.
func (c *Careers) AddORCIDFiles(names []string, stdin io.Reader, o ORCIDOptions, st *ORCIDStats) error {
	for _, name := range names {
		var r *orcid.Reader
		var err error
		if name == "-" {
			r, err = orcid.NewReader(stdin, "stdin")
		} else {
			r, err = orcid.Open(name)
		}
		if err != nil {
			return err
		}
		err = c.AddORCID(r, o, st)
		if cerr := r.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
	return nil
}
