"""The Word half of pruefe-office.py (CI only): every .docx of a report set is a sound zip,
python-docx reads it, its main table agrees with the report's CSV cell by cell, Wiblingen's
JH-Z5 reads "74,0 %" with its red light shaded red, and LibreOffice converts every document."""
import csv, glob, os, re, shutil, subprocess, tempfile, zipfile
from fractions import Fraction

import docx
from docx.oxml.ns import qn


def kopfzeile(row):
    pr = row._tr.trPr
    return pr is not None and pr.find(qn("w:tblHeader")) is not None


def zahl(text):
    """A German number with an optional unit ("1.051,15 €", "74,0 %") as a fraction, else None."""
    m = re.fullmatch(r"(-?[0-9][0-9.]*(?:,[0-9]+)?)(?: (?:%|€))?", text)
    return Fraction(m.group(1).replace(".", "").replace(",", ".")) if m else None


def haupttabelle(pfad, kopf):
    """The document's table whose last header row names the CSV's columns: (header, data rows)."""
    for t in docx.Document(pfad).tables:
        zeilen = list(t.rows)
        oben = [r for r in zeilen if kopfzeile(r)]
        if oben and [c.text for c in oben[-1].cells] == kopf:
            return [[c.text for c in r.cells] for r in zeilen if not kopfzeile(r)], t
    return None, None


def in_pdf(dateien, ordner, was):
    """LibreOffice converts every file to PDF; the problems found, as a list."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        return ["LibreOffice fehlt"]
    ziel = tempfile.mkdtemp()
    for d in dateien:
        shutil.copy(d, os.path.join(ziel, os.path.relpath(d, ordner).replace("/", "_")))  # unique names
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", ziel]
                   + sorted(os.path.join(ziel, n) for n in os.listdir(ziel)), capture_output=True, timeout=900)
    pdfs = glob.glob(os.path.join(ziel, "*.pdf"))
    shutil.rmtree(ziel)
    if len(pdfs) != len(dateien):
        return [f"LibreOffice: {len(pdfs)} von {len(dateien)} {was} als PDF"]
    print(f"LibreOffice: {len(pdfs)} {was} ohne Fehler in PDF umgewandelt")
    return []


def pruefe(ordner):
    fehler = []
    dateien = sorted(glob.glob(os.path.join(ordner, "*", "produkt-*.docx")))
    if not dateien:
        print(f"FEHLER: keine Word-Dateien in {ordner}")
        return 1
    verglichen = punkte = 0
    for d in dateien:
        with zipfile.ZipFile(d) as z:
            if z.testzip() is not None:
                fehler.append(f"{d}: Container beschädigt")
            dokument = z.read("word/document.xml").decode()
        if "w:hyperlink" in dokument or "w:instrText" in dokument or "HYPERLINK" in dokument:
            fehler.append(f"{d}: Verweis oder Feld im Dokument")
        docx.Document(d)
        quelle = d[: -len(".docx")] + ".csv"
        if not os.path.exists(quelle):
            continue
        with open(quelle, encoding="utf-8-sig") as f:
            zeilen = list(csv.reader(f, delimiter=";"))
        daten, _ = haupttabelle(d, zeilen[0])
        if daten is None:
            fehler.append(f"{d}: keine Tabelle mit den Spalten der CSV {zeilen[0]}")
            continue
        if len(daten) != len(zeilen) - 1:
            fehler.append(f"{d}: {len(daten)} Tabellenzeilen, die CSV hat {len(zeilen) - 1}")
            continue
        for r, (w, c) in enumerate(zip(daten, zeilen[1:])):
            for s, (wort, feld) in enumerate(zip(w, c)):
                verglichen += 1
                a, b = zahl(wort.replace("\n", " ")), zahl(feld)
                if feld == ".":
                    punkte += 1
                # Lights keep their symbol in Word ("■ rot"; a history "● grün → ■ rot"), not in the CSV.
                lesbar = re.sub("[■▲●○] ", "", wort.replace("\n", " ")).replace(" → ", ", ")
                gleich = (a == b) if b is not None and zeilen[0][s] != "Zeitraum" else lesbar == feld
                if not gleich:
                    fehler.append(f"{d} Zeile {r + 1} '{zeilen[0][s]}': Word '{wort}', CSV '{feld}'")
    print(f"Word: {len(dateien)} Dokumente heil (zipfile), mit python-docx gelesen; "
          f"{verglichen} Tabellenfelder mit der CSV verglichen (davon {punkte} als „.“ nicht ausgewiesen), "
          f"{sum(1 for f in fehler if ' Zeile ' in f)} abweichend")

    wib = os.path.join(ordner, "wiblingen", "produkt-3.docx")
    if os.path.exists(wib):
        with open(wib[:-5] + ".csv", encoding="utf-8-sig") as f:
            kopf = next(csv.reader(f, delimiter=";"))
        daten, tabelle = haupttabelle(wib, kopf)
        jh = [i for i, z in enumerate(daten or []) if "JH-Z5" in z]
        if not jh:
            fehler.append("wiblingen/produkt-3.docx: keine Zeile JH-Z5")
        else:
            zeile = [r for r in tabelle.rows if not kopfzeile(r)][jh[0]]
            texte = [c.text for c in zeile.cells]
            rot = [c for c in zeile.cells if c.text == "■ rot"]
            fuellung = rot[0]._tc.tcPr.find(qn("w:shd")).get(qn("w:fill")) if rot else None
            if "74,0 %" not in texte or fuellung != "F4B6B6":
                fehler.append(f"wiblingen/produkt-3.docx JH-Z5: {texte}, Füllung {fuellung}")
            else:
                print(f"Word: wiblingen/produkt-3.docx JH-Z5 '74,0 %', '■ rot' rot hinterlegt ({fuellung}); "
                      f"{sum(kopfzeile(r) for r in tabelle.rows)} Kopfzeilen wiederholt")
            abschnitte = docx.Document(wib).sections
            if not any(s.orientation == 1 for s in abschnitte):
                fehler.append("wiblingen/produkt-3.docx: kein Querformat für die breite Tabelle")

    fehler += in_pdf(dateien, ordner, "Word-Dokumente")
    for f in fehler:
        print("FEHLER:", f)
    return 1 if fehler else 0
