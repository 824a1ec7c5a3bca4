import Foundation
import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// A light switched by hand by the Fachkoordination, with reason, who and when.
package struct ManuelleSchaltung: Sendable, Equatable {
    package var farbe: Ampelfarbe
    var begruendung: String
    package var wer: String
    package var datum: Tag
    var ort: Ort
}

/// The manual switchings of a catalogue: one file per period in the definitions folder,
/// `ampel-2021-Q4.csv` (or `ampel-2021.csv`), with the columns
/// `Kennzahl;Sozialraum;Farbe;Begründung;Wer;Datum`.
package struct ManuelleSchaltungen: Sendable {
    struct Schluessel: Hashable {
        var periode: Berichtsperiode
        var kennzahl: Int
        var gebiet: Gebiet
    }

    private var eintraege: [Schluessel: ManuelleSchaltung] = [:]
    /// The periods that have a file.
    package private(set) var perioden: [Berichtsperiode] = []

    init() {}

    func schaltung(_ periode: Berichtsperiode, _ kennzahl: Int, _ gebiet: Gebiet) -> ManuelleSchaltung? {
        eintraege[Schluessel(periode: periode, kennzahl: kennzahl, gebiet: gebiet)]
    }

    static let spalten = ["Kennzahl", "Sozialraum", "Farbe", "Begründung", "Wer", "Datum"]

    /// Reads every `ampel-*.csv` of a definitions folder. `daten`: the quarters the data cover;
    /// a file for a period outside them is an error (nil: not checked, e.g. `check` without data).
    package static func lade(ordner: String, katalog: Katalog, daten: ClosedRange<Int>?) -> (
        ManuelleSchaltungen, [Diagnose]
    ) {
        var ergebnis = ManuelleSchaltungen()
        var diagnosen: [Diagnose] = []
        guard Dateisystem.istOrdner(ordner), case .success(let namen) = Dateisystem.inhalt(ordner) else {
            return (ergebnis, [])
        }
        for name in namen where name.hasPrefix("ampel-") && name.lowercased().hasSuffix(".csv") {
            let pfad = Pfad.verbinde(ordner, name)
            let mitte = String(name.dropFirst("ampel-".count).dropLast(".csv".count))
            guard let periode = Berichtsperiode.parse(mitte) else {
                diagnosen.append(
                    Diagnose(AmpelMeldung.dateinameOhneZeitraum, ort: Ort(datei: pfad)))
                continue
            }
            if let d = daten {
                let spanne: ClosedRange<Int>
                switch periode {
                case .quartal(let q): spanne = q.index...q.index
                case .jahr(let j): spanne = (j * 4)...(j * 4 + 3)
                }
                if !d.overlaps(spanne) {
                    diagnosen.append(
                        Diagnose(
                            AmpelMeldung.zeitraumOhneDaten(
                                periode: periode.deutsch, von: Quartal(index: d.lowerBound).kurz,
                                bis: Quartal(index: d.upperBound).kurz), ort: Ort(datei: pfad, zeile: 1)))
                    continue
                }
            }
            ergebnis.perioden.append(periode)
            diagnosen += lies(pfad, periode: periode, katalog: katalog, in: &ergebnis)
        }
        return (ergebnis, diagnosen)
    }

    private static func lies(
        _ pfad: String, periode: Berichtsperiode, katalog: Katalog, in ergebnis: inout ManuelleSchaltungen
    ) -> [Diagnose] {
        let zeilen: [(Int, [String], String?)], index: [String: Int]
        switch tabelle(pfad) {
        case .failure(let fehler): return fehler.diagnosen
        case .success(let t): (zeilen, index) = t
        }
        var diagnosen: [Diagnose] = []
        func feld(_ z: [String], _ s: String) -> String { index[s].flatMap { $0 < z.count ? z[$0] : nil } ?? "" }
        let gebiete = Gebietsverzeichnis(katalog)
        for (nummer, z, problem) in zeilen.dropFirst() {
            let ort = Ort(datei: pfad, zeile: nummer)
            if let problem {
                diagnosen.append(Diagnose(AmpelMeldung.zeileFehlerhaft(grund: problem), ort: ort))
                continue
            }
            let id = feld(z, "Kennzahl")
            guard let k = katalog.index(id: id) else {
                diagnosen.append(
                    Diagnose(
                        AmpelMeldung.unbekannteKennzahl(id: id), ort: ort,
                        hinweis: Aehnlichkeit.vorschlag(fuer: id, aus: katalog.kennzahlen.map(\.id)).map {
                            "meinten Sie '\($0)'?"
                        }))
                continue
            }
            if katalog.kennzahlen[k].ampel.isEmpty {
                diagnosen.append(
                    Diagnose(AmpelMeldung.keineAmpelregeln(id: id), ort: ort))
                continue
            }
            let raum = feld(z, "Sozialraum")
            guard let gebiet = gebiet(raum, katalog: katalog, gebiete: gebiete, ort: ort, &diagnosen) else { continue }
            let farbwort = Schreibweise.normalisiert(feld(z, "Farbe"))
            guard let farbe = Ampelfarbe(rawValue: farbwort) else {
                diagnosen.append(
                    Diagnose(
                        AmpelMeldung.unbekannteFarbe(farbe: feld(z, "Farbe")), ort: ort,
                        hinweis: Aehnlichkeit.vorschlag(fuer: farbwort, aus: ["rot", "gelb", "gruen", "grau"]).map {
                            "meinten Sie '\($0)'?"
                        }))
                continue
            }
            let begruendung = feld(z, "Begründung"), wer = feld(z, "Wer")
            guard !begruendung.isEmpty else {
                diagnosen.append(
                    Diagnose(AmpelMeldung.ohneBegruendung, ort: ort))
                continue
            }
            guard !wer.isEmpty else {
                diagnosen.append(
                    Diagnose(AmpelMeldung.ohneWer, ort: ort))
                continue
            }
            guard let datum = DatumLeser.tag(aus: feld(z, "Datum")) else {
                diagnosen.append(Diagnose(AmpelMeldung.datumUnlesbar(datum: feld(z, "Datum")), ort: ort))
                continue
            }
            let schluessel = Schluessel(periode: periode, kennzahl: k, gebiet: gebiet)
            if let frueher = ergebnis.eintraege[schluessel] {
                diagnosen.append(
                    Diagnose(
                        AmpelMeldung.doppelt(
                            id: id, gebiet: raum.isEmpty ? katalog.gesamtName : raum, zeile: frueher.ort.zeile ?? 0),
                        ort: ort))
                continue
            }
            ergebnis.eintraege[schluessel] = ManuelleSchaltung(
                farbe: farbe, begruendung: begruendung, wer: wer, datum: datum, ort: ort)
        }
        return diagnosen
    }

    private struct Tabellenfehler: Error {
        var diagnosen: [Diagnose]
    }

    /// The rows of an override file (line number, fields, problem) and where its columns are.
    private static func tabelle(_ pfad: String) -> Result<([(Int, [String], String?)], [String: Int]), Tabellenfehler> {
        let daten: [UInt8]
        switch Dateisystem.lies(pfad, grenze: 16 << 20) {
        case .failure(let p):
            return .failure(
                Tabellenfehler(diagnosen: [
                    Diagnose(AmpelMeldung.dateiNichtLesbar(grund: p.text), ort: Ort(datei: pfad))
                ]))
        case .success(let d): daten = d
        }
        guard case .success(let e) = Textkodierung.nachUTF8(daten, erklaert: nil) else {
            return .failure(
                Tabellenfehler(diagnosen: [
                    Diagnose(AmpelMeldung.utf16, ort: Ort(datei: pfad))
                ]))
        }
        let zeilen = CsvZerleger.zeilenAlsText(e.bytes).map { ($0.zeile, $0.felder, $0.problem) }
        guard let kopf = zeilen.first else {
            return .failure(Tabellenfehler(diagnosen: [Diagnose(AmpelMeldung.dateiLeer, ort: Ort(datei: pfad))]))
        }
        var diagnosen: [Diagnose] = []
        var index: [String: Int] = [:]
        for s in spalten {
            if let i = kopf.1.firstIndex(where: { Schreibweise.vergleichsform($0) == Schreibweise.vergleichsform(s) }) {
                index[s] = i
            } else {
                diagnosen.append(
                    Diagnose(
                        AmpelMeldung.spalteFehlt(
                            spalte: s, vorhanden: kopf.1.map { "'\($0)'" }.joined(separator: ", ")),
                        ort: Ort(datei: pfad, zeile: kopf.0),
                        hinweis: Aehnlichkeit.vorschlag(fuer: s, aus: kopf.1).map { "meinten Sie '\($0)'?" }))
            }
        }
        guard diagnosen.isEmpty else { return .failure(Tabellenfehler(diagnosen: diagnosen)) }
        return .success((zeilen, index))
    }

    /// The area a row names: empty or the city's name for the city, else a Sozialraum.
    private static func gebiet(
        _ raum: String, katalog: Katalog, gebiete: Gebietsverzeichnis, ort: Ort, _ diagnosen: inout [Diagnose]
    ) -> Gebiet? {
        if raum.isEmpty
            || ["gesamt", "gesamtstadt", Schreibweise.vergleichsform(katalog.gesamtName)].contains(
                Schreibweise.vergleichsform(raum))
        {
            return .gesamt
        } else if let i = gebiete.sozialraum(raum) {
            return .sozialraum(i)
        } else {
            diagnosen.append(
                Diagnose(
                    AmpelMeldung.unbekannterSozialraum(raum: raum, gesamtName: katalog.gesamtName), ort: ort,
                    hinweis: Aehnlichkeit.vorschlag(fuer: raum, aus: gebiete.alleNamen + [katalog.gesamtName]).map {
                        "meinten Sie '\($0)'?"
                    }))
            return nil
        }
    }
}
