#!/usr/bin/env python3
"""Files of one idea each: no Swift source file over 500 lines, no function over 80 lines except
the measured hot paths listed below (splitting them costs time per row; docs/performance.md).

    python3 .ci/pruefe-umfang.py
"""
import os, re, sys

WURZEL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HOECHSTENS_DATEI = 500
HOECHSTENS_FUNKTION = 80
# Hot paths: one call per row or per byte block, kept whole on purpose (profiled).
HEISSE_PFADE = {
    ("Sources/KennzahlDaten/CsvLeser.swift", "zerlege"),  # the byte scanner, once per 1 MB block
    ("Sources/KennzahlDaten/QuellenLeser.swift", "zeile"),  # once per row
    ("Sources/KennzahlDaten/QuellenLeser.swift", "lies"),  # the row loop of a file
    ("Sources/KennzahlBasis/DatumLeser.swift", "festkomma"),  # once per number field of every row
}


def funktionen(zeilen):
    """(name, first line, line count) of every func/init, by brace matching outside strings."""
    ergebnis = []
    for i, z in enumerate(zeilen):
        m = re.match(r"\s*(?:@\w+(?:\([^)]*\))?\s+)*(?:(?:public|package|private|fileprivate|internal|static|mutating|"
                     r"nonmutating|override|final|convenience|required)\s+)*(func\s+(\S+?)\s*[(<]|init\??\s*[(<])", z)
        if not m:
            continue
        name = m.group(2) or "init"
        tiefe, begonnen = 0, False
        for j in range(i, len(zeilen)):
            text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', zeilen[j].split("//")[0])
            for c in text:
                if c == "{":
                    tiefe += 1
                    begonnen = True
                elif c == "}":
                    tiefe -= 1
            if begonnen and tiefe <= 0:
                ergebnis.append((name, i + 1, j - i + 1))
                break
            if not begonnen and j > i + 12:
                break
    return ergebnis


fehler = []
for ordner, _, dateien in os.walk(os.path.join(WURZEL, "Sources")):
    for d in sorted(dateien):
        if not d.endswith(".swift"):
            continue
        pfad = os.path.join(ordner, d)
        rel = os.path.relpath(pfad, WURZEL)
        zeilen = open(pfad, encoding="utf-8").read().splitlines()
        if len(zeilen) > HOECHSTENS_DATEI:
            fehler.append(f"{rel}: {len(zeilen)} Zeilen (höchstens {HOECHSTENS_DATEI})")
        for name, zeile, laenge in funktionen(zeilen):
            if laenge > HOECHSTENS_FUNKTION and (rel, name) not in HEISSE_PFADE:
                fehler.append(f"{rel}:{zeile}: Funktion {name} hat {laenge} Zeilen (höchstens {HOECHSTENS_FUNKTION})")
for f in fehler:
    print("FEHLER:", f, file=sys.stderr)
if fehler:
    sys.exit(1)
print(f"Umfang: keine Datei über {HOECHSTENS_DATEI} Zeilen, keine Funktion über {HOECHSTENS_FUNKTION} "
      f"(außer {len(HEISSE_PFADE)} gemessenen heißen Pfaden)")
