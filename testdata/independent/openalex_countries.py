#!/usr/bin/env python3
"""Independent per-paper country sets of OpenAlex works.

Input: JSON Lines (one work per line, as snapshots and most clients write
them) or an API response page ({"meta": ..., "results": [...]}),
optionally gzip compressed. For each work, for each authorship: the
country_code of its institutions (null codes skipped); an authorship
without institutions gives its "countries"; one with neither gives the
last comma field of its raw affiliation strings (raw_affiliation_strings,
or the older raw_affiliation_string) through the small table below,
written for this check (see raw_country). Prints a JSON list, one [short id, [codes...]]
per work in input order. Standard library only.
"""
import gzip, json, sys

TABLE = {
    "usa": "US", "united states": "US", "china": "CN", "united kingdom": "GB", "uk": "GB",
    "canada": "CA", "germany": "DE", "france": "FR", "japan": "JP", "india": "IN", "italy": "IT",
    "spain": "ES", "australia": "AU", "brazil": "BR", "netherlands": "NL", "switzerland": "CH",
    "sweden": "SE", "south korea": "KR", "korea": "KR", "iran": "IR", "saudi arabia": "SA",
    "new zealand": "NZ", "south africa": "ZA", "mexico": "MX", "turkey": "TR", "russia": "RU",
    "u.s.a": "US", "israel": "IL", "kenya": "KE", "guatemala": "GT", "poland": "PL", "belize": "BZ",
    "england": "GB", "tanzania": "TZ", "cambodia": "KH",
}


def raw_country(s):
    """The last comma field, e-mail addresses and closing punctuation
    dropped; looked up whole, else its last word; "... USA" is US."""
    last = " ".join(w for w in s.split(",")[-1].split() if "@" not in w)
    last = last.strip().rstrip(".;) ").lower()
    if last.endswith(" usa") or last.endswith(" u.s.a"):
        return "US"
    if last in TABLE:
        return TABLE[last]
    words = last.split()
    return TABLE.get(words[-1]) if words else None


def works(text):
    text = text.lstrip("\ufeff")
    stripped = text.lstrip()
    if stripped.startswith("{") and '"results"' in stripped[:2000] and '"meta"' in stripped[:2000]:
        try:
            return json.loads(text)["results"]
        except ValueError:
            pass
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def main():
    raw = open(sys.argv[1], "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    out = []
    for w in works(raw.decode("utf-8")):
        codes = set()
        for a in w.get("authorships") or []:
            insts = a.get("institutions") or []
            if insts:
                codes.update(i["country_code"].upper() for i in insts if i.get("country_code"))
            elif a.get("countries"):
                codes.update(c.upper() for c in a["countries"])
            else:
                raws = a.get("raw_affiliation_strings") or ([a["raw_affiliation_string"]] if a.get("raw_affiliation_string") else [])
                codes.update(c for c in map(raw_country, raws) if c)
        out.append([w["id"].rsplit("/", 1)[-1], sorted(codes)])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
