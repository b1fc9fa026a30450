#!/usr/bin/env python3
"""Writes ValueRules' phone table and the example-number fixture from libphonenumber's metadata.

Input: resources/PhoneNumberMetadata.xml of google/libphonenumber (Apache-2.0). The XML is not kept in this
repository; README.md beside this script says how to get it. Output, both committed:
  Sources/ValueRules/Phones/PhoneMetadataTable.swift  one line of facts per region (see FIELDS)
  Tests/ValueRulesTests/Fixtures/example-numbers.json  the fixed-line and mobile example numbers, with the
                                                        national format libphonenumber's own formatting gives

Usage: generate.py --xml PATH --commit SHA --date YYYY-MM-DD [--release vX.Y.Z] [--root REPO_ROOT]
Python 3 standard library only.
"""

import argparse
import json
import os
import re
import xml.etree.ElementTree as ET

# Every number type libphonenumber validates against; noInternationalDialling is left out, as libphonenumber's
# own build leaves it out of the general possible lengths (it is a property of numbers, not a type).
NUMBER_TYPES = [
    "fixedLine", "mobile", "tollFree", "premiumRate", "sharedCost", "personalNumber", "voip", "pager", "uan",
    "voicemail",
]

# The order of a table line's fields; PhoneMetadataTable.swift's decoder reads them in this order.
FIELDS = [
    "region", "callingCode", "main", "internationalPrefix", "nationalPrefix", "nationalPrefixForParsing",
    "nationalPrefixTransformRule", "leadingDigits", "lengths", "localOnlyLengths", "fixedLineLengths",
    "mobileLengths", "generalPattern", "typePattern",
]


def squeeze(text):
    """A pattern as written in the XML, without the whitespace it is laid out with."""
    return re.sub(r"\s", "", text or "")


def parse_lengths(text):
    """`[6-9],11` -> {6, 7, 8, 9, 11}; `-1` (no numbers of this type) -> empty."""
    lengths = set()
    for part in squeeze(text).split(","):
        if not part or part == "-1":
            continue
        if part.startswith("["):
            low, high = part[1:-1].split("-")
            lengths.update(range(int(low), int(high) + 1))
        else:
            lengths.add(int(part))
    return lengths


def encode_lengths(lengths):
    """{6, 7, 8, 9, 11} -> `6-9,11`: runs as ranges, to keep the table short."""
    result, run = [], []
    for length in sorted(lengths):
        if run and length == run[-1] + 1:
            run.append(length)
            continue
        if run:
            result.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
        run = [length]
    if run:
        result.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
    return ",".join(result)


def desc_lengths(territory, tag):
    element = territory.find(tag)
    if element is None:
        return set(), set()
    possible = element.find("possibleLengths")
    if possible is None:
        return set(), set()
    return parse_lengths(possible.get("national")), parse_lengths(possible.get("localOnly"))


def general_lengths(territory):
    """The union over all number types, as libphonenumber's BuildMetadataFromXml derives the general desc's."""
    national, local_only = set(), set()
    for tag in NUMBER_TYPES:
        n, l = desc_lengths(territory, tag)
        national |= n
        local_only |= l
    return national, local_only - national


def pattern_of(territory, tag):
    element = territory.find(tag)
    if element is None or element.find("nationalNumberPattern") is None:
        return ""
    return squeeze(element.find("nationalNumberPattern").text)


def region_lines(territories):
    shared = {}
    for territory in territories:
        shared.setdefault(territory.get("countryCode"), []).append(territory)
    lines = []
    for territory in territories:
        code = territory.get("countryCode")
        national_prefix = territory.get("nationalPrefix") or ""
        # As libphonenumber's build does: without a parsing rule, the national prefix itself is what is stripped.
        for_parsing = squeeze(territory.get("nationalPrefixForParsing")) or national_prefix
        lengths, local_only = general_lengths(territory)
        fixed, _ = desc_lengths(territory, "fixedLine")
        mobile, _ = desc_lengths(territory, "mobile")
        # Type patterns only where they decide between regions of one calling code (those without leading
        # digits); elsewhere the general pattern is all the parse needs.
        type_pattern = ""
        if len(shared[code]) > 1 and not territory.get("leadingDigits"):
            # Each distinct pattern once: fixed-line and mobile patterns are often the same (North America).
            patterns = dict.fromkeys(pattern_of(territory, tag) for tag in NUMBER_TYPES)
            type_pattern = "|".join(f"(?:{p})" for p in patterns if p and p != "NA")
        values = {
            "region": territory.get("id"),
            "callingCode": code,
            "main": "1" if territory.get("mainCountryForCode") == "true" or len(shared[code]) == 1 else "",
            "internationalPrefix": squeeze(territory.get("internationalPrefix")),
            "nationalPrefix": national_prefix,
            "nationalPrefixForParsing": for_parsing,
            "nationalPrefixTransformRule": squeeze(territory.get("nationalPrefixTransformRule")),
            "leadingDigits": squeeze(territory.get("leadingDigits")),
            "lengths": encode_lengths(lengths),
            "localOnlyLengths": encode_lengths(local_only),
            "fixedLineLengths": encode_lengths(fixed),
            "mobileLengths": encode_lengths(mobile),
            "generalPattern": pattern_of(territory, "generalDesc"),
            "typePattern": type_pattern,
        }
        for name, value in values.items():
            if ";" in value or "\n" in value:
                raise SystemExit(f"{territory.get('id')} {name}: a `;` or line break would break the table")
        lines.append(";".join(values[name] for name in FIELDS))
    return lines


