#!/usr/bin/env python3
"""Checks a report set in the programs its readers use (CI only, not part of the product).

- pandoc reads every Markdown file and finds as many tables as the file has pipe tables;
- tidy and html5lib (strict) find no error in any HTML file;
- LibreOffice opens CSV files the way German Excel users do, and every number arrives as a
  number with the same value.
A missing tool is reported and its check skipped; any failed check exits 1.
"""
import json, os, re, shutil, subprocess, sys, tempfile
import xml.etree.ElementTree as ET

ordner = sys.argv[1] if len(sys.argv) > 1 else "reports/2021-Q4"
fehler = []

def dateien(endung):
    for wurzel, _, namen in os.walk(ordner):
        for n in sorted(namen):
            if n.endswith(endung):
                yield os.path.join(wurzel, n)

# Markdown: pandoc (GitHub flavour and pandoc's own) sees every table.
if shutil.which("pandoc"):
    anzahl = 0
    for pfad in dateien(".md"):
        text = open(pfad, encoding="utf-8").read()
        erwartet = sum(1 for z in text.splitlines() if z.startswith("|:") or z.startswith("|-"))
        for format in ("gfm", "markdown"):
            ast = json.loads(subprocess.run(["pandoc", "-f", format, "-t", "json", pfad], capture_output=True, text=True, check=True).stdout)
            tabellen = sum(1 for b in ast["blocks"] if b["t"] == "Table")
            roh = sum(1 for b in ast["blocks"] if b["t"] in ("RawBlock",))
            if tabellen != erwartet or roh:
                fehler.append(f"{pfad}: pandoc ({format}) findet {tabellen} Tabellen statt {erwartet}" + (f" und {roh} HTML-Blöcke" if roh else ""))
        anzahl += 1
    print(f"pandoc: {anzahl} Markdown-Dateien geprüft")
else:
    print("übersprungen: pandoc ist nicht installiert")

# HTML: tidy and html5lib.
if shutil.which("tidy"):
    anzahl = 0
    for pfad in dateien(".html"):
        r = subprocess.run(["tidy", "-e", "-q", pfad], capture_output=True, text=True)
        if r.returncode != 0:
            fehler.append(f"{pfad}: tidy meldet:\n{r.stderr.strip()}")
        anzahl += 1
    print(f"tidy: {anzahl} HTML-Dateien geprüft")
else:
    print("übersprungen: tidy ist nicht installiert")
try:
    import html5lib
    anzahl = 0
    for pfad in dateien(".html"):
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(open(pfad, "rb").read())
        except Exception as e:
            fehler.append(f"{pfad}: html5lib: {e}")
        anzahl += 1
    print(f"html5lib: {anzahl} HTML-Dateien streng geparst")
except ImportError:
    print("übersprungen: html5lib ist nicht installiert")

# CSV: LibreOffice with German settings (semicolon, UTF-8, German number format).
soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice:
    ns = {"table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0", "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0"}
    zahl = re.compile(r"^-?\d+(,\d+)?$")
    anzahl = zellen = 0
    with tempfile.TemporaryDirectory() as tmp:
        profil = "file://" + os.path.join(tmp, "profil")
        csvs = [p for p in dateien(".csv") if "/gesamt/" in p or "/wiblingen/" in p]
        for pfad in csvs:
            ziel = os.path.join(tmp, os.path.basename(os.path.dirname(pfad)) + "-" + os.path.basename(pfad))
            shutil.copy(pfad, ziel)
            subprocess.run([soffice, f"-env:UserInstallation={profil}", "--headless", "--infilter=CSV:59,34,76,1,,1031",
                            "--convert-to", "fods", "--outdir", tmp, ziel], capture_output=True, check=True)
            fods = ziel[:-4] + ".fods"
            zeilen = []
            for z in ET.parse(fods).getroot().iter("{%s}table-row" % ns["table"]):
                werte = []
                for c in z.findall("table:table-cell", ns):
                    wiederholt = int(c.get("{%s}number-columns-repeated" % ns["table"], "1"))
                    werte += [(c.get("{%s}value-type" % ns["office"]), c.get("{%s}value" % ns["office"]))] * min(wiederholt, 50)
                zeilen.append(werte)
            import csv as csvmodul
            with open(pfad, encoding="utf-8-sig", newline="") as f:
                for r, zeile in enumerate(csvmodul.reader(f, delimiter=";")):
                    for c, feld in enumerate(zeile):
                        if not zahl.match(feld):
                            continue
                        typ, wert = zeilen[r][c] if r < len(zeilen) and c < len(zeilen[r]) else (None, None)
                        if typ != "float" or abs(float(wert) - float(feld.replace(",", "."))) > 1e-9:
                            fehler.append(f"{pfad}: Zeile {r + 1}, Spalte {c + 1}: '{feld}' kommt in LibreOffice als {typ} {wert} an")
                        zellen += 1
            anzahl += 1
    print(f"LibreOffice: {anzahl} CSV-Dateien geöffnet, {zellen} Zahlen als Zahlen angekommen")
else:
    print("übersprungen: LibreOffice ist nicht installiert")

for f in fehler:
    print("FEHLER:", f)
sys.exit(1 if fehler else 0)
