import KennzahlBasis
import KennzahlDefinition

/// Writes a report as a Word document (WordprocessingML in the project's own zip) that a clerk
/// drops into a council paper: heading, period and Stand, every section with its tables (header
/// rows repeated on every page, column widths set from the content, numbers formatted as in the
/// other formats, Ampel cells shaded and keeping symbol and word), legend and footnotes, the
/// closing notes. Tables too wide for a portrait page get a landscape section of their own.
/// Built-in style names (Heading 1 for the title, Heading 2 for sections, Table Grid, List
/// Bullet), so a council template can restyle the document. Charts are left out and the document
/// says so; their values are in the tables. No macros, no links, no fields that fetch anything.
package enum DocxRenderer {
    /// The document, zipped; `stand` gives the zip timestamp.
    package static func render(_ b: Bericht, stand: Tag?) -> [UInt8] {
        var bloecke: [(quer: Bool, xml: String)] = []
        var kopf = absatz(b.titel, stil: "Heading1") + absatz(b.gebiet, fett: true)
        kopf += b.kopfzeilen.map { absatz($0) }.joined()
        if b.abschnitte.contains(where: { !$0.diagramme.isEmpty }) {
            kopf += absatz(
                "Die Diagramme und Karten der HTML-Fassung sind in diesem Dokument nicht enthalten; "
                    + "ihre Werte stehen in den Tabellen und in den Beschreibungen der Diagramme.",
                stil: "Tabellenfussnote")
        }
        for (n, a) in b.abschnitte.enumerated() {
            var xml = n == 0 ? kopf : ""
            xml += absatz(a.titel, stil: "Heading2")
            xml += a.absaetze.map { absatz($0) }.joined()
            var quer = false
            if let t = a.tabelle {
                let (tabellenXml, breit) = tabelle(t)
                xml += tabellenXml
                quer = breit
            }
            for d in a.diagramme { xml += absatz("Diagramm „\(d.titel)“: \(d.beschreibung)") }
            xml += a.liste.map { absatz($0, stil: "ListBullet") }.joined()
            bloecke.append((quer, xml))
        }
        if bloecke.isEmpty { bloecke.append((false, kopf)) }
        let schluss = b.hinweise.map { absatz($0, stil: "Tabellenfussnote") }.joined()
        bloecke[bloecke.count - 1].xml += schluss
        // Neighbouring blocks of one orientation form a section; a section's properties close it.
        var koerper = ""
        for (i, block) in bloecke.enumerated() {
            koerper += block.xml
            if i + 1 < bloecke.count, bloecke[i + 1].quer != block.quer {
                koerper += "<w:p><w:pPr>\(abschnittsformat(quer: block.quer))</w:pPr></w:p>"
            }
        }
        koerper += abschnittsformat(quer: bloecke[bloecke.count - 1].quer)
        let dokument =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<w:document xmlns:w=\"\(ns)\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<w:body>\(koerper)</w:body></w:document>"
        let tag = stand?.bestandteile ?? (jahr: 2000, monat: 1, tag: 1)
        let teile: [(pfad: String, inhalt: [UInt8])] = [
            ("[Content_Types].xml", Array(inhaltstypen.utf8)),
            ("_rels/.rels", Array(paketbeziehungen.utf8)),
            ("word/document.xml", Array(dokument.utf8)),
            ("word/_rels/document.xml.rels", Array(dokumentbeziehungen.utf8)),
            ("word/styles.xml", Array(formatvorlagen.utf8)),
            ("word/numbering.xml", Array(nummerierung.utf8)),
            ("word/settings.xml", Array(einstellungen.utf8)),
            ("word/footer1.xml", Array(fusszeile.utf8)),
        ]
        return Zip.packe(teile, jahr: tag.jahr, monat: tag.monat, tag: tag.tag)
    }

    static let ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

    // MARK: Paragraphs and runs

    /// A paragraph in style `stil` (a style id of `formatvorlagen`).
    static func absatz(_ text: String, stil: String? = nil, rechts: Bool = false, fett: Bool = false) -> String {
        var eigenschaften = stil.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if rechts { eigenschaften += "<w:jc w:val=\"right\"/>" }
        return "<w:p>" + (eigenschaften.isEmpty ? "" : "<w:pPr>\(eigenschaften)</w:pPr>") + lauf(text, fett: fett)
            + "</w:p>"
    }

    /// A run of text, escaped: line breaks become `w:br`, tabs `w:tab`; never a field or a link.
    static func lauf(_ text: String, fett: Bool = false) -> String {
        guard !text.isEmpty else { return "" }
        var s = "<w:r>" + (fett ? "<w:rPr><w:b/></w:rPr>" : "")
        let zeilen = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for (i, zeile) in zeilen.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { s += "<w:br/>" }
            for (j, stueck) in zeile.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if j > 0 { s += "<w:tab/>" }
                if !stueck.isEmpty { s += "<w:t xml:space=\"preserve\">" + HtmlRenderer.esc(String(stueck)) + "</w:t>" }
            }
        }
        return s + "</w:r>"
    }

    // MARK: Tables

    /// The table and whether it needs a landscape page (its words do not fit a portrait one).
    static func tabelle(_ t: Tabelle) -> (xml: String, quer: Bool) {
        let spalten = t.spalten.indices.filter { !t.spalten[$0].nurLesefassung }
        let texte: [[String]] = t.zeilen.map { z in spalten.map { i in i < z.count ? zellText(z[i]) : "" } }
        let fest: [[Bool]] = t.zeilen.map { z in spalten.map { i in i < z.count && !z[i].istText } }
        let mass = Spaltenbreiten(spalten.map { t.spalten[$0] }, texte, fest: fest)
        let breiten = mass.breiten
        let stil = mass.klein ? "TabellentextKlein" : "Tabellentext"
        var s =
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"\(breiten.reduce(0, +))\" w:type=\"dxa\"/>"
        s +=
            "<w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\""
        s += " w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        s += breiten.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        s += kopfzeilen(spalten.map { t.spalten[$0] }, breiten, stil: stil)
        for (r, z) in t.zeilen.enumerated() {
            s += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for (n, i) in spalten.enumerated() {
                let zelle = i < z.count ? z[i] : .leer
                let rechts = t.spalten[i].rechtsbuendig || zelle.istZahl
                s += tabellenzelle(
                    texte[r][n], breite: breiten[n], stil: stil, fuellung: fuellung(zelle), rechts: rechts)
            }
            s += "</w:tr>"
        }
        s += "</w:tbl>"
        s += t.fussnoten.map { absatz($0, stil: "Tabellenfussnote") }.joined()
        return (s, mass.quer)
    }

    /// The header rows, repeated on every page: a row of column groups above (where columns have
    /// one), merged down into the columns without a group.
    static func kopfzeilen(_ spalten: [Spalte], _ breiten: [Int], stil: String) -> String {
        let kopf = "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        guard spalten.contains(where: { $0.gruppe != nil }) else {
            return kopf
                + zip(spalten, breiten).map {
                    tabellenzelle(
                        $0.titel, breite: $1, stil: stil, fuellung: "E8E8E8", rechts: $0.rechtsbuendig, fett: true)
                }.joined() + "</w:tr>"
        }
        var oben = kopf
        var n = 0
        while n < spalten.count {
            guard let gruppe = spalten[n].gruppe else {
                oben += tabellenzelle(
                    spalten[n].titel, breite: breiten[n], stil: stil, fuellung: "E8E8E8",
                    rechts: spalten[n].rechtsbuendig,
                    fett: true, senkrecht: "<w:vMerge w:val=\"restart\"/>")
                n += 1
                continue
            }
            var ende = n + 1
            while ende < spalten.count, spalten[ende].gruppe == gruppe { ende += 1 }
            oben += tabellenzelle(
                gruppe, breite: breiten[n..<ende].reduce(0, +), stil: stil, fuellung: "E8E8E8", fett: true,
                senkrecht: ende - n > 1 ? "<w:gridSpan w:val=\"\(ende - n)\"/>" : "")
            n = ende
        }
        var unten = kopf
        for (spalte, breite) in zip(spalten, breiten) {
            unten += tabellenzelle(
                spalte.gruppe == nil ? "" : spalte.titel, breite: breite, stil: stil, fuellung: "E8E8E8",
                rechts: spalte.rechtsbuendig, fett: true, senkrecht: spalte.gruppe == nil ? "<w:vMerge/>" : "")
        }
        return oben + "</w:tr>" + unten + "</w:tr>"
    }

    static func tabellenzelle(
        _ text: String, breite: Int, stil: String, fuellung: String?, rechts: Bool = false, fett: Bool = false,
        senkrecht: String = ""
    ) -> String {
        var s = "<w:tc><w:tcPr><w:tcW w:w=\"\(breite)\" w:type=\"dxa\"/>" + senkrecht
        if let f = fuellung { s += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"\(f)\"/>" }
        return s + "</w:tcPr>" + absatz(text, stil: stil, rechts: rechts, fett: fett) + "</w:tc>"
    }

    /// A cell as the reader sees it: numbers in German notation with their unit, symbols, light words.
    static func zellText(_ z: Zelle) -> String {
        switch z {
        case .text(let t): return t
        case .zahl(let b, let d, let suffix):
            return Zahlformat.deutsch(b, dezimalen: d) + (suffix.isEmpty ? "" : " " + suffix)
        case .symbol(let s): return s
        case .geheim: return Tabellenzeichen.unbekannt
        case .ampel(let f): return f.symbol + " " + f.wort
        case .ampelGeheim: return Tabellenzeichen.ampelGeheim
        case .licht(_, let t, _, _): return t
        case .ampelfolge(let folge):
            return folge.map { $0.map { $0.symbol + " " + $0.wort } ?? "." }.joined(separator: " → ")
        case .verweise(let v): return v.map(\.text).joined(separator: " ")
        case .verlauf, .leer: return ""
        }
    }

    /// The shading of a light's cell (the colours of the HTML reports), else none.
    static func fuellung(_ z: Zelle) -> String? {
        let farbe: Ampelfarbe
        switch z {
        case .ampel(let f), .licht(let f, _, _, _): farbe = f
        default: return nil
        }
        switch farbe {
        case .rot: return "F4B6B6"
        case .gelb: return "FBE7A1"
        case .gruen: return "C6E5C1"
        case .grau: return "DDDDDD"
        }
    }

    /// Page size, margins and the footer of a section.
    static func abschnittsformat(quer: Bool) -> String {
        let fuss = "<w:footerReference w:type=\"default\" r:id=\"rId3\"/>"
        return quer
            ? "<w:sectPr>\(fuss)<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/><w:pgMar w:top=\"851\" w:right=\"851\" w:bottom=\"851\" w:left=\"851\" w:header=\"425\" w:footer=\"425\" w:gutter=\"0\"/></w:sectPr>"
            : "<w:sectPr>\(fuss)<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr>"
    }
}

extension Zelle {
    /// A number: right-aligned in every format.
    var istZahl: Bool {
        if case .zahl = self { return true }
        return false
    }

    /// Text that may wrap at its spaces (numbers, symbols and lights never wrap).
    var istText: Bool {
        switch self {
        case .text, .licht, .ampelfolge, .verweise, .leer, .verlauf: return true
        case .zahl, .symbol, .ampel, .ampelGeheim, .geheim: return false
        }
    }
}
