#!/usr/bin/env python3
"""Cost of the public audit (`report --public`) as a city grows and as years of data pile up.

Not part of the product. Writes catalogues and data of a given shape and times `kennzahl report
--public` of the latest quarter on them (CPU = user + system time of the run, release build):

- "ulm": the Ulm catalogue on the Ulm samples, stretched: more Sozialräume (each of the five
  split into several, the cases spread by their id) and more quarters (the twelve quarters of
  the samples repeated three years earlier, with new case ids, as often as needed);
- "kreuz": a catalogue of 16 Kennzahlen over crossed filters (help type × setting × age × UMA)
  on one export, 8 quarters, small counts everywhere: the shape that makes the attacker's system
  large.

    python3 Tests/Benchmark/geheimhaltung.py --programm .build/release/kennzahl             # the table
    python3 Tests/Benchmark/geheimhaltung.py --programm .build/release/kennzahl --vergleich ALT   # old vs new
    python3 Tests/Benchmark/geheimhaltung.py --nur-erzeugen ulm 25 12 --ziel /tmp/w         # one shape

The same shape always gives the same bytes (a fixed seed per shape).
"""
import argparse, hashlib, os, random, re, resource, shutil, subprocess, sys, tempfile, time

WURZEL = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DATUM = re.compile(r"^(\d\d)\.(\d\d)\.(\d{4})$|^(\d{4})-(\d\d)-(\d\d)$")
DATEI = re.compile(r"^(.*)-(\d{4})(-Q[1-4])?\.csv$")


def zahl(h):
    return int(hashlib.sha1(h.encode()).hexdigest()[:8], 16)


def lies(pfad):
    roh = open(pfad, "rb").read()
    try:
        return roh.decode("utf-8-sig")
    except UnicodeDecodeError:
        return roh.decode("cp1252")


def schreibe(pfad, text):
    with open(pfad, "w", encoding="utf-8-sig", newline="") as f:
        f.write(text)


def verschiebe_datum(feld, jahre):
    m = DATUM.match(feld)
    if not m:
        return feld
    if m.group(1):
        return f"{m.group(1)}.{m.group(2)}.{int(m.group(3)) - jahre}"
    return f"{int(m.group(4)) - jahre}-{m.group(5)}-{m.group(6)}"


ULM_RAEUME = ["Böfingen", "Eselsberg", "Mitte/Ost", "Weststadt", "Wiblingen"]


def raumnamen(anzahl):
    """The five Ulm areas first (tests in the catalogue name them), then SR06, SR07, …"""
    return ULM_RAEUME[:anzahl] + [f"SR{i:02d}" for i in range(6, anzahl + 1)]


