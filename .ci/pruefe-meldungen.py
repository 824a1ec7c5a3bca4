#!/usr/bin/env python3
"""Diagnostics come from catalogues: every `"KZnnn"` in Sources/ stands in a module's catalogue
(`*Meldung.swift`, an enum conforming to `Meldung`), each code in exactly one catalogue, and the
table of messages in docs/definition-format.md is the one generated from the catalogues.

    python3 .ci/pruefe-meldungen.py            # check (CI)
    python3 .ci/pruefe-meldungen.py --schreibe # rewrite the table in docs/definition-format.md

The check fails for every other file that writes a code.
"""
import os, re, sys

WURZEL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOKU = os.path.join(WURZEL, "docs", "definition-format.md")
ANFANG = "<!-- Meldungstabelle: erzeugt von .ci/pruefe-meldungen.py --schreibe, nicht von Hand ändern -->"
ENDE = "<!-- Ende der Meldungstabelle -->"
MODULNAMEN = {
    "KennzahlDefinition": "Definitionssprache",
    "KennzahlDaten": "Daten lesen", "KennzahlAuswertung": "Auswertung", "KennzahlAmpel": "Ampelschaltungen von Hand",
    "KennzahlKommandozeile": "Lauf und Tests der Kennzahlen",
}


def katalog(pfad):
    """(code → [case names]), case → text template, case → severity, from one catalogue file."""
    text = open(pfad, encoding="utf-8").read()

    def schalter(name):
        m = re.search(r"var " + name + r": [\w.]+ \{\n(.*?)\n    \}\n", text, re.S)
        return m.group(1) if m else ""

    codes = {}
    for faelle, code in re.findall(r"case ((?:\.\w+(?:, )?)+): \"(KZ\d{3})\"", schalter("code")):
        codes.setdefault(code, []).extend(re.findall(r"\.(\w+)", faelle))
    vorlagen = {}
    teile = re.split(r"\n        case \.", "\n" + schalter("text"))
    for teil in teile[1:]:
        name = re.match(r"\w+", teil).group(0)
        literal = re.search(r'"((?:[^"\\]|\\.)*)"', teil)
        vorlage = literal.group(1) if literal else ""
        vorlagen[name] = ohneEinsetzungen(vorlage).replace('\\"', '"')
    schwere_text = schalter("schwere") or re.search(r"var schwere: [\w.]+ \{ (.*?) \}", text).group(1)
    warnungen = set()
    if "switch" in schwere_text:
        for faelle, art in re.findall(r"case ((?:\.\w+(?:, )?)+): \.(\w+)", schwere_text):
            if art == "warnung":
                warnungen.update(re.findall(r"\.(\w+)", faelle))
        standard = re.search(r"default: \.(\w+)", schwere_text)
        standard = standard.group(1) if standard else "fehler"
    else:
        standard = re.search(r"\.(\w+)", schwere_text).group(1)
    return codes, vorlagen, warnungen, standard


def ohneEinsetzungen(vorlage):
    """`\\(ausdruck)` → `…`, with nested parentheses."""
    aus, i = "", 0
    while i < len(vorlage):
        if vorlage.startswith("\\(", i):
            tiefe, i = 1, i + 2
            while i < len(vorlage) and tiefe:
                tiefe += {"(": 1, ")": -1}.get(vorlage[i], 0)
                i += 1
            aus += "…"
        else:
            aus += vorlage[i]
            i += 1
    return aus


fehler = []
definiert = {}
tabelle = []
for modul in sorted(os.listdir(os.path.join(WURZEL, "Sources"))):
    for ordner, _, dateien in os.walk(os.path.join(WURZEL, "Sources", modul)):
        for d in sorted(dateien):
            pfad = os.path.join(ordner, d)
            rel = os.path.relpath(pfad, WURZEL)
            if not d.endswith(".swift"):
                continue
            if d.endswith("Meldung.swift") and ": Meldung {" in open(pfad, encoding="utf-8").read():
                codes, vorlagen, warnungen, standard = katalog(pfad)
                if not codes:
                    fehler.append(f"{rel}: kein Code im Katalog gefunden")
                for code, faelle in codes.items():
                    if code in definiert:
                        fehler.append(f"{code} ist zweimal definiert: {definiert[code]} und {rel}")
                    definiert[code] = rel
                    for f in faelle:
                        schwere = "Warnung" if f in warnungen or (standard == "warnung" and not warnungen) else "Fehler"
                        vorlage = vorlagen.get(f) or "(Grund, wie ihn das Betriebssystem oder der Leser nennt)"
                        if len(re.sub(r"[^A-Za-zÄÖÜäöüß]", "", vorlage)) < 8:
                            vorlage += " (Text der Prüfung im Einzelfall)"
                        tabelle.append((code, MODULNAMEN.get(modul, modul), schwere, vorlage))
                continue
            for n, zeile in enumerate(open(pfad, encoding="utf-8"), 1):
                # Any code inside a string literal ("KZ310", "… [KZ310]"); doc comments may name one.
                if re.search(r'"[^"]*\bKZ\d{3}\b', zeile) and not zeile.lstrip().startswith("//"):
                    fehler.append(f"{rel}:{n}: Code außerhalb eines Katalogs: {zeile.strip()[:80]}")

zeilen = ["| Code | Bereich | Art | Meldung (… steht für den Wert im Einzelfall) |", "|---|---|---|---|"]
for code, bereich, schwere, vorlage in sorted(tabelle):
    zeilen.append(f"| {code} | {bereich} | {schwere} | {vorlage.replace('|', '/')} |")
erzeugt = ANFANG + "\n\n" + "\n".join(zeilen) + "\n\n" + ENDE
doku = open(DOKU, encoding="utf-8").read()
if "--schreibe" in sys.argv:
    if ANFANG in doku:
        doku = doku[:doku.index(ANFANG)] + erzeugt + doku[doku.index(ENDE) + len(ENDE):]
    else:
        sys.exit(f"{DOKU}: Markierung fehlt; bitte die Zeilen\n{ANFANG}\n{ENDE}\nan der gewünschten Stelle einfügen")
    open(DOKU, "w", encoding="utf-8").write(doku)
elif erzeugt not in doku:
    fehler.append("die Meldungstabelle in docs/definition-format.md passt nicht zu den Katalogen "
                  "(neu schreiben: python3 .ci/pruefe-meldungen.py --schreibe)")
for f in fehler:
    print("FEHLER:", f, file=sys.stderr)
if fehler:
    sys.exit(1)
print(f"Meldungen: {len(definiert)} Codes in Katalogen, jeder einmal; Tabelle in docs/definition-format.md aktuell")
