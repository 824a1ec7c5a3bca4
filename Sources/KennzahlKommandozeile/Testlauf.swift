import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition

/// Runs the planners' tests (`test` blocks): each test's fixture rows become small exports, the
/// Kennzahl is evaluated through the normal engine, and every expectation is compared.
enum Testlauf {
    package struct Ergebnis: Sendable {
        var test: Kennzahltest
        var kennzahl: String
        /// Empty when the test passed.
        var fehler: [Diagnose]

        var bestanden: Bool { fehler.isEmpty }
    }

    static func fuehreAus(_ katalog: Katalog) -> [Ergebnis] {
        katalog.tests.map { pruefe($0, katalog) }
    }

    static func pruefe(_ t: Kennzahltest, _ katalog: Katalog) -> Ergebnis {
        let k = katalog.kennzahlen[t.kennzahl]
        let titel = "Test „\(t.name)“ (\(k.id))"
        var fehler: [Diagnose] = []
        let ordner = NSTemporaryDirectory() + "kennzahl-test-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: ordner) }
        // Fixture rows → one small export per data block.
        var dateien = katalog.quellen.map { _ in [Exportdatei]() }
        var herkunft: [String: Testdaten] = [:]
        do {
            try FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
            for (n, d) in t.daten.enumerated() {
                let pfad = ordner + "/daten-\(n).csv"
                try Data((d.zeilen.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: pfad))
                let periode: Dateiperiode
                switch d.periode {
                case .quartal(let q)?: periode = .quartal(q)
                case .jahr(let j)?: periode = .jahr(j)
                case nil: periode = .alle
                }
                dateien[d.quelle].append(Exportdatei(pfad: pfad, periode: periode))
                herkunft[pfad] = d
            }
        } catch {
            return Ergebnis(
                test: t, kennzahl: k.id,
                fehler: [Diagnose(LaufMeldung.testdatenNichtSchreibbar(test: titel, grund: "\(error)"), ort: t.ort)])
        }
        for i in dateien.indices { dateien[i].sort { $0.periode < $1.periode } }
        let bestand = Datenbestand(ordner: ordner, dateien: dateien, stand: nil)
        // The tested Kennzahl and every other one an expectation names.
        var beteiligt = [t.kennzahl]
        for e in t.erwartungen where !beteiligt.contains(e.kennzahl) { beteiligt.append(e.kennzahl) }
        let anfragen = beteiligt.flatMap { i in
            Zeitplan(rhythmus: katalog.kennzahlen[i].rhythmus, periode: t.periode).alle.map { (i, $0) }
        }
        let (a, diagnosen) = Auswerter.werteAus(katalog: katalog, bestand: bestand, anfragen: anfragen)
        // Problems in the fixture rows are the test's own errors, shown at its data block.
        for d in diagnosen {
            guard let pfad = d.ort?.datei, let block = herkunft[pfad] else { continue }
            fehler.append(
                Diagnose(
                    LaufMeldung.testdatenFehlerhaft(test: titel, text: d.text, zeile: d.ort?.zeile), ort: block.ort,
                    hinweis: d.hinweis))
        }
        // The same lights as in the reports: over the series, beside the city.
        let ampel = Ampelstand.schalte(katalog: katalog, auswertung: a, periode: t.periode)
        for (i, erwartung, ort) in t.erwartungen {
            let kz = katalog.kennzahlen[i]
            let aktuell = a.kennwert(i, Zeitplan(rhythmus: kz.rhythmus, periode: t.periode).aktuell, t.gebiet)
            if let abweichung = vergleiche(erwartung, kz, aktuell, ampel.licht(i, t.gebiet)) {
                fehler.append(
                    Diagnose(
                        LaufMeldung.testAbweichung(
                            test: titel, kennzahl: i == t.kennzahl ? nil : kz.id, abweichung: abweichung), ort: ort))
            }
        }
        return Ergebnis(test: t, kennzahl: k.id, fehler: fehler)
    }

    /// nil when the expectation holds, otherwise a German sentence saying what differs.
    static func vergleiche(_ e: Erwartung, _ k: Kennzahl, _ w: Kennwert, _ licht: Licht?) -> String? {
        func zahl(_ b: Bruch?, _ d: Int) -> String {
            b.map { Zahlformat.mitEinheit($0, k.einheit, dezimalen: d) } ?? Datenqualitaet.wortwert(w, k)
        }
        switch e {
        case .wert(let z):
            // Compared as the report shows it: at the Kennzahl's decimals.
            guard let v = w.wert else {
                return "Wert erwartet \(zahl(z.wert, k.dezimalen)), berechnet \(Datenqualitaet.wortwert(w, k))"
            }
            let ist = Zahlformat.deutsch(v, dezimalen: k.dezimalen),
                soll = Zahlformat.deutsch(z.wert, dezimalen: k.dezimalen)
            return ist == soll ? nil : "Wert erwartet \(zahl(z.wert, k.dezimalen)), berechnet \(zahl(v, k.dezimalen))"
        case .zaehler(let z):
            return w.zaehler == z.wert
                ? nil
                : "Zähler erwartet \(Zahlformat.knapp(z.wert)), berechnet \(w.zaehler.map(Zahlformat.knapp) ?? "keiner")"
        case .nenner(let z):
            return w.nenner == z.wert
                ? nil
                : "Nenner erwartet \(Zahlformat.knapp(z.wert)), berechnet \(w.nenner.map(Zahlformat.knapp) ?? "keiner")"
        case .ampel(let f):
            guard let l = licht else { return "Ampel erwartet \(f.wort), die Kennzahl hat keine Ampelregeln" }
            return l.farbe == f ? nil : "Ampel erwartet \(f.wort), geschaltet \(l.farbe.wort) – \(l.begruendung.text)"
        case .zielwertErreicht(let soll):
            let ist = Zielerreichung.bewerte(k.zielwert, w)
            let erwartet: Zielerreichung = soll ? .erreicht : .nichtErreicht
            return ist == erwartet
                ? nil
                : "Zielwert erwartet „\(erwartet.text)“, berechnet „\(ist.text)“ (Wert \(Datenqualitaet.wortwert(w, k)))"
        case .keinWert:
            return w.zustand == .nennerNull
                ? nil : "erwartet kein Wert (Nenner 0), berechnet \(Datenqualitaet.wortwert(w, k))"
        }
    }
}
