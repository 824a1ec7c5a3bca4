import KennzahlBasis
import KennzahlBericht
import KennzahlDefinition

extension UlmGenerator {
    // MARK: ProSoz Jugendhilfe

    mutating func jugendhilfe() -> [(String, [UInt8])] {
        var faelle = jugendhilfeBestand()
        UlmGenerator.nummeriere(&faelle, praefix: "JH-")
        let ambulant = ["27.2", "30", "31", "35a"], stationaer = ["33", "34", "35a"]
        let notizen = [
            "", "", "", "", "", "Hilfeplan fortgeschrieben; nächstes Gespräch im Herbst",
            "Fallübergabe aus anderem Sozialraum",
            "Mutter: \"läuft gut\"", "Hilfeplangespräch verschoben", "",
        ]
        for i in faelle.indices {
            let f = faelle[i]
            let alter = f.art >= 2 ? rng.zahl(14...17) : rng.zahl(0...16)
            let geburt = f.beginn.plus(tage: -(alter * 365 + rng.zahl(0...364)))
            let art = f.art % 2 == 0 ? rng.wahl(ambulant) : rng.wahl(stationaer)
            faelle[i].extra = [
                art, f.art % 2 == 0 ? "amb" : "stat", f.art >= 2 ? "J" : "N", geburt.deutsch, rng.wahl(notizen),
            ]
        }
        UlmGenerator.personen(&faelle, seed: seed)
        var dateien: [(String, [UInt8])] = []
        for q in UlmGenerator.exportQuartale {
            let quartal = UlmGenerator.quartal(q)
            var csv = CsvSchreiber(kopf: [
                "Fallnummer", "Personennummer", "Sozialraum", "Hilfeart", "Hilfeform", "UMA", "Hilfebeginn",
                "Hilfeende",
                "Geburtsdatum", "Bemerkung",
            ])
            for f in faelle.sorted(by: { $0.id < $1.id }) {
                let (zeigen, ende) = UlmGenerator.imExport(f, quartal)
                guard zeigen else { continue }
                csv.zeile([
                    f.id, f.extra[5], UlmGenerator.raumName(f.raum), f.extra[0], f.extra[1], f.extra[2],
                    f.beginn.deutsch, ende?.deutsch ?? "",
                    f.extra[3], f.extra[4],
                ])
            }
            if quartal.name == "2021-Q3" {
                csv.zeile([
                    "JH-900001", "P-900001", "Wiblngen", "31", "amb", "N", "02.08.2021", "", "14.03.2012",
                    "Sozialraum falsch erfasst",
                ])
            }
            dateien.append(("prosoz-jugendhilfe-\(quartal.name).csv", csv.bytes))
        }
        return dateien
    }

    /// The Jugendhilfe cases per area and category, matching the published stocks and the cases
    /// open during each year.
    mutating func jugendhilfeBestand() -> [Fall] {
        // Categories: 0 ambulant, 1 stationär, 2 UMA ambulant, 3 UMA stationär. Area 5 = none.
        let anker: [[Int]] = [
            [47, 78, 112, 95, 93, 0], [13, 22, 33, 28, 27, 0], [0, 0, 1, 1, 0, 3], [0, 0, 2, 1, 2, 14],
        ]
        // Cases open on some day of 2020, 2021, 2022 per area (HzE for JH-Z5).
        let imVerlauf: [[Int]] = [
            [100, 165, 245, 200, 190, 22], [105, 170, 250, 205, 208, 25], [108, 172, 255, 210, 205, 24],
        ]
        var faelle: [Fall] = []
        for raum in 0...5 {
            var s: [[Int]] = []
            for art in 0...3 {
                var r = reihe(anker[art][raum], trend: art == 0 ? 6 : 4, rauschen: 20)
                // Wiblingen: jump in Q4/2021
                if art == 1 && raum == 4 { for q in 0...7 { r[q] = (r[q] * 82 + 50) / 100 } }
                s.append(r)
            }
            var e: [[Int]] = [[], [], [], []]
            var jahresenden: [[Int]] = [[], [], [], []]
            for j in 0...2 {
                let ende = 4 * j + 4
                let bestand = (0...3).map { s[$0][ende] }.reduce(0, +)
                // Ends of the year across categories: at least each category's stock decrease,
                // the rest in proportion to the stock.
                let mindestens = (0...3).map { a in
                    (1...4).map { max(0, s[a][4 * j + $0 - 1] - s[a][4 * j + $0]) }.reduce(0, +)
                }
                let rest = imVerlauf[j][raum] - bestand - mindestens.reduce(0, +)
                precondition(rest >= 0, "sample generator: im-Verlauf target below the stock")
                let zusatz = verteile(rest, (0...3).map { s[$0][ende - 4] })
                for a in 0...3 { jahresenden[a].append(mindestens[a] + zusatz[a]) }
            }
            for a in 0...3 { e[a] = UlmGenerator.endenJeJahr(s[a], jahre: jahresenden[a]) }
            for a in 0...3 {
                faelle += bestandsfaelle(
                    s[a], e[a], raum: raum, art: a, fruehesterBeginn: Tag(jahr: 2016, monat: 1, tag: 1)!)
            }
        }
        return faelle
    }

    /// Person numbers: most young people have one Hilfe, about one in twelve a second one in the
    /// same Sozialraum (same birth date). A separate random stream, so the other data stays as it is.
    static func personen(_ faelle: inout [Fall], seed: UInt64) {
        var r = Zufall(seed: seed ^ 0x5045_5253_4F4E)
        var juengste: [Int: [Int]] = [:]
        var nummer = 0
        for i in faelle.indices.sorted(by: { faelle[$0].id < faelle[$1].id }) {
            let kandidaten = juengste[faelle[i].raum] ?? []
            if !kandidaten.isEmpty, faelle[i].art < 2, r.promille(85) {
                let andere = kandidaten[r.zahl(0...(kandidaten.count - 1))]
                faelle[i].extra.append(faelle[andere].extra[5])
                faelle[i].extra[3] = faelle[andere].extra[3]
            } else {
                nummer += 1
                let z = String(nummer)
                faelle[i].extra.append("P-" + String(repeating: "0", count: max(0, 6 - z.count)) + z)
            }
            juengste[faelle[i].raum, default: []].append(i)
            if (juengste[faelle[i].raum]?.count ?? 0) > 40 { juengste[faelle[i].raum]?.removeFirst() }
        }
    }
}
