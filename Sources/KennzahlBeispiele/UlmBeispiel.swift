import KennzahlBasis
import KennzahlBericht
import KennzahlDefinition

/// The synthetic Ulm sample set (`kennzahl samples ulm`): exports of every source system for
/// 2020-Q1 … 2022-Q4, population and delivered counts. No real persons.
///
/// The data is generated target-first: stocks at every quarter end and case ends per quarter are
/// fixed, then cases are drawn to meet them. The published figures of GD 072/23 (Produkt 2 at
/// 31.12.2021, Hilfen vor dem Fall 2020/2021, Wohnraumsicherung, population) are the targets; the
/// test suite checks them through the evaluator, never through this generator.
package enum UlmBeispiel {
    static let standardSeed: UInt64 = 72_23

    /// All files of the sample set, paths relative to the sample folder.
    static func dateien(seed: UInt64 = standardSeed) -> [(pfad: String, inhalt: [UInt8])] {
        var g = UlmGenerator(seed: seed)
        return g.alle()
    }
}

/// One generated case.
struct Fall {
    var beginn: Tag
    var ende: Tag?
    /// 0…4 Sozialraum, 5 = no Sozialraum.
    var raum: Int
    /// Category-specific values (e.g. Hilfeform, UMA).
    var art: Int
    var id = ""
    var extra: [String] = []
}

struct UlmGenerator {
    var rng: Zufall
    let seed: UInt64

    init(seed: UInt64) {
        self.seed = seed
        rng = Zufall(seed: seed)
    }

    static let raeume = ["Böfingen", "Eselsberg", "Mitte/Ost", "Weststadt", "Wiblingen"]
    static let codes = ["SR1", "SR2", "SR3", "SR4", "SR5"]
    static let kuerzel = ["BOEF", "ESEL", "MIOS", "WEST", "WIBL"]
    static let viertel: [[(String, Int)]] = [
        [("Böfingen-Nord", 30), ("Böfingen-Süd", 35), ("Jungingen", 15), ("Lehr", 10), ("Mähringen", 10)],
        [("Oberer Eselsberg", 35), ("Unterer Eselsberg", 30), ("Türmle", 15), ("Wissenschaftsstadt", 20)],
        [("Altstadt", 20), ("Neustadt", 25), ("Oststadt", 25), ("Safranberg", 15), ("Michelsberg", 15)],
        [
            ("Weststadt-Nord", 25), ("Weststadt-Süd", 25), ("Söflingen", 25), ("Grimmelfingen", 8), ("Einsingen", 7),
            ("Eggingen", 6), ("Ermingen", 4),
        ],
        [
            ("Wiblingen-Alt", 25), ("Tannenplatz", 30), ("Gögglingen", 12), ("Donaustetten", 10), ("Unterweiler", 8),
            ("Donautal", 15),
        ],
    ]

    /// Quarter index 0 = 2019-Q4 … 12 = 2022-Q4.
    static func quartal(_ i: Int) -> Quartal { Quartal(jahr: 2019, nummer: 4).verschoben(um: i) }
    static let exportQuartale = 1...12

    // MARK: Everything

    mutating func alle() -> [(pfad: String, inhalt: [UInt8])] {
        var d: [(String, [UInt8])] = []
        d += jugendhilfe()
        d += hilfenVorDemFall()
        d += open()
        d += fallmanagement()
        d += teilhabeteam()
        d += altenhilfe()
        d += schuldnerberatung()
        d += gelieferteZahlen()
        d += bevoelkerung()
        d.append(("stand.txt", Array("Stand: 16.01.2023\n".utf8)))
        d.append(("LIESMICH.txt", Array(UlmGenerator.liesmich.utf8)))
        return d.sorted { $0.0 < $1.0 }
    }

    static let liesmich = """
        \(Beispiele.kennzeichen) (Katalog Definitions/ulm)
        ==================================================================

        Alle Fälle, Nummern, Geburtsdaten und Bemerkungen sind erfunden; es gibt keine echten Personen.
        Die Daten sind so erzeugt, dass die in GD 072/23 der Stadt Ulm veröffentlichten Zahlen
        herauskommen (Quartalsmeldung zum 31.12.2021, Hilfen vor dem Fall 2020/2021,
        Wohnraumsicherung 2020/2021, Einwohnerzahlen).

        Neu erzeugen: swift run kennzahl samples ulm
        (gleicher Seed, gleiche Bytes)

        Absichtlich fehlerhafte Zeilen (werden verworfen und in jedem Bericht unter Datenqualität genannt):
        - prosoz-jugendhilfe-2021-Q3.csv: ein unbekannter Sozialraum
        - open-sozialhilfe-2022-Q2.csv: ein Ende vor dem Beginn
        - schuldnerberatung-2022-Q1.csv: ein unmögliches Datum

        """

