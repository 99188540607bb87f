#!/usr/bin/env python3
"""Independent per-paper country sets of a Web of Science plain-text export.

For each record (PT ... ER): every C1 address (the text after "] " when
bracketed), or the RP addresses when C1 is empty; its last comma field
mapped to an ISO code by the table below (written for this check,
independent of coauthnet's address package): "... USA" and US state + ZIP
are US, England/Scotland/Wales/North Ireland are GB. Prints JSON
{UT: [codes...]}. Standard library only.
"""
import json, re, sys

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
STATE_ZIP = re.compile(r"^[A-Z]{2}( \d{5}(-\d{4})?)?$")

def country(addr):
    last = addr.strip().rstrip(".").split(",")[-1].strip()
    if last.endswith(" USA") or last == "USA" or STATE_ZIP.match(last):
        return "US"
    return TABLE.get(last.lower())

def main():
    out = {}
    rec, tag = {}, None
    with open(sys.argv[1], encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line == "ER":
                addrs = []
                for a in rec.get("C1", []):
                    addrs.append(a.split("] ", 1)[1] if a.startswith("[") and "] " in a else a)
                if not addrs:
                    for part in re.split(r";\s*(?=[^;]*\((?:corresponding|reprint) author\))", " ".join(rec.get("RP", []))):
                        m = re.search(r"\((?:corresponding|reprint) author\),\s*(.*)", part)
                        if m:
                            addrs.append(m.group(1))
                codes = {c for c in map(country, addrs) if c}
                out[" ".join(rec.get("UT", []))] = sorted(codes)
                rec, tag = {}, None
            elif line.startswith("   ") and tag:
                rec[tag].append(line.strip())
            elif len(line) >= 2 and line[:2].isalnum() and line[:2].isupper() and (len(line) == 2 or line[2] == " "):
                tag = line[:2]
                rec.setdefault(tag, []).append(line[3:].strip())
    json.dump(out, sys.stdout)

if __name__ == "__main__":
    main()
