#!/usr/bin/env python3
"""Checks the module graph: Package.swift, docs/architecture.md and the imports in Sources agree,
and every module depends only on modules earlier in the pipeline. Tests mirror the modules: every
module has its test target `Tests/<Module>Tests` with tests in it, test files import only what
their target declares, and the shared helper target (`Tests/KennzahlTesthilfen`) uses no
`@testable import`, so it builds in release too.

    python3 .ci/pruefe-module.py
"""
import os, re, sys

WURZEL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REIHE = ["KennzahlBasis", "KennzahlDefinition", "KennzahlDaten", "KennzahlAuswertung", "KennzahlAmpel",
         "KennzahlGeheimhaltung", "KennzahlBericht", "KennzahlBeispiele", "KennzahlKommandozeile", "kennzahl"]


HILFEN = "KennzahlTesthilfen"


def paket(art="(?:target|executableTarget)"):
    """target name → declared dependencies, from Package.swift (product targets, or test targets
    with art="testTarget")."""
    text = open(os.path.join(WURZEL, "Package.swift"), encoding="utf-8").read()
    namen = dict(re.findall(r'let (\w+): Target\.Dependency = "(\w+)"', text))
    ziele = {}
    for m in re.finditer(r'\.' + art + r'\(\s*name: "(\w+)"(?:,\s*dependencies: \[([^\]]*)\])?', text):
        abh = [namen.get(x.strip(), x.strip().strip('"')) for x in (m.group(2) or "").split(",") if x.strip()]
        ziele[m.group(1)] = set(abh)
    return ziele


def dokument():
    text = open(os.path.join(WURZEL, "docs", "architecture.md"), encoding="utf-8").read()
    ziele = {}
    for name, abh in re.findall(r"^\| (\w+)(?: \(executable\))? \| ([^|]+) \|$", text, re.M):
        if name == "Module":
            continue
        abh = abh.strip()
        if abh == "–":
            ziele[name] = set()
        elif abh == "all of the above":
            ziele[name] = set(REIHE[:REIHE.index(name)])
        else:
            ziele[name] = {a.strip() for a in abh.split(",")}
    return ziele


def importe(modul, wo="Sources"):
    gefunden = {}
    for ordner, _, dateien in os.walk(os.path.join(WURZEL, wo, modul)):
        for d in dateien:
            if d.endswith(".swift"):
                pfad = os.path.join(ordner, d)
                for m in re.findall(r"^(?:@testable )?import (Kennzahl\w+)", open(pfad, encoding="utf-8").read(), re.M):
                    gefunden.setdefault(m, os.path.relpath(pfad, WURZEL))
    return gefunden


fehler = []
p, d = paket(), dokument()
hilfen = p.pop(HILFEN, None)
quellen = sorted(x for x in os.listdir(os.path.join(WURZEL, "Sources")) if not x.startswith("."))
if sorted(p) != sorted(REIHE) or quellen != sorted(REIHE):
    fehler.append(f"Ziele in Package.swift {sorted(p)} / Ordner in Sources {quellen} / erwartet {sorted(REIHE)}")
for name in REIHE:
    abh = p.get(name, set())
    for a in abh:
        if a not in REIHE or REIHE.index(a) >= REIHE.index(name):
            fehler.append(f"{name} hängt von {a} ab, das nicht vor ihm in der Pipeline steht")
    if d.get(name) != abh:
        fehler.append(f"{name}: Package.swift {sorted(abh)}, docs/architecture.md {sorted(d.get(name, []))}")
    for m, datei in importe(name).items():
        if m not in abh:
            fehler.append(f"{datei} importiert {m}, das {name} nicht als Abhängigkeit nennt")
# The product library never depends on the sample generators.
for name in REIHE[:REIHE.index("KennzahlBericht") + 1]:
    if "KennzahlBeispiele" in p.get(name, set()):
        fehler.append(f"{name} hängt von den Beispielgeneratoren ab")
# Tests mirror the modules.
tests = paket("testTarget")
for name in REIHE[:-1]:
    ziel = name + "Tests"
    ordner = os.path.join(WURZEL, "Tests", ziel)
    if ziel not in tests or not os.path.isdir(ordner):
        fehler.append(f"{name} hat kein Testziel {ziel} (Package.swift und Tests/{ziel})")
        continue
    if name not in tests[ziel]:
        fehler.append(f"{ziel} hängt nicht von {name} ab")
    if not any("@Test" in open(os.path.join(o, f), encoding="utf-8").read()
               for o, _, fs in os.walk(ordner) for f in fs if f.endswith(".swift")):
        fehler.append(f"Tests/{ziel} enthält keinen Test")
for ziel, abh in tests.items():
    genutzt = importe(ziel, "Tests")
    for m, datei in genutzt.items():
        if m not in abh:
            fehler.append(f"{datei} importiert {m}, das {ziel} nicht als Abhängigkeit nennt")
    for m in sorted(abh - set(genutzt)):
        fehler.append(f"{ziel} nennt {m} als Abhängigkeit, aber keine Testdatei importiert es")
if hilfen is None:
    fehler.append(f"Hilfsziel {HILFEN} fehlt in Package.swift")
else:
    for o, _, fs in os.walk(os.path.join(WURZEL, "Tests", HILFEN)):
        for f in fs:
            if f.endswith(".swift") and "@testable" in open(os.path.join(o, f), encoding="utf-8").read():
                fehler.append(f"Tests/{HILFEN}/{f}: @testable import in einem Hilfsziel (baut nicht in release)")
for f in fehler:
    print("FEHLER:", f, file=sys.stderr)
if fehler:
    sys.exit(1)
print(f"Module: {len(REIHE)} Ziele, jede Abhängigkeit zeigt nach vorn; Package.swift, docs/architecture.md und die Importe "
      f"stimmen überein; {len(tests)} Testziele, eines je Modul, dazu {HILFEN}")
