#!/usr/bin/python3
"""igraph side of the community and centrality benchmarks (BENCHMARKS.md,
"Communities and measures at institution scale").

Reads the edge lists written by
    COAUTHNET_EXPORT_DIR=DIR go test ./community -run TestExportInstitutionGraphs
(first line "# N nodes M edges", then "u<TAB>v<TAB>bifrac"), and times
igraph's Louvain (community_multilevel) and Leiden (community_leiden,
objective modularity) with the bifrac weight, resolution 1, and PageRank.
Modularity is igraph's own (Graph.modularity with the same weights).
Each timing is the best of --repeat runs, wall time and (cpu) the
process's CPU time, steadier on a shared machine.

    python3 testdata/independent/communities_igraph.py DIR/institutions-year.tsv DIR/institutions-span.tsv
"""
import argparse
import random
import sys
import time

import igraph


def load(path):
    with open(path) as f:
        head = f.readline().split()
        n = int(head[1])
        edges, weights = [], []
        for line in f:
            u, v, w = line.split("\t")
            edges.append((int(u), int(v)))
            weights.append(float(w))
    g = igraph.Graph(n=n, edges=edges)
    g.es["weight"] = weights
    return g


CPU = {}


def best(fn, repeat):
    """Runs fn repeat times; returns its result and the smallest wall
    time, and leaves the smallest CPU time of the process in CPU["last"]."""
    out, t, c = None, float("inf"), float("inf")
    for _ in range(repeat):
        s, sc = time.perf_counter(), time.process_time()
        out = fn()
        t = min(t, time.perf_counter() - s)
        c = min(c, time.process_time() - sc)
    CPU["last"] = c
    return out, t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("graphs", nargs="+")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--betweenness", action="store_true", help="also time exact weighted betweenness (slow)")
    a = ap.parse_args()
    print(f"python-igraph {igraph.__version__}, python {sys.version.split()[0]}")
    for path in a.graphs:
        g = load(path)
        random.seed(1)
        print(f"{path}: {g.vcount()} nodes, {g.ecount()} edges")
        p, t = best(lambda: g.community_multilevel(weights="weight", resolution=1), a.repeat)
        print(f"  louvain  {t:8.3f} s (cpu {CPU['last']:.3f} s)  {len(p)} communities  Q={g.modularity(p.membership, weights='weight'):.4f}")
        p, t = best(lambda: g.community_leiden(objective_function="modularity", weights="weight", resolution_parameter=1, n_iterations=-1), a.repeat)
        print(f"  leiden   {t:8.3f} s (cpu {CPU['last']:.3f} s)  {len(p)} communities  Q={g.modularity(p.membership, weights='weight'):.4f}  (n_iterations=-1: until stable)")
        p, t = best(lambda: g.community_leiden(objective_function="modularity", weights="weight", resolution_parameter=1, n_iterations=1), a.repeat)
        print(f"  leiden1  {t:8.3f} s (cpu {CPU['last']:.3f} s)  {len(p)} communities  Q={g.modularity(p.membership, weights='weight'):.4f}  (n_iterations=1)")
        p, t = best(lambda: g.community_leiden(objective_function="modularity", weights="weight", resolution_parameter=1, n_iterations=2), a.repeat)
        print(f"  leiden2  {t:8.3f} s (cpu {CPU['last']:.3f} s)  {len(p)} communities  Q={g.modularity(p.membership, weights='weight'):.4f}  (n_iterations=2, igraph's default)")
        _, t = best(lambda: g.pagerank(weights="weight"), a.repeat)
        print(f"  pagerank {t:8.3f} s (cpu {CPU['last']:.3f} s)")
        if a.betweenness:
            lengths = [1 / w if w > 0 else float("inf") for w in g.es["weight"]]
            _, t = best(lambda: g.betweenness(weights=lengths), 1)
            print(f"  betweenness {t:8.3f} s (cpu {CPU['last']:.3f} s)")


if __name__ == "__main__":
    main()
