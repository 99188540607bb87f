#!/usr/bin/env python3
"""Independent per-paper country sets of a Web of Science export.

Plain text ("PT ... ER" records, any number of "FN ... EF" blocks) or
tab-delimited (a header row of tags, repeated before each concatenated
part), UTF-8 or UTF-16 with a byte order mark, optionally gzip
compressed; byte order marks anywhere at a line start are dropped.

For each record: every C1 address (bracketed author names removed), or
the RP addresses when C1 is empty; its last comma field mapped to an ISO
code by the table below (written for this check, independent of
coauthnet's address package): "... USA" and US state + ZIP are US,
England/Scotland/Wales/North Ireland are GB. Prints a JSON list, one
[UT, [codes...]] per record in file order (so that the list's length is
the number of records in the file). Standard library only.
"""
import gzip, json, re, sys

TABLE = {
    "peoples r china": "CN", "england": "GB", "scotland": "GB", "wales": "GB", "north ireland": "GB",
    "brazil": "BR", "canada": "CA", "germany": "DE", "australia": "AU", "netherlands": "NL",
    "india": "IN", "japan": "JP", "france": "FR", "italy": "IT", "switzerland": "CH", "spain": "ES",
    "mexico": "MX", "denmark": "DK", "chile": "CL", "sweden": "SE", "new zealand": "NZ", "israel": "IL",
    "finland": "FI", "argentina": "AR", "iceland": "IS", "belgium": "BE", "austria": "AT", "turkey": "TR",
    "nigeria": "NG", "czech republic": "CZ", "norway": "NO", "south africa": "ZA", "south korea": "KR",
    "taiwan": "TW", "singapore": "SG", "russia": "RU", "poland": "PL", "portugal": "PT", "ireland": "IE",
    "greece": "GR", "hungary": "HU", "colombia": "CO", "peru": "PE", "ecuador": "EC", "bolivia": "BO",
    "venezuela": "VE", "costa rica": "CR", "panama": "PA", "guatemala": "GT", "kenya": "KE",
    "tanzania": "TZ", "uganda": "UG", "ethiopia": "ET", "ghana": "GH", "cameroon": "CM", "egypt": "EG",
    "saudi arabia": "SA", "iran": "IR", "pakistan": "PK", "bangladesh": "BD", "thailand": "TH",
    "malaysia": "MY", "indonesia": "ID", "philippines": "PH", "vietnam": "VN", "viet nam": "VN",
    "u arab emirates": "AE", "qatar": "QA", "hong kong": "HK", "uruguay": "UY", "paraguay": "PY",
    "puerto rico": "PR", "cuba": "CU", "jamaica": "JM", "madagascar": "MG", "mozambique": "MZ",
    "zimbabwe": "ZW", "zambia": "ZM", "botswana": "BW", "namibia": "NA", "senegal": "SN",
    "morocco": "MA", "tunisia": "TN", "algeria": "DZ", "lebanon": "LB", "jordan": "JO", "romania": "RO",
    "slovenia": "SI", "croatia": "HR", "serbia": "RS", "bulgaria": "BG", "ukraine": "UA", "estonia": "EE",
    "latvia": "LV", "lithuania": "LT", "luxembourg": "LU", "cyprus": "CY", "malta": "MT",
    "sri lanka": "LK", "nepal": "NP", "papua n guinea": "PG", "fiji": "FJ", "french guiana": "GF",
    "fr polynesia": "PF", "nicaragua": "NI", "honduras": "HN", "el salvador": "SV", "belize": "BZ",
    "trinidad tobago": "TT", "brunei": "BN", "mongolia": "MN", "kazakhstan": "KZ", "slovakia": "SK",
    "myanmar": "MM", "iraq": "IQ", "kuwait": "KW", "oman": "OM", "sudan": "SD", "rwanda": "RW", "malawi": "MW",
}
EXTRA = {  # added for the files of testdata/real (spellings seen there)
    "turkiye": "TR", "liechtenstein": "LI", "azerbaijan": "AZ", "armenia": "AM", "belarus": "BY",
    "bosnia & herceg": "BA", "yemen": "YE",
}
TABLE.update(EXTRA)
STATE_ZIP = re.compile(r"^[A-Z]{2}( \d{5}(-\d{4})?)?$")


def country(addr):
    last = addr.strip().rstrip(".").split(",")[-1].strip()
    if last.endswith(" USA") or last == "USA" or STATE_ZIP.match(last):
        return "US"
    return TABLE.get(last.lower())


def rp_addresses(rp):
    out = []
    for part in re.split(r";\s*(?=[^;]*\((?:corresponding|reprint) author\))", rp):
        m = re.search(r"\((?:corresponding|reprint) author\),\s*(.*)", part)
        if m:
            out.append(m.group(1))
    return out


def codes(c1_addrs, rp):
    addrs = list(c1_addrs) or rp_addresses(rp)
    return sorted({c for c in map(country, addrs) if c})


def text(path):
    raw = open(path, "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    return raw.decode("utf-8")


def plain(lines):
    out, rec, tag = [], {}, None
    for line in lines:
        if line == "ER":
            c1 = [a.split("] ", 1)[1] if a.startswith("[") and "] " in a else a for a in rec.get("C1", [])]
            out.append([" ".join(rec.get("UT", [])), codes(c1, " ".join(rec.get("RP", [])))])
            rec, tag = {}, None
        elif line.startswith("   ") and tag:
            rec[tag].append(line.strip())
        elif len(line) >= 2 and line[:2].isalnum() and line[:2].isupper() and (len(line) == 2 or line[2] == " "):
            tag = line[:2]
            if tag not in ("FN", "VR", "EF"):
                rec.setdefault(tag, []).append(line[3:].strip())
    return out


def tab(lines):
    out, header = [], None
    for line in lines:
        if line.startswith("PT\t"):
            header = [h.strip() for h in line.split("\t")]
            continue
        if not line.strip():
            continue
        row = dict(zip(header, line.split("\t")))
        c1 = re.sub(r"\[[^\]]*\]", "", row.get("C1", ""))
        out.append([row.get("UT", "").strip(), codes([a for a in c1.split(";") if a.strip()], row.get("RP", ""))])
    return out


def main():
    lines = [l.lstrip("\ufeff") for l in text(sys.argv[1]).replace("\r\n", "\n").split("\n")]
    first = next(l for l in lines if l.strip())
    json.dump(tab(lines) if first.startswith("PT\t") else plain(lines), sys.stdout)


if __name__ == "__main__":
    main()
