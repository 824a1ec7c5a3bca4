#!/usr/bin/env python3
"""Benchmark "one large export": `kennzahl report` against DuckDB on ONE big CSV file.

Not part of the product and not a test (no timing is asserted anywhere). It
1. builds kennzahl in release mode,
2. writes one export file of N rows (any seed): 15 columns – case id unique per row, Sozialraum,
   Stadtviertel, Arbeitsfeld, Hilfeart, Setting, Beginn, Ende (35 % empty), Alter, Geschlecht,
   three ja/nein flags, an amount with decimal comma (2 % empty), a note (5 % quoted with ';',
   1 % with doubled quotes),
3. times `kennzahl report` with the catalogue Tests/Benchmark/ein-export/katalog.kz (15
   Kennzahlen: 8 Zugänge by Arbeitsfeld × Setting, 3 shares, 4 euro sums, per quarter with
   Vorquartal, Vorjahr and history), end to end, several rounds, alternating with
4. DuckDB (from PyPI, in this script only) on the same file, same threads, twice: the same
   numbers with `count(*)` and with `count(DISTINCT Fallnummer)` (kennzahl's rule: each case
   counts once) – read_csv, filter, group by Sozialraum, Arbeitsfeld, Setting and quarter,
5. checks that all three give the same numbers for every area and the city, and prints a
   Markdown table (docs/performance.md).

    python3 Tests/Benchmark/ein-export.py --zeilen 1000000,5000000 --runden 5
    python3 Tests/Benchmark/ein-export.py --nur-erzeugen 1000000 --ziel /tmp/export   # the file only
    python3 Tests/Benchmark/ein-export.py --zeilen 1000000,5000000 --runden 5 --speicher 11000000 \
        --ulm 1000000,5000000          # both scenarios in one run: then vergleich.py's table too
"""
import argparse, csv, datetime, os, random, re, shutil, statistics, subprocess, sys, time

WURZEL = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMM = os.path.join(WURZEL, ".build", "release", "kennzahl")
KATALOG = os.path.join(WURZEL, "Tests", "Benchmark", "ein-export")
RAEUME = ["Nord", "Süd", "Ost", "West", "Mitte", "Altstadt", "Hafen", "Berg", "Tal", "Feld"]
SLUGS = {"Nord": "nord", "Süd": "sued", "Ost": "ost", "West": "west", "Mitte": "mitte", "Altstadt": "altstadt",
         "Hafen": "hafen", "Berg": "berg", "Tal": "tal", "Feld": "feld"}
FELDER = {"JH": "Jugendhilfe", "EGH": "Eingliederungshilfe", "AH": "Altenhilfe", "ES": "Existenzsicherung"}
PERIODE = "2022-Q4"

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from vergleich import messe  # noqa: E402  (same timing: wall clock, CPU from wait4, peak from VmHWM)


def erzeuge(pfad, zeilen, seed=1):
    """One export file of `zeilen` rows; the same seed gives the same bytes."""
    r = random.Random(seed)
    anfang = datetime.date(2019, 1, 1).toordinal()
    tage = datetime.date(2022, 12, 31).toordinal() - anfang + 1
    hilfearten = ["§ 27.2", "§ 30", "§ 31", "§ 33", "§ 34", "§ 35a", "§ 53", "§ 27b", "§ 41", "§ 61"]
    notizen = ["", "", "Folgeantrag", "Hausbesuch erfolgt", "Akte vollständig", "Wiedervorlage"]
    with open(pfad, "w", encoding="utf-8", newline="") as f:
        f.write("Fallnummer;Sozialraum;Stadtviertel;Arbeitsfeld;Hilfeart;Setting;Beginn;Ende;Alter;"
                "Geschlecht;Erstantrag;Eilfall;Barrierefrei;Betrag;Bemerkung\r\n")
        puffer = []
        for i in range(zeilen):
            raum = r.choice(RAEUME)
            beginn = anfang + r.randrange(tage)
            ende = "" if r.random() < 0.35 else datetime.date.fromordinal(beginn + r.randrange(1, 900)).strftime("%d.%m.%Y")
            betrag = "" if r.random() < 0.02 else f"{r.randrange(0, 500000)},{r.randrange(100):02d}"
            zufall = r.random()
            if zufall < 0.05:
                notiz = '"Rückruf; Termin vereinbart"'
            elif zufall < 0.06:
                notiz = '"laut Träger ""dringend"""'
            else:
                notiz = r.choice(notizen)
            puffer.append(
                f"FA-{(i * 7919 + 13) % 10**12:012d};{raum};{raum}-{r.choice('abc')};{r.choice(list(FELDER))};"
                f"{r.choice(hilfearten)};{r.choice(('amb', 'stat'))};"
                f"{datetime.date.fromordinal(beginn).strftime('%d.%m.%Y')};{ende};{r.randrange(100)};{r.choice('mwd')};"
                f"{r.choice(('ja', 'nein'))};{r.choice(('ja', 'nein'))};{r.choice(('ja', 'nein'))};{betrag};{notiz}\r\n")
            if len(puffer) == 10000:
                f.write("".join(puffer))
                puffer = []
        f.write("".join(puffer))


