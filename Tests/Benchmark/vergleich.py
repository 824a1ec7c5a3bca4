#!/usr/bin/env python3
"""Benchmark: `kennzahl report` against DuckDB on the same large export set.

Not part of the product and not a test (no timing is asserted anywhere). It
1. builds kennzahl in release mode,
2. writes large sample sets with `kennzahl samples ulm --rows N` (Ulm samples whose two biggest
   sources, ProSoz Jugendhilfe and OPEN/PROSOZ, hold about N rows together),
3. times `kennzahl report` end to end (all Kennzahlen, Ampel, 75 report files) several rounds,
   with peak memory and CPU use from the operating system (wait4),
4. times DuckDB (duckdb from PyPI, in this script only) reading the same CSV files and computing
   the numbers of the report that come from them: the Produkt 2 counts at the Stichtag per
   Sozialraum for the report quarter, the previous quarter and the previous year, the JH-Z5
   denominator (cases during the year, newest record per case), persons (JH-Z7), young adults
   at the Stichtag (JH-Z4) and the gross need in Grundsicherung (ES-Z7),
5. checks that both give the same numbers, and prints a Markdown report (docs/performance.md).

    python3 Tests/Benchmark/vergleich.py                       # 1M, 2M, 5M rows, 5 rounds
    python3 Tests/Benchmark/vergleich.py --zeilen 1000000 --runden 3
    python3 Tests/Benchmark/vergleich.py --speicher 15000000   # plus the 1 GB memory run
"""
import argparse, csv, decimal, os, re, shutil, statistics, subprocess, sys, time

WURZEL = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMM = os.path.join(WURZEL, ".build", "release", "kennzahl")
SLUGS = {"Böfingen": "boefingen", "Eselsberg": "eselsberg", "Mitte/Ost": "mitte-ost", "Weststadt": "weststadt", "Wiblingen": "wiblingen"}


def sh(*args, **kw):
    return subprocess.run(list(args), check=True, **kw)


def messe(args):
    """Runs a command, returns (wall seconds, peak memory in MB, CPU seconds).

    The peak comes from the program itself (VmHWM, printed with KENNZAHL_ZEITEN=1): the rusage
    of a child forked from this Python process would include the parent's pages at fork time.
    """
    umgebung = dict(os.environ, KENNZAHL_ZEITEN="1")
    beginn = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=umgebung)
    fehler = p.stderr.read().decode("utf-8", "replace")
    _, status, nutzung = os.wait4(p.pid, 0)
    wand = time.perf_counter() - beginn
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} endete mit {os.waitstatus_to_exitcode(status)}:\n{fehler}")
    spitzen = [int(x) for x in re.findall(r"Spitze (\d+) kB", fehler)]
    return wand, (max(spitzen) / 1024 if spitzen else float("nan")), nutzung.ru_utime + nutzung.ru_stime


def stadtviertel():
    """Stadtviertel → Sozialraum, from the catalogue (the same mapping the engine uses)."""
    text = open(os.path.join(WURZEL, "Definitions", "ulm", "katalog.kz"), encoding="utf-8").read()
    zuordnung = {}
    for raum, block in re.findall(r'sozialraum "([^"]+)" \{(.*?)\}', text, re.S):
        for zeile in block.splitlines():
            if zeile.strip().startswith("stadtviertel"):
                for v in re.findall(r'"([^"]+)"', zeile):
                    zuordnung[v] = raum
    return zuordnung


