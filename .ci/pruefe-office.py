#!/usr/bin/env python3
"""Checks the Excel files of a report set with real clients (CI only, never used by the program):
Python's zipfile finds every container sound, openpyxl reads every workbook, the city's Produkt 2
figures arrive as numeric cells equal to the CSV's, Wiblingen's JH-Z5 is 0,74 with a percent
format, a red light has a red fill, and LibreOffice converts every workbook to PDF.

    python3 .ci/pruefe-office.py reports-office/2021-Q4
"""
import csv, glob, os, shutil, subprocess, sys, tempfile, zipfile
from fractions import Fraction

import openpyxl

ordner = sys.argv[1]
fehler = []
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
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice:
    ziel = tempfile.mkdtemp()
    for d in dateien:
        name = os.path.relpath(d, ordner).replace("/", "_")  # unique names for one output folder
        shutil.copy(d, os.path.join(ziel, name))
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", ziel]
                   + sorted(glob.glob(os.path.join(ziel, "*.xlsx"))), capture_output=True, timeout=600)
    pdfs = glob.glob(os.path.join(ziel, "*.pdf"))
    if len(pdfs) != len(dateien):
        fehler.append(f"LibreOffice: {len(pdfs)} von {len(dateien)} Arbeitsmappen als PDF")
    else:
        print(f"LibreOffice: {len(pdfs)} Arbeitsmappen ohne Fehler in PDF umgewandelt")
    shutil.rmtree(ziel)
else:
    fehler.append("LibreOffice fehlt")
for f in fehler:
    print("FEHLER:", f, file=sys.stderr)
if fehler:
    sys.exit(1)
print(f"Excel: {len(dateien)} Arbeitsmappen heil (zipfile), mit openpyxl gelesen")
