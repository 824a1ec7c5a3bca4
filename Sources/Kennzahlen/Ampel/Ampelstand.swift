/// The lights of every Kennzahl with Ampel rules, for every area, for the report period.
public struct Ampelstand: Sendable {
    private var lichter: [Schluessel: Licht] = [:]

    private struct Schluessel: Hashable {
        var kennzahl: Int
        var gebiet: Gebiet
    }

    public func licht(_ k: Int, _ g: Gebiet) -> Licht? { lichter[Schluessel(kennzahl: k, gebiet: g)] }

    /// Switches all lights from the evaluated values.
    public static func schalte(katalog: Katalog, auswertung: Auswertung, periode: Berichtsperiode) -> Ampelstand {
        var stand = Ampelstand()
        let gebiete: [Gebiet] = [.gesamt] + katalog.sozialraeume.indices.map { .sozialraum($0) }
        for (i, k) in katalog.kennzahlen.enumerated() where !k.ampel.isEmpty {
            let plan = Zeitplan(rhythmus: k.rhythmus, periode: periode)
            for g in gebiete {
                let aktuell = auswertung.kennwert(i, plan.aktuell, g)
                let vq = plan.vorquartal.map { auswertung.kennwert(i, $0, g) }
                let vj = auswertung.kennwert(i, plan.vorjahr, g)
                if let l = Ampelschaltung.schalte(k, aktuell: aktuell, vorquartal: vq, vorjahr: vj) {
                    stand.lichter[Schluessel(kennzahl: i, gebiet: g)] = l
                }
            }
        }
        return stand
    }
}
