#!/usr/bin/env python3
"""Independent check of public reports: can an attacker who solves the published values prove a
withheld small count below the Mindestfallzahl, or pin it to one value?

Not part of the product (scipy from PyPI, in CI only). Input: the attacker's system that
`kennzahl check --public --pruefsystem DATEI` writes (unknowns, one constraint per published value,
every withheld value), and the folder of the public report set. The script

1. checks the system against the report files: every current value the system calls published
   appears with that number in the set's CSV files, every one it calls withheld appears as `.`,
   every light the system calls shown with its colour, every withheld one as "nicht ausgewiesen";
   and that the set shows nothing the system does not model: no data-quality row counts, no
   Excel number with more places than printed (the system holds every value at its printed
   precision, and the shown lights' conditions on withheld values as inequalities);
2. solves, with another solver (HiGHS in scipy), the attacker's linear programs: for every withheld
   value its smallest and largest value over everything published, on the connected part of the
   system that holds it, and compares them with the engine's exact ranges;
3. fails when a withheld small value (1 to Mindestfallzahl − 1 cases) can be proven below the
   Mindestfallzahl or pinned, by the linear programs, or by integer programs (mixed-integer:
   counts are whole numbers – a stronger attacker than the engine models, reported separately).

    python3 .ci/pruefe-geheimhaltung.py system.json reports-oeffentlich/2021-Q4
"""
import csv, json, math, os, re, sys
from fractions import Fraction

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, linprog, milp
from scipy.sparse import csr_matrix, vstack

TOL = 1e-6


def bruch(text):
    z, n = text.split("/")
    return Fraction(int(z), int(n))


def lies_csv_werte(ordner):
    """(produkt, gebiet, kennung) -> {spalte: text} from the Excel CSV files of a report set."""
    werte = {}
    for gebiet in sorted(os.listdir(ordner)):
        pfad = os.path.join(ordner, gebiet)
        if not os.path.isdir(pfad):
            continue
        for datei in sorted(os.listdir(pfad)):
            if not (datei.startswith("produkt-") and datei.endswith(".csv")):
                continue
            produkt = int(datei[len("produkt-"):-len(".csv")])
            with open(os.path.join(pfad, datei), encoding="utf-8-sig", newline="") as f:
                for zeile in csv.DictReader(f, delimiter=";"):
                    kennung = zeile.get("Kennung")
                    if kennung:
                        werte[(produkt, gebiet, kennung)] = zeile
    return werte


def zahl_aus_csv(text):
    """A number as the Excel CSV writes it (no thousands separator, decimal comma)."""
    return Fraction(text.replace(",", "."))


def vergleiche_mit_berichten(system, ordner):
    werte = lies_csv_werte(ordner)
    spalte = {"wert": "Wert", "zaehler": "Zähler", "nenner": "Nenner", "farbe": "Ampel"}
    geprueft, fehler = 0, []
    for a in system["aktuell"]:
        if a["gebiet"] == "ohne-zuordnung":
            continue
        zeile = werte.get((a["produkt"], a["gebiet"], a["kennzahl"]))
        if zeile is None or spalte[a["teil"]] not in zeile:
            continue
        text = zeile[spalte[a["teil"]]].strip()
        if a["teil"] == "farbe":
            # A light: withheld ones read "nicht ausgewiesen", shown ones their colour word.
            erwartet = "nicht ausgewiesen" if a["zurueckgehalten"] else a.get("wert")
            if text != erwartet:
                fehler.append(f"{a}: Ampel im Bericht {text!r}")
            geprueft += 1
            continue
        if a["zurueckgehalten"]:
            if text != ".":
                fehler.append(f"{a}: zurückgehalten, im Bericht aber {text!r}")
        elif a.get("wert") is None:
            if text not in ("–", "x", ".", ""):
                fehler.append(f"{a}: ohne Zahl, im Bericht aber {text!r}")
        else:
            if text in (".", "–", "x", ""):
                fehler.append(f"{a}: veröffentlicht, im Bericht aber {text!r}")
            else:
                w = bruch(a["wert"])
                gezeigt = zahl_aus_csv(text)
                stellen = len(text.split(",")[1]) if "," in text else 0
                if abs(w - gezeigt) > Fraction(1, 2 * 10 ** stellen):
                    fehler.append(f"{a}: System {float(w)}, Bericht {text}")
        geprueft += 1
    return geprueft, fehler


class Vereinigung:
    def __init__(self, n):
        self.e = list(range(n))

    def w(self, x):
        while self.e[x] != x:
            self.e[x] = self.e[self.e[x]]
            x = self.e[x]
        return x

    def v(self, a, b):
        a, b = self.w(a), self.w(b)
        if a != b:
            self.e[b] = a


