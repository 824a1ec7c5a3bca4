#!/usr/bin/env python3
"""Checks the module graph: Package.swift, docs/architecture.md and the imports in Sources agree,
and every module depends only on modules earlier in the pipeline.

    python3 .ci/pruefe-module.py
"""
import os, re, sys

WURZEL = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REIHE = ["KennzahlBasis", "KennzahlDefinition", "KennzahlDaten", "KennzahlAuswertung", "KennzahlAmpel",
         "KennzahlGeheimhaltung", "KennzahlBericht", "KennzahlBeispiele", "KennzahlKommandozeile", "kennzahl"]


def paket():
    """target name → declared dependencies, from Package.swift."""
    text = open(os.path.join(WURZEL, "Package.swift"), encoding="utf-8").read()
    namen = dict(re.findall(r'let (\w+): Target\.Dependency = "(\w+)"', text))
    ziele = {}
    for m in re.finditer(r'\.(?:target|executableTarget)\(\s*name: "(\w+)"(?:,\s*dependencies: \[([^\]]*)\])?', text):
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


def importe(modul):
    gefunden = {}
    for ordner, _, dateien in os.walk(os.path.join(WURZEL, "Sources", modul)):
        for d in dateien:
            if d.endswith(".swift"):
                pfad = os.path.join(ordner, d)
                for m in re.findall(r"^(?:@testable )?import (Kennzahl\w+)", open(pfad, encoding="utf-8").read(), re.M):
                    gefunden.setdefault(m, os.path.relpath(pfad, WURZEL))
    return gefunden


fehler = []
p, d = paket(), dokument()
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
for f in fehler:
    print("FEHLER:", f, file=sys.stderr)
if fehler:
    sys.exit(1)
print(f"Module: {len(REIHE)} Ziele, jede Abhängigkeit zeigt nach vorn; Package.swift, docs/architecture.md und die Importe stimmen überein")
