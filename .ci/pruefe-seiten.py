#!/usr/bin/env python3
"""Loads every HTML page of a report set in headless Chromium at 1400 and 400 px and measures
`document.documentElement.scrollWidth` and how far any table is wider than its box: no page and no
table may be wider than a 1400 px window, and the pages named by --schmal (the overview and the
Ampel reports) not wider than a 400 px phone either.

    python3 .ci/pruefe-seiten.py reports/2021-Q4 --schmal 'index.html,*/produkt-4.html' [--bilder ORDNER]

The pages have no script of their own, and headless Chromium's window is at least 500 px wide:
so each page is loaded into an iframe of the wanted width inside a small wrapper page whose
script writes the iframe's scrollWidth into the DOM, which --dump-dom then prints. --bilder also
saves screenshots of the pages named by --schmal at both widths (for looking at them).
"""
import fnmatch, os, re, shutil, subprocess, sys, tempfile

def chromium():
    for name in ["chromium", "chromium-browser", "google-chrome"]:
        if shutil.which(name):
            return name
    sys.exit("pruefe-seiten: Chromium fehlt")

def main():
    args = sys.argv[1:]
    ordner = args[0]
    schmal = ["index.html"]
    bilder = None
    if "--schmal" in args:
        schmal = args[args.index("--schmal") + 1].split(",")
    if "--bilder" in args:
        bilder = args[args.index("--bilder") + 1]
        os.makedirs(bilder, exist_ok=True)
    programm = chromium()
    seiten = sorted(os.path.relpath(os.path.join(o, d), ordner)
                    for o, _, ds in os.walk(ordner) for d in ds if d.endswith(".html"))
    if not seiten:
        sys.exit(f"pruefe-seiten: keine HTML-Seiten in {ordner}")
    fehler = []
    kopie = tempfile.mkdtemp()
    try:
        for rel in seiten:
            url = "file://" + os.path.abspath(os.path.join(ordner, rel))
            for breite in (1400, 400):
                schmal_pruefen = any(fnmatch.fnmatch(rel, m) for m in schmal)
                if breite == 400 and not schmal_pruefen:
                    continue
                hoehe = 2400 if breite == 400 else 1100
                huelle = os.path.join(kopie, f"huelle-{breite}.html")
                open(huelle, "w", encoding="utf-8").write(
                    f'<html><body style="margin:0"><iframe id="f" src="{url}" '
                    f'style="width:{breite}px;height:{hoehe}px;border:0"></iframe><script>'
                    "var f=document.getElementById('f');f.onload=function(){"
                    "var d=f.contentDocument,ueber=0;d.querySelectorAll('.tabelle').forEach(function(t){"
                    "ueber=Math.max(ueber,t.scrollWidth-t.clientWidth);});"
                    "document.body.setAttribute('data-breite',d.documentElement.scrollWidth);"
                    "document.body.setAttribute('data-tabelle',ueber);};"
                    "</script></body></html>")
                basis = [programm, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                         "--allow-file-access-from-files", "--virtual-time-budget=5000",
                         f"--window-size={max(breite, 500)},{hoehe}"]
                aus = subprocess.run(basis + ["--dump-dom", "file://" + huelle],
                                     capture_output=True, text=True, timeout=120).stdout
                m = re.search(r'data-breite="(\d+)"', aus)
                if not m:
                    fehler.append(f"{rel} bei {breite} px: keine Messung")
                    continue
                gemessen = int(m.group(1))
                # A table wider than its box scrolls inside it: the page fits, but not the table.
                tabelle = int((re.search(r'data-tabelle="(\d+)"', aus) or m).group(1)) if 'data-tabelle' in aus else 0
                ok = gemessen <= breite and tabelle == 0
                print(f"{rel:40} {breite:5} px: scrollWidth {gemessen:5}, Tabellen {tabelle:4} px zu breit  "
                      f"{'ok' if ok else 'ZU BREIT'}")
                if gemessen > breite:
                    fehler.append(f"{rel} bei {breite} px: {gemessen} px breit")
                if tabelle > 0:
                    fehler.append(f"{rel} bei {breite} px: eine Tabelle ist {tabelle} px breiter als das Fenster")
                if bilder and schmal_pruefen:
                    name = rel.replace("/", "_").replace(".html", f"-{breite}.png")
                    subprocess.run(basis + ["--screenshot=" + os.path.join(os.path.abspath(bilder), name),
                                            "file://" + huelle], capture_output=True, timeout=120)
    finally:
        shutil.rmtree(kopie)
    for f in fehler:
        print("FEHLER:", f, file=sys.stderr)
    if fehler:
        sys.exit(1)
    print(f"Seiten: {len(seiten)} HTML-Seiten, keine breiter als 1400 px; {', '.join(schmal)} auch bei 400 px ohne Querscrollen")

main()