def komponenten(system):
    n = len(system["variablen"])
    uf = Vereinigung(n)
    for b in system["bedingungen"]:
        vs = [int(t[0]) for t in b["terme"]]
        for v in vs[1:]:
            uf.v(vs[0], v)
    for z in system["ziele"]:
        vs = [int(t[0]) for t in z["terme"]]
        for v in vs[1:]:
            uf.v(vs[0], v)
    teile = {}
    for i, b in enumerate(system["bedingungen"]):
        if b["terme"]:
            teile.setdefault(uf.w(int(b["terme"][0][0])), []).append(i)
    return uf, teile


def programm(system, variablen, bedingungen):
    """Sparse constraint rows over the local variables."""
    lokal = {v: i for i, v in enumerate(variablen)}
    zeilen, spalten, daten, unten, oben = [], [], [], [], []
    for r, i in enumerate(bedingungen):
        b = system["bedingungen"][i]
        for v, c in b["terme"]:
            zeilen.append(r)
            spalten.append(lokal[int(v)])
            daten.append(float(bruch(c)))
        rechts = float(bruch(b["rechts"]))
        unten.append(rechts if b["art"] in ("=", ">=") else -np.inf)
        oben.append(rechts if b["art"] in ("=", "<=") else np.inf)
    a = csr_matrix((daten, (zeilen, spalten)), shape=(len(bedingungen), len(variablen)))
    grenzen = [(0, None) if system["variablen"][v]["nichtnegativ"] else (None, None) for v in variablen]
    return lokal, a, np.array(unten), np.array(oben), grenzen


def optimum(c, a, unten, oben, grenzen, ganzzahlig=None):
    """min c·x; None when unbounded. With `ganzzahlig`, a mixed-integer program."""
    if ganzzahlig is None:
        if a.shape[0] == 0:
            r = linprog(c, bounds=grenzen, method="highs")
        else:
            gleich = unten == oben
            kleiner = ~gleich
            a_ub, b_ub = [], []
            if kleiner.any():
                au = a[kleiner]
                hi, lo = oben[kleiner], unten[kleiner]
                mit_hi, mit_lo = np.isfinite(hi), np.isfinite(lo)
                teile = []
                if mit_hi.any():
                    teile.append(au[mit_hi]); b_ub.append(hi[mit_hi])
                if mit_lo.any():
                    teile.append(-au[mit_lo]); b_ub.append(-lo[mit_lo])
                a_ub = vstack(teile) if teile else None
                b_ub = np.concatenate(b_ub) if b_ub else None
            else:
                a_ub, b_ub = None, None
            r = linprog(c, A_ub=a_ub, b_ub=b_ub, A_eq=a[gleich] if gleich.any() else None,
                        b_eq=unten[gleich] if gleich.any() else None, bounds=grenzen, method="highs")
        if r.status == 3:
            return None
        if r.status != 0:
            raise RuntimeError(f"LP: {r.message}")
        return r.fun
    lb = np.array([g[0] if g[0] is not None else -np.inf for g in grenzen], dtype=float)
    ub = np.array([g[1] if g[1] is not None else np.inf for g in grenzen], dtype=float)
    bed = [LinearConstraint(a, unten, oben)] if a.shape[0] else []
    r = milp(c, constraints=bed, bounds=Bounds(lb, ub), integrality=ganzzahlig, options={"time_limit": 20})
    if r.status == 3 or r.x is None and r.status == 1:
        return None
    if r.status not in (0,):
        return "?"
    return r.fun


