import KennzahlBasis
import KennzahlDefinition

/// The synthetic sample set of the second catalogue, `Definitions/nordfriesland`
/// (`kennzahl samples nordfriesland`): a rural Kreis with five Sozialräume (islands and Halligen
/// included), one Jugendhilfe and one EGH budget each, bookings of the finance system by the
/// categories of the settlement, Fachleistungsstunden of the providers, case lists and population
/// for 2021-Q1 … 2022-Q4. No real persons, providers or bookings.
///
/// The engine knows nothing of budgets: this generator only writes CSV files. What the reports
/// compute from them is decided by the catalogue.
package enum NordfrieslandBeispiel {
    static let standardSeed: UInt64 = 2_022

    static func dateien(seed: UInt64 = standardSeed) -> [(pfad: String, inhalt: [UInt8])] {
        var g = NordfrieslandGenerator(seed: seed)
        return g.alle()
    }
}

struct NordfrieslandGenerator {
    var rng: Zufall

    init(seed: UInt64) { rng = Zufall(seed: seed) }

    static let raeume = [
        "Südtondern", "Sylt", "Föhr, Amrum und Halligen", "Husum und Nordstrand", "Eiderstedt und Mitte",
    ]
    /// How the case system writes the areas.
    static let codes = ["SR1", "SR2", "SR3", "SR4", "SR5"]
    /// How the finance system writes them.
    static let finanzNamen = ["Suedtondern", "Sylt", "Foehr-Amrum", "Husum", "Eiderstedt"]
    static let einwohner = [39_800, 18_100, 10_900, 49_600, 46_600]
    /// Islands are older: weight of the under-21s relative to the mainland (per cent).
    static let jugend = [100, 82, 88, 104, 100]

    /// Quarter index 0 = 2020-Q4 … 8 = 2022-Q4; the exports cover 1…8.
    static func quartal(_ i: Int) -> Quartal { Quartal(jahr: 2020, nummer: 4).verschoben(um: i) }
    static let jahre = [2021, 2022]

    mutating func alle() -> [(pfad: String, inhalt: [UInt8])] {
        var d: [(String, [UInt8])] = []
        d += budgetsUndBuchungen()
        d += fachleistungsstunden()
        d += hilfen()
        d += bevoelkerung()
        d.append(("stand.txt", Array("Stand: 20.01.2023\n".utf8)))
        d.append(("LIESMICH.txt", Array(NordfrieslandGenerator.liesmich.utf8)))
        return d.sorted { $0.0 < $1.0 }
    }

    static let liesmich = """
        \(Beispiele.kennzeichen) (Katalog Definitions/nordfriesland)
        ==========================================================================

        Ein erfundener Landkreis mit fünf Sozialräumen (Inseln und Halligen eingeschlossen), je einem
        Budget der Jugendhilfe und der Eingliederungshilfe für Kinder, 2021-Q1 bis 2022-Q4. Alle Fälle,
        Buchungen, Träger und Beträge sind erfunden; es gibt keine echten Personen.

        - budgets-{jahr}.csv: Jahresbudgets je Sozialraum (Jugendhilfe 9,5 Mio. €, EGH 6,5 Mio. € im
          Jahr 2021, 2022 um 3 % fortgeschrieben)
        - buchungen-{quartal}.csv: jede Buchung der Finanzbuchhaltung (Windows-1252) mit Kategorie
          (Vorwegabzug, Personalkosten, Overhead, Rechnung für Fall bei anderem Träger, HÜTN, FuA,
          Sachkosten für Fälle) und Betrag auf den Cent; Stornos als negative Beträge
        - fachleistungsstunden-{quartal}.csv: Leistungsnachweise der Träger je Woche und Art
        - hilfen-{quartal}.csv: laufende Hilfen beider Budgets mit Geburtsdatum
        - bevoelkerung-{jahr}.csv: Einwohner am 31.12. je Sozialraum und Altersjahr

        Neu erzeugen: swift run kennzahl samples nordfriesland
        (gleicher Seed, gleiche Bytes)

        """