def national_format(territory, number):
    """The number as libphonenumber formats it nationally, with the formats of the calling code's main region
    (as its PhoneNumberUtil.format does): the first format whose last leading-digits pattern matches the start
    and whose pattern matches the whole number; the national prefix rule goes in front of its first group."""
    formats = territory.find("availableFormats")
    if formats is None:
        return number
    national_prefix = territory.get("nationalPrefix") or ""
    default_rule = formats.get("nationalPrefixFormattingRule") or territory.get("nationalPrefixFormattingRule")
    for number_format in formats.findall("numberFormat"):
        leading = number_format.findall("leadingDigits")
        if leading and not re.match(squeeze(leading[-1].text), number):
            continue
        pattern = squeeze(number_format.get("pattern"))
        if not re.fullmatch(pattern, number):
            continue
        layout = number_format.find("format").text
        rule = number_format.get("nationalPrefixFormattingRule", default_rule)
        if rule:
            first_group = re.search(r"\$\d", layout).group(0)
            rule = rule.replace("$NP", national_prefix).replace("$FG", first_group)
            layout = layout.replace(first_group, rule, 1)
        return re.sub(r"\$(\d)", r"\\\1", re.sub(pattern, re.sub(r"\$(\d)", r"\\\1", layout), number))
    return number


def examples(territories):
    main = {t.get("countryCode"): t for t in territories if t.get("mainCountryForCode") == "true"}
    result = []
    for territory in territories:
        formatter = main.get(territory.get("countryCode"), territory)
        for kind in ("fixedLine", "mobile"):
            element = territory.find(kind)
            if element is None or element.find("exampleNumber") is None:
                continue
            number = squeeze(element.find("exampleNumber").text)
            result.append({
                "region": territory.get("id"),
                "callingCode": territory.get("countryCode"),
                "type": kind,
                "nationalNumber": number,
                "e164": "+" + territory.get("countryCode") + number,
                "national": national_format(formatter, number),
            })
    return result


SWIFT_HEADER = """\
// Generated by Tools/phone-metadata/generate.py: do not edit by hand; run the script again (README.md there).
// Source: google/libphonenumber, resources/PhoneNumberMetadata.xml, {release}commit {commit} ({date}).
// Licence of the source data: Apache License 2.0, Copyright (C) 2009 The Libphonenumber Authors.
// swift-format-ignore-file

/// libphonenumber's facts per region, one line each, fields separated by `;` in this order:
/// {fields}.
/// Lengths are national significant number lengths (`6-9,11`); patterns are libphonenumber's regular
/// expressions over digits. A compact string parsed once: an array literal of {count} structs compiles slowly.
enum PhoneMetadataTable {{
    static let regions = #\"\"\"
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--xml", required=True, help="path to PhoneNumberMetadata.xml")
    parser.add_argument("--commit", required=True, help="the libphonenumber commit the XML was taken from")
    parser.add_argument("--date", required=True, help="that commit's date, YYYY-MM-DD")
    parser.add_argument("--release", default="", help="the libphonenumber release of that commit, e.g. v9.0.35")
    parser.add_argument("--root", default=os.path.join(os.path.dirname(__file__), "..", ".."), help="repository root")
    args = parser.parse_args()

    territories = list(ET.parse(args.xml).getroot().find("territories"))
    lines = region_lines(territories)
    release = f"release {args.release}, " if args.release else ""
    swift = SWIFT_HEADER.format(
        release=release, commit=args.commit, date=args.date, fields=", ".join(FIELDS), count=len(lines))
    swift += "\n".join("        " + line for line in lines) + '\n        """#\n}\n'
    swift_path = os.path.join(args.root, "Sources/ValueRules/Phones/PhoneMetadataTable.swift")
    os.makedirs(os.path.dirname(swift_path), exist_ok=True)
    with open(swift_path, "w", encoding="utf-8") as out:
        out.write(swift)

    fixture = {
        "origin": {
            "repository": "google/libphonenumber",
            "file": "resources/PhoneNumberMetadata.xml",
            "commit": args.commit,
            "date": args.date,
            "release": args.release,
            "licence": "Apache-2.0, Copyright (C) 2009 The Libphonenumber Authors",
            "what": "exampleNumber of fixedLine and mobile for every territory; national as libphonenumber's "
            "national formatting rules write it (Tools/phone-metadata/generate.py)",
        },
        "numbers": examples(territories),
    }
    fixture_path = os.path.join(args.root, "Tests/ValueRulesTests/Fixtures/example-numbers.json")
    os.makedirs(os.path.dirname(fixture_path), exist_ok=True)
    with open(fixture_path, "w", encoding="utf-8") as out:
        json.dump(fixture, out, indent=1, ensure_ascii=False)
        out.write("\n")
    print(f"{len(lines)} regions, {len(fixture['numbers'])} example numbers")


if __name__ == "__main__":
    main()
