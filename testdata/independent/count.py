#!/usr/bin/env python3
"""Independent implementation of coauthnet's counting (DESIGN.md section 3).

Reads canonical JSON Lines and prints, as JSON, every node's weights
(papers, intl, output, domestic) and every edge's weights (full, bifrac,
frac, share) for the papers of the given years, at country or institution
level. Written from the DESIGN.md text, not from the Go code.

  --method pairs    P(A,B) = sum over ordered pairs of different authors
                    i != j of w_iA * w_jB (the definition), iterating over
                    the authors in A and the authors in B
  --method formula  P(A,B) = n_A n_B - sum_i w_iA w_iB (the closed form)

Used by the Go tests as an oracle, and by BENCHMARKS.md as the
"straightforward single-threaded Python" baseline. Standard library only.
"""
import argparse
import json
import sys
from collections import defaultdict


def inst_key(a):
    if a.get("institution_id"):
        return a["institution_id"]
    name = a.get("institution", "")
    if not name:
        return None
    country = a.get("country", "") or "ZZ"  # graph.InstitutionKey: ZZ when unknown
    out, space = [], False
    for ch in name:
        if ch.isalpha() or ch.isdigit() or ch in "&-":
            if space and out:
                out.append(" ")
            space = False
            out.append(ch.lower())
        else:
            space = True
    return country + ":" + "".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--level", default="country", choices=["country", "institution"])
    ap.add_argument("--years", default="")
    ap.add_argument("--method", default="formula", choices=["pairs", "formula"])
    ap.add_argument("--unknown", default="drop", choices=["drop", "node"])
    args = ap.parse_args()
    lo, hi = -10**9, 10**9
    if args.years:
        a, _, b = args.years.partition("-")
        lo, hi = int(a), int(b or a)

    nodes = defaultdict(lambda: {"papers": 0, "intl": 0, "output": 0.0, "domestic": 0.0})
    edges = defaultdict(lambda: {"full": 0.0, "bifrac": 0.0, "frac": 0.0, "share": 0.0})
    used = 0
    with open(args.file, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                p = json.loads(line)
            except ValueError:
                continue
            y = p.get("year")
            if not isinstance(y, int) or isinstance(y, bool) or not p.get("id") or not (lo <= y <= hi):
                continue
            # w[i] = {node: weight} for each author with a known node
            w = []
            for au in p.get("authors") or []:
                keys = []
                for af in au.get("affiliations") or []:
                    k = af.get("country") or None if args.level == "country" else inst_key(af)
                    if k:
                        keys.append(k)
                if not keys:
                    if args.unknown == "node":
                        keys = ["ZZ"]
                    else:
                        continue
                d = defaultdict(float)
                for k in keys:
                    d[k] += 1.0 / len(keys)
                w.append(d)
            n = len(w)
            if n == 0:
                continue
            used += 1
            present = sorted({k for d in w for k in d})
            nA = {k: sum(d.get(k, 0.0) for d in w) for k in present}
            holders = defaultdict(list)  # node -> authors (indices) in it
            for i, d in enumerate(w):
                for k in d:
                    holders[k].append(i)
            for k in present:
                nd = nodes[k]
                nd["papers"] += 1
                nd["intl"] += 1 if len(present) > 1 else 0
                nd["output"] += nA[k] / n
                if n > 1:
                    if args.method == "pairs":
                        self_pairs = sum(w[i][k] * w[j][k]
                                         for i in holders[k] for j in holders[k] if i != j)
                    else:
                        self_pairs = nA[k] ** 2 - sum(d.get(k, 0.0) ** 2 for d in w)
                    nd["domestic"] += self_pairs / (n * (n - 1))
            for ai, a in enumerate(present):
                for b in present[ai + 1:]:
                    if args.method == "pairs":
                        P = sum(w[i][a] * w[j][b]
                                for i in holders[a] for j in holders[b] if i != j)
                    else:
                        P = nA[a] * nA[b] - sum(d.get(a, 0.0) * d.get(b, 0.0) for d in w)
                    e = edges[a + "|" + b]
                    e["full"] += 1
                    if n > 1:
                        e["bifrac"] += 2 * P / (n * (n - 1))
                        e["frac"] += P / (n - 1)
                    e["share"] += (nA[a] + nA[b]) / n
    json.dump({"used": used, "nodes": nodes, "edges": edges}, sys.stdout, sort_keys=True)


if __name__ == "__main__":
    main()
