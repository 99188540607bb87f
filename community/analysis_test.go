package community

import (
	"reflect"
	"testing"

	"github.com/coauthnet/coauthnet/graph"
	"github.com/coauthnet/coauthnet/internal/sample"
)

// TestInferBifurcation: the same blocs and indices as InferBlocs then
// BifurcationCI at the blocs' split, with the inferred blocs or with the
// user's (which change the indices, not the blocs).
func TestInferBifurcation(t *testing.T) {
	s := graph.Yearly(sample.Generate(sample.Config{Seed: 1}), graph.Options{})
	o := BlocOptions{Focal: "CN", Rival: "US"}
	bo := BifurcationOptions{Bootstrap: 20, Seed: 3}
	want, err := InferBlocs(s, o)
	if err != nil {
		t.Fatal(err)
	}
	user := map[string]string{"DE": Partner, "RU": Competitor}
	for _, c := range []struct {
		name string
		user map[string]string
		bloc map[string]string
	}{{"inferred", nil, want.Map()}, {"user", user, user}} {
		b, bi, err := InferBifurcation(s, o, bo, c.user)
		if err != nil {
			t.Fatal(err)
		}
		wbo := bo
		wbo.Split = want.Split
		wbi := BifurcationCI(s, "CN", "US", c.bloc, wbo)
		if !reflect.DeepEqual(b, want) || !reflect.DeepEqual(bi, wbi) {
			t.Errorf("%s blocs: InferBifurcation differs from InferBlocs + BifurcationCI", c.name)
		}
	}
	if _, _, err := InferBifurcation(s, BlocOptions{Focal: "CN", Rival: "CN"}, bo, nil); err == nil {
		t.Error("same poles: no error")
	}
}