def duckdb_zahlen(ordner, threads):
    """The numbers, computed by DuckDB from the CSV files. Returns (seconds, {key: value})."""
    import duckdb
    con = duckdb.connect()
    con.execute(f"SET threads TO {threads}")
    beginn = time.perf_counter()
    zuordnung = stadtviertel()
    con.execute("CREATE TABLE viertel (stadtviertel VARCHAR, raum VARCHAR)")
    con.executemany("INSERT INTO viertel VALUES (?, ?)", list(zuordnung.items()))
    datum = "dateformat='%d.%m.%Y'"
    con.execute(f"""CREATE TABLE jh AS SELECT *, regexp_extract(filename, '(\\d{{4}}-Q\\d)', 1) AS datei
        FROM read_csv('{ordner}/prosoz-jugendhilfe-*.csv', delim=';', header=true, filename=true, {datum},
        types={{'Hilfebeginn': 'DATE', 'Hilfeende': 'DATE', 'Geburtsdatum': 'DATE', 'Sozialraum': 'VARCHAR', 'Bemerkung': 'VARCHAR'}})""")
    con.execute(f"""CREATE TABLE op AS SELECT o.*, v.raum, regexp_extract(filename, '(\\d{{4}}-Q\\d)', 1) AS datei
        FROM read_csv('{ordner}/open-sozialhilfe-*.csv', delim=';', header=true, filename=true, {datum}, decimal_separator=',',
        types={{'Bewilligt ab': 'DATE', 'Bewilligt bis': 'DATE', 'Bruttobedarf mtl.': 'DECIMAL(18,2)', 'Stadtviertel': 'VARCHAR', 'Wohnform': 'VARCHAR'}}) o
        LEFT JOIN viertel v ON o.Stadtviertel = v.stadtviertel""")
    con.execute(f"""CREATE TABLE hvf AS SELECT *, regexp_extract(filename, '(\\d{{4}}-Q\\d)', 1) AS datei
        FROM read_csv('{ordner}/bwsdf-hilfen-vor-dem-fall-*.csv', delim=';', header=true, filename=true, {datum}, encoding='latin-1',
        types={{'Beginn': 'DATE', 'Ende': 'DATE', 'Sozialraum': 'VARCHAR'}})""")
    zahlen = {}

    def sammle(schluessel, sql):
        for raum, wert in con.execute(sql).fetchall():
            zahlen[(schluessel, SLUGS.get(raum, "ohne") if raum else "ohne")] = wert

    for datei, spalte, stichtag in [("2022-Q4", "Wert", "2022-12-31"), ("2022-Q3", "Vorquartal", "2022-09-30"), ("2021-Q4", "Vorjahr", "2021-12-31")]:
        am = f"datei = '{datei}' AND Hilfebeginn <= DATE '{stichtag}' AND (Hilfeende IS NULL OR Hilfeende >= DATE '{stichtag}')"
        for kennung, uma, form in [("P2-JH-AMB", "N", "amb"), ("P2-JH-STAT", "N", "stat"), ("P2-UMA-AMB", "J", "amb"), ("P2-UMA-STAT", "J", "stat")]:
            sammle((kennung, spalte), f"SELECT Sozialraum, count(*) FROM jh WHERE {am} AND UMA = '{uma}' AND Hilfeform = '{form}' GROUP BY ALL")
        am = f"datei = '{datei}' AND \"Bewilligt ab\" <= DATE '{stichtag}' AND (\"Bewilligt bis\" IS NULL OR \"Bewilligt bis\" >= DATE '{stichtag}')"
        for kennung, bedingung in [("P2-EGH-EW", "Leistung = 'EGH' AND Wohnform = 'EW'"), ("P2-EGH-BW", "Leistung = 'EGH' AND Wohnform IN ('BW', 'IN')"),
                                   ("P2-WFBM", "Leistung = 'WfbM'"), ("P2-BLH", "Leistung = 'BLH'"),
                                   ("P2-HLU-AMB", "Leistung = 'HLU' AND Unterbringung = 'a'"), ("P2-HLU-STAT", "Leistung = 'HLU' AND Unterbringung = 's'"),
                                   ("P2-GSI-AMB", "Leistung = 'GSI' AND Unterbringung = 'a'"), ("P2-GSI-STAT", "Leistung = 'GSI' AND Unterbringung = 's'"),
                                   ("P2-HZP-AMB", "Leistung = 'HzP' AND Unterbringung = 'a'"), ("P2-HZP-STAT", "Leistung = 'HzP' AND Unterbringung = 's'")]:
            sammle((kennung, spalte), f"SELECT raum, count(*) FROM op WHERE {am} AND {bedingung} GROUP BY ALL")
    # Cases during 2022, each once with its newest record of the year.
    neueste = """SELECT * FROM (SELECT *, row_number() OVER (PARTITION BY {id} ORDER BY datei DESC) AS nr FROM {t} WHERE datei LIKE '2022-%')
        WHERE nr = 1 AND {b} <= DATE '2022-12-31' AND ({e} IS NULL OR {e} >= DATE '2022-01-01')"""
    sammle(("JH-Z5", "Nenner"), f"""SELECT raum, sum(n) FROM (
        SELECT Sozialraum AS raum, count(*) AS n FROM ({neueste.format(id='Fallnummer', t='jh', b='Hilfebeginn', e='Hilfeende')}) GROUP BY ALL
        UNION ALL SELECT Sozialraum, count(*) FROM ({neueste.format(id='"Fall-Nr."', t='hvf', b='Beginn', e='Ende')}) GROUP BY ALL) GROUP BY ALL""")
    am = "datei = '2022-Q4' AND Hilfebeginn <= DATE '2022-12-31' AND (Hilfeende IS NULL OR Hilfeende >= DATE '2022-12-31')"
    sammle(("JH-Z7", "Nenner"), f"SELECT Sozialraum, count(DISTINCT Personennummer) FROM jh WHERE {am} GROUP BY ALL")
    zahlen[(("JH-Z7", "Nenner"), "gesamt")] = con.execute(f"SELECT count(DISTINCT Personennummer) FROM jh WHERE {am}").fetchone()[0]
    alter = "year(DATE '2022-12-31') - year(Geburtsdatum)"  # on 31 December every birthday has passed
    sammle(("JH-Z4", "Zähler"), f"SELECT Sozialraum, count(*) FROM jh WHERE {am} AND {alter} >= 18 GROUP BY ALL")
    am = "datei = '2022-Q4' AND \"Bewilligt ab\" <= DATE '2022-12-31' AND (\"Bewilligt bis\" IS NULL OR \"Bewilligt bis\" >= DATE '2022-12-31')"
    sammle(("ES-Z7", "Zähler"), f"SELECT raum, sum(\"Bruttobedarf mtl.\") FROM op WHERE {am} AND Leistung = 'GSI' GROUP BY ALL")
    sekunden = time.perf_counter() - beginn
    # The whole city: all rows, with or without a Sozialraum (distinct persons counted above).
    gesamt = {}
    for (schluessel, raum), wert in zahlen.items():
        if raum != "gesamt" and schluessel != ("JH-Z7", "Nenner"):
            gesamt[schluessel] = gesamt.get(schluessel, 0) + wert
    for schluessel, wert in gesamt.items():
        zahlen[(schluessel, "gesamt")] = wert
    return sekunden, {k: v for k, v in zahlen.items() if k[1] != "ohne"}


