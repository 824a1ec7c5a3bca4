import KennzahlBasis

/// The syntax tree of a definition file, as written, with positions. The `Semantik` stage turns it
/// into a checked `Katalog`.

/// A name with its position (`jugendhilfe`, `JH-Z5`).
struct Name: Hashable, Sendable {
    var text: String
    var position: Position
}

/// A quoted text with its position.
struct Textwert: Hashable, Sendable {
    var text: String
    var position: Position
}

/// A number literal, exact, with its position.
package struct Zahlwert: Hashable, Sendable {
    package var wert: Bruch
    var geschrieben: String
    var position: Position
}

/// One declaration at the top level of a file.
enum Deklaration: Sendable {
    case test(TestSyntax)
    case katalog(KatalogSyntax)
    case sozialraum(SozialraumSyntax)
    case quelle(QuelleSyntax)
    case ampel(AmpelVorlageSyntax)
    case kennzahl(KennzahlSyntax)
}

struct KatalogSyntax: Sendable {
    var name: Textwert
    var position: Position
    var gesamt: Textwert?
    var ohneZuordnung: Textwert?
    var einwohner: Name?
    var mindestfallzahl: Zahlwert?
    var produkte: [ProduktSyntax] = []
    var arbeitsfelder: [(kuerzel: Name, name: Textwert)] = []
    var ziele: [(nummer: Zahlwert, text: Textwert)] = []
    /// `karte "datei.geojson" eigenschaft "name" [schematisch]`.
    var karte: (datei: Textwert, eigenschaft: Textwert?, schematisch: Bool)?
}

struct ProduktSyntax: Sendable {
    var nummer: Zahlwert
    var titel: Textwert
    /// `ampel`: this Produkt is the Ampel overview of all Kennzahlen with Ampel rules.
    var istAmpel: Bool
}

struct SozialraumSyntax: Sendable {
    var name: Textwert
    var position: Position
    var codes: [Textwert] = []
    var stadtviertel: [Textwert] = []
}

package enum QuellenArt: String, Sendable {
    /// Case lists: one row per case, with begin and end dates.
    case faelle
    /// Delivered counts: one row per group with a count column.
    case zahlen
}

package enum FeldTyp: String, Sendable {
    case text, zahl, datum
}

struct FeldSyntax: Sendable {
    var name: Name
    var spalte: Textwert
    var typ: FeldTyp
    var werte: [(von: Textwert, nach: Textwert)]
}

struct QuelleSyntax: Sendable {
    var name: Name
    var titel: Textwert
    var position: Position
    var art: (QuellenArt, Position)?
    var datei: Textwert?
    var kodierung: Textwert?
    var id: Textwert?
    var sozialraum: Textwert?
    var stadtviertel: Textwert?
    var beginn: Textwert?
    var ende: Textwert?
    var datum: Textwert?
    var anzahl: Textwert?
    var geburtsdatum: Textwert?
    var felder: [FeldSyntax] = []
}

