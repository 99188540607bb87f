package orcid

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The expected values below were read by hand from the XML of the
// samples (testdata/SOURCES.md): record-3.0.xml lines 239–275 (the
// education-summary) and 292–326 (the employment-summary), whose end
// date has a year only.
func TestRecordSample(t *testing.T) {
	r, err := Open("testdata/record-3.0.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, skipped, err := r.ReadAll()
	if err != nil || len(skipped) > 0 || len(recs) != 1 {
		t.Fatalf("%d records, skipped %v, %v", len(recs), skipped, err)
	}
	rec := recs[0]
	if rec.ORCID != "8888-8888-8888-8880" {
		t.Errorf("ORCID %q", rec.ORCID)
	}
	wantEd := Affiliation{Kind: "education", PutCode: "0", Organization: "education-org", City: "common:city", Country: "AF",
		OrgID: "common:disambiguated-organization-identifier-education", OrgIDSource: "GRID",
		Department: "education:department-name", Role: "education:role-title",
		Start: Date{1948, 2, 2}, End: Date{2019, 1, 1}}
	wantEm := Affiliation{Kind: "employment", PutCode: "0", Organization: "employment-org", City: "common:city", Country: "AF",
		OrgID: "common:disambiguated-organization-identifier-employment", OrgIDSource: "GRID",
		Department: "employment:department-name", Role: "employment:role-title",
		Start: Date{1948, 2, 2}, End: Date{2025, 0, 0}}
	if len(rec.Educations) != 1 || !reflect.DeepEqual(rec.Educations[0], wantEd) {
		t.Errorf("educations %+v\nwant %+v", rec.Educations, wantEd)
	}
	if len(rec.Employments) != 1 || !reflect.DeepEqual(rec.Employments[0], wantEm) {
		t.Errorf("employments %+v\nwant %+v", rec.Employments, wantEm)
	}
}

// TestDirectory reads every sample: per file the iD, the number of
// educations and employments, and the first one's country and start
// (hand-checked in the XML: educations-3.0.xml and employments-3.0.xml
// hold two summaries each in AS, 1948-02-02, under the root path
// /8888-8888-8888-8880/…; education-3.0.xml has no iD anywhere but its
// source's, so the file name stands in; its organisation has a ROR id).
func TestDirectory(t *testing.T) {
	r, err := Open("testdata")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	recs, skipped, err := r.ReadAll()
	if err != nil || len(skipped) > 0 {
		t.Fatalf("skipped %v, %v", skipped, err)
	}
	var got []string
	for _, rec := range recs {
		a := append(rec.Educations, rec.Employments...)[0]
		got = append(got, fmt.Sprintf("%s %s ed=%d em=%d %s %s %d-%02d-%02d", filepath.Base(rec.Name), rec.ORCID,
			len(rec.Educations), len(rec.Employments), a.Kind, a.Country, a.Start.Year, a.Start.Month, a.Start.Day))
	}
	want := []string{
		"activities-3.0.xml 8888-8888-8888-8880 ed=1 em=1 education AF 1948-02-02",
		"education-3.0.xml education-3.0 ed=1 em=0 education AF 1948-02-02",
		"educations-3.0.xml 8888-8888-8888-8880 ed=2 em=0 education AS 1948-02-02",
		"employment-full-3.0.xml employment-full-3.0 ed=0 em=1 employment AF 1948-02-02",
		"employments-3.0.xml 8888-8888-8888-8880 ed=0 em=2 employment AS 1948-02-02",
		"record-3.0.xml 8888-8888-8888-8880 ed=1 em=1 education AF 1948-02-02",
		"record-no-city-country-for-professional-activities-3.0.xml 8888-8888-8888-8880 ed=1 em=1 education AF 1948-02-02",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if recs[1].Educations[0].OrgID != "https://ror.org/021nxhr62" || recs[1].Educations[0].OrgIDSource != "ROR" {
		t.Errorf("education-3.0 organisation id %+v", recs[1].Educations[0])
	}
}

// tgz packs the samples (and a README that is skipped) into a .tar.gz,
// as ORCID's public data file is shipped.
func tgz(t *testing.T) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	files, _ := filepath.Glob("testdata/*.xml")
	for _, f := range append([]string{"testdata/SOURCES.md"}, files...) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		tw.WriteHeader(&tar.Header{Name: "summaries/" + filepath.Base(f), Mode: 0o644, Size: int64(len(b)), Typeflag: tar.TypeReg})
		tw.Write(b)
	}
	tw.Close()
	zw.Close()
	return buf.Bytes()
}

