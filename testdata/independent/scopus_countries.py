#!/usr/bin/env python3
"""Independent per-paper country sets of a Scopus CSV export.

For each row: the Affiliations column split on ';', the last
comma-separated field of each affiliation mapped to an ISO code by the
small table below (written for this check, independent of coauthnet's
address package). The EID is the EID column's when the row has as many
cells as the header, else the "eid=" of the Link column (some exports
write extra cells in the middle of a row; Link and Affiliations come
before them). The number of authors is counted from the Authors column
by a rule of its own: the names between ";" when there is one, else the
comma-separated fields that end with a full stop (every name ends with its
initials, "Smith J." or "Smith, J."). Reads gzip-compressed files too.
Prints a JSON list, one [EID, [codes...], authors] per row in file order.
Standard library only.
"""
import csv, gzip, html, io, json, re, sys

TABLE = {
    "united states": "US", "usa": "US", "china": "CN", "united kingdom": "GB", "uk": "GB",
    "germany": "DE", "france": "FR", "italy": "IT", "spain": "ES", "india": "IN", "japan": "JP",
    "south korea": "KR", "korea": "KR", "canada": "CA", "australia": "AU", "brazil": "BR",
    "taiwan": "TW", "hong kong": "HK", "finland": "FI", "sweden": "SE", "norway": "NO",
    "denmark": "DK", "netherlands": "NL", "belgium": "BE", "switzerland": "CH", "austria": "AT",
    "portugal": "PT", "greece": "GR", "ireland": "IE", "poland": "PL", "czech republic": "CZ",
    "russian federation": "RU", "turkey": "TR", "iran": "IR", "pakistan": "PK", "saudi arabia": "SA",
    "united arab emirates": "AE", "egypt": "EG", "singapore": "SG", "malaysia": "MY", "thailand": "TH",
    "indonesia": "ID", "viet nam": "VN", "philippines": "PH", "mexico": "MX", "colombia": "CO",
    "chile": "CL", "argentina": "AR", "peru": "PE", "south africa": "ZA", "nigeria": "NG",
    "kenya": "KE", "morocco": "MA", "tunisia": "TN", "algeria": "DZ", "israel": "IL", "jordan": "JO",
    "lebanon": "LB", "qatar": "QA", "kuwait": "KW", "oman": "OM", "new zealand": "NZ",
    "romania": "RO", "hungary": "HU", "slovenia": "SI", "slovakia": "SK", "croatia": "HR",
    "serbia": "RS", "bulgaria": "BG", "ukraine": "UA", "estonia": "EE", "latvia": "LV",
    "lithuania": "LT", "luxembourg": "LU", "cyprus": "CY", "malta": "MT", "iceland": "IS",
    "bangladesh": "BD", "sri lanka": "LK", "nepal": "NP", "iraq": "IQ", "ecuador": "EC",
    "venezuela": "VE", "uruguay": "UY", "cuba": "CU", "costa rica": "CR", "ghana": "GH",
    "ethiopia": "ET", "tanzania": "TZ", "uganda": "UG", "cameroon": "CM", "macau": "MO", "macao": "MO",
    "bahrain": "BH", "brunei darussalam": "BN", "kazakhstan": "KZ", "belarus": "BY", "bosnia and herzegovina": "BA",
}

def main():
    out = []
    raw = open(sys.argv[1], "rb").read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    rows = csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline=""))
    header = [h.strip() for h in next(rows)]
    col = {h: i for i, h in enumerate(header)}
    for row in rows:
        if row == [] or row == [""]:
            continue
        if len(row) == len(header):
            eid = row[col["EID"]]
        else:
            m = re.search(r"eid=(2-s2\.0-\d+)", row[col["Link"]])
            eid = m.group(1) if m else ""
        codes = set()
        affs = row[col["Affiliations"]] if "Affiliations" in col else ""
        for aff in html.unescape(affs).split(";"):
            last = aff.split(",")[-1].strip().rstrip(".").lower()
            if last in TABLE:
                codes.add(TABLE[last])
        names = html.unescape(row[col["Authors"]]).strip()
        if names in ("", "[No author name available]"):
            authors = 0
        elif ";" in names:
            authors = len([n for n in names.split(";") if n.strip()])
        else:
            authors = len([f for f in names.split(",") if f.strip().endswith(".")])
        out.append([eid, sorted(codes), authors])
    json.dump(out, sys.stdout)


if __name__ == "__main__":
    main()
