package mobility_test

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/coauthnet/coauthnet"
	"github.com/coauthnet/coauthnet/io/wos"
	"github.com/coauthnet/coauthnet/mobility"
)

// TestRealTravellers runs the rules on BrunaLab's Web of Science export
// (../shared/testdata-real, MIT; authors keyed by the ORCID iDs of OI).
// Both moves were checked by hand against the records:
//
//   - Emilio M. Bruna (0000-0003-3381-8477): 74 records carry his iD;
//     every one has a University of Florida (US) address, and 13 of them,
//     from WOS:000256350300003 (2008) to WOS:001103969600007 (2023), also
//     an INPA / PDBFF (Manaus, BR) one. One record has no address for
//     him. The US home never changes: traveller US→BR, dated 2008 (his
//     first BR paper), 73 US papers, 13 BR papers.
//   - Thiago J. Izzo (0000-0002-4613-3787): three records. 2009
//     (WOS:000269700500018, WOS:000270871100002): INPA (BR) and the
//     University of Florida (US); 2014 (WOS:000346851400001): Universidade
//     Federal de Mato Grosso (BR). Origin BR (tie in 2009, BR has more
//     papers overall), two US papers in one run: traveller BR→US 2009.
//
// The export has no migrant: its 174 authors with an iD have at most a
// few records each outside Bruna's.
func TestRealTravellers(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "testdata-real", "wos-plain-c3-brunalab", "savedrecs.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skip("real data not available:", err)
	}
	defer f.Close()
	c := mobility.NewCareers()
	rd := wos.NewReader(f)
	for {
		p, err := rd.Read()
		if err == io.EOF {
			break
		}
		var pe *coauthnet.ParseError
		if errors.As(err, &pe) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		c.Add(&p)
	}
	r := c.Analyze(mobility.DefaultOptions)
	var got []string
	for _, m := range r.Moves {
		got = append(got, fmt.Sprintf("%s %s→%s %d %v %d/%d", r.Authors[m.Author].Key, r.Nodes[m.From], r.Nodes[m.To], m.Year, m.Kind, m.FromPapers, m.ToPapers))
	}
	want := "[orcid:0000-0002-4613-3787 BR→US 2009 traveller 3/2 orcid:0000-0003-3381-8477 US→BR 2008 traveller 73/13]"
	if fmt.Sprint(got) != want {
		t.Errorf("moves %v\nwant %s", got, want)
	}
}
