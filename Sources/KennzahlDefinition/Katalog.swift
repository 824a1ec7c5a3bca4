import KennzahlBasis

/// The checked Kennzahlen catalogue: what the planners declared, with every name resolved.
public struct Katalog: Sendable {
    public var name: String
    /// Name of the whole city in reports, e.g. "SO-Gesamt".
    public var gesamtName: String
    /// Label for cases without a Sozialraum (no fixed address, central team).
    public var ohneZuordnungName: String
    public var sozialraeume: [Sozialraum]
    public var produkte: [Produkt]
    public var arbeitsfelder: [Arbeitsfeld]
    public var ziele: [Ziel]
    public var quellen: [Quelle]
    public var zaehlungen: [Zaehlung]
    public var kennzahlen: [Kennzahl]
    /// The planners' tests (`test` blocks), run by `kennzahl test`.
    public var tests: [Kennzahltest] = []
    public var einwohnerQuelle: Int?
    /// Counts below this are suppressed in public reports (Geheimhaltung); a Kennzahl may set its own.
    public var mindestfallzahl: Int
    /// The Kennzahlen (indices) in an order where each comes after those it refers to: evaluating
    /// in this order needs no recursion along chains of references.
    public var reihenfolge: [Int] = []
    /// Index of each Kennzahl by id.
    var indexJeId: [String: Int] = [:]

    public func index(id: String) -> Int? { indexJeId[id] }
    public func kennzahl(id: String) -> Kennzahl? { indexJeId[id].map { kennzahlen[$0] } }
    public func produkt(_ nummer: Int) -> Produkt? { produkte.first { $0.nummer == nummer } }
    public func arbeitsfeld(_ kuerzel: String) -> Arbeitsfeld? { arbeitsfelder.first { $0.kuerzel == kuerzel } }
    public func ziel(_ nummer: Int) -> Ziel? { ziele.first { $0.nummer == nummer } }
}

public struct Sozialraum: Hashable, Sendable {
    public var name: String
    /// ASCII folder name, e.g. `mitte-ost`.
    public var slug: String
    /// Further spellings and codes the exports use for this Sozialraum.
    public var codes: [String]
    public var stadtviertel: [String]
}

public struct Produkt: Hashable, Sendable {
    public var nummer: Int
    public var titel: String
    /// The Ampel overview Produkt (Ulm's Produkt 4).
    public var istAmpel: Bool
    public var dateiname: String { "produkt-\(nummer)" }
}

public struct Arbeitsfeld: Hashable, Sendable {
    public var kuerzel: String
    public var name: String
}

public struct Ziel: Hashable, Sendable {
    public var nummer: Int
    public var text: String
}

public enum Kodierung: String, Sendable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"
    case iso885915 = "iso-8859-15"
}

/// Which column tells the Sozialraum of a row.
public enum GebietsSpalte: Hashable, Sendable {
    case sozialraum(String)
    case stadtviertel(String)
    /// The source delivers figures for the whole city only.
    case keine
}

public struct Feld: Sendable {
    public var name: String
    public var spalte: String
    public var typ: FeldTyp
    /// Export value → catalogue value. Empty: values are taken as they are.
    public var werte: [String: String]
    /// The catalogue values in declaration order (closed vocabulary when `werte` is not empty).
    public var zielwerte: [String]
}

/// A data source: which files, which columns mean what.
public struct Quelle: Sendable {
    public var id: String
    public var titel: String
    public var art: QuellenArt
    /// File name pattern relative to the data folder, with `{quartal}` or `{jahr}` for the period.
    public var dateimuster: String
    public var kodierung: Kodierung?
    public var idSpalte: String?
    public var gebiet: GebietsSpalte
    public var beginnSpalte: String?
    public var endeSpalte: String?
    public var anzahlSpalte: String?
    /// Birth date column: filters on `alter` then mean the age at the period's Stichtag.
    public var geburtsdatumSpalte: String?
    public var felder: [Feld]
    public var ort: Ort
    /// Where each column name is declared, for diagnostics about the real files.
    public var spaltenOrte: [String: Ort] = [:]

    public func feldIndex(_ name: String) -> Int? { felder.firstIndex { $0.name == name } }
}

/// A test a row must pass to be counted.
public enum Pruefung: Hashable, Sendable {
    /// Text equal to one of the values (`=`, `in`) or, negated, to none (`!=`, `nicht in`).
    case inMenge([String], negiert: Bool)
    case zahl(Vergleich, Bruch)
    case zahlZwischen(Bruch, Bruch)
    case tag(Vergleich, Tag)
    case tagZwischen(Tag, Tag)
    case leer(negiert: Bool)
}

