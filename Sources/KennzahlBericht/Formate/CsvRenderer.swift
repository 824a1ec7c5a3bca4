import KennzahlBasis

/// The two CSV flavours: German Excel (default) and machine-readable RFC 4180.
package struct CsvDialekt: Sendable, Equatable {
    var trennzeichen: String
    var dezimalzeichen: String
    var bom: Bool
    var zeilenende: String

    /// Semicolon, decimal comma, UTF-8 with BOM, CRLF: opens correctly in German Excel.
    package static let excel = CsvDialekt(trennzeichen: ";", dezimalzeichen: ",", bom: true, zeilenende: "\r\n")
    /// Comma, decimal point, no BOM, LF.
    package static let rfc4180 = CsvDialekt(trennzeichen: ",", dezimalzeichen: ".", bom: false, zeilenende: "\n")
}

/// Writes a report's CSV table: one header row, one row per table row, numbers as numbers.
package enum CsvRenderer {
    package static func render(_ bericht: Bericht, _ d: CsvDialekt) -> String? {
        guard let t = bericht.csvTabelle else { return nil }
        // Columns only for readers (a trend line) stay out of the CSV.
        let spalten = t.spalten.indices.filter { !t.spalten[$0].nurLesefassung }
        var s = d.bom ? "\u{FEFF}" : ""
        s += spalten.map { feld(text: t.spalten[$0].titel, d) }.joined(separator: d.trennzeichen) + d.zeilenende
        for zeile in t.zeilen {
            s +=
                spalten.map { $0 < zeile.count ? zelle(zeile[$0], d) : "" }.joined(separator: d.trennzeichen)
                + d.zeilenende
        }
        return s
    }

    static func zelle(_ z: Zelle, _ d: CsvDialekt) -> String {
        switch z {
        case .text(let t): return feld(text: t, d)
        case .zahl(let b, let dez, _): return Zahlformat.schlicht(b, dezimalen: dez, dezimal: d.dezimalzeichen)
        case .symbol(let s): return feld(text: s, d)
        case .ampel(let f): return f.wort
        case .ampelGeheim: return "nicht ausgewiesen"
        case .licht(_, let text, _, _): return feld(text: text.replacingOccurrences(of: "\n", with: " "), d)
        case .ampelfolge(let folge): return feld(text: folge.map { $0?.wort ?? "." }.joined(separator: ", "), d)
        case .verlauf: return ""
        case .verweise(let v): return feld(text: v.map(\.text).joined(separator: " "), d)
        case .geheim: return Tabellenzeichen.unbekannt
        case .leer: return ""
        }
    }

    /// A text field: formula-like starts are neutralised (OWASP CSV injection), then quoted when
    /// it holds the delimiter, a quote, a line break or surrounding spaces.
    static func feld(text roh: String, _ d: CsvDialekt) -> String {
        var t = roh.ohneSteuerzeichen
        if let erstes = t.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(erstes) {
            t = "'" + t
        }
        let muss =
            t.contains(d.trennzeichen) || t.contains("\"") || t.contains("\n") || t.contains("\r")
            || t.hasPrefix(" ") || t.hasSuffix(" ")
        return muss ? "\"" + t.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : t
    }
}