    // MARK: Budgets and bookings

    /// Budgets 2021 in euros; sums 9,5 and 6,5 million.
    static let budgetJH = [2_450_000, 950_000, 600_000, 2_900_000, 2_600_000]
    static let budgetEGH = [1_750_000, 550_000, 500_000, 2_200_000, 1_500_000]

    /// Budget in cents: 2022 is 2021 plus 3 %, rounded to 10.000 €.
    static func budget(_ b: Int, raum: Int, jahr: Int) -> Int {
        let basis = (b == 0 ? budgetJH : budgetEGH)[raum]
        let euro = jahr == 2021 ? basis : (basis * 103 / 100 + 5_000) / 10_000 * 10_000
        return euro * 100
    }

    /// Costs of the year in per mille of the budget: some areas end with a rest, some overrun.
    static let kostenfaktor: [[[Int]]] = [
        // Jugendhilfe 2021, 2022
        [[962, 1_018, 941, 987, 1_004], [955, 1_046, 972, 1_012, 978]],
        // EGH 2021, 2022
        [[931, 990, 1_027, 968, 1_002], [948, 1_011, 903, 1_065, 987]],
    ]

    /// Categories: export code, booking text, share of the costs in per mille (the slide's example).
    static let kategorien: [(code: String, text: String, anteil: Int)] = [
        ("VWA", "Vorwegabzug Pflegekinder", 105), ("PK", "Personalkosten", 100), ("OH", "Overhead", 11),
        ("RF", "Rechnung", 530), ("HUETN", "HÜTN Unterbringung", 128), ("FUA", "FuA Honorare und Sachkosten", 75),
        ("SF", "Sachkosten für Fälle", 51),
    ]
    static let budgetCodes = ["JH", "EGH"]

    struct Buchung {
        var datum: Tag
        var raum: Int
        var budget: Int
        var kategorie: Int
        var cent: Int
        var text: String
    }

