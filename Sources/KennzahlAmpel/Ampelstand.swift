import Foundation
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// The lights of every Kennzahl with Ampel rules, for every area, for the report period.
package struct Ampelstand: Sendable {
    private var lichter: [Schluessel: Licht] = [:]

    /// No lights (a set without Ampel rules).
    package init() {}

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
        schalte(katalog: katalog, periode: periode, schaltungen: schaltungen) { auswertung.kennwert($0, $1, $2) }
    }

    /// The same from any source of values: a public set switches its lights on the values as it
    /// shows them (`Geheimhaltung`).
    package static func schalte(
        katalog: Katalog, periode: Berichtsperiode, schaltungen: ManuelleSchaltungen = ManuelleSchaltungen(),
        werte kennwert: @Sendable (Int, Zeitraum, Gebiet) -> Kennwert
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
                var lichter: [(Schluessel, Licht)] = []
                for g in gebiete {
                    guard let licht = Ampelstand.licht(katalog, i, g, periode, schaltungen, kennwert) else { continue }
                    lichter.append((Schluessel(kennzahl: i, gebiet: g), licht))
                }
                ablage.setze(n, lichter)
            }
        }
        var stand = Ampelstand()
        for (schluessel, licht) in ablage.alle.joined() { stand.lichter[schluessel] = licht }
        return stand
    }

    /// One light: the Kennzahl's series for the area, switched by the rules, then by hand.
    package static func licht(
        _ katalog: Katalog, _ i: Int, _ g: Gebiet, _ periode: Berichtsperiode, _ schaltungen: ManuelleSchaltungen,
        _ kennwert: (Int, Zeitraum, Gebiet) -> Kennwert
    ) -> Licht? {
        let k = katalog.kennzahlen[i]
        let plan = Zeitplan(rhythmus: k.rhythmus, periode: periode)
        let schritt = plan.vorquartal == nil ? "Jahren" : "Quartalen"
        let werte = plan.ampelreihe.map { r in
            Ampelwerte(
                aktuell: kennwert(i, r.zeitraum, g),
                vorquartal: r.vorquartal.map { kennwert(i, $0, g) },
                vorjahr: kennwert(i, r.vorjahr, g),
                gesamtstadt: g == .gesamt ? nil : kennwert(i, r.zeitraum, .gesamt))
        }
        guard var licht = Ampelschaltung.schalte(k, reihe: werte, schritt: schritt) else { return nil }
        if let s = schaltungen.schaltung(periode, i, g) {
            licht.schaltung = s
            licht.farbe = s.farbe
            licht.begruendung =
                "Von Hand auf \(s.farbe.wort) gesetzt (\(s.wer), \(s.datum.deutsch)): \(s.begruendung). Berechnet: \(licht.begruendung)"
        }
        return licht
    }

    /// Lights a public set does not show (`Geheimhaltung`: their colour would give a withheld
    /// value away); reports print "○ nicht ausgewiesen".
    package private(set) var verborgen: Set<Gebietslicht> = []

    /// A light by Kennzahl (index) and area.
    package struct Gebietslicht: Hashable, Sendable {
        package var kennzahl: Int
        package var gebiet: Gebiet
        package init(kennzahl: Int, gebiet: Gebiet) {
            self.kennzahl = kennzahl
            self.gebiet = gebiet
        }
    }

    /// Whether a public set withholds this light.
    package func istVerborgen(_ k: Int, _ g: Gebiet) -> Bool {
        verborgen.contains(Gebietslicht(kennzahl: k, gebiet: g))
    }

    /// The same lights with `lichter` withheld (removed, and marked as withheld).
    package func ohne(_ lichter: Set<Gebietslicht>) -> Ampelstand {
        var s = self
        for l in lichter where s.lichter.removeValue(forKey: Schluessel(kennzahl: l.kennzahl, gebiet: l.gebiet)) != nil
        {
            s.verborgen.insert(l)
        }
        return s
    }
}
