import KennzahlBasis
import KennzahlBericht
import KennzahlDefinition

extension UlmGenerator {
    // MARK: Population and households

    static let einwohner = [2020: 126_829, 2021: 127_431, 2022: 128_117]

    /// Age profile of a Sozialraum, in percent by age band (Böfingen young, Wiblingen old).
    static func profil(_ raum: Int, _ alter: Int) -> Int {
        let band = alter < 18 ? 0 : alter < 30 ? 1 : alter < 45 ? 2 : alter < 65 ? 3 : 4
        let tabelle = [
            [140, 85, 110, 95, 80], [95, 150, 100, 90, 85], [75, 130, 125, 95, 85], [100, 110, 105, 100, 95],
            [100, 80, 85, 105, 150],
        ]
        return tabelle[raum][band]
    }

    static func grundgewicht(_ a: Int) -> Int {
        switch a {
        case 0...5: return 100
        case 6...17: return 95
        case 18...24: return 130
        case 25...34: return 150
        case 35...64: return 135
        case 65...74: return 100
        case 75...84: return 80
        case 85...89: return 40
        case 90...94: return 18
        default: return 5
        }
    }

    mutating func bevoelkerung() -> [(String, [UInt8])] {
        var dateien: [(String, [UInt8])] = []
        let auslaender = [110, 230, 210, 250, 240]
        for jahr in 2020...2022 {
            let gesamt = UlmGenerator.einwohner[jahr] ?? 0
            let anteile = [1190 - (jahr - 2020) * 3, 1900, 2610 + (jahr - 2020) * 4, 2200, 2100 - (jahr - 2020)]
            var csv = CsvSchreiber(kopf: ["Stadtviertel", "Alter", "Geschlecht", "Staatsangehörigkeit", "Einwohner"])
            var hh = CsvSchreiber(kopf: ["Stadtviertel", "Haushaltstyp", "Haushalte"])
            for (raum, summeRaum) in verteile(gesamt, anteile).enumerated() {
                let viertel = UlmGenerator.viertel[raum]
                for (v, summeViertel) in verteile(summeRaum, viertel.map(\.1)).enumerated() {
                    var zellen: [(Int, String, String)] = []
                    var gewichte: [Int] = []
                    for alter in 0...99 {
                        for geschlecht in ["m", "w"] {
                            for deutsch in [true, false] {
                                let g = UlmGenerator.grundgewicht(alter) * UlmGenerator.profil(raum, alter)
                                let s =
                                    geschlecht == "w"
                                    ? (alter >= 80 ? 150 : alter >= 65 ? 115 : 100) : (alter < 18 ? 104 : 100)
                                let a = auslaender[raum] * (alter >= 65 ? 45 : 115) / 100
                                let o = deutsch ? 1000 - a : a
                                gewichte.append(g * s * o * (1000 + rng.zahl(-30...30)) / 1000)
                                zellen.append((alter, geschlecht, deutsch ? "D" : "A"))
                            }
                        }
                    }
                    let anzahl = verteile(summeViertel, gewichte)
                    var unter18 = 0
                    for (i, n) in anzahl.enumerated() where n > 0 {
                        csv.zeile([viertel[v].0, String(zellen[i].0), zellen[i].1, zellen[i].2, String(n)])
                        if zellen[i].0 < 18 { unter18 += n }
                    }
                    let haushalte = summeViertel * 100 / 195
                    let mitKindern = unter18 * 100 / 175
                    hh.zeile([viertel[v].0, "mit Kindern", String(mitKindern)])
                    hh.zeile([viertel[v].0, "ohne Kinder", String(haushalte - mitKindern)])
                }
            }
            dateien.append(("bevoelkerung-\(jahr).csv", csv.bytes))
            dateien.append(("haushalte-\(jahr).csv", hh.bytes))
        }
        return dateien
    }
}
