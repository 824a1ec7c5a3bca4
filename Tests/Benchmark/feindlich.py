#!/usr/bin/env python3
"""Benchmark of hostile input shapes: does the time stay linear in the size of the input?

Not part of the product and not a test (no timing is asserted anywhere). For every shape it
writes a small and a large input of the same kind, runs the release build of kennzahl on both
(median of several rounds, wall clock), and prints a Markdown table with the ratio of the times
next to the ratio of the sizes: linear work shows the same ratio in both columns, quadratic work
the square. A well-formed input of the same size runs beside the hostile one where that makes
sense (valid rows against rows with unknown Sozialraum values). Every run must end as expected:
exit code and first line of stderr are checked and printed.

    python3 Tests/Benchmark/feindlich.py               # all shapes, 3 rounds
    python3 Tests/Benchmark/feindlich.py --runden 5
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

WURZEL = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMM = os.path.join(WURZEL, ".build", "release", "kennzahl")

KATALOG = """katalog "Stress" { produkt 1 "P" }
sozialraum "Nord" { codes "N" }
quelle q "Q" {
  art faelle; datei "q-{quartal}.csv"; id "Fall"; sozialraum "SR"; beginn "Beginn"; ende "Ende"
  feld form "Form" { "a" -> "ambulant"; "s" -> "stationär" }
  feld n "Zahl" zahl
}
kennzahl A "a" { produkt 1; definition "d"; wert anzahl faelle aus q; zeitraum quartal, stichtag }
"""


def schreibe(pfad, text):
    os.makedirs(os.path.dirname(pfad), exist_ok=True)
    with open(pfad, "w", encoding="utf-8") as f:
        f.write(text)


def export(ordner, n, unbekannt):
    """n rows; with `unbekannt` each row names its own unknown Sozialraum."""
    with open(os.path.join(ordner, "q-2021-Q4.csv"), "w", encoding="utf-8") as f:
        f.write("Fall;SR;Beginn;Ende;Form;Zahl\n")
        for i in range(n):
            f.write(f"F{i};{'Unbekannt-%d' % i if unbekannt else 'N'};01.10.2021;;a;1\n")


def faelle(wurzel):
    """(shape, size label, size, command, expected exit code) for every case."""
    liste = []
    for n in (100_000, 1_000_000):
        for art, unbekannt in (("gültige Zeilen", False), ("je Zeile ein anderer unbekannter Sozialraum", True)):
            d = os.path.join(wurzel, f"daten-{n}-{unbekannt}")
            os.makedirs(d)
            schreibe(os.path.join(d, "k", "k.kz"), KATALOG)
            export(d, n, unbekannt)
            liste.append((f"Export: {art}", f"{n:,} Zeilen".replace(",", "."), n,
                          ["check", "--definitions", os.path.join(d, "k"), "--data", d], 0))
    for n in (1_000, 20_000):
        d = os.path.join(wurzel, f"tipp-{n}")
        schreibe(os.path.join(d, "k.kz"), KATALOG + "\n".join(f'kenzahl T{i} "t" {{ produkt 1; definition "d"; wert A }}' for i in range(n)))
        liste.append(("Katalog: falsch geschriebenes `kenzahl`", f"{n:,} Zeilen".replace(",", "."), n, ["check", "--definitions", d], 1))
    for n in (500, 5_000):
        d = os.path.join(wurzel, f"viele-{n}")
        schreibe(os.path.join(d, "k.kz"), KATALOG + "\n".join(
            f'kennzahl V{i} "v" {{ produkt 1; definition "d"; wert anzahl faelle aus q wo form = "ambulant"; zeitraum quartal, stichtag }}' for i in range(n)))
        liste.append(("Katalog: viele Kennzahlen (`check`)", f"{n:,} Kennzahlen".replace(",", "."), n, ["check", "--definitions", d], 0))
    for n in (500, 5_000):
        d = os.path.join(wurzel, f"kette-{n}")
        schreibe(os.path.join(d, "k.kz"), KATALOG + "\n".join(
            f'kennzahl K{i} "k" {{ produkt 1; definition "d"; wert {"A" if i == 0 else f"K{i - 1} + A"} }}' for i in range(n)))
        liste.append(("Katalog: Verweiskette K1 → K2 → …", f"{n:,} Glieder".replace(",", "."), n, ["check", "--definitions", d], 0))
    for n, text in ((3_500, "(" * 3_500 + "A" + ")" * 3_500), (20_000, " + ".join(["A"] * 20_000))):
        d = os.path.join(wurzel, f"tief-{n}")
        schreibe(os.path.join(d, "k.kz"), KATALOG + f'kennzahl X "x" {{ produkt 1; definition "d"\n  wert {text}\n  zeitraum quartal, stichtag\n}}\n')
        form = "Klammern" if n == 3_500 else "Summanden"
        liste.append((f"Katalog: {n:,} {form} in einer Formel".replace(",", "."), "–", n, ["check", "--definitions", d], 1))
    return liste


def messe(args, erwartet, runden):
    zeiten, erste = [], ""
    for _ in range(runden):
        beginn = time.perf_counter()
        p = subprocess.run([PROGRAMM] + args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        zeiten.append(time.perf_counter() - beginn)
        fehler = p.stderr.decode("utf-8", "replace").splitlines()
        erste = fehler[0] if fehler else ""
        if p.returncode != erwartet:
            sys.exit(f"{' '.join(args)}: Exit-Code {p.returncode} statt {erwartet}\n{erste}")
    return statistics.median(zeiten), p.returncode, erste


def main():
    a = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    a.add_argument("--runden", type=int, default=3)
    o = a.parse_args()
    subprocess.run(["swift", "build", "-c", "release", "--product", "kennzahl"], cwd=WURZEL, check=True)
    wurzel = tempfile.mkdtemp(prefix="kennzahl-feindlich-")
    try:
        ergebnisse = []
        for form, groesse, n, args, erwartet in faelle(wurzel):
            t, code, erste = messe(args, erwartet, o.runden)
            ergebnisse.append((form, groesse, n, t, code, erste))
        print(f"Gemessen mit `python3 Tests/Benchmark/feindlich.py --runden {o.runden}`, Median aus {o.runden} Runden, Release-Build.\n")
        print("| Eingabe | Größe | Zeit | Verhältnis Größe | Verhältnis Zeit | Exit | erste Zeile auf stderr |")
        print("|---|---|---:|---:|---:|---:|---|")
        vorher = {}
        for form, groesse, n, t, code, erste in ergebnisse:
            v = vorher.get(form)
            rg = f"{n / v[0]:.0f} ×" if v else ""
            rt = f"{t / v[1]:.1f} ×" if v else ""
            vorher.setdefault(form, (n, t))
            erste = (erste[:90] + " …") if len(erste) > 90 else erste
            erste = erste.replace(wurzel, "…").replace("|", "\\|")
            zeit = f"{t:.2f}".replace(".", ",")
            print(f"| {form} | {groesse} | {zeit} s | {rg} | {rt.replace('.', ',')} | {code} | `{erste}` |")
    finally:
        shutil.rmtree(wurzel, ignore_errors=True)


if __name__ == "__main__":
    main()