/// A checked row filter over a source's fields (by index).
public indirect enum Bedingung: Hashable, Sendable {
    case atom(feld: Int, Pruefung)
    /// Age in whole years at the Stichtag of the counted period, from the birth date column.
    case alter(Pruefung)
    case und(Bedingung, Bedingung)
    case oder(Bedingung, Bedingung)
    case nicht(Bedingung)
}

/// One counting over one source: what the evaluator tallies in its single pass.
public struct Zaehlung: Hashable, Sendable {
    public enum Art: Hashable, Sendable {
        /// Number of cases (case lists) – each case once per period.
        case anzahl
        /// Number of distinct non-empty values of a field (index) among the counted cases.
        case verschieden(Int)
        /// Sum of a numeric field (index), or of the count column of a count source (nil).
        case summe(Int?)
    }

    public var quelle: Int
    public var art: Art
    public var bedingung: Bedingung?
    public var regel: Zaehlregel
}

extension Bedingung {
    /// True when the filter looks at the age at the Stichtag, so its result depends on the period.
    public var haengtVomStichtagAb: Bool {
        switch self {
        case .atom: return false
        case .alter: return true
        case .und(let a, let b), .oder(let a, let b): return a.haengtVomStichtagAb || b.haengtVomStichtagAb
        case .nicht(let a): return a.haengtVomStichtagAb
        }
    }
}

/// Arithmetic over counts, numbers and other Kennzahlen.
public indirect enum Term: Sendable {
    case zahl(Bruch)
    case zaehlung(Int)
    case kennzahl(Int)
    case rechnung(Rechenart, Term, Term)
    case funktion(Funktion, [Term])
    /// A share of the year given by the period (see `Zeitanteil`).
    case anteil(Zeitanteil)
}

public enum Formel: Sendable {
    /// A value on its own (a count, a sum, arithmetic of Kennzahlen).
    case wert(Term)
    /// Numerator over denominator, scaled by the unit (×100 for Prozent, ×1.000 for je 1.000 EW).
    case verhaeltnis(zaehler: Term, nenner: Term)
}

public enum Zielwert: Sendable {
    case mindestens(Bruch)
    case hoechstens(Bruch)
    case zwischen(Bruch, Bruch)
}

public struct AmpelBedingung: Sendable {
    public var groesse: Groesse
    public var vergleich: Vergleich
    public var schwelle: Bruch
    public var relativ: Bool
}

public struct AmpelRegel: Sendable {
    public var farbe: Ampelfarbe
    public var bedingungen: [AmpelBedingung]
    /// The conditions must hold in this many periods in a row (1: only now).
    public var seit: Int = 1
    /// The rule as the planner wrote it.
    public var text: String
}

public struct Kennzahl: Sendable {
    public var id: String
    public var name: String
    public var produkt: Int
    public var bereich: String?
    public var arbeitsfeld: String?
    public var ziel: Int?
    public var quelle: String?
    public var definition: String
    public var verantwortlich: String?
    public var fussnote: String?
    public var formel: Formel
    /// The formula as written, per part ("wert", "zaehler", "nenner").
    public var formelText: [(teil: String, text: String)]
    public var rhythmus: Rhythmus
    public var regel: Zaehlregel
    public var einheit: Einheit
    public var dezimalen: Int
    /// The catalogue's minimum unless the Kennzahl sets its own.
    public var mindestfallzahl: Int
    public var zielwert: Zielwert?
    public var ampel: [AmpelRegel]
    /// After a red or yellow period the light gets better only when these conditions hold.
    public var entwarnung: [AmpelBedingung] = []
    public var entwarnungText: String?
    public var richtung: Richtung = .abweichung
    /// The city's value is the sum of the areas' values (e.g. bonuses per area), not the formula
    /// applied to the city's inputs.
    public var gesamtAlsSumme = false
    public var ort: Ort

    /// True when the Kennzahl is a ratio (numerator over denominator).
    public var istVerhaeltnis: Bool {
        if case .verhaeltnis = formel { return true }
        return false
    }
}

/// A planner's test of a Kennzahl: fixture rows and the expected results.
public struct Kennzahltest: Sendable {
    public var kennzahl: Int
    public var name: String
    public var periode: Berichtsperiode
    /// `.gesamt` or a Sozialraum.
    public var gebiet: Gebiet
    public var daten: [Testdaten]
    /// Each expectation with the Kennzahl it is about (the tested one or another).
    public var erwartungen: [(kennzahl: Int, erwartung: Erwartung, ort: Ort)]
    public var ort: Ort
}

public struct Testdaten: Sendable {
    public var quelle: Int
    /// nil: the rows stand for all periods.
    public var periode: Berichtsperiode?
    public var zeilen: [String]
    public var ort: Ort
}
