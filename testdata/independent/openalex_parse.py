#!/usr/bin/env python3
"""A plain Python parse of OpenAlex works JSON Lines: the baseline of
BENCHMARKS.md ("OpenAlex JSONL ≥ 5× a plain Python parse", issue 16).

Reads each line with the standard library's json.loads, takes each
authorship's institution country codes (else its countries), and counts
per year the papers of every country and the papers of every country
pair (whole counting). Prints the number of works, countries and
(year, pair) edges. Standard library only, one core.
"""
import json
import sys
from collections import Counter
from itertools import combinations


def main():
    works, nodes, edges = 0, Counter(), Counter()
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            w = json.loads(line)
            works += 1
            year = w.get("publication_year")
            cs = set()
            for a in w.get("authorships") or []:
                codes = [i.get("country_code") for i in a.get("institutions") or []]
                codes = [c for c in codes if c] or (a.get("countries") or [])
                cs.update(c.upper() for c in codes)
            for c in cs:
                nodes[year, c] += 1
            for a, b in combinations(sorted(cs), 2):
                edges[year, a, b] += 1
    print(works, len({c for _, c in nodes}), len(edges))


if __name__ == "__main__":
    main()