    mutating func budgetsUndBuchungen() -> [(String, [UInt8])] {
        var dateien: [(String, [UInt8])] = []
        var buchungen: [Buchung] = []
        for (j, jahr) in NordfrieslandGenerator.jahre.enumerated() {
            var csv = CsvSchreiber(kopf: ["Sozialraum", "Budget", "Budget in Euro"])
            for raum in 0..<5 {
                for b in 0...1 {
                    let budget = NordfrieslandGenerator.budget(b, raum: raum, jahr: jahr)
                    csv.zeile([
                        NordfrieslandGenerator.raeume[raum], NordfrieslandGenerator.budgetCodes[b],
                        NordfrieslandGenerator.betrag(budget, tausender: true),
                    ])
                    let kosten = budget * NordfrieslandGenerator.kostenfaktor[b][j][raum] / 1_000 + rng.zahl(0...99_999)
                    buchungen += jahresbuchungen(kosten, raum: raum, budget: b, jahr: jahr)
                }
            }
            dateien.append(("budgets-\(jahr).csv", csv.bytes))
        }
        // Numbered per year in booking order, as the finance system does.
        buchungen.sort {
            ($0.datum, $0.raum, $0.budget, $0.kategorie, $0.cent) < (
                $1.datum, $1.raum, $1.budget, $1.kategorie, $1.cent
            )
        }
        var laufend: [Int: Int] = [:]
        for q in 1...8 {
            let quartal = NordfrieslandGenerator.quartal(q)
            var csv = CsvSchreiber(
                kopf: [
                    "Buchungsnummer", "Sozialraum", "Budget", "Buchungsdatum", "Kategorie", "Betrag", "Buchungstext",
                ], windows1252: true)
            for b in buchungen where b.datum.quartal == quartal {
                let n = (laufend[b.datum.jahr] ?? 0) + 1
                laufend[b.datum.jahr] = n
                let nummer = "\(b.datum.jahr)-" + String(repeating: "0", count: max(0, 6 - String(n).count)) + String(n)
                csv.zeile([
                    nummer, NordfrieslandGenerator.finanzNamen[b.raum], NordfrieslandGenerator.budgetCodes[b.budget],
                    b.datum.deutsch,
                    NordfrieslandGenerator.kategorien[b.kategorie].code,
                    NordfrieslandGenerator.betrag(b.cent, tausender: false), b.text,
                ])
            }
            dateien.append(("buchungen-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    /// The bookings of one budget and year, summing exactly to `kosten` cents.
    mutating func jahresbuchungen(_ kosten: Int, raum: Int, budget b: Int, jahr: Int) -> [Buchung] {
        let kat = NordfrieslandGenerator.kategorien
        let teile = verteile(kosten, kat.map { $0.anteil * (90 + rng.zahl(0...20)) })
        // Months differ a little: the linear Hochrechnung is never exact before December.
        let monate = (1...12).map { _ in 100 + rng.zahl(-12...12) }
        func tag(_ monat: Int, _ t: Int? = nil) -> Tag {
            let letzter = Tag.tageImMonat(jahr: jahr, monat: monat)
            return Tag(jahr: jahr, monat: monat, tag: t ?? letzter)!
        }
        var liste: [Buchung] = []
        func bucht(_ datum: Tag, _ k: Int, _ cent: Int, _ text: String) {
            liste.append(Buchung(datum: datum, raum: raum, budget: b, kategorie: k, cent: cent, text: text))
        }
        for (k, summe) in teile.enumerated() {
            switch kat[k].code {
            case "VWA":
                // Fixed at the start of the year: two deductions in January.
                for (i, teil) in verteile(summe, [70, 30]).enumerated() {
                    bucht(
                        tag(1, 3 + 7 * i), k, teil,
                        i == 0 ? "Vorwegabzug Pflegekinder" : "Vorwegabzug Kostenerstattung an andere Kreise")
                }
            case "PK":
                let kraefte = max(2, NordfrieslandGenerator.budget(b, raum: raum, jahr: jahr) / 60_000_000)
                let teile = verteile(summe, Array(repeating: 1, count: 12 * kraefte))
                for m in 1...12 {
                    for f in 0..<kraefte {
                        bucht(
                            tag(m), k, teile[(m - 1) * kraefte + f],
                            "Personalkosten Fachkraft \(f + 1), \(NordfrieslandGenerator.monatsname[m - 1])")
                    }
                }
            case "OH":
                for (i, teil) in verteile(summe, [1, 1, 1, 1]).enumerated() {
                    bucht(tag(3 * i + 3), k, teil, "Overheadpauschale \(i + 1). Quartal")
                }
            default:
                // Invoices and case costs: several per month, amounts of varying size.
                let jeMonat = verteile(summe, monate)
                let anzahl =
                    kat[k].code == "RF"
                    ? max(4, NordfrieslandGenerator.budget(b, raum: raum, jahr: jahr) / 12_000_000) : 3
                for m in 1...12 {
                    let betraege = verteile(jeMonat[m - 1], (0..<anzahl).map { _ in rng.zahl(20...180) })
                    for (i, betrag) in betraege.enumerated() {
                        let datum = tag(m, rng.zahl(1...Tag.tageImMonat(jahr: jahr, monat: m)))
                        bucht(
                            datum, k, betrag,
                            kat[k].text
                                + (kat[k].code == "RF"
                                    ? " Träger \(["Nord", "Mitte", "Süd", "Insel"][i % 4]) \(m)/\(jahr)" : ""))
                        // Now and then an invoice is booked twice and reversed the same day.
                        if kat[k].code == "RF" && rng.promille(4) {
                            bucht(datum, k, betrag, kat[k].text + " (doppelt erfasst)")
                            bucht(datum, k, -betrag, "Storno Doppelbuchung")
                        }
                    }
                }
            }
        }
        return liste
    }

    static let monatsname = [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November",
        "Dezember",
    ]

    /// Cents as the finance system writes them: `-1234,56` or, in the budget plan, `1.234,56`.
    static func betrag(_ cent: Int, tausender: Bool) -> String {
        let negativ = cent < 0
        let c = abs(cent)
        var euro = String(c / 100)
        if tausender {
            var gruppen: [String] = []
            while euro.count > 3 {
                gruppen.insert(String(euro.suffix(3)), at: 0)
                euro = String(euro.dropLast(3))
            }
            euro = ([euro] + gruppen).joined(separator: ".")
        }
        let rest = c % 100
        return (negativ ? "-" : "") + euro + "," + (rest < 10 ? "0" : "") + String(rest)
    }

    // MARK: Fachleistungsstunden

    /// Per area: face-to-face share of the case hours and case-independent share of all hours (per
    /// mille). Sylt misses the 75 %, Eiderstedt the 10 %.
    static let flsAnteile: [(f2f: Int, fu: Int)] = [(772, 118), (712, 104), (795, 142), (752, 109), (768, 84)]
    static let traeger = [
        ["Jugendhilfe Südtondern", "Familienhilfe Westküste"], ["Inselhilfe Sylt"], ["Familienhilfe Föhr-Amrum"],
        ["Jugendhilfe Husum", "Familienhilfe Westküste", "Kinderhaus Nordstrand"],
        ["Familienzentrum Eiderstedt", "Jugendhilfe Husum"],
    ]

    mutating func fachleistungsstunden() -> [(String, [UInt8])] {
        var dateien: [(String, [UInt8])] = []
        var eintrag = 0
        for q in 1...8 {
            let quartal = NordfrieslandGenerator.quartal(q)
            var zeilen: [(Tag, Int, String, String, Int)] = []
            for raum in 0..<5 {
                // Quarter hours (units of 0,25 h): about one hour per 40 inhabitants a quarter.
                let gesamt = NordfrieslandGenerator.einwohner[raum] / 10 * (95 + rng.zahl(0...10)) / 100
                let a = NordfrieslandGenerator.flsAnteile[raum]
                let fu = gesamt * (a.fu + rng.zahl(-12...12)) / 1_000
                let f2f = (gesamt - fu) * (a.f2f + rng.zahl(-15...15)) / 1_000
                let arten = [("F2F", f2f), ("SFB", gesamt - fu - f2f), ("FU", fu)]
                let wochen = stride(from: 0, to: 13, by: 1).map { quartal.ersterTag.plus(tage: 7 * $0 + 4) }.filter {
                    $0 <= quartal.letzterTag
                }
                let traeger = NordfrieslandGenerator.traeger[raum]
                for (code, summe) in arten {
                    let teile = verteile(summe, (0..<(wochen.count * traeger.count)).map { _ in rng.zahl(60...140) })
                    for (i, teil) in teile.enumerated() where teil > 0 {
                        zeilen.append((wochen[i / traeger.count], raum, traeger[i % traeger.count], code, teil))
                    }
                }
            }
            zeilen.sort { ($0.0, $0.1, $0.2, $0.3) < ($1.0, $1.1, $1.2, $1.3) }
            var csv = CsvSchreiber(kopf: ["Eintrag", "Sozialraum", "Träger", "Datum", "Art", "Stunden"])
            for (datum, raum, traeger, code, viertel) in zeilen {
                eintrag += 1
                let stunden = String(viertel / 4) + "," + ["00", "25", "50", "75"][viertel % 4]
                csv.zeile([String(eintrag), NordfrieslandGenerator.codes[raum], traeger, datum.deutsch, code, stunden])
            }
            dateien.append(("fachleistungsstunden-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: Cases

    /// Stocks at 31.12.2022: Hilfen per 1.000 under-21s (Jugendhilfe, EGH) and the yearly trend
    /// in per mille per quarter (Husum's Jugendhilfe grows, the Halligen shrink).
    static let versorgung: [(jh: Int, egh: Int, trendJH: Int)] = [
        (29, 11, 5), (24, 9, 0), (19, 8, -10), (34, 13, 28), (31, 12, 4),
    ]

    mutating func hilfen() -> [(String, [UInt8])] {
        let bestand = Bestandsgenerator(basis: NordfrieslandGenerator.quartal(0), letztes: 8, ankerIndex: 8)
        var faelle: [Fall] = []
        let u21 = (0..<5).map { NordfrieslandGenerator.altersgruppen(raum: $0, jahr: 2022).prefix(21).reduce(0, +) }
        for raum in 0..<5 {
            let v = NordfrieslandGenerator.versorgung[raum]
            for (art, rate, trend) in [(0, v.jh, v.trendJH), (1, v.egh, 3)] {
                let s = bestand.reihe((u21[raum] * rate + 500) / 1_000, trend: trend, rauschen: 15, &rng)
                let e = bestand.enden(s, umschlag: art == 0 ? 170 : 90, &rng)
                faelle += bestand.faelle(
                    s, e, raum: raum, art: art, fruehesterBeginn: Tag(jahr: 2018, monat: 1, tag: 1)!, &rng)
            }
        }
        Bestandsgenerator.nummeriere(&faelle, praefix: "NF-")
        let jh = ["27.2", "29", "30", "31", "31", "31", "33", "34", "34"], egh = ["35a", "35a", "35a", "EGH"]
        var dateien: [(String, [UInt8])] = []
        let geburt = faelle.map { f in
            f.beginn.plus(tage: -(rng.zahl(f.art == 0 ? 0...16 : 2...15) * 365 + rng.zahl(0...364)))
        }
        let hilfeart = faelle.map { f in f.art == 0 ? rng.wahl(jh) : rng.wahl(egh) }
        for q in 1...8 {
            let quartal = NordfrieslandGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: [
                "Aktenzeichen", "Sozialraum", "Budget", "Hilfeart", "Hilfebeginn", "Hilfeende", "Geburtsdatum",
            ])
            for i in faelle.indices.sorted(by: { faelle[$0].id < faelle[$1].id }) {
                let f = faelle[i]
                let (zeigen, ende) = Bestandsgenerator.imExport(f, quartal)
                guard zeigen else { continue }
                csv.zeile([
                    f.id, NordfrieslandGenerator.codes[f.raum], NordfrieslandGenerator.budgetCodes[f.art], hilfeart[i],
                    f.beginn.deutsch,
                    ende?.deutsch ?? "", geburt[i].deutsch,
                ])
            }
            dateien.append(("hilfen-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    // MARK: Population

    /// Inhabitants per single year of age 0…99 (99 = 99 and older) at 31.12. of a year.
    static func altersgruppen(raum: Int, jahr: Int) -> [Int] {
        let gewichte = (0...99).map { alter -> Int in
            switch alter {
            case 0...20: return 100 * jugend[raum] / 100
            case 21...64: return 118
            case 65...79: return 130 * 100 / jugend[raum]
            default: return max(5, 120 - 6 * (alter - 80))
            }
        }
        let gesamt = einwohner[raum] + (jahr - 2021) * einwohner[raum] * (raum == 2 ? -4 : 3) / 1_000
        return verteile(gesamt, gewichte)
    }

    func bevoelkerung() -> [(String, [UInt8])] {
        NordfrieslandGenerator.jahre.map { jahr in
            var csv = CsvSchreiber(kopf: ["Sozialraum", "Alter", "Einwohner"])
            for raum in 0..<5 {
                for (alter, n) in NordfrieslandGenerator.altersgruppen(raum: raum, jahr: jahr).enumerated() {
                    csv.zeile([NordfrieslandGenerator.codes[raum], String(alter), String(n)])
                }
            }
            return ("bevoelkerung-\(jahr).csv", csv.bytes)
        }
    }
}
