#!/usr/bin/env bash
# Communities and measures at institution scale, coauthnet against igraph,
# side by side in one run (BENCHMARKS.md, "Communities and measures at
# institution scale"). Run by hand from the module root:
#
#   testdata/independent/communities_side_by_side.sh [DIR]
#
# DIR (default a temporary directory) receives the instgen corpus as JSONL
# and its 2017 and whole-span institution graphs as edge lists. Needs
# python3-igraph (Debian: apt-get install python3-igraph) for the igraph
# side; timings on both sides are the best of 5 runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
dir=${1:-$(mktemp -d)}
py=/usr/bin/python3
date -u
uptime
if [ ! -f "$dir/institutions-span.tsv" ]; then
  COAUTHNET_EXPORT_DIR=$dir go test ./community -run TestExportInstitutionGraphs -count 1 -v | grep -E 'nodes|ok'
fi
echo "== igraph"
$py testdata/independent/communities_igraph.py --repeat 5 "$dir/institutions-year.tsv" "$dir/institutions-span.tsv"
echo "== coauthnet (go test -bench, -count 5: take the smallest ns/op)"
go test ./community -run '^$' -bench BenchmarkCommunities -benchtime 3x -count 5 | grep ns/op
go test ./metrics -run '^$' -bench 'BenchmarkMeasures/span/pagerank' -benchtime 3x -count 5 | grep ns/op
go test ./community -run '^$' -bench BenchmarkGonumLouvain -benchtime 1x | grep ns/op
echo "== betweenness on the 2017 graph, 1 and 2 workers alternately (identical output checked), with a control"
go test ./metrics -run '^$' -bench BenchmarkBetweennessSpeedup -benchtime 20x | grep ns/op
echo "== the command: nodes --measures pagerank --level institution, whole span"
go build -o "$dir/coauthnet" ./cmd/coauthnet
/usr/bin/time -f "%e s wall, %U s user, %M KB max RSS" "$dir/coauthnet" nodes --level institution --measures pagerank "$dir/institutions.jsonl" 2>&1 >/dev/null | tail -2
uptime
