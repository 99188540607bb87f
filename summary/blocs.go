package summary

import (
	"fmt"

	"github.com/coauthnet/coauthnet/community"
)

// Blocs returns the lines of `coauthnet blocs` on its result: the
// warnings of b, the notes of bi, the poles and the split, the rule of
// the lean test, the blocs inferred by kind, and each bifurcation index's
// trend with its interval and verdict ("not defined in any year" for an
// index without a value).
func Blocs(b *community.Blocs, bi *community.BifurcationResult) []string {
	var lines []string
	for _, w := range b.Warnings {
		lines = append(lines, "warning: "+w)
	}
	lines = append(lines, bi.Notes...)
	p, q := b.Focal, b.Rival
	lines = append(lines, fmt.Sprintf("poles %s (focal) and %s; split %d: %s", p, q, b.Split, b.SplitMethod),
		fmt.Sprintf("lean = ln(association strength with %s / with %s), before %s, after %s; Woolf interval with year-to-year variance τ² = %.3g; %s-adjusted p < %g and |Δ| ≥ %g for a bloc, at least %d papers a cell",
			p, q, yearsText(b.Before), yearsText(b.After), b.Tau2, b.Correction, b.Alpha, b.MinEffect, b.MinPapers))
	counts := map[string]int{}
	for _, a := range b.Assignments {
		counts[a.Bloc]++
	}
	lines = append(lines, fmt.Sprintf("inferred %d partners, %d competitors, %d hedgers, %d with insufficient data",
		counts[community.Partner], counts[community.Competitor], counts[community.Hedger], counts[community.Insufficient]))
	for _, tr := range bi.Trends {
		switch tr.Verdict {
		case community.NotDefined:
			lines = append(lines, fmt.Sprintf("%s: not defined in any year", tr.Index))
			continue
		case community.TooFewYears:
			lines = append(lines, fmt.Sprintf("%s: %.3g (≤ %d) → %.3g (after): too few years for a verdict (%d before the split, %d after; Welch's interval needs 2 on each side)",
				tr.Index, tr.Before, bi.Split, tr.After, tr.YearsB, tr.YearsA))
			continue
		}
		lines = append(lines, fmt.Sprintf("%s: %.3g (≤ %d) → %.3g (after), change %+.3g [%+.3g, %+.3g]: %s", tr.Index, tr.Before, bi.Split, tr.After, tr.Change, tr.Low, tr.High, tr.Verdict))
	}
	return lines
}

// yearsText is "2005–2019" for consecutive years, "none" for none.
func yearsText(ys []int) string {
	if len(ys) == 0 {
		return "none"
	}
	return fmt.Sprintf("%d–%d", ys[0], ys[len(ys)-1])
}