def ulm(gebiete, quartale, ziel):
    """The Ulm catalogue and samples with `gebiete` Sozialräume and `quartale` quarters up to 2022-Q4."""
    assert gebiete >= 5
    definitionen, daten = os.path.join(ziel, "definitionen"), os.path.join(ziel, "daten")
    shutil.copytree(os.path.join(WURZEL, "Definitions", "ulm"), definitionen)
    os.remove(os.path.join(definitionen, "ampel-2021-Q4.csv"))
    os.makedirs(daten)
    namen = raumnamen(gebiete)
    katalog = lies(os.path.join(definitionen, "katalog.kz"))
    katalog = re.sub(r'\n\s*karte "[^"]*"[^\n]*', "", katalog)
    bloecke = re.search(r'sozialraum "Böfingen".*?sozialraum "Wiblingen" \{.*?\}\n', katalog, re.S)
    neu = []
    alte = {r: re.search(r'sozialraum "%s" \{(.*?)\}' % re.escape(r), katalog, re.S).group(1) for r in ULM_RAEUME}
    viertel = {}  # old Stadtviertel -> areas it is spread over
    for i, n in enumerate(namen):
        if i < 5:
            alt_viertel = re.findall(r'"([^"]+)"', alte[n].split("stadtviertel", 1)[1])
            codes = alte[n].split("stadtviertel", 1)[0].strip()
            eigene = [v for v in alt_viertel]
        else:
            codes = f'codes "X{i:02d}"'
            eigene = [f"{n}-A", f"{n}-B"]
        neu.append(f'sozialraum "{n}" {{\n  {codes}\n  stadtviertel ' + ", ".join(f'"{v}"' for v in eigene) + "\n}\n")
    katalog = katalog[:bloecke.start()] + "".join(neu) + katalog[bloecke.end():]
    schreibe(os.path.join(definitionen, "katalog.kz"), katalog)
    # Each old area splits into the new ones with the same index modulo 5.
    teile = {r: [n for j, n in enumerate(namen) if j % 5 == i] for i, r in enumerate(ULM_RAEUME)}
    codes = {"SR1": "Böfingen", "BOEF": "Böfingen", "SR2": "Eselsberg", "ESEL": "Eselsberg", "SR3": "Mitte/Ost",
             "MIOS": "Mitte/Ost", "Mitte-Ost": "Mitte/Ost", "SR4": "Weststadt", "WEST": "Weststadt",
             "SR5": "Wiblingen", "WIBL": "Wiblingen"}
    viertel_raum = {}
    for r in ULM_RAEUME:
        for v in re.findall(r'"([^"]+)"', alte[r].split("stadtviertel", 1)[1]):
            viertel_raum[v] = r

    def neuer_raum(alt, schluessel):
        r = codes.get(alt, alt)
        if r not in teile:
            return alt
        return teile[r][zahl(schluessel) % len(teile[r])]

    def neues_viertel(alt, schluessel):
        r = viertel_raum.get(alt)
        if r is None:
            return alt
        n = neuer_raum(r, schluessel)
        return alt if n == r else f"{n}-{'AB'[zahl(schluessel + 'v') % 2]}"

    bloecke_noetig = (quartale + 11) // 12
    erstes = 2023 * 4 - quartale  # index of the first quarter kept (2022-Q4 is 2022*4+3)
    for name in sorted(os.listdir(os.path.join(WURZEL, "Samples", "ulm"))):
        m = DATEI.match(name)
        if not m:
            if name == "stand.txt":
                shutil.copy(os.path.join(WURZEL, "Samples", "ulm", name), daten)
            continue
        text = lies(os.path.join(WURZEL, "Samples", "ulm", name))
        zeilen = text.split("\r\n")
        kopf = zeilen[0].split(";")
        for b in range(bloecke_noetig):
            jahr = int(m.group(2)) - 3 * b
            q = int(m.group(3)[2]) if m.group(3) else 4
            if jahr * 4 + q - 1 < erstes:
                continue
            aus = [zeilen[0]]
            for z in zeilen[1:]:
                if not z:
                    continue
                f = z.split(";")
                if len(f) != len(kopf):
                    aus.append(z)
                    continue
                schluessel = f[0] + str(b)
                if b > 0 and not kopf[0] in ("Sozialraum", "Stadtviertel"):
                    f[0] = f"B{b}{f[0]}"
                f = [verschiebe_datum(x, 3 * b) for x in f]
                for i, k in enumerate(kopf):
                    if k in ("Sozialraum", "SR"):
                        f[i] = neuer_raum(f[i], schluessel)
                    elif k == "Stadtviertel":
                        f[i] = neues_viertel(f[i], schluessel + ";".join(f[1:]))
                aus.append(";".join(f))
            # Delivered figures per Sozialraum: one row per new area, the old count spread.
            if kopf[0] == "Sozialraum" and len(aus) > 1 and not re.search("Fall|Vorgang|ID", zeilen[0]):
                verteilt = [aus[0]]
                for z in zeilen[1:]:
                    if not z:
                        continue
                    f = z.split(";")
                    r = codes.get(f[0], f[0])
                    for n in teile.get(r, [f[0]]):
                        g = [n] + [verschiebe_datum(x, 3 * b) for x in f[1:]]
                        wert = g[-1].replace(".", "")
                        if wert.isdigit():
                            g[-1] = str(max(0, int(wert) // len(teile.get(r, [0]))))
                        verteilt.append(";".join(g))
                aus = verteilt
            schreibe(os.path.join(daten, f"{m.group(1)}-{jahr}{m.group(3) or ''}.csv"), "\r\n".join(aus) + "\r\n")
    return definitionen, daten


KREUZ_KATALOG = """katalog "Gekreuzte Filter" {{ produkt 1 "Fallzahlen"; produkt 2 "Quoten"; mindestfallzahl 3 }}
{raeume}
quelle hilfen "Fachverfahren" {{
  art faelle
  datei "hilfen-{{quartal}}.csv"
  id "Fall"
  sozialraum "Sozialraum"
  beginn "Beginn"
  ende "Ende"
  geburtsdatum "Geburtsdatum"
  feld art "Art" {{ "A" -> "A"; "B" -> "B"; "C" -> "C"; "D" -> "D" }}
  feld form "Form" {{ "amb" -> "ambulant"; "stat" -> "stationär" }}
  feld uma "UMA" {{ "J" -> "ja"; "N" -> "nein" }}
}}
{kennzahlen}
"""


def kreuz(gebiete, quartale, ziel):
    """16 Kennzahlen over crossed filters (help type × setting, age, UMA): counts, sums of them and
    shares, per quarter on one export; small counts in every cell."""
    definitionen, daten = os.path.join(ziel, "definitionen"), os.path.join(ziel, "daten")
    os.makedirs(definitionen)
    os.makedirs(daten)
    raeume = "\n".join(f'sozialraum "R{i:02d}"' for i in range(1, gebiete + 1))
    kz = []

    def k(kid, name, wert):
        kz.append(f'kennzahl {kid} "{name}" {{ produkt 1; definition "d"; wert {wert}; zeitraum quartal, stichtag }}')

    for a in "ABCD":
        for form, kurz in (("ambulant", "AMB"), ("stationär", "STAT")):
            k(f"{a}-{kurz}", f"{a} {form}", f'anzahl faelle aus hilfen wo art = "{a}" und form = "{form}"')
    k("JUNG", "unter 14", "anzahl faelle aus hilfen wo alter < 14")
    k("JUNG-STAT", "unter 14 stationär", 'anzahl faelle aus hilfen wo alter < 14 und form = "stationär"')
    k("UMA", "UMA", 'anzahl faelle aus hilfen wo uma = "ja"')
    k("UMA-A", "UMA Art A", 'anzahl faelle aus hilfen wo uma = "ja" und art = "A"')
    k("AB", "A und B", "A-AMB + A-STAT + B-AMB + B-STAT")
    k("ALLE", "alle", "anzahl faelle aus hilfen")
    kz.append('kennzahl Q-STAT "Anteil stationär" { produkt 2; definition "d"; '
              'zaehler anzahl faelle aus hilfen wo form = "stationär"; nenner ALLE; einheit prozent; zeitraum quartal, stichtag; '
              'ampel { gelb wenn anstieg zum vorquartal ueber 5 punkte } }')
    kz.append('kennzahl Q-UMA "Anteil UMA" { produkt 2; definition "d"; zaehler UMA; nenner ALLE; einheit prozent; '
              'zeitraum quartal, stichtag; ampel { gelb wenn abweichung von der gesamtstadt ueber 5 punkte } }')
    schreibe(os.path.join(definitionen, "katalog.kz"),
             KREUZ_KATALOG.format(raeume=raeume, kennzahlen="\n".join(kz)))
    zufall = random.Random(gebiete * 1000 + quartale)
    faelle = []  # (id, area, type, form, uma, birth year, first quarter, last quarter)
    nummer = 0
    for q in range(quartale):
        for r in range(1, gebiete + 1):
            for _ in range(zufall.randint(8, 16)):
                nummer += 1
                dauer = zufall.randint(1, 8)
                faelle.append((f"F{nummer:07d}", f"R{r:02d}", zufall.choice("AABCD"), zufall.choice(["amb", "amb", "stat"]),
                               "J" if zufall.random() < 0.08 else "N", zufall.randint(2000, 2020), q, q + dauer))
    for q in range(quartale):
        index = 2022 * 4 + 3 - (quartale - 1 - q)
        jahr, nr = index // 4, index % 4 + 1
        zeilen = ["Fall;Sozialraum;Art;Form;UMA;Geburtsdatum;Beginn;Ende"]
        for (fid, r, a, f, u, geb, von, bis) in faelle:
            if von <= q <= bis:
                start = 2022 * 4 + 3 - (quartale - 1 - von)
                ende = "" if bis > q else f"15.{(index % 4) * 3 + 2:02d}.{jahr}"
                zeilen.append(f"{fid};{r};{a};{f};{u};01.06.{geb};01.{(start % 4) * 3 + 1:02d}.{start // 4};{ende}")
        schreibe(os.path.join(daten, f"hilfen-{jahr}-Q{nr}.csv"), "\r\n".join(zeilen) + "\r\n")
    return definitionen, daten


def miss(programm, definitionen, daten, grenze, wiederholungen=1):
    """CPU seconds (user + system) and wall seconds of `report --public` of the latest quarter;
    a run over `grenze` seconds is stopped and reported as such."""
    besten = None
    for _ in range(wiederholungen):
        aus = tempfile.mkdtemp()
        vorher = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.time()
        try:
            r = subprocess.run([programm, "report", "--public", "--definitions", definitionen, "--data", daten,
                                "--out", aus], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               timeout=grenze)
        except subprocess.TimeoutExpired:
            shutil.rmtree(aus, ignore_errors=True)
            return None, None, [f"über {grenze:.0f} s, abgebrochen"]
        wand = time.time() - t0
        nachher = resource.getrusage(resource.RUSAGE_CHILDREN)
        shutil.rmtree(aus, ignore_errors=True)
        if r.returncode != 0:
            return None, None, r.stderr.strip().splitlines()[-1:] or ["?"]
        cpu = (nachher.ru_utime - vorher.ru_utime) + (nachher.ru_stime - vorher.ru_stime)
        zeile = next((z for z in r.stdout.splitlines() if z.startswith("Öffentliche Berichte")), "")
        if besten is None or cpu < besten[0]:
            besten = (cpu, wand, zeile)
    return besten


FORMEN = {"ulm": ulm, "kreuz": kreuz}

MESSUNGEN = [
    ("ulm", 5, 4), ("ulm", 5, 12), ("ulm", 5, 24), ("ulm", 5, 40),
    ("ulm", 10, 12), ("ulm", 20, 12), ("ulm", 25, 12), ("ulm", 50, 12),
    ("kreuz", 5, 8), ("kreuz", 10, 8), ("kreuz", 14, 8), ("kreuz", 20, 8),
]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--programm", default=os.path.join(WURZEL, ".build", "release", "kennzahl"))
    p.add_argument("--vergleich", help="ein zweites Programm (z. B. der Stand vorher), im selben Lauf abwechselnd gemessen")
    p.add_argument("--nur", help="nur diese Formen, z. B. 'ulm 5 40,kreuz 20 8'")
    p.add_argument("--nur-erzeugen", nargs=3, metavar=("FORM", "GEBIETE", "QUARTALE"))
    p.add_argument("--ziel")
    p.add_argument("--grenze", type=float, default=900, help="Sekunden je Lauf, danach abgebrochen")
    a = p.parse_args()
    if a.nur_erzeugen:
        form, gebiete, quartale = a.nur_erzeugen
        d, x = FORMEN[form](int(gebiete), int(quartale), a.ziel or tempfile.mkdtemp())
        print(d, x)
        return
    liste = MESSUNGEN
    if a.nur:
        liste = [(f, int(g), int(q)) for f, g, q in (t.split() for t in a.nur.split(","))]
    programme = [("neu", a.programm)] + ([("vorher", a.vergleich)] if a.vergleich else [])
    print(f"| Form | Sozialräume | Quartale | " + " | ".join(f"CPU {n} | Wand {n}" for n, _ in programme) + " | Ergebnis |")
    print("|---|---:|---:|" + "---:|---:|" * len(programme) + "---|")
    for form, gebiete, quartale in liste:
        ordner = tempfile.mkdtemp()
        try:
            d, x = FORMEN[form](gebiete, quartale, ordner)
            spalten, ergebnis = [], ""
            for name, programm in programme:
                cpu, wand, zeile = miss(programm, d, x, a.grenze)
                if cpu is None:
                    spalten += [zeile[0] if "abgebrochen" in zeile[0] else "Fehler", "–"]
                    ergebnis += f" {name}: {zeile[0]}"
                else:
                    spalten += [f"{cpu:.1f} s", f"{wand:.1f} s"]
                    m = re.search(r"(\d+) Werte nicht ausgewiesen", zeile)
                    ergebnis += f" {name}: {m.group(1) if m else '?'} zurückgehalten"
            print(f"| {form} | {gebiete} | {quartale} | " + " | ".join(spalten) + f" |{ergebnis} |", flush=True)
        finally:
            shutil.rmtree(ordner, ignore_errors=True)


if __name__ == "__main__":
    main()
