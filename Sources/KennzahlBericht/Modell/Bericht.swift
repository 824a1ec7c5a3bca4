import KennzahlBasis
import KennzahlDefinition

/// The report model: what a report says, already in German and already decided. The CSV,
/// Markdown and HTML renderers only format it; they never count or compute.
package struct Bericht: Sendable {
    /// File name without extension, e.g. `produkt-3`.
    package var dateiname: String
    var titel: String
    /// The area, e.g. "Sozialraum Wiblingen".
    var gebiet: String
    /// Lines under the title: period, Stand, catalogue.
    var kopfzeilen: [String]
    var abschnitte: [Abschnitt]
    /// Notes at the end: symbols, data quality, use.
    var hinweise: [String]
    /// The one table the CSV file holds (nil: no CSV for this report).
    var csvTabelle: Tabelle?
}

/// A titled part of a report: paragraphs, a table, a list.
struct Abschnitt: Sendable {
    var titel: String
    /// An anchor for links into this section (ASCII, from a slug).
    var anker: String?
    var absaetze: [String] = []
    var tabelle: Tabelle?
    var liste: [String] = []
    /// Charts (HTML only); each carries its own text alternative, the tables carry the numbers.
    var diagramme: [Diagramm] = []

    init(
        titel: String, absaetze: [String] = [], tabelle: Tabelle? = nil, liste: [String] = [],
        diagramme: [Diagramm] = []
    ) {
        self.titel = titel
        self.absaetze = absaetze
        self.tabelle = tabelle
        self.liste = liste
        self.diagramme = diagramme
    }
}

/// One series of a chart.
struct Reihe: Sendable {
    var name: String
    var werte: [Bruch?]

    init(_ name: String, _ werte: [Bruch?]) {
        self.name = name
        self.werte = werte
    }
}

/// A chart, drawn as inline SVG by the HTML renderer.
enum Diagramm: Sendable {
    /// Horizontal bars: a group per category, a bar per series (e.g. Sozialraum against city).
    case balken(
        titel: String, beschreibung: String, kategorien: [String], reihen: [Reihe], einheit: String, dezimalen: Int)
    /// Lines over periods, with an optional target line (the Zielwert).
    case linien(
        titel: String, beschreibung: String, perioden: [String], reihen: [Reihe], zielwert: Bruch?, einheit: String,
        dezimalen: Int)
    /// A choropleth map of the Sozialräume; the legend names the classes (and the city value in
    /// the note), and the same values are listed in a table beside it.
    case karte(
        titel: String, beschreibung: String, flaechen: [Kartenflaeche], hoehe: Double,
        legende: [(klasse: Int?, text: String)], skala: Kartenskala, fussnote: String)

    var titel: String {
        switch self {
        case .balken(let t, _, _, _, _, _), .linien(let t, _, _, _, _, _, _), .karte(let t, _, _, _, _, _, _): return t
        }
    }

    /// The text alternative: what the chart shows, in words and numbers.
    var beschreibung: String {
        switch self {
        case .balken(_, let b, _, _, _, _), .linien(_, let b, _, _, _, _, _), .karte(_, let b, _, _, _, _, _): return b
        }
    }
}

/// A link to another file of the report set (a relative path built from slugs only).
struct Verweis: Sendable, Equatable {
    var text: String
    var ziel: String
    /// A link only in HTML; Markdown and CSV show the text alone (tables pasted into papers).
    var nurHtml: Bool

    init(_ text: String, _ ziel: String, nurHtml: Bool = false) {
        self.text = text
        self.ziel = ziel
        self.nurHtml = nurHtml
    }
}

struct Spalte: Sendable, Equatable {
    var titel: String
    var rechtsbuendig: Bool
    /// A heading over several neighbouring columns (HTML shows it as a second header row).
    var gruppe: String?
    /// Only in the formats people read (HTML, Markdown), not in the CSV (e.g. a trend line).
    var nurLesefassung: Bool
    /// Holds sentences (a reason): HTML gives it room before narrower columns.
    var fliesstext: Bool

    init(
        _ titel: String, rechtsbuendig: Bool = false, gruppe: String? = nil, nurLesefassung: Bool = false,
        fliesstext: Bool = false
    ) {
        self.titel = titel
        self.rechtsbuendig = rechtsbuendig
        self.gruppe = gruppe
        self.nurLesefassung = nurLesefassung
        self.fliesstext = fliesstext
    }
}