    // MARK: Stock and flow (see Bestandsgenerator)

    static let bestand = Bestandsgenerator(basis: quartal(0))

    mutating func reihe(_ anker: Int, trend: Int, rauschen: Int) -> [Int] {
        UlmGenerator.bestand.reihe(anker, trend: trend, rauschen: rauschen, &rng)
    }

    mutating func enden(_ s: [Int], umschlag: Int) -> [Int] {
        UlmGenerator.bestand.enden(s, umschlag: umschlag, &rng)
    }

    static func endenJeJahr(_ s: [Int], jahre: [Int]) -> [Int] { Bestandsgenerator.endenJeJahr(s, jahre: jahre) }

    mutating func bestandsfaelle(_ s: [Int], _ e: [Int], raum: Int, art: Int, fruehesterBeginn: Tag) -> [Fall] {
        UlmGenerator.bestand.faelle(s, e, raum: raum, art: art, fruehesterBeginn: fruehesterBeginn, &rng)
    }

    static func imExport(_ f: Fall, _ q: Quartal) -> (zeigen: Bool, ende: Tag?) { Bestandsgenerator.imExport(f, q) }

    static func nummeriere(_ faelle: inout [Fall], praefix: String, stellen: Int = 6) {
        Bestandsgenerator.nummeriere(&faelle, praefix: praefix, stellen: stellen)
    }

    static func raumName(_ r: Int) -> String { r < 5 ? raeume[r] : "" }

    // MARK: BW SD-F Hilfen vor dem Fall (Windows-1252)

