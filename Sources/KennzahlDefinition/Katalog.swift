import KennzahlBasis

/// The checked Kennzahlen catalogue: what the planners declared, with every name resolved.
package struct Katalog: Sendable {
    package var name: String
    /// Name of the whole city in reports, e.g. "SO-Gesamt".
    package var gesamtName: String
    /// Label for cases without a Sozialraum (no fixed address, central team).
    package var ohneZuordnungName: String
    package var sozialraeume: [Sozialraum]
    package var produkte: [Produkt]
    package var arbeitsfelder: [Arbeitsfeld]
    package var ziele: [Ziel]
    package var quellen: [Quelle]
    package var zaehlungen: [Zaehlung]
    package var kennzahlen: [Kennzahl]
    /// The planners' tests (`test` blocks), run by `kennzahl test`.
    package var tests: [Kennzahltest] = []
    package var einwohnerQuelle: Int?
    /// Counts below this are suppressed in public reports (Geheimhaltung); a Kennzahl may set its own.
    package var mindestfallzahl: Int
    /// The geometry of the Sozialräume for maps, if the catalogue names one.
    package var karte: Kartenangabe?
    /// The Kennzahlen (indices) in an order where each comes after those it refers to: evaluating
    /// in this order needs no recursion along chains of references.
    package var reihenfolge: [Int] = []
    /// Index of each Kennzahl by id.
    var indexJeId: [String: Int] = [:]

    package func index(id: String) -> Int? { indexJeId[id] }
    package func kennzahl(id: String) -> Kennzahl? { indexJeId[id].map { kennzahlen[$0] } }
    package func produkt(_ nummer: Int) -> Produkt? { produkte.first { $0.nummer == nummer } }

    /// The folder name of an area's reports (`gesamt`, `ohne-zuordnung`, the Sozialraum's slug).
    package func slug(_ g: Gebiet) -> String {
        switch g {
        case .gesamt: return "gesamt"
        case .sozialraum(let i): return sozialraeume[i].slug
        case .ohneZuordnung: return "ohne-zuordnung"
        }
    }
    package func arbeitsfeld(_ kuerzel: String) -> Arbeitsfeld? { arbeitsfelder.first { $0.kuerzel == kuerzel } }
    package func ziel(_ nummer: Int) -> Ziel? { ziele.first { $0.nummer == nummer } }
}

package struct Sozialraum: Hashable, Sendable {
    package var name: String
    /// ASCII folder name, e.g. `mitte-ost`.
    package var slug: String
    /// Further spellings and codes the exports use for this Sozialraum.
    package var codes: [String]
    package var stadtviertel: [String]
}

package struct Produkt: Hashable, Sendable {
    package var nummer: Int
    package var titel: String
    /// The Ampel overview Produkt (Ulm's Produkt 4).
    package var istAmpel: Bool
    package var dateiname: String { "produkt-\(nummer)" }
}

package struct Arbeitsfeld: Hashable, Sendable {
    package var kuerzel: String
    package var name: String
}

package struct Ziel: Hashable, Sendable {
    package var nummer: Int
    package var text: String
}

package enum Kodierung: String, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case iso885915 = "iso-8859-15"
}

/// Which column tells the Sozialraum of a row.
package enum GebietsSpalte: Hashable, Sendable {
    case sozialraum(String)
    case stadtviertel(String)
    /// The source delivers figures for the whole city only.
    case keine
}

package struct Feld: Sendable {
    package var name: String
    package var spalte: String
    package var typ: FeldTyp
    /// Export value → catalogue value. Empty: values are taken as they are.
    package var werte: [String: String]
    /// The catalogue values in declaration order (closed vocabulary when `werte` is not empty).
    package var zielwerte: [String]
}

/// A data source: which files, which columns mean what.
package struct Quelle: Sendable {
    package var id: String
    package var titel: String
    package var art: QuellenArt
    /// File name pattern relative to the data folder, with `{quartal}` or `{jahr}` for the period.
    package var dateimuster: String
    package var kodierung: Kodierung?
    package var idSpalte: String?
    package var gebiet: GebietsSpalte
    package var beginnSpalte: String?
    package var endeSpalte: String?
    package var anzahlSpalte: String?
    /// Birth date column: filters on `alter` then mean the age at the period's Stichtag.
    package var geburtsdatumSpalte: String?
    package var felder: [Feld]
    package var ort: Ort
    /// Where each column name is declared, for diagnostics about the real files.
    package var spaltenOrte: [String: Ort] = [:]

    func feldIndex(_ name: String) -> Int? { felder.firstIndex { $0.name == name } }
}

/// A test a row must pass to be counted.
package enum Pruefung: Hashable, Sendable {
    /// Text equal to one of the values (`=`, `in`) or, negated, to none (`!=`, `nicht in`).
    case inMenge([String], negiert: Bool)
    case zahl(Vergleich, Bruch)
    case zahlZwischen(Bruch, Bruch)
    case tag(Vergleich, Tag)
    case tagZwischen(Tag, Tag)
    case leer(negiert: Bool)
}

