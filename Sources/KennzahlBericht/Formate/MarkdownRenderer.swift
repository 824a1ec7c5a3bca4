import KennzahlBasis

/// Writes a report as Markdown with pipe tables that pandoc and GitHub both render; no raw HTML.
package enum MarkdownRenderer {
    package static func render(_ b: Bericht) -> String {
        var s = "# " + text(b.titel) + "\n\n"
        s += "**" + text(b.gebiet) + "**\n\n"
        for z in b.kopfzeilen { s += text(z) + "  \n" }
        s += "\n"
        for a in b.abschnitte {
            s += "## " + text(a.titel) + "\n\n"
            for p in a.absaetze { s += text(p) + "\n\n" }
            if let t = a.tabelle { s += tabelle(t) }
            // Charts are drawn in the HTML; here their text alternative stands.
            for d in a.diagramme { s += text("Diagramm „\(d.titel)“: \(d.beschreibung)") + "\n\n" }
            for punkt in a.liste { s += "- " + text(punkt) + "\n" }
            if !a.liste.isEmpty { s += "\n" }
        }
        if !b.hinweise.isEmpty {
            s += "---\n\n"
            for h in b.hinweise { s += text(h) + "\n\n" }
        }
        while s.hasSuffix("\n\n") { s.removeLast() }
        return s
    }

    static func tabelle(_ t: Tabelle) -> String {
        var s = "| " + t.spalten.map { zelleText($0.titel) }.joined(separator: " | ") + " |\n"
        s += "|" + t.spalten.map { $0.rechtsbuendig ? "---:|" : ":---|" }.joined() + "\n"
        for zeile in t.zeilen {
            s += "| " + zeile.map(zelle).joined(separator: " | ") + " |\n"
        }
        s += "\n"
        for f in t.fussnoten { s += text(f) + "\n\n" }
        return s
    }

    static func zelle(_ z: Zelle) -> String {
        switch z {
        case .text(let t): return zelleText(t)
        case .zahl(let b, let d, let suffix):
            return Zahlformat.deutsch(b, dezimalen: d) + (suffix.isEmpty ? "" : " " + suffix)
        case .symbol(let s): return zelleText(s)
        case .ampel(let f): return f.symbol + " " + f.wort
        case .licht(_, let text, _, _): return text.replacingOccurrences(of: "\n", with: " ")
        case .ampelfolge(let folge):
            return folge.map { $0.map { $0.symbol + " " + $0.wort } ?? "\\." }.joined(separator: " → ")
        case .verlauf(let werte, _, _): return SvgDiagramm.textVerlauf(werte)
        case .verweise(let v):
            return v.map { $0.nurHtml ? zelleText($0.text) : "[" + zelleText($0.text) + "](" + $0.ziel + ")" }.joined(
                separator: " ")
        case .geheim: return zelleText(Tabellenzeichen.unbekannt)
        case .leer: return ""
        }
    }

    /// Text inside a table cell: one line, pipes escaped.
    static func zelleText(_ t: String) -> String {
        text(t, zeilenanfang: false, einzeilig: true)
    }

    /// Escapes Markdown punctuation so names and texts show literally (no raw HTML, no links).
    /// `einzeilig`: line breaks (CRLF, LF, CR) become one space each. One pass over the scalars:
    /// this runs for every cell of every report.
    static func text(_ t: String, zeilenanfang: Bool = true, einzeilig: Bool = false) -> String {
        var aus = String.UnicodeScalarView()
        var nachCR = false
        for u in t.unicodeScalars {
            defer { nachCR = einzeilig && u == "\r" }
            switch u {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "$":
                aus.append("\\")
                aus.append(u)
            case "\n" where einzeilig:
                if !nachCR { aus.append(" ") }
            case "\r" where einzeilig:
                aus.append(" ")
            case "\t", "\n", "\r":
                aus.append(u)
            default:
                aus.append(u.istSteuerzeichen ? "\u{FFFD}" : u)
            }
        }
        var s = String(aus)
        // At the start of a line, "-", "+" would start a bullet and "4." an ordered list.
        guard zeilenanfang else { return s }
        if let f = s.first, f == "-" || f == "+" || f == "=" { s = "\\" + s }
        let ziffern = s.prefix { $0.isASCII && $0.isNumber }
        if !ziffern.isEmpty, let nach = s.dropFirst(ziffern.count).first, nach == "." || nach == ")" {
            s = ziffern + "\\" + s.dropFirst(ziffern.count)
        }
        return s
    }
}
