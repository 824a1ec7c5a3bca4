/// Where a diagnostic points: a file, and where known a 1-based line, column and span length.
package struct Ort: Hashable, Sendable {
    package var datei: String
    package var zeile: Int?
    var spalte: Int?
    var laenge: Int
    /// The text of the line, for the annotated output with a caret.
    var quelltext: String?

    package init(datei: String, zeile: Int? = nil, spalte: Int? = nil, laenge: Int = 1, quelltext: String? = nil) {
        self.datei = datei
        self.zeile = zeile
        self.spalte = spalte
        self.laenge = laenge
        self.quelltext = quelltext
    }

    /// `datei:zeile:spalte` as far as known.
    package var kurz: String {
        var s = datei
        if let z = zeile { s += ":\(z)" }
        if zeile != nil, let sp = spalte { s += ":\(sp)" }
        return s
    }
}

/// One problem found in definitions, data or arguments, in German, with its place.
///
/// Diagnostics are collected, never thrown one at a time, so a run reports all problems at once.
package struct Diagnose: Hashable, Sendable {
    package enum Schwere: String, Sendable, Comparable {
        case fehler = "Fehler"
        case warnung = "Warnung"

        package static func < (a: Schwere, b: Schwere) -> Bool { a == .fehler && b == .warnung }
    }

    package var schwere: Schwere
    /// Stable message id (e.g. `KZ102`), for tests and documentation.
    var code: String
    package var ort: Ort?
    package var text: String
    /// Printed after the caret, e.g. "meinten Sie 'zielwert'?".
    package var hinweis: String?
    /// The message as reports show it, where `text` quotes values from an export row (a case id,
    /// a date): reports name the reason only, so no case data reaches a report. The terminal
    /// (`kennzahl check`) shows the full text to the planner.
    package var berichtstext: String?

    init(_ schwere: Schwere, _ code: String, _ text: String, ort: Ort?, hinweis: String? = nil) {
        self.schwere = schwere
        self.code = code
        self.text = text
        self.ort = ort
        self.hinweis = hinweis
    }

    package static func fehler(_ code: String, _ text: String, ort: Ort?, hinweis: String? = nil) -> Diagnose {
        Diagnose(.fehler, code, text, ort: ort, hinweis: hinweis)
    }

    package static func warnung(_ code: String, _ text: String, ort: Ort?, hinweis: String? = nil) -> Diagnose {
        Diagnose(.warnung, code, text, ort: ort, hinweis: hinweis)
    }

    /// One line: `datei:zeile:spalte: Fehler: text (hinweis)`.
    package var zeile: String {
        var s = ""
        if let o = ort { s += o.kurz + ": " }
        s += schwere.rawValue + ": " + text
        if let h = hinweis, ort?.quelltext == nil { s += " – " + h }
        return s
    }

    /// Compiler-style output for the terminal: the line with the message id, then the source line
    /// with a caret under the span.
    package var formatiert: String {
        var s = zeile + " [\(code)]"
        guard let o = ort, let z = o.zeile, let text = o.quelltext else { return s }
        let nummer = String(z)
        let rand = String(repeating: " ", count: nummer.count + 1)
        let sichtbar = text.replacingTabs()
        s += "\n" + " " + nummer + " | " + sichtbar
        if let sp = o.spalte {
            let einzug = String(repeating: " ", count: max(0, sp - 1))
            let marke = "^" + String(repeating: "~", count: max(0, o.laenge - 1))
            s += "\n" + rand + "| " + einzug + marke
            if let h = hinweis { s += " " + h }
        }
        return s
    }
}

extension String {
    fileprivate func replacingTabs() -> String {
        var s = ""
        for c in self { s.append(c == "\t" ? " " : c) }
        return s
    }
}
