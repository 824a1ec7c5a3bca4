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

    package init() {}

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
        let tabelle: Kopftabelle
        switch Kopftabelle.lies(pfad, spalten: spalten) {
        case .failure(let problem): return diagnosen(problem, pfad)
        case .success(let t): tabelle = t
        }
        var diagnosen: [Diagnose] = []
        let feld = tabelle.feld
        let gebiete = Gebietsverzeichnis(katalog)
        for z in tabelle.zeilen {
            let ort = Ort(datei: pfad, zeile: z.nummer)
            if let problem = z.problem {
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

    /// The messages for a file without a usable table.
    private static func diagnosen(_ problem: Kopftabelle.Problem, _ pfad: String) -> [Diagnose] {
        switch problem {
        case .nichtLesbar(let grund):
            return [Diagnose(AmpelMeldung.dateiNichtLesbar(grund: grund), ort: Ort(datei: pfad))]
        case .utf16: return [Diagnose(AmpelMeldung.utf16, ort: Ort(datei: pfad))]
        case .leer: return [Diagnose(AmpelMeldung.dateiLeer, ort: Ort(datei: pfad))]
        case .spaltenFehlen(let fehlen, let kopf, let kopfzeile):
            return fehlen.map { s in
                Diagnose(
                    AmpelMeldung.spalteFehlt(spalte: s, vorhanden: kopf.map { "'\($0)'" }.joined(separator: ", ")),
                    ort: Ort(datei: pfad, zeile: kopfzeile),
                    hinweis: Aehnlichkeit.vorschlag(fuer: s, aus: kopf).map { "meinten Sie '\($0)'?" })
            }
        }
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
