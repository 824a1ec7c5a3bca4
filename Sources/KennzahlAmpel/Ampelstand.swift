import Foundation
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// The lights of every Kennzahl with Ampel rules, for every area, for the report period.
package struct Ampelstand: Sendable {
    private var lichter: [Schluessel: Licht] = [:]

    private struct Schluessel: Hashable {
        var kennzahl: Int
        var gebiet: Gebiet
    }

    package func licht(_ k: Int, _ g: Gebiet) -> Licht? { lichter[Schluessel(kennzahl: k, gebiet: g)] }

    /// Switches all lights from the evaluated values (each over its series of periods), then
    /// applies the manual switchings of the report period.
    package static func schalte(
        katalog: Katalog, auswertung: Auswertung, periode: Berichtsperiode,
        schaltungen: ManuelleSchaltungen = ManuelleSchaltungen()
    ) -> Ampelstand {
        let gebiete: [Gebiet] = [.gesamt] + katalog.sozialraeume.indices.map { .sozialraum($0) }
        let mitAmpel = katalog.kennzahlen.indices.filter { !katalog.kennzahlen[$0].ampel.isEmpty }
        // Each Kennzahl's lights are independent: switched on all cores, collected in order.
        let ablage = Ablage<[(Schluessel, Licht)]>(anzahl: mitAmpel.count)
        let naechste = Laufnummer()
        DispatchQueue.concurrentPerform(
            iterations: min(ProcessInfo.processInfo.activeProcessorCount, max(1, mitAmpel.count))
        ) { _ in
            while let n = naechste.weiter(bis: mitAmpel.count) {
                let i = mitAmpel[n]
                let k = katalog.kennzahlen[i]
                let plan = Zeitplan(rhythmus: k.rhythmus, periode: periode)
                let reihe = plan.ampelreihe
                let schritt = plan.vorquartal == nil ? "Jahren" : "Quartalen"
                var lichter: [(Schluessel, Licht)] = []
                for g in gebiete {
                    let werte = reihe.map { r in
                        Ampelwerte(
                            aktuell: auswertung.kennwert(i, r.zeitraum, g),
                            vorquartal: r.vorquartal.map { auswertung.kennwert(i, $0, g) },
                            vorjahr: auswertung.kennwert(i, r.vorjahr, g),
                            gesamtstadt: g == .gesamt ? nil : auswertung.kennwert(i, r.zeitraum, .gesamt))
                    }
                    guard var licht = Ampelschaltung.schalte(k, reihe: werte, schritt: schritt) else { continue }
                    if let s = schaltungen.schaltung(periode, i, g) {
                        licht.schaltung = s
                        licht.farbe = s.farbe
                        licht.begruendung =
                            "Von Hand auf \(s.farbe.wort) gesetzt (\(s.wer), \(s.datum.deutsch)): \(s.begruendung). Berechnet: \(licht.begruendung)"
                    }
                    lichter.append((Schluessel(kennzahl: i, gebiet: g), licht))
                }
                ablage.setze(n, lichter)
            }
        }
        var stand = Ampelstand()
        for (schluessel, licht) in ablage.alle.joined() { stand.lichter[schluessel] = licht }
        return stand
    }
}