func TestTarGz(t *testing.T) {
	r, err := NewReader(bytes.NewReader(tgz(t)), "summaries.tar.gz")
	if err != nil {
		t.Fatal(err)
	}
	recs, skipped, err := r.ReadAll()
	if err != nil || len(skipped) > 0 || len(recs) != 7 {
		t.Fatalf("%d records, skipped %v, %v", len(recs), skipped, err)
	}
	if recs[5].Name != "summaries/record-3.0.xml" || recs[5].Employments[0].End != (Date{2025, 0, 0}) {
		t.Errorf("record 6: %s %+v", recs[5].Name, recs[5].Employments)
	}
	// A truncated archive ends the stream with an error, after the
	// records it could read.
	b := tgz(t)
	r, _ = NewReader(bytes.NewReader(b[:len(b)/2]), "cut.tar.gz")
	_, _, err = r.ReadAll()
	if err == nil {
		t.Error("truncated archive: no error")
	}
}

func TestBadDocuments(t *testing.T) {
	cases := map[string]error{
		"not xml":     nil, // any XML syntax error
		`<a><b/></a>`: ErrNotORCID,
		`<employment:employment xmlns:employment="http://www.orcid.org/ns/employment" xmlns:common="http://www.orcid.org/ns/common" path="/0000-0002-1825-0097/employment/1"><common:start-date><common:year>19x8</common:year></common:start-date></employment:employment>`: ErrBadDate,
		`<employment:employment xmlns:employment="http://www.orcid.org/ns/employment" xmlns:common="http://www.orcid.org/ns/common"><common:start-date><common:year>2001</common:year><common:month>13</common:month></common:start-date></employment:employment>`:           ErrBadDate,
	}
	for doc, want := range cases {
		r, err := NewReader(strings.NewReader(doc), "x.xml")
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Read()
		var pe *ParseError
		if !errors.As(err, &pe) || pe.Name != "x.xml" || want != nil && !errors.Is(err, want) {
			t.Errorf("%.40q: %v, want a ParseError wrapping %v", doc, err, want)
		}
	}
	// A country that is not an ISO code is left empty and counted.
	r, _ := NewReader(strings.NewReader(`<employment:employment xmlns:employment="http://www.orcid.org/ns/employment" xmlns:common="http://www.orcid.org/ns/common" path="/0000-0002-1825-0097/employment/1"><common:organization><common:name>X</common:name><common:address><common:country>China</common:country></common:address></common:organization></employment:employment>`), "y.xml")
	rec, err := r.Read()
	if err != nil || rec.ORCID != "0000-0002-1825-0097" || rec.Employments[0].Country != "" || r.BadCountry != 1 {
		t.Errorf("%+v %v bad=%d", rec, err, r.BadCountry)
	}
}

func FuzzReader(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.xml")
	for _, p := range files {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := NewReader(bytes.NewReader(b), "fuzz")
		if err != nil {
			return
		}
		recs, _, _ := r.ReadAll()
		for _, rec := range recs {
			for _, a := range append(rec.Educations, rec.Employments...) {
				if a.Country != "" && len(a.Country) != 2 {
					t.Errorf("country %q", a.Country)
				}
			}
			Papers(rec)
			CareerPath(rec)
		}
	})
}