def druckstellen(z):
    """Per cell style of a workbook: the decimal places its number format prints (a percent
    format two more, since 74,0 % is stored as 0.740); None for the general format."""
    import html
    stile = z.read("xl/styles.xml").decode("utf-8")
    formate = {int(m.group(1)): html.unescape(m.group(2))
               for m in re.finditer(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', stile)}
    eingebaut = {1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%"}
    xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", stile, re.S).group(1)
    ergebnis = []
    for m in re.finditer(r"<xf [^>]*?numFmtId=\"(\d+)\"", xfs):
        code = formate.get(int(m.group(1)), eingebaut.get(int(m.group(1))))
        if code is None:
            ergebnis.append(None)
            continue
        nach = re.search(r"0[.,](0+)", code)
        ergebnis.append((len(nach.group(1)) if nach else 0) + (2 if "%" in code else 0))
    return ergebnis


def veroeffentlichte_sicht(ordner):
    """What the public set shows beyond the CSV must not say more than the audit modelled:
    no data-quality row counts in any file, and no Excel cell with more places than its number
    format prints (the audit models each number at the places it is printed with)."""
    fehler = []
    for wurzel, _, dateien in os.walk(ordner):
        for d in dateien:
            pfad = os.path.join(wurzel, d)
            if d.endswith(".md") or d.endswith(".html"):
                text = open(pfad, encoding="utf-8").read()
                for verboten in ("Zeilen in den Dateien", "Kopfzeilen"):
                    if verboten in text:
                        fehler.append(f"{pfad}: Datenqualität mit Zeilenzahlen ({verboten!r})")
            if d.endswith(".xlsx"):
                import zipfile
                with zipfile.ZipFile(pfad) as z:
                    stellen_je_stil = druckstellen(z)
                    for name in z.namelist():
                        if not name.startswith("xl/worksheets/"):
                            continue
                        xml = z.read(name).decode("utf-8")
                        for m in re.finditer(r'<c [^>]*?s="(\d+)"[^>]*><v>(-?\d+(?:\.\d+)?)</v>', xml):
                            erlaubt = stellen_je_stil[int(m.group(1))]
                            stellen = len(m.group(2).split(".")[1]) if "." in m.group(2) else 0
                            if erlaubt is not None and stellen > erlaubt:
                                fehler.append(f"{pfad} {name}: {m.group(2)} hat {stellen} Stellen, gedruckt {erlaubt}")
    return fehler


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    system = json.load(open(sys.argv[1], encoding="utf-8"))
    sicht = veroeffentlichte_sicht(sys.argv[2])
    print(f"veröffentlichte Sicht: {len(sicht)} Abweichungen (Datenqualität ohne Zeilenzahlen, Excel mit gedruckten Stellen)")
    for f in sicht[:20]:
        print("  SICHT", f)
    geprueft, fehler = vergleiche_mit_berichten(system, sys.argv[2])
    print(f"{system['katalog']} {system['periode']}: {geprueft} aktuelle Werte mit den Berichtsdateien verglichen, "
          f"{len(fehler)} Abweichungen")
    for f in fehler[:20]:
        print("  ABWEICHUNG", f)
    uf, teile = komponenten(system)
    ganz = [v["nichtnegativ"] for v in system["variablen"]]
    abweichungen, verrat_lp, verrat_mip, kleine = [], [], [], 0
    cache = {}
    for z in system["ziele"]:
        if not z["terme"]:
            continue
        wurzel = uf.w(int(z["terme"][0][0]))
        if wurzel not in cache:
            bed = teile.get(wurzel, [])
            vs = sorted({int(t[0]) for i in bed for t in system["bedingungen"][i]["terme"]} |
                        {v for v in range(len(system["variablen"])) if uf.w(v) == wurzel})
            cache[wurzel] = (vs,) + programm(system, vs, bed)
        vs, lokal, a, unten, oben, grenzen = cache[wurzel]
        c = np.zeros(len(vs))
        for v, k in z["terme"]:
            c[lokal[int(v)]] = float(bruch(k))
        k0 = float(bruch(z["konstante"]))
        mn = optimum(c, a, unten, oben, grenzen)
        mx = optimum(-c, a, unten, oben, grenzen)
        lo = None if mn is None else mn + k0
        hi = None if mx is None else -mx + k0
        for name, ich, er in (("unten", lo, z.get("unten")), ("oben", hi, z.get("oben"))):
            er = None if er is None else float(bruch(er))
            if (ich is None) != (er is None) or (ich is not None and abs(ich - er) > TOL * max(1, abs(er))):
                abweichungen.append(f"{z['zelle']} {name}: scipy {ich}, kennzahl {er}")
        if not z["klein"] or z["schutzart"] == "keiner":
            continue
        kleine += 1
        wahr = float(bruch(z["wahrerWert"]))
        m = z["mindestfallzahl"]
        if z["schutzart"] == "anzahl":
            o = math.floor(hi + 1e-9) if hi is not None else None
            u = math.ceil(lo - 1e-9) if lo is not None else None
            if o is not None and (o < m or (u is not None and u == o)):
                verrat_lp.append(f"{z['zelle']} (wahr {wahr:g}): Angreifer beweist {u} bis {o}")
            # The integer attacker: counts are whole numbers.
            ganzzahlig = np.array([1 if ganz[v] else 0 for v in vs])
            mxi = optimum(-c, a, unten, oben, grenzen, ganzzahlig)
            if mxi not in (None, "?"):
                oi = math.floor(-mxi + k0 + 1e-9)
                if oi < m:
                    verrat_mip.append(f"{z['zelle']} (wahr {wahr:g}): ganzzahlig höchstens {oi}")
        else:
            spanne = abs(wahr) / 10
            if (lo is not None and lo > wahr - spanne + TOL) or (hi is not None and hi < wahr + spanne - TOL):
                verrat_lp.append(f"{z['zelle']} (wahr {wahr:g}): Angreifer grenzt ein auf {lo} bis {hi}")
    print(f"{len(system['ziele'])} zurückgehaltene Werte gelöst (scipy/HiGHS), {len(abweichungen)} Abweichungen "
          f"von den exakten Bereichen; {kleine} kleine Werte geprüft: {len(verrat_lp)} verraten (lineare Programme), "
          f"{len(verrat_mip)} verraten (ganzzahlige Programme)")
    for f in abweichungen[:20]:
        print("  BEREICH", f)
    for f in verrat_lp[:20]:
        print("  VERRATEN", f)
    for f in verrat_mip[:20]:
        print("  GANZZAHLIG", f)
    if fehler or abweichungen or verrat_lp or verrat_mip or sicht:
        sys.exit(1)


if __name__ == "__main__":
    main()