def duckdb_zahlen(datei, threads, verschieden):
    """The report's numbers by DuckDB, straight from the CSV file: per area, Kennzahl and quarter
    (the report quarter, the one before and the one a year before) the Zugänge and euro sums.
    Returns (seconds, {(area, Kennung, quarter): value})."""
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads TO {threads}")
    zaehlung = "count(DISTINCT Fallnummer)" if verschieden else "count(*)"
    beginn = time.perf_counter()
    zeilen = con.execute(f"""
        SELECT Sozialraum, Arbeitsfeld, Setting, year(Beginn) * 10 + quarter(Beginn), {zaehlung}, sum(Betrag)
        FROM read_csv('{datei}', delim=';', header=true, quote='"', escape='"', dateformat='%d.%m.%Y',
             decimal_separator=',', columns={{'Fallnummer': 'VARCHAR', 'Sozialraum': 'VARCHAR',
             'Stadtviertel': 'VARCHAR', 'Arbeitsfeld': 'VARCHAR', 'Hilfeart': 'VARCHAR', 'Setting': 'VARCHAR',
             'Beginn': 'DATE', 'Ende': 'DATE', 'Alter': 'INTEGER', 'Geschlecht': 'VARCHAR',
             'Erstantrag': 'VARCHAR', 'Eilfall': 'VARCHAR', 'Barrierefrei': 'VARCHAR',
             'Betrag': 'DECIMAL(18,2)', 'Bemerkung': 'VARCHAR'}})
        WHERE Beginn BETWEEN DATE '2021-10-01' AND DATE '2022-12-31'
        GROUP BY ALL""").fetchall()
    sekunden = time.perf_counter() - beginn
    zahlen = {}
    for raum, feld, setting, quartal, anzahl, betrag in zeilen:
        if quartal not in QUARTALE:
            continue
        for gebiet in (raum, "gesamt"):
            for schluessel, wert in (((gebiet, f"{feld}-{'AMB' if setting == 'amb' else 'STAT'}", quartal), anzahl),
                                     ((gebiet, f"{feld}-EUR", quartal), betrag or 0)):
                zahlen[schluessel] = zahlen.get(schluessel, 0) + wert
    return sekunden, zahlen


#: The quarters a report shows in its CSV: Wert, Vorquartal, Vorjahresquartal.
QUARTALE = {20224: "Wert", 20223: "Vorquartal", 20214: "Vorjahresquartal"}


def kennzahl_zahlen(aus):
    """The same numbers from kennzahl's CSV reports (counts and sums of the three quarters)."""
    zahlen = {}
    for gebiet in ["gesamt"] + RAEUME:
        slug = "gesamt" if gebiet == "gesamt" else SLUGS[gebiet]
        for n in (1, 2):
            with open(os.path.join(aus, PERIODE, slug, f"produkt-{n}.csv"), encoding="utf-8-sig") as f:
                for z in csv.DictReader(f, delimiter=";"):
                    if z["Kennung"].endswith("-ANT"):
                        continue
                    for quartal, spalte in QUARTALE.items():
                        text = z[spalte]
                        wert = text.replace(".", "").replace(",", ".")
                        zahlen[(gebiet, z["Kennung"], quartal)] = float(wert) if "," in text else int(wert)
    return zahlen


