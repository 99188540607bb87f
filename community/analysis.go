package community

import "github.com/coauthnet/coauthnet/graph"

// InferBifurcation is the analysis of coauthnet blocs and report: the
// blocs of the poles o.Focal and o.Rival ([InferBlocs]), then the
// bifurcation indices with their bootstrap intervals ([BifurcationCI])
// over those blocs, or over user's when user is not nil (from
// [ReadBlocFile]), with the trends split where the blocs were split
// (bo.Split is set to the blocs' Split).
func InferBifurcation(s *graph.Series, o BlocOptions, bo BifurcationOptions, user map[string]string) (*Blocs, *BifurcationResult, error) {
	b, err := InferBlocs(s, o)
	if err != nil {
		return nil, nil, err
	}
	bloc := b.Map()
	for _, a := range b.Assignments {
		if a.Bloc == Insufficient {
			bloc[a.Node] = Insufficient // not a hedger (Bifurcation)
		}
	}
	if user != nil {
		bloc = user
	}
	bo.Split = b.Split
	return b, BifurcationCI(s, b.Focal, b.Rival, bloc, bo), nil
}
