/// The report model: what a report says, already in German and already decided. The CSV,
/// Markdown and HTML renderers only format it; they never count or compute.
public struct Bericht: Sendable {
    /// File name without extension, e.g. `produkt-3`.
    public var dateiname: String
    public var titel: String
    /// The area, e.g. "Sozialraum Wiblingen".
    public var gebiet: String
    /// Lines under the title: period, Stand, catalogue.
    public var kopfzeilen: [String]
    public var abschnitte: [Abschnitt]
    /// Notes at the end: symbols, data quality, use.
    public var hinweise: [String]
    /// The one table the CSV file holds (nil: no CSV for this report).
    public var csvTabelle: Tabelle?
}

/// A titled part of a report: paragraphs, a table, a list.
public struct Abschnitt: Sendable {
    public var titel: String
    public var absaetze: [String] = []
    public var tabelle: Tabelle?
    public var liste: [String] = []
    /// An optional chart, with the text alternative the table beside it gives.
    public var diagramm: Diagramm?

    public init(titel: String, absaetze: [String] = [], tabelle: Tabelle? = nil, liste: [String] = [], diagramm: Diagramm? = nil) {
        self.titel = titel
        self.absaetze = absaetze
        self.tabelle = tabelle
        self.liste = liste
        self.diagramm = diagramm
    }
}

/// A horizontal bar chart comparing up to two series per category (e.g. Sozialraum against city).
public struct Diagramm: Sendable {
    public var titel: String
    public var kategorien: [String]
    public var reihen: [(name: String, werte: [Bruch?])]
    public var einheit: String
}

/// A link to another file of the report set (a relative path built from slugs only).
public struct Verweis: Sendable, Equatable {
    public var text: String
    public var ziel: String

    public init(_ text: String, _ ziel: String) {
        self.text = text
        self.ziel = ziel
    }
}

public struct Spalte: Sendable, Equatable {
    public var titel: String
    public var rechtsbuendig: Bool

    public init(_ titel: String, rechtsbuendig: Bool = false) {
        self.titel = titel
        self.rechtsbuendig = rechtsbuendig
    }
}

/// One table cell. Numbers stay numbers until a renderer formats them.
public enum Zelle: Sendable, Equatable {
    case text(String)
    /// An exact number, shown with `dezimalen` places; `suffix` (`%`, `€`) only in readable formats.
    case zahl(Bruch, dezimalen: Int, suffix: String)
    /// A Destatis table symbol: `–` no value, `.` unknown, `x` not sensible.
    case symbol(String)
    case ampel(Ampelfarbe)
    /// A light's history, oldest first (nil: no data in that period).
    case ampelfolge([Ampelfarbe?])
    /// Links (HTML and Markdown), e.g. one per format; CSV shows the texts.
    case verweise([Verweis])
    case leer
}

public struct Tabelle: Sendable {
    public var spalten: [Spalte]
    public var zeilen: [[Zelle]]
    /// Lines under the table (Quelle, symbols).
    public var fussnoten: [String] = []

    public init(spalten: [Spalte], zeilen: [[Zelle]] = [], fussnoten: [String] = []) {
        self.spalten = spalten
        self.zeilen = zeilen
        self.fussnoten = fussnoten
    }
}

/// Destatis table symbols used in reports, with their explanation.
public enum Tabellenzeichen {
    public static let keinWert = "–"
    public static let unbekannt = "."
    public static let nichtSinnvoll = "x"

    public static func erklaerung(_ s: String) -> String? {
        switch s {
        case keinWert: return "– = kein Wert (der Nenner ist 0)"
        case unbekannt: return ". = Zahlenwert unbekannt (für diesen Zeitraum liegen keine Daten vor)"
        case nichtSinnvoll: return "x = Tabellenfach gesperrt, weil Aussage nicht sinnvoll (nur für die Gesamtstadt erhoben, oder kein Vorquartal bei Jahreswerten)"
        default: return nil
        }
    }

    /// Explanations for the symbols a table uses, in a fixed order.
    public static func fussnoten(_ t: Tabelle) -> [String] {
        var genutzt = Set<String>()
        for z in t.zeilen { for c in z { if case .symbol(let s) = c { genutzt.insert(s) } } }
        return [keinWert, unbekannt, nichtSinnvoll].filter(genutzt.contains).compactMap(erklaerung)
    }
}