/// One table cell. Numbers stay numbers until a renderer formats them.
enum Zelle: Sendable, Equatable {
    case text(String)
    /// An exact number, shown with `dezimalen` places; `suffix` (`%`, `€`) only in readable formats.
    case zahl(Bruch, dezimalen: Int, suffix: String)
    /// A Destatis table symbol: `–` no value, `.` unknown, `x` not sensible.
    case symbol(String)
    case ampel(Ampelfarbe)
    /// A light a public report withholds (its colour would give a withheld value away):
    /// "○ nicht ausgewiesen".
    case ampelGeheim
    /// A cell in a light's colour: its text (lines split by "\n"), an optional link and an
    /// optional longer text shown on hover (the Ampel matrix of the overview).
    case licht(Ampelfarbe, text: String, ziel: String?, titel: String?)
    /// A light's history, oldest first (nil: no data in that period).
    case ampelfolge([Ampelfarbe?])
    /// A small trend line of values, oldest first (nil: no value in that period).
    case verlauf([Bruch?], dezimalen: Int, suffix: String)
    /// Links (HTML and Markdown), e.g. one per format; CSV shows the texts.
    case verweise([Verweis])
    /// A value withheld in a public report (Geheimhaltung), rendered `.` like Destatis tables.
    case geheim
    case leer
}

struct Tabelle: Sendable {
    var spalten: [Spalte]
    var zeilen: [[Zelle]]
    /// Lines under the table (Quelle, symbols).
    var fussnoten: [String] = []
    /// Per row an anchor that links can point at (HTML `id`, ASCII from a slug), or none.
    var zeilenanker: [String?] = []

    init(spalten: [Spalte], zeilen: [[Zelle]] = [], fussnoten: [String] = []) {
        self.spalten = spalten
        self.zeilen = zeilen
        self.fussnoten = fussnoten
    }

    /// The column that names a row (the Kennzahl, else the first): a row header for screen readers.
    var zeilenkopf: Int { spalten.firstIndex { $0.titel == "Kennzahl" } ?? 0 }
}

/// Destatis table symbols used in reports, with their explanation.
enum Tabellenzeichen {
    /// A withheld light.
    static let ampelGeheim = "○ nicht ausgewiesen"
    static let keinWert = "–"
    static let unbekannt = "."
    static let nichtSinnvoll = "x"

    static func erklaerung(_ s: String) -> String? {
        switch s {
        case keinWert: return "– = kein Wert (der Nenner ist 0)"
        case unbekannt: return ". = Zahlenwert unbekannt (für diesen Zeitraum liegen keine Daten vor)"
        case nichtSinnvoll:
            return
                "x = Tabellenfach gesperrt, weil Aussage nicht sinnvoll (nur für die Gesamtstadt erhoben, oder kein Vorquartal bei Jahreswerten)"
        default: return nil
        }
    }

    /// Explanations for the symbols a table uses, in a fixed order. `mindestfallzahl`: the
    /// smallest count public reports show, for the note on withheld values; `abweichend`: the
    /// Kennzahlen of the table with a threshold of their own.
    static func fussnoten(
        _ t: Tabelle, mindestfallzahl: Int = 3, abweichend: [(id: String, mindestfallzahl: Int)] = []
    ) -> [String] {
        var genutzt = Set<String>()
        var geheim = false, ampelGeheim = false
        for z in t.zeilen {
            for c in z {
                if case .symbol(let s) = c { genutzt.insert(s) }
                if c == .geheim { geheim = true }
                if c == .ampelGeheim { ampelGeheim = true }
            }
        }
        var texte = [keinWert, unbekannt, nichtSinnvoll].filter(genutzt.contains).compactMap(erklaerung)
        if geheim { texte.append(geheimText(mindestfallzahl, abweichend: abweichend)) }
        if ampelGeheim {
            texte.append(
                "\(Tabellenzeichen.ampelGeheim) = Ampel aus Gründen des Datenschutzes nicht gezeigt: ihre Farbe ließe auf einen zurückgehaltenen Wert schließen."
            )
        }
        return texte
    }

    /// The rule of public reports, as their footnote states it: "Werte unter 3 (P2-UMA-GES: unter 10) …".
    static func geheimText(_ mindestfallzahl: Int, abweichend: [(id: String, mindestfallzahl: Int)] = [])
        -> String
    {
        let ausnahmen =
            abweichend.isEmpty
            ? "" : " (" + abweichend.map { "\($0.id): unter \($0.mindestfallzahl)" }.joined(separator: "; ") + ")"
        return
            ". = Werte unter \(mindestfallzahl)\(ausnahmen) werden aus Gründen des Datenschutzes nicht ausgewiesen, ebenso Werte, aus denen sie sich errechnen ließen."
    }
}