/// Arithmetic of counts and Kennzahlen.
indirect enum Ausdruck: Sendable {
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
package enum Zeitanteil: String, Sendable, CaseIterable {
    /// Days from 1 January to the Stichtag over the days of the year (30.06.: 181/365).
    case jahresanteil
    /// Days of the period over the days of the year (a quarter: about 1/4; the year: 1).
    case zeitraumanteil
}

package enum Funktion: String, Sendable, CaseIterable {
    case max, min
}

package enum Rechenart: String, Sendable {
    case plus = "+"
    case minus = "-"
    case mal = "*"
    case geteilt = "/"
}

enum ZaehlArt: Sendable {
    /// `anzahl [faelle] aus Q`: cases (each case id once per period).
    case anzahl
    /// `anzahl verschiedene FELD aus Q`: distinct values of a field, e.g. persons instead of cases.
    case verschieden(Name)
    /// `summe [feld] aus Q`: sum of a numeric column, or of a count source's count column.
    case summe(Name?)
    /// `bevoelkerung`: the catalogue's population source.
    case bevoelkerung
}

struct ZaehlungSyntax: Sendable {
    var art: ZaehlArt
    var quelle: Name?
    var filter: Filter?
    var position: Position
}

/// A literal on the right of a comparison.
enum Literal: Hashable, Sendable {
    case text(Textwert)
    case zahl(Zahlwert)

    var position: Position {
        switch self {
        case .text(let t): return t.position
        case .zahl(let z): return z.position
        }
    }
}

package enum Vergleich: String, Sendable {
    case gleich = "="
    case ungleich = "!="
    case kleiner = "<"
    case kleinerGleich = "<="
    case groesser = ">"
    case groesserGleich = ">="
}

/// A row filter (`wo …`).
indirect enum Filter: Sendable {
    case vergleich(Name, Vergleich, Literal)
    case liste(Name, [Literal], negiert: Bool)
    case zwischen(Name, Literal, Literal)
    case leer(Name, negiert: Bool)
    case und(Filter, Filter)
    case oder(Filter, Filter)
    case nicht(Filter)
}

package enum Rhythmus: String, Sendable {
    case quartal, jahr
}

/// How a case counts for a period.
package enum Zaehlregel: String, Sendable {
    /// Open on the last day of the period.
    case stichtag
    /// Began inside the period.
    case zugaenge
    /// Open on at least one day of the period.
    case imVerlauf = "im verlauf"
}

enum ZielRichtung: Sendable {
    case mindestens(Zahlwert)
    case hoechstens(Zahlwert)
    case zwischen(Zahlwert, Zahlwert)
}

package enum Ampelfarbe: String, Sendable, Comparable, CaseIterable {
    case rot, gelb, grau, gruen

    /// Order of urgency: red before yellow before grey before green.
    package var rang: Int {
        switch self {
        case .rot: return 0
        case .gelb: return 1
        case .grau: return 2
        case .gruen: return 3
        }
    }

    package static func < (a: Ampelfarbe, b: Ampelfarbe) -> Bool { a.rang < b.rang }
}

/// What an Ampel condition looks at.
package enum Groesse: Hashable, Sendable {
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
package enum Richtung: String, Hashable, Sendable {
    case hoeherBesser = "höher ist besser"
    case niedrigerBesser = "niedriger ist besser"
    /// Any deviation counts (the default).
    case abweichung = "jede Abweichung zählt"
}

package enum Bezug: String, Hashable, Sendable {
    case vorquartal, vorjahr
}

struct BedingungSyntax: Sendable {
    var groesse: Groesse
    var vergleich: Vergleich
    var schwelle: Zahlwert
    /// `%` after the threshold: a relative change in percent instead of an absolute one.
    var relativ: Bool
    var position: Position
}

struct AmpelRegelSyntax: Sendable {
    var farbe: Ampelfarbe
    var bedingungen: [BedingungSyntax]
    /// `seit 2 quartalen`: the conditions must hold in this many periods in a row.
    var seit: Zahlwert?
    /// `entwarnung wenn …`: after a red or yellow period the light gets better only when this holds.
    var istEntwarnung: Bool = false
    var position: Position
    /// The rule as written, for the catalogue.
    var quelltext: String
}

struct AmpelVorlageSyntax: Sendable {
    var name: Name
    var regeln: [AmpelRegelSyntax]
    var position: Position
}

struct KennzahlSyntax: Sendable {
    var id: Name
    var name: Textwert
    var position: Position
    var produkt: Zahlwert?
    var bereich: Textwert?
    var arbeitsfeld: Name?
    var ziel: Zahlwert?
    var quelle: Textwert?
    var definition: Textwert?
    var verantwortlich: Textwert?
    var fussnote: Textwert?
    var wert: (Ausdruck, String)?
    var zaehler: (Ausdruck, String)?
    var nenner: (Ausdruck, String)?
    var zeitraum: (Rhythmus, Zaehlregel?, Position)?
    var einheit: (Einheit, Position)?
    /// An `einheit` line was there but could not be read (already reported).
    var einheitUnlesbar = false
    var dezimalen: Zahlwert?
    var mindestfallzahl: Zahlwert?
    var zielwert: (ZielRichtung, Position)?
    var ampelVorlagen: [Name] = []
    var ampelRegeln: [AmpelRegelSyntax] = []
    var richtung: (Richtung, Position)?
    /// `gesamt summe der sozialraeume`: the city's value is the sum of the areas' values.
    var gesamtAlsSumme: Position?
}

/// One parsed file.
struct DefinitionsDatei: Sendable {
    var pfad: String
    var zeilen: [String]
    var deklarationen: [Deklaration]
}

/// A planner's test of one Kennzahl: fixture rows per source and the expected results.
struct TestSyntax: Sendable {
    var kennzahl: Name
    var name: Textwert
    var position: Position
    var zeitraum: (Berichtsperiode, Position)?
    /// nil: the whole city.
    var gebiet: Textwert?
    var daten: [TestdatenSyntax] = []
    var erwartungen: [ErwartungSyntax] = []
}

/// One expectation of a test, optionally about another Kennzahl than the tested one.
struct ErwartungSyntax: Sendable {
    var kennzahl: Name?
    var erwartung: Erwartung
    var position: Position
}

struct TestdatenSyntax: Sendable {
    var quelle: Name
    /// The period the rows stand for (a quarterly or yearly export); nil: all periods.
    var periode: Berichtsperiode?
    var zeilen: [Textwert]
}

/// What a planner's test expects.
package enum Erwartung: Sendable {
    /// The value, compared at the Kennzahl's decimals.
    case wert(Zahlwert)
    case zaehler(Zahlwert)
    case nenner(Zahlwert)
    case ampel(Ampelfarbe)
    case zielwertErreicht(Bool)
    /// No value (denominator 0).
    case keinWert
}
