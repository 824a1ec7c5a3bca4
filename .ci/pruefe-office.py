#!/usr/bin/env python3
"""Checks the Excel and Word files of a report set with real clients (CI only, never used by the
program): Python's zipfile finds every container sound, openpyxl reads every workbook, the city's
Produkt 2 figures arrive as numeric cells equal to the CSV's, Wiblingen's JH-Z5 is 0,74 with a
percent format, a red light has a red fill, and LibreOffice converts every workbook to PDF.
Word: python-docx reads every document; its main table says what the CSV says, cell by cell
(numbers equal, "." exactly where the CSV withholds a value); Wiblingen's JH-Z5 reads "74,0 %",
its red light is shaded red; the header rows repeat; LibreOffice converts every document.

    python3 .ci/pruefe-office.py reports-office/2021-Q4 [--nur-word]
"""
import csv, glob, os, sys, zipfile
from fractions import Fraction

import openpyxl

import pruefe_word

ordner = sys.argv[1]
fehler = []
if "--nur-word" in sys.argv:
    sys.exit(pruefe_word.pruefe(ordner))
dateien = sorted(glob.glob(os.path.join(ordner, "*", "produkt-*.xlsx")) + glob.glob(os.path.join(ordner, "kennzahlen-*.xlsx")))
if not dateien:
    sys.exit(f"pruefe-office: keine XLSX-Dateien in {ordner}")
for d in dateien:
    with zipfile.ZipFile(d) as z:
        if z.testzip() is not None:
            fehler.append(f"{d}: Container beschädigt")
    openpyxl.load_workbook(d)


def tabelle(pfad):
    """The sheet's rows from the header row (the first row with a bold grey header) on."""
    ws = openpyxl.load_workbook(pfad).active
    zeilen = [list(r) for r in ws.iter_rows()]
    for i, r in enumerate(zeilen):
        if r[0].fill is not None and r[0].fill.fgColor is not None and r[0].fill.fgColor.rgb == "FFE8E8E8":
            return zeilen[i:]
    return []


# The period's workbook: one sheet per Produkt, names unique and at most 31 characters.
mappen = glob.glob(os.path.join(ordner, "kennzahlen-*.xlsx"))
if len(mappen) != 1:
    fehler.append(f"{ordner}: keine Arbeitsmappe kennzahlen-<Zeitraum>.xlsx")
else:
    namen = openpyxl.load_workbook(mappen[0]).sheetnames
    if len(namen) < 2 or len(set(n.lower() for n in namen)) != len(namen) or any(len(n) > 31 for n in namen):
        fehler.append(f"{mappen[0]}: Blattnamen {namen}")
    print(f"Excel: {os.path.basename(mappen[0])} mit {len(namen)} Blättern: {', '.join(namen)}")

# The city's Produkt 2: every number of the CSV is a numeric cell of the same value.
xlsx = tabelle(os.path.join(ordner, "gesamt", "produkt-2.xlsx"))
with open(os.path.join(ordner, "gesamt", "produkt-2.csv"), encoding="utf-8-sig") as f:
    zeilen = list(csv.reader(f, delimiter=";"))
zahlen = 0
for r, zeile in enumerate(zeilen):
    for c, feld in enumerate(zeile):
        # The period ("2021", "4. Quartal 2021") is text in the workbook, consistently.
        if zeilen[0][c] == "Zeitraum":
            continue
        try:
            wert = Fraction(feld.replace(",", "."))
        except ValueError:
            continue
        if r == 0:
            continue
        zelle = xlsx[r][c]
        if not isinstance(zelle.value, (int, float)) or abs(Fraction(zelle.value) - wert) > Fraction(1, 10**9):
            fehler.append(f"gesamt/produkt-2.xlsx {zelle.coordinate}: {zelle.value!r}, in der CSV {feld}")
        zahlen += 1
print(f"Excel: gesamt/produkt-2.xlsx – {zahlen} Zahlen der CSV als Zahlenzellen mit demselben Wert")

# Wiblingen's JH-Z5: 74,0 % as the fraction 0.74 with a percent format; the red light filled red.
jh = [r for r in tabelle(os.path.join(ordner, "wiblingen", "produkt-3.xlsx")) if any(c.value == "JH-Z5" for c in r)]
if not jh:
    fehler.append("wiblingen/produkt-3.xlsx: keine Zeile JH-Z5")
else:
    prozent = [c for c in jh[0] if isinstance(c.value, float) and "%" in c.number_format]
    if not any(abs(c.value - 0.74) < 1e-12 for c in prozent):
        fehler.append(f"wiblingen/produkt-3.xlsx JH-Z5: kein Wert 0,74 mit Prozentformat ({[(c.value, c.number_format) for c in jh[0]]})")
    rot = [c for c in jh[0] if isinstance(c.value, str) and c.value.endswith("rot")]
    if not rot or rot[0].fill.fgColor.rgb != "FFF4B6B6":
        fehler.append("wiblingen/produkt-3.xlsx JH-Z5: rote Ampel ohne rote Füllung")
    else:
        print(f"Excel: wiblingen/produkt-3.xlsx JH-Z5 {prozent[0].value} im Format '{prozent[0].number_format}', "
              f"'{rot[0].value}' rot gefüllt ({rot[0].fill.fgColor.rgb})")

# LibreOffice converts every workbook.
fehler += pruefe_word.in_pdf(dateien, ordner, "Arbeitsmappen")
for f in fehler:
    print("FEHLER:", f, file=sys.stderr)
if fehler:
    sys.exit(1)
print(f"Excel: {len(dateien)} Arbeitsmappen heil (zipfile), mit openpyxl gelesen")

sys.exit(pruefe_word.pruefe(ordner))
