#!/usr/bin/env python3
"""networkx reference values for coauthnet's metrics package.

Reads a GraphML written by coauthnet and prints JSON with networkx's
version and, per node id: pagerank (weight), eigenvector (weight),
betweenness (normalized, distance = 1/weight), closeness (distance,
wf_improved) and harmonic (distance). Edges of weight 0 are left out of
the distance graph. Uses _pagerank_python, which needs no numpy.
"""
import json, sys
import networkx as nx
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

g = nx.read_graphml(sys.argv[1])
h = nx.Graph()
h.add_nodes_from(g.nodes)
for u, v, d in g.edges(data=True):
    if d["weight"] > 0:
        h.add_edge(u, v, distance=1.0 / d["weight"])
out = {
    "networkx": nx.__version__,
    "pagerank": _pagerank_python(g, alpha=0.85, weight="weight", tol=1e-13, max_iter=10000),
    "eigenvector": nx.eigenvector_centrality(g, weight="weight", max_iter=100000, tol=1e-13),
    "betweenness": nx.betweenness_centrality(h, weight="distance", normalized=True),
    "closeness": nx.closeness_centrality(h, distance="distance", wf_improved=True),
    "harmonic": nx.harmonic_centrality(h, distance="distance"),
}
json.dump(out, sys.stdout, sort_keys=True, indent=1)