def gleich(a, b):
    fehler = [k for k in a if k not in b or abs(float(a[k]) - float(b[k])) > 0.001]
    return len(a), fehler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--zeilen", default="1000000,5000000")
    p.add_argument("--runden", type=int, default=5)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--speicher", type=int, default=0, help="plus one run of this many rows, memory only")
    p.add_argument("--nur-erzeugen", type=int, default=0)
    p.add_argument("--ziel", default="/tmp/kennzahl-ein-export")
    p.add_argument("--ulm", default="", help="afterwards the many-files scenario (vergleich.py) with these rows")
    a = p.parse_args()
    if a.nur_erzeugen:
        os.makedirs(a.ziel, exist_ok=True)
        erzeuge(os.path.join(a.ziel, "hilfen-export.csv"), a.nur_erzeugen, a.seed)
        return
    subprocess.run(["swift", "build", "-c", "release", "--product", "kennzahl"], cwd=WURZEL, check=True,
                   stdout=subprocess.DEVNULL)
    kerne = os.cpu_count()
    tabelle = []
    for n in [int(x) for x in a.zeilen.split(",")] + ([a.speicher] if a.speicher else []):
        nur_speicher = n == a.speicher and a.speicher > 0
        daten = os.path.join(a.ziel, f"daten-{n}")
        aus = os.path.join(a.ziel, f"berichte-{n}")
        os.makedirs(daten, exist_ok=True)
        datei = os.path.join(daten, "hilfen-export.csv")
        if not os.path.exists(datei):
            erzeuge(datei, n, a.seed)
        groesse = os.path.getsize(datei)
        befehl = [PROGRAMM, "report", "--definitions", KATALOG, "--data", daten, "--period", PERIODE,
                  "--format", "csv", "--out", aus]
        runden = 1 if nur_speicher else a.runden
        k, d, dv = [], [], []
        for _ in range(runden):
            k.append(messe(befehl))
            if not nur_speicher:
                d.append(duckdb_zahlen(datei, kerne, False))
                dv.append(duckdb_zahlen(datei, kerne, True))
        wand = statistics.median(x[0] for x in k)
        zeile = {"zeilen": n, "mb": groesse / 1e6, "kennzahl": wand, "cpu": statistics.median(x[2] / x[0] for x in k),
                 "spitze": max(x[1] for x in k)}
        if not nur_speicher:
            eigene = kennzahl_zahlen(aus)
            for name, reihe in (("duckdb", d), ("distinct", dv)):
                anzahl, fehler = gleich(reihe[0][1], eigene)
                if fehler:
                    sys.exit(f"{n} Zeilen: {len(fehler)} Zahlen weichen von DuckDB ({name}) ab, z. B. "
                             f"{[(f, reihe[0][1].get(f), eigene.get(f)) for f in fehler[:5]]}")
                zeile[name] = statistics.median(x[0] for x in reihe)
            zeile["verglichen"] = anzahl
        tabelle.append(zeile)
        print(zeile, file=sys.stderr)
    import duckdb
    def de(x, stellen=2):
        return f"{x:,.{stellen}f}".replace(",", " ").replace(".", ",").replace(" ", ".")
    print(f"Ein großer Export, gemessen mit `python3 Tests/Benchmark/ein-export.py {' '.join(sys.argv[1:])}` am "
          f"{time.strftime('%d.%m.%Y')}, {kerne} Kerne, DuckDB {duckdb.__version__} mit {kerne} Threads, "
          f"Median aus {a.runden} Runden, abwechselnd gemessen.\n")
    print(f"| Zeilen | CSV | kennzahl report | MB/s | CPU | Spitzenspeicher | Spitze je Fall | DuckDB count(*) "
          f"| kennzahl / DuckDB count(*) | DuckDB count(DISTINCT) | kennzahl / DuckDB DISTINCT | gleiche Zahlen |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---|")
    for z in tabelle:
        anfang = (f"| {de(z['zeilen'], 0)} | {de(z['mb'], 0)} MB | {de(z['kennzahl'])} s | {de(z['mb'] / z['kennzahl'], 0)} "
                  f"| {de(z['cpu'] * 100, 0)} % | {de(z['spitze'], 0)} MB | {de(z['spitze'] * 1024 * 1024 / z['zeilen'], 0)} ")
        if "duckdb" in z:
            print(anfang + f"| {de(z['duckdb'])} s | {de(z['kennzahl'] / z['duckdb'])} "
                  f"| {de(z['distinct'])} s | {de(z['kennzahl'] / z['distinct'])} | ja ({z['verglichen']} Zahlen) |")
        else:
            print(anfang + "| – | – | – | – | – |")
    if a.ulm:
        print("\nViele Dateien (Ulmer Form):\n", flush=True)
        subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "vergleich.py"),
                        "--zeilen", a.ulm, "--runden", str(a.runden)], check=True)


if __name__ == "__main__":
    main()