    mutating func hilfenVorDemFall() -> [(String, [UInt8])] {
        let ziele: [[Int]] = [[560, 900, 1300, 1281, 800], [462, 731, 1050, 1018, 592], [470, 760, 1080, 1030, 640]]
        var faelle: [Fall] = []
        for raum in 0...4 {
            var eigene: [Fall] = []
            // Some counselling began in late 2019 and runs into 2020.
            let q0 = UlmGenerator.quartal(0)
            for _ in 0..<(ziele[0][raum] / 8) {
                let b = rng.tag(q0.ersterTag, q0.letzterTag)
                eigene.append(Fall(beginn: b, ende: b.plus(tage: rng.zahl(14...150)), raum: raum, art: 0))
            }
            for (j, ziel) in ziele.map({ $0[raum] }).enumerated() {
                let jahr = 2020 + j
                let start = Tag(jahr: jahr, monat: 1, tag: 1)!, ende = Tag(jahr: jahr, monat: 12, tag: 31)!
                let uebertrag = eigene.filter { ($0.ende ?? ende) >= start }.count
                for _ in 0..<(ziel - uebertrag) {
                    let b = rng.tag(start, ende)
                    eigene.append(Fall(beginn: b, ende: b.plus(tage: rng.zahl(14...150)), raum: raum, art: 0))
                }
            }
            faelle += eigene
        }
        UlmGenerator.nummeriere(&faelle, praefix: "HvF-", stellen: 5)
        let anlaesse = [
            "Erziehungsfragen", "Trennung/Scheidung", "Schulprobleme", "Überforderung der Eltern",
            "Konflikte in der Familie", "Gesundheit des Kindes",
        ]
        for i in faelle.indices { faelle[i].extra = [rng.wahl(anlaesse)] }
        var dateien: [(String, [UInt8])] = []
        for q in UlmGenerator.exportQuartale {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: ["Fall-Nr.", "Sozialraum", "Beginn", "Ende", "Anlass"], windows1252: true)
            for f in faelle.sorted(by: { $0.id < $1.id }) {
                let (zeigen, ende) = UlmGenerator.imExport(f, quartal)
                guard zeigen else { continue }
                csv.zeile([f.id, UlmGenerator.raumName(f.raum), f.beginn.deutsch, ende?.deutsch ?? "", f.extra[0]])
            }
            dateien.append(("bwsdf-hilfen-vor-dem-fall-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: Open (EGH, SGB XII, HzP), by Stadtviertel

    struct OpenArt {
        var leistung: String
        var unterbringung: String
        var wohnform: String
        var anker: Int
        var ohneRaum: Int
        var gewichte: [Int]
        var trend: Int
        var umschlag: Int
    }

    static let openArten: [OpenArt] = [
        OpenArt(
            leistung: "EGH", unterbringung: "a", wohnform: "EW", anker: 656, ohneRaum: 0,
            gewichte: [12, 19, 26, 22, 21], trend: 5, umschlag: 40),
        OpenArt(
            leistung: "EGH", unterbringung: "s", wohnform: "BW", anker: 270, ohneRaum: 0,
            gewichte: [8, 20, 22, 27, 23], trend: 2, umschlag: 30),
        OpenArt(
            leistung: "EGH", unterbringung: "s", wohnform: "IN", anker: 34, ohneRaum: 0,
            gewichte: [15, 20, 20, 25, 20], trend: 0, umschlag: 60),
        OpenArt(
            leistung: "WfbM", unterbringung: "a", wohnform: "", anker: 337, ohneRaum: 0,
            gewichte: [12, 20, 22, 24, 22], trend: 2, umschlag: 25),
        OpenArt(
            leistung: "BLH", unterbringung: "a", wohnform: "", anker: 85, ohneRaum: 0, gewichte: [12, 18, 26, 20, 24],
            trend: -2, umschlag: 20),
        OpenArt(
            leistung: "HLU", unterbringung: "a", wohnform: "", anker: 226, ohneRaum: 6, gewichte: [8, 18, 30, 24, 20],
            trend: -3, umschlag: 90),
        OpenArt(
            leistung: "HLU", unterbringung: "s", wohnform: "", anker: 23, ohneRaum: 0, gewichte: [10, 20, 25, 20, 25],
            trend: 0, umschlag: 60),
        OpenArt(
            leistung: "GSI", unterbringung: "a", wohnform: "", anker: 1534, ohneRaum: 10,
            gewichte: [9, 19, 27, 23, 22], trend: 6, umschlag: 40),
        OpenArt(
            leistung: "GSI", unterbringung: "s", wohnform: "", anker: 147, ohneRaum: 0, gewichte: [8, 16, 22, 26, 28],
            trend: 3, umschlag: 50),
        OpenArt(
            leistung: "HzP", unterbringung: "a", wohnform: "", anker: 103, ohneRaum: 0, gewichte: [10, 17, 25, 20, 28],
            trend: 4, umschlag: 70),
        OpenArt(
            leistung: "HzP", unterbringung: "s", wohnform: "", anker: 415, ohneRaum: 0, gewichte: [9, 15, 22, 24, 30],
            trend: 4, umschlag: 80),
    ]

    mutating func open() -> [(String, [UInt8])] {
        var faelle: [Fall] = []
        for (a, art) in UlmGenerator.openArten.enumerated() {
            let anteile = verteile(art.anker - art.ohneRaum, art.gewichte) + [art.ohneRaum]
            for raum in 0...5 {
                var s = reihe(anteile[raum], trend: art.trend, rauschen: 15)
                if art.leistung == "HzP" && art.unterbringung == "s" && raum == 3 {
                    for q in 0...4 { s[q] = (s[q] * 78 + 50) / 100 }  // Weststadt: new nursing home opened in 2021
                }
                let e = enden(s, umschlag: art.umschlag)
                faelle += bestandsfaelle(s, e, raum: raum, art: a, fruehesterBeginn: Tag(jahr: 2010, monat: 1, tag: 1)!)
            }
        }
        UlmGenerator.nummeriere(&faelle, praefix: "O-", stellen: 7)
        for i in faelle.indices {
            let f = faelle[i]
            let viertel =
                f.raum < 5 ? UlmGenerator.viertel[f.raum][rng.gewichtet(UlmGenerator.viertel[f.raum].map(\.1))].0 : ""
            let art = UlmGenerator.openArten[f.art]
            // Monthly gross need in euro and cent, German notation.
            let basis = art.leistung == "GSI" ? 95_000 : art.leistung == "HzP" ? 180_000 : 60_000
            let cent = basis + rng.zahl(-25_000...45_000)
            let bedarf = Zahlformat.deutsch(Bruch(zaehler: Int128(cent), nenner: 100) ?? .null, dezimalen: 2)
            faelle[i].extra = [viertel, String(f.beginn.jahr - rng.zahl(19...85)), bedarf]
        }
        var dateien: [(String, [UInt8])] = []
        for q in UlmGenerator.exportQuartale {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: [
                "Aktenzeichen", "Stadtviertel", "Leistung", "Unterbringung", "Wohnform", "Bewilligt ab",
                "Bewilligt bis",
                "Geburtsjahr", "Bruttobedarf mtl.",
            ])
            for f in faelle.sorted(by: { $0.id < $1.id }) {
                let (zeigen, ende) = UlmGenerator.imExport(f, quartal)
                guard zeigen else { continue }
                let art = UlmGenerator.openArten[f.art]
                csv.zeile([
                    f.id, f.extra[0], art.leistung, art.unterbringung, art.wohnform, f.beginn.deutsch,
                    ende?.deutsch ?? "", f.extra[1], f.extra[2],
                ])
            }
            if quartal.name == "2022-Q2" {
                csv.zeile(["O-9000001", "Söflingen", "GSI", "a", "", "01.05.2022", "01.04.2022", "1950", "912,40"])
            }
            dateien.append(("open-sozialhilfe-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: DB (EGH Fallmanagement) and VIS FM (AH Fallmanagement)

    mutating func fallmanagement() -> [(String, [UInt8])] {
        var dateien: [(String, [UInt8])] = []
        // VIS FM is run by the central team (Zentrale Dienste): its export has no Sozialraum.
        for (system, anker, gewichte, umschlag) in [
            ("db", 1094, [11, 20, 25, 23, 21, 0], 60), ("visfm", 199, [0, 0, 0, 0, 0, 1], 120),
        ] {
            var faelle: [Fall] = []
            for (raum, a) in verteile(anker, gewichte).enumerated() where a > 0 {
                let s = reihe(a, trend: system == "db" ? 5 : 3, rauschen: 15)
                faelle += bestandsfaelle(
                    s, enden(s, umschlag: umschlag), raum: raum, art: 0,
                    fruehesterBeginn: Tag(jahr: 2015, monat: 1, tag: 1)!)
            }
            UlmGenerator.nummeriere(&faelle, praefix: system == "db" ? "FM-E" : "FM-A", stellen: 5)
            for q in UlmGenerator.exportQuartale {
                let quartal = UlmGenerator.quartal(q)
                var csv =
                    system == "db"
                    ? CsvSchreiber(kopf: ["ID", "SR", "Aufnahme", "Abschluss"])
                    : CsvSchreiber(kopf: ["Vorgang", "Team", "Beginn FM", "Ende FM"])
                for f in faelle.sorted(by: { $0.id < $1.id }) {
                    let (zeigen, ende) = UlmGenerator.imExport(f, quartal)
                    guard zeigen else { continue }
                    let raum = system == "db" ? UlmGenerator.codes[f.raum] : "Zentrale Dienste"
                    csv.zeile([f.id, raum, f.beginn.deutsch, ende?.deutsch ?? ""])
                }
                let name = system == "db" ? "db-egh-fallmanagement" : "visfm-ah-fallmanagement"
                dateien.append(("\(name)-\(quartal.name).csv", csv.bytes))
            }
        }
        return dateien
    }

    // MARK: Teilhabeteams (EGH-Z2), from Q4/2020

    mutating func teilhabeteam() -> [(String, [UInt8])] {
        var dateien: [(String, [UInt8])] = []
        let basis = [12, 20, 26, 22, 20]
        var nummer = 0
        for q in 4...12 {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: [
                "Fallnummer", "Sozialraum", "Beratungsdatum", "Nahfeld-/sozialräumliche Ressourcen",
            ])
            for raum in 0...4 {
                let n = basis[raum] + rng.zahl(-3...3)
                let anteil = 760 + 15 * (q - 4) + rng.zahl(-40...40) - (raum == 2 ? 40 : 0)
                let mit = (n * anteil + 500) / 1000
                for i in 0..<n {
                    nummer += 1
                    csv.zeile([
                        "TT-\(quartal.jahr)-\(String(nummer))", UlmGenerator.raeume[raum],
                        rng.tag(quartal.ersterTag, quartal.letzterTag).iso, i < mit ? "ja" : "nein",
                    ])
                }
            }
            dateien.append(("teilhabeteam-beratungen-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: Altenhilfe Beratungen (AH-Z3)

    mutating func altenhilfe() -> [(String, [UInt8])] {
        let vermeidung = [18, 27, 33], sonstige = [128, 131, 137]
        let anlaesse = ["Pflegeberatung", "Wohnraumanpassung", "Entlastung Angehöriger", "Sonstiges"]
        var beratungen: [(Tag, Int, String)] = []
        for j in 0...2 {
            let start = Tag(jahr: 2020 + j, monat: 1, tag: 1)!, ende = Tag(jahr: 2020 + j, monat: 12, tag: 31)!
            for (raum, n) in verteile(vermeidung[j], [10, 18, 22, 20, 30]).enumerated() {
                for _ in 0..<n {
                    beratungen.append((rng.tag(start, ende), raum, "Vermeidung stationärer Unterbringung"))
                }
            }
            for (raum, n) in verteile(sonstige[j], [11, 19, 25, 22, 23]).enumerated() {
                for _ in 0..<n { beratungen.append((rng.tag(start, ende), raum, rng.wahl(anlaesse))) }
            }
        }
        beratungen.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        var dateien: [(String, [UInt8])] = []
        for q in UlmGenerator.exportQuartale {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: ["Beratung", "Sozialraum", "Datum", "Anlass"])
            for (i, b) in beratungen.enumerated() where b.0.quartal == quartal {
                csv.zeile(["AB-\(String(10_000 + i))", UlmGenerator.kuerzel[b.1], b.0.deutsch, b.2])
            }
            dateien.append(("altenhilfe-beratungen-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: Schuldnerberatung / Wohnraumsicherung

    mutating func schuldnerberatung() -> [(String, [UInt8])] {
        let mietschulden = [156, 172, 180], raeumung = [80, 91, 86]
        let ohneRaumMS = [3, 4, 4], ohneRaumRK = [1, 2, 1]
        var vorgaenge: [(Tag, Int, String, String)] = []
        for j in 0...2 {
            let start = Tag(jahr: 2020 + j, monat: 1, tag: 1)!, ende = Tag(jahr: 2020 + j, monat: 12, tag: 31)!
            let ms = verteile(mietschulden[j] - ohneRaumMS[j], [10, 19, 27, 23, 21]) + [ohneRaumMS[j]]
            let rk = verteile(raeumung[j] - ohneRaumRK[j], [9, 18, 28, 24, 21]) + [ohneRaumRK[j]]
            for raum in 0...5 {
                for _ in 0..<ms[raum] {
                    let melder = rng.promille(900) ? "UWS" : rng.wahl(["Klient*in", "Dritte"])
                    vorgaenge.append((rng.tag(start, ende), raum, "Mietschulden", melder))
                }
                for _ in 0..<rk[raum] { vorgaenge.append((rng.tag(start, ende), raum, "Räumungsklage", "Amtsgericht")) }
            }
        }
        vorgaenge.sort { $0.0 != $1.0 ? $0.0 < $1.0 : ($0.1 != $1.1 ? $0.1 < $1.1 : $0.2 < $1.2) }
        var dateien: [(String, [UInt8])] = []
        for q in UlmGenerator.exportQuartale {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: ["Vorgang", "Sozialraum", "Eingang", "Art", "Meldung durch"])
            for (i, v) in vorgaenge.enumerated() where v.0.quartal == quartal {
                csv.zeile(["WS-\(String(50_000 + i))", UlmGenerator.raumName(v.1), v.0.deutsch, v.2, v.3])
            }
            if quartal.name == "2022-Q1" {
                csv.zeile(["WS-99999", "Eselsberg", "31.02.2022", "Mietschulden", "UWS"])
            }
            dateien.append(("schuldnerberatung-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: Delivered counts

    mutating func gelieferteZahlen() -> [(String, [UInt8])] {
        var dateien: [(String, [UInt8])] = []
        let sgb2 = [600, 1050, 1300, 1350, 1160].map { reihe($0, trend: -4, rauschen: 8) }
        let asyl = verteile(547, [8, 22, 30, 22, 18]).map { reihe($0, trend: 10, rauschen: 20) }
        for q in UlmGenerator.exportQuartale {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: ["Sozialraum", "Stichtag", "Leistungsberechtigte"])
            for r in 0...4 {
                csv.zeile([
                    UlmGenerator.raeume[r], quartal.letzterTag.deutsch,
                    Zahlformat.deutsch(Bruch(sgb2[r][q]), dezimalen: 0),
                ])
            }
            dateien.append(("jobcenter-sgb2-\(quartal.name).csv", csv.bytes))
            var a = CsvSchreiber(kopf: ["Sozialraum", "Stichtag", "Leistungsempfänger"])
            for r in 0...4 { a.zeile([UlmGenerator.raeume[r], quartal.letzterTag.deutsch, String(asyl[r][q])]) }
            dateien.append(("asylblg-\(quartal.name).csv", a.bytes))
        }
        let wohngeld = [240, 520, 690, 640, 610]
        for (j, faktor) in [100, 97, 95].enumerated() {
            var csv = CsvSchreiber(kopf: ["Sozialraum", "Personen"])
            for r in 0...4 {
                csv.zeile([UlmGenerator.raeume[r], String((wohngeld[r] * faktor + rng.zahl(-20...20) + 50) / 100)])
            }
            dateien.append(("wohngeld-\(2020 + j).csv", csv.bytes))
        }
        return dateien
    }

}