/// A checked row filter over a source's fields (by index).
package indirect enum Bedingung: Hashable, Sendable {
    case atom(feld: Int, Pruefung)
    /// Age in whole years at the Stichtag of the counted period, from the birth date column.
    case alter(Pruefung)
    case und(Bedingung, Bedingung)
    case oder(Bedingung, Bedingung)
    case nicht(Bedingung)
}

/// One counting over one source: what the evaluator tallies in its single pass.
package struct Zaehlung: Hashable, Sendable {
    package enum Art: Hashable, Sendable {
        /// Number of cases (case lists) – each case once per period.
        case anzahl
        /// Number of distinct non-empty values of a field (index) among the counted cases.
        case verschieden(Int)
        /// Sum of a numeric field (index), or of the count column of a count source (nil).
        case summe(Int?)
    }

    package var quelle: Int
    package var art: Art
    package var bedingung: Bedingung?
    package var regel: Zaehlregel
}

extension Bedingung {
    /// True when the filter looks at the age at the Stichtag, so its result depends on the period.
    package var haengtVomStichtagAb: Bool {
        switch self {
        case .atom: return false
        case .alter: return true
        case .und(let a, let b), .oder(let a, let b): return a.haengtVomStichtagAb || b.haengtVomStichtagAb
        case .nicht(let a): return a.haengtVomStichtagAb
        }
    }
}

/// Arithmetic over counts, numbers and other Kennzahlen.
package indirect enum Term: Sendable {
    case zahl(Bruch)
    case zaehlung(Int)
    case kennzahl(Int)
    case rechnung(Rechenart, Term, Term)
    case funktion(Funktion, [Term])
    /// A share of the year given by the period (see `Zeitanteil`).
    case anteil(Zeitanteil)
}

package enum Formel: Sendable {
    /// A value on its own (a count, a sum, arithmetic of Kennzahlen).
    case wert(Term)
    /// Numerator over denominator, scaled by the unit (×100 for Prozent, ×1.000 for je 1.000 EW).
    case verhaeltnis(zaehler: Term, nenner: Term)
}

package enum Zielwert: Sendable {
    case mindestens(Bruch)
    case hoechstens(Bruch)
    case zwischen(Bruch, Bruch)
}

package struct AmpelBedingung: Sendable {
    package var groesse: Groesse
    package var vergleich: Vergleich
    package var schwelle: Bruch
    package var relativ: Bool
}

package struct AmpelRegel: Sendable {
    package var farbe: Ampelfarbe
    package var bedingungen: [AmpelBedingung]
    /// The conditions must hold in this many periods in a row (1: only now).
    package var seit: Int = 1
    /// The rule as the planner wrote it.
    package var text: String
}

package struct Kennzahl: Sendable {
    package var id: String
    package var name: String
    package var produkt: Int
    package var bereich: String?
    package var arbeitsfeld: String?
    package var ziel: Int?
    package var quelle: String?
    package var definition: String
    package var verantwortlich: String?
    package var fussnote: String?
    package var formel: Formel
    /// The formula as written, per part ("wert", "zaehler", "nenner").
    package var formelText: [(teil: String, text: String)]
    package var rhythmus: Rhythmus
    package var regel: Zaehlregel
    package var einheit: Einheit
    package var dezimalen: Int
    /// The catalogue's minimum unless the Kennzahl sets its own.
    package var mindestfallzahl: Int
    package var zielwert: Zielwert?
    package var ampel: [AmpelRegel]
    /// After a red or yellow period the light gets better only when these conditions hold.
    package var entwarnung: [AmpelBedingung] = []
    package var entwarnungText: String?
    package var richtung: Richtung = .abweichung
    /// The city's value is the sum of the areas' values (e.g. bonuses per area), not the formula
    /// applied to the city's inputs.
    package var gesamtAlsSumme = false
    package var ort: Ort

    /// True when the Kennzahl is a ratio (numerator over denominator).
    package var istVerhaeltnis: Bool {
        if case .verhaeltnis = formel { return true }
        return false
    }
}

/// A planner's test of a Kennzahl: fixture rows and the expected results.
package struct Kennzahltest: Sendable {
    package var kennzahl: Int
    package var name: String
    package var periode: Berichtsperiode
    /// `.gesamt` or a Sozialraum.
    package var gebiet: Gebiet
    package var daten: [Testdaten]
    /// Each expectation with the Kennzahl it is about (the tested one or another).
    package var erwartungen: [(kennzahl: Int, erwartung: Erwartung, ort: Ort)]
    package var ort: Ort
}

package struct Testdaten: Sendable {
    package var quelle: Int
    /// nil: the rows stand for all periods.
    package var periode: Berichtsperiode?
    package var zeilen: [String]
    package var ort: Ort
}

/// Where the maps' geometry is: a GeoJSON file, the feature property that names the Sozialraum,
/// and whether the shapes are only schematic (the sample catalogues' made-up ones).
package struct Kartenangabe: Sendable, Equatable {
    /// The file as found from the catalogue file's folder.
    package var datei: String
    package var eigenschaft: String
    package var schematisch: Bool
}
