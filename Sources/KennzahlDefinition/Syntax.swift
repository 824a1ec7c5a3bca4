import KennzahlBasis

/// The syntax tree of a definition file, as written, with positions. The `Semantik` stage turns it
/// into a checked `Katalog`.

/// A name with its position (`jugendhilfe`, `JH-Z5`).
public struct Name: Hashable, Sendable {
    public var text: String
    public var position: Position
}

/// A quoted text with its position.
public struct Textwert: Hashable, Sendable {
    public var text: String
    public var position: Position
}

/// A number literal, exact, with its position.
public struct Zahlwert: Hashable, Sendable {
    public var wert: Bruch
    public var geschrieben: String
    public var position: Position
}

/// One declaration at the top level of a file.
public enum Deklaration: Sendable {
    case test(TestSyntax)
    case katalog(KatalogSyntax)
    case sozialraum(SozialraumSyntax)
    case quelle(QuelleSyntax)
    case ampel(AmpelVorlageSyntax)
    case kennzahl(KennzahlSyntax)
}

public struct KatalogSyntax: Sendable {
    public var name: Textwert
    public var position: Position
    public var gesamt: Textwert?
    public var ohneZuordnung: Textwert?
    public var einwohner: Name?
    public var mindestfallzahl: Zahlwert?
    public var produkte: [ProduktSyntax] = []
    public var arbeitsfelder: [(kuerzel: Name, name: Textwert)] = []
    public var ziele: [(nummer: Zahlwert, text: Textwert)] = []
}

public struct ProduktSyntax: Sendable {
    public var nummer: Zahlwert
    public var titel: Textwert
    /// `ampel`: this Produkt is the Ampel overview of all Kennzahlen with Ampel rules.
    public var istAmpel: Bool
}

public struct SozialraumSyntax: Sendable {
    public var name: Textwert
    public var position: Position
    public var codes: [Textwert] = []
    public var stadtviertel: [Textwert] = []
}

public enum QuellenArt: String, Sendable {
    /// Case lists: one row per case, with begin and end dates.
    case faelle
    /// Delivered counts: one row per group with a count column.
    case zahlen
}

public enum FeldTyp: String, Sendable {
    case text, zahl, datum
}

public struct FeldSyntax: Sendable {
    public var name: Name
    public var spalte: Textwert
    public var typ: FeldTyp
    public var werte: [(von: Textwert, nach: Textwert)]
}

public struct QuelleSyntax: Sendable {
    public var name: Name
    public var titel: Textwert
    public var position: Position
    public var art: (QuellenArt, Position)?
    public var datei: Textwert?
    public var kodierung: Textwert?
    public var id: Textwert?
    public var sozialraum: Textwert?
    public var stadtviertel: Textwert?
    public var beginn: Textwert?
    public var ende: Textwert?
    public var datum: Textwert?
    public var anzahl: Textwert?
    public var geburtsdatum: Textwert?
    public var felder: [FeldSyntax] = []
}

/// Arithmetic of counts and Kennzahlen.
public indirect enum Ausdruck: Sendable {
    case zahl(Zahlwert)
    case zaehlung(ZaehlungSyntax)
    case kennzahl(Name)
    case binaer(Rechenart, Ausdruck, Ausdruck, Position)
    case klammer(Ausdruck)
    /// `max(a, b)`, `min(a, b)`.
    case funktion(Name, [Ausdruck])
    /// `jahresanteil` or `zeitraumanteil`: a share of the year, from the period.
    case anteil(Zeitanteil, Position)
}

/// Shares of the year a formula can use for projections and pro-rata budgets.
public enum Zeitanteil: String, Sendable, CaseIterable {
    /// Days from 1 January to the Stichtag over the days of the year (30.06.: 181/365).
    case jahresanteil
    /// Days of the period over the days of the year (a quarter: about 1/4; the year: 1).
    case zeitraumanteil
}

public enum Funktion: String, Sendable, CaseIterable {
    case max, min
}

public enum Rechenart: String, Sendable {
    case plus = "+"
    case minus = "-"
    case mal = "*"
    case geteilt = "/"
}

public enum ZaehlArt: Sendable {
    /// `anzahl [faelle] aus Q`: cases (each case id once per period).
    case anzahl
    /// `anzahl verschiedene FELD aus Q`: distinct values of a field, e.g. persons instead of cases.
    case verschieden(Name)
    /// `summe [feld] aus Q`: sum of a numeric column, or of a count source's count column.
    case summe(Name?)
    /// `bevoelkerung`: the catalogue's population source.
    case bevoelkerung
}

public struct ZaehlungSyntax: Sendable {
    public var art: ZaehlArt
    public var quelle: Name?
    public var filter: Filter?
    public var position: Position
}

/// A literal on the right of a comparison.
public enum Literal: Hashable, Sendable {
    case text(Textwert)
    case zahl(Zahlwert)

    public var position: Position {
        switch self {
        case .text(let t): return t.position
        case .zahl(let z): return z.position
        }
    }
}

public enum Vergleich: String, Sendable {
    case gleich = "="
    case ungleich = "!="
    case kleiner = "<"
    case kleinerGleich = "<="
    case groesser = ">"
    case groesserGleich = ">="
}

/// A row filter (`wo …`).
public indirect enum Filter: Sendable {
    case vergleich(Name, Vergleich, Literal)
    case liste(Name, [Literal], negiert: Bool)
    case zwischen(Name, Literal, Literal)
    case leer(Name, negiert: Bool)
    case und(Filter, Filter)
    case oder(Filter, Filter)
    case nicht(Filter)
}