def kennzahl_zahlen(berichte):
    """The same numbers, read from the CSV reports (German Excel dialect)."""
    zahlen = {}
    for slug in list(SLUGS.values()) + ["gesamt"]:
        for produkt, spalten in [("produkt-2", ["Wert", "Vorquartal", "Vorjahr"]), ("produkt-3", ["Zähler", "Nenner"])]:
            with open(os.path.join(berichte, slug, produkt + ".csv"), encoding="utf-8-sig", newline="") as f:
                for zeile in csv.DictReader(f, delimiter=";"):
                    for s in spalten:
                        wert = (zeile.get(s) or "").replace(",", ".")
                        if re.fullmatch(r"-?\d+(\.\d+)?", wert):
                            zahlen[((zeile["Kennung"], s), slug)] = decimal.Decimal(wert)
    return zahlen


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--zeilen", default="1000000,2000000,5000000")
    a.add_argument("--runden", type=int, default=5)
    a.add_argument("--speicher", type=int, default=0, help="Zeilen für die Speichermessung (15000000 ≈ 1 GB), 0 = keine")
    a.add_argument("--ordner", default="/tmp/kennzahl-benchmark")
    a.add_argument("--behalten", action="store_true", help="Datensätze nicht löschen")
    o = a.parse_args()
    import duckdb
    threads = os.cpu_count()
    print(f"Baue kennzahl (release) …", file=sys.stderr)
    sh("swift", "build", "-c", "release", "--product", "kennzahl", cwd=WURZEL, stdout=subprocess.DEVNULL)
    os.makedirs(o.ordner, exist_ok=True)
    ergebnisse = []
    laeufe = [(int(z), False) for z in o.zeilen.split(",") if z] + ([(o.speicher, True)] if o.speicher else [])
    for zeilen, nur_speicher in laeufe:
        daten = os.path.join(o.ordner, f"daten-{zeilen}")
        aus = os.path.join(o.ordner, f"berichte-{zeilen}")
        print(f"Schreibe {zeilen} Zeilen …", file=sys.stderr)
        sh(PROGRAMM, "samples", "ulm", "--rows", str(zeilen), "--out", daten, stdout=subprocess.DEVNULL)
        groesse = sum(os.path.getsize(os.path.join(daten, n)) for n in os.listdir(daten) if n.endswith(".csv"))
        runden = 1 if nur_speicher else o.runden
        k = [messe([PROGRAMM, "report", "--data", daten, "--out", aus]) for _ in range(runden)]
        d = [] if nur_speicher else [duckdb_zahlen(daten, threads) for _ in range(runden)]
        gleich = "–"
        if not nur_speicher:
            eigene = kennzahl_zahlen(os.path.join(aus, "2022-Q4"))
            fremde = d[-1][1]
            abweichend = [(s, fremde[s], eigene.get(s)) for s in sorted(fremde) if eigene.get(s) != fremde[s]]
            if abweichend:
                for s, w, e in abweichend[:20]:
                    print(f"ABWEICHUNG {s}: DuckDB {w}, kennzahl {e}", file=sys.stderr)
                sys.exit(f"{len(abweichend)} Zahlen weichen ab")
            gleich = f"ja ({len(fremde)} Zahlen)"
        wand = statistics.median(x[0] for x in k)
        ergebnisse.append({
            "zeilen": zeilen, "mb": groesse / 1e6, "wand": wand, "rss": max(x[1] for x in k),
            "cpu": statistics.median(x[2] / x[0] for x in k), "duckdb": statistics.median(x[0] for x in d) if d else None, "gleich": gleich,
        })
        if not o.behalten:
            shutil.rmtree(daten)
            shutil.rmtree(aus, ignore_errors=True)
    print(f"Gemessen mit `python3 Tests/Benchmark/vergleich.py --zeilen {o.zeilen} --runden {o.runden}"
          + (f" --speicher {o.speicher}`" if o.speicher else "`") + f" am {time.strftime('%d.%m.%Y')}, "
          + f"{threads} Kerne, DuckDB {duckdb.__version__} mit {threads} Threads, Median aus {o.runden} Runden.\n")
    def de(x, stellen=0):
        """German notation: 1.234,5"""
        return f"{x:,.{stellen}f}".replace(",", "_").replace(".", ",").replace("_", ".")

    print("| Zeilen | CSV | kennzahl report | MB/s | CPU-Auslastung | Spitzenspeicher | DuckDB | kennzahl / DuckDB | gleiche Zahlen |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|:---|")
    for e in ergebnisse:
        duck = f"{de(e['duckdb'], 2)} s" if e["duckdb"] else "–"
        quote = de(e["wand"] / e["duckdb"], 2) if e["duckdb"] else "–"
        print(f"| {de(e['zeilen'])} | {de(e['mb'])} MB | {de(e['wand'], 2)} s | {de(e['mb'] / e['wand'])} | {de(e['cpu'] * 100)} % "
              f"| {de(e['rss'])} MB | {duck} | {quote} | {e['gleich']} |")

if __name__ == "__main__":
    main()
