#!/usr/bin/env python3
"""Independent leadership and field check of a Web of Science plain-text export.

Usage: wos_lead.py FILE FOCAL [FIELD]

For every record (PT ... ER) whose WC categories include FIELD (any
record when FIELD is not given; case does not matter): the countries of
the paper are those of its C1 addresses (the text after "] " when
bracketed; RP addresses when C1 is empty), mapped by the table of
wos_countries.py. The first author is AF[0] (AU[0] when there is no AF);
their addresses are the bracketed C1 lines whose name list holds that
name; a record without bracketed C1 lines takes its first address as the
first author's (WoS lists old records' addresses without names). The
first author's share of country X is (their addresses in X) / (their
addresses with a known country).

Prints JSON {partner: [papers with FOCAL and partner, papers of the pair
led by FOCAL, papers of the pair led by the partner], "_papers": papers
kept by the field filter}. Standard library only; written for this check
without looking at coauthnet's reader.
"""
import json, re, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from wos_countries import country

def records(path):
    rec, tag = {}, None
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line == "ER":
                yield rec
                rec, tag = {}, None
            elif line[:2].strip() and line[2:3] == " ":
                tag = line[:2]
                rec.setdefault(tag, []).append(line[3:])
            elif line.startswith("   ") and tag:
                rec[tag].append(line[3:])

def main():
    path, focal = sys.argv[1], sys.argv[2]
    field = sys.argv[3].lower() if len(sys.argv) > 3 else None
    out, kept = {}, 0
    for rec in records(path):
        cats = [c.strip().lower() for c in " ".join(rec.get("WC", [])).split(";") if c.strip()]
        if field and field not in cats:
            continue
        kept += 1
        c1 = rec.get("C1", [])
        addrs, first = [], []
        names = rec.get("AF") or rec.get("AU") or []
        lead = names[0].strip() if names else None
        for a in c1:
            if a.startswith("[") and "] " in a:
                who, addr = a[1:].split("] ", 1)
                addrs.append(addr)
                if lead and lead in [n.strip() for n in who.split(";")]:
                    first.append(addr)
            else:
                addrs.append(a)
        if c1 and not any(a.startswith("[") for a in c1):
            first = [c1[0]]
        if not addrs:
            for part in re.split(r";\s*(?=[^;]*\((?:corresponding|reprint) author\))", " ".join(rec.get("RP", []))):
                m = re.search(r"\((?:corresponding|reprint) author\),\s*(.*)", part)
                if m:
                    addrs.append(m.group(1))
        codes = {c for c in map(country, addrs) if c}
        if focal not in codes:
            continue
        fc = [c for c in map(country, first) if c]
        share = {c: fc.count(c) / len(fc) for c in set(fc)} if fc else {}
        for p in codes - {focal}:
            x = out.setdefault(p, [0, 0.0, 0.0])
            x[0] += 1
            x[1] += share.get(focal, 0)
            x[2] += share.get(p, 0)
    out["_papers"] = kept
    json.dump(out, sys.stdout, sort_keys=True)

if __name__ == "__main__":
    main()
