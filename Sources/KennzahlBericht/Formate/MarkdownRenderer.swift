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
        case .ampelGeheim: return zelleText(Tabellenzeichen.ampelGeheim)
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
        text(t, zeilenanfang: false)
    }

    /// Escapes Markdown punctuation so names and texts show literally: no raw HTML, no links, no
    /// block. A text is always one line (CRLF, LF and CR become one space each), so no line of it
    /// can open a heading, list, quote, code block or rule; leading white space, which would
    /// indent a code block, is dropped. Addresses are broken for the autolink extensions of
    /// GitHub and pandoc (`https\://`, `www\.`, `a\@b`). One pass over the scalars: this runs for
    /// every cell of every report.
    static func text(_ t: String, zeilenanfang: Bool = true) -> String {
        let skalare = Array(t.unicodeScalars)
        var aus = String.UnicodeScalarView()
        var i = skalare.firstIndex { !" \t\n\r".unicodeScalars.contains($0) } ?? skalare.count
        /// "www" (any case) ends at `k`, not inside a longer word: the start of a bare address.
        func www(_ k: Int) -> Bool {
            guard k >= 2, (k - 2...k).allSatisfy({ skalare[$0] == "w" || skalare[$0] == "W" }) else { return false }
            return k == 2 || !(skalare[k - 3].properties.isAlphabetic || skalare[k - 3].properties.numericType != nil)
        }
        while i < skalare.count {
            let u = skalare[i]
            defer { i += 1 }
            switch u {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~", "&", "!", "$", "@":
                aus.append("\\")
                aus.append(u)
            case ":" where i + 2 < skalare.count && skalare[i + 1] == "/" && skalare[i + 2] == "/":
                aus.append("\\")
                aus.append(u)
            case "." where www(i - 1):
                aus.append("\\")
                aus.append(u)
            case "\n":
                if i == 0 || skalare[i - 1] != "\r" { aus.append(" ") }
            case "\r", "\t":
                aus.append(" ")
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