public enum Rhythmus: String, Sendable {
    case quartal, jahr
}

/// How a case counts for a period.
public enum Zaehlregel: String, Sendable {
    /// Open on the last day of the period.
    case stichtag
    /// Began inside the period.
    case zugaenge
    /// Open on at least one day of the period.
    case imVerlauf = "im verlauf"
}

public enum ZielRichtung: Sendable {
    case mindestens(Zahlwert)
    case hoechstens(Zahlwert)
    case zwischen(Zahlwert, Zahlwert)
}

public enum Ampelfarbe: String, Sendable, Comparable, CaseIterable {
    case rot, gelb, grau, gruen

    /// Order of urgency: red before yellow before grey before green.
    public var rang: Int {
        switch self {
        case .rot: return 0
        case .gelb: return 1
        case .grau: return 2
        case .gruen: return 3
        }
    }

    public static func < (a: Ampelfarbe, b: Ampelfarbe) -> Bool { a.rang < b.rang }
}

/// What an Ampel condition looks at.
public enum Groesse: Hashable, Sendable {
    case wert, zaehler, nenner
    /// Any change against the comparison period (in either direction).
    case veraenderung(Bezug)
    case anstieg(Bezug)
    case rueckgang(Bezug)
    /// How far the value misses its Zielwert (0 when met).
    case abstandZumZielwert
    /// A change in the direction the Kennzahl calls worse (any change without a direction).
    case verschlechterung(Bezug)
    /// How far the Sozialraum is worse than the whole city (any deviation without a direction).
    case abweichungGesamtstadt
}

/// Which way a Kennzahl gets better.
public enum Richtung: String, Hashable, Sendable {
    case hoeherBesser = "höher ist besser"
    case niedrigerBesser = "niedriger ist besser"
    /// Any deviation counts (the default).
    case abweichung = "jede Abweichung zählt"
}

public enum Bezug: String, Hashable, Sendable {
    case vorquartal, vorjahr
}

public struct BedingungSyntax: Sendable {
    public var groesse: Groesse
    public var vergleich: Vergleich
    public var schwelle: Zahlwert
    /// `%` after the threshold: a relative change in percent instead of an absolute one.
    public var relativ: Bool
    public var position: Position
}

public struct AmpelRegelSyntax: Sendable {
    public var farbe: Ampelfarbe
    public var bedingungen: [BedingungSyntax]
    /// `seit 2 quartalen`: the conditions must hold in this many periods in a row.
    public var seit: Zahlwert?
    /// `entwarnung wenn …`: after a red or yellow period the light gets better only when this holds.
    public var istEntwarnung: Bool = false
    public var position: Position
    /// The rule as written, for the catalogue.
    public var quelltext: String
}

public struct AmpelVorlageSyntax: Sendable {
    public var name: Name
    public var regeln: [AmpelRegelSyntax]
    public var position: Position
}

public struct KennzahlSyntax: Sendable {
    public var id: Name
    public var name: Textwert
    public var position: Position
    public var produkt: Zahlwert?
    public var bereich: Textwert?
    public var arbeitsfeld: Name?
    public var ziel: Zahlwert?
    public var quelle: Textwert?
    public var definition: Textwert?
    public var verantwortlich: Textwert?
    public var fussnote: Textwert?
    public var wert: (Ausdruck, String)?
    public var zaehler: (Ausdruck, String)?
    public var nenner: (Ausdruck, String)?
    public var zeitraum: (Rhythmus, Zaehlregel?, Position)?
    public var einheit: (Einheit, Position)?
    /// An `einheit` line was there but could not be read (already reported).
    public var einheitUnlesbar = false
    public var dezimalen: Zahlwert?
    public var mindestfallzahl: Zahlwert?
    public var zielwert: (ZielRichtung, Position)?
    public var ampelVorlagen: [Name] = []
    public var ampelRegeln: [AmpelRegelSyntax] = []
    public var richtung: (Richtung, Position)?
    /// `gesamt summe der sozialraeume`: the city's value is the sum of the areas' values.
    public var gesamtAlsSumme: Position?
}

/// One parsed file.
public struct DefinitionsDatei: Sendable {
    public var pfad: String
    public var zeilen: [String]
    public var deklarationen: [Deklaration]
}

/// A planner's test of one Kennzahl: fixture rows per source and the expected results.
public struct TestSyntax: Sendable {
    public var kennzahl: Name
    public var name: Textwert
    public var position: Position
    public var zeitraum: (Berichtsperiode, Position)?
    /// nil: the whole city.
    public var gebiet: Textwert?
    public var daten: [TestdatenSyntax] = []
    public var erwartungen: [ErwartungSyntax] = []
}

/// One expectation of a test, optionally about another Kennzahl than the tested one.
public struct ErwartungSyntax: Sendable {
    public var kennzahl: Name?
    public var erwartung: Erwartung
    public var position: Position
}

public struct TestdatenSyntax: Sendable {
    public var quelle: Name
    /// The period the rows stand for (a quarterly or yearly export); nil: all periods.
    public var periode: Berichtsperiode?
    public var zeilen: [Textwert]
}

/// What a planner's test expects.
public enum Erwartung: Sendable {
    /// The value, compared at the Kennzahl's decimals.
    case wert(Zahlwert)
    case zaehler(Zahlwert)
    case nenner(Zahlwert)
    case ampel(Ampelfarbe)
    case zielwertErreicht(Bool)
    /// No value (denominator 0).
    case keinWert
}
