import KennzahlBasis
import KennzahlDefinition

/// Writes a report's main table as an Excel workbook (SpreadsheetML in the project's own zip):
/// numbers as numeric cells with number formats (counts `#.##0`, percentages stored as fractions
/// with `0,0 %`, euros `#.##0,00 €`), Destatis symbols and every text as inline text (never a
/// formula, whatever it starts with), a bold frozen header row with autofilter, fitting column
/// widths, Ampel cells filled with the light's colour; title, period, Stand above the table and
/// the footnotes below. No macros, no external links.
package enum XlsxRenderer {
    /// One sheet: its name, the lines above the table (the first is the title), the table and
    /// the lines below it.
    package struct Blatt: Sendable {
        var name: String
        var kopf: [String]
        var tabelle: Tabelle
        var fuss: [String]
    }

    /// The workbook of a report's main table (and its data quality on a second sheet), or nil for a
    /// report without one. `stand`: the zip timestamp.
    package static func render(_ b: Bericht, stand: Tag?) -> [UInt8]? {
        guard let t = b.csvTabelle else { return nil }
        var blaetter = [
            Blatt(name: b.titel, kopf: [b.titel, b.gebiet] + b.kopfzeilen, tabelle: t, fuss: t.fussnoten + b.hinweise)
        ]
        // The data-quality section on a sheet of its own, as every other format carries it.
        if let a = b.abschnitte.first(where: { $0.titel == Datenqualitaet.titel }), let dq = a.tabelle {
            blaetter.append(
                Blatt(
                    name: a.titel, kopf: [a.titel, b.gebiet] + b.kopfzeilen + a.absaetze, tabelle: dq,
                    fuss: dq.fussnoten + a.liste))
        }
        return mappe(blaetter, stand: stand)
    }

    /// The period's workbook for planners' own analyses: per Produkt the table of all areas side
    /// by side (the city report's comparison, or the Ampel overview), one sheet each.
    package static func periodenmappe(_ staedtische: [Bericht], stand: Tag?) -> [UInt8]? {
        var blaetter: [Blatt] = []
        for b in staedtische {
            guard
                let a = b.abschnitte.first(where: {
                    $0.titel == "Nach Sozialräumen" || $0.titel == "Übersicht aller Sozialräume"
                }),
                let t = a.tabelle
            else { continue }
            blaetter.append(
                Blatt(
                    name: b.titel, kopf: [b.titel, a.titel] + b.kopfzeilen, tabelle: t, fuss: t.fussnoten + b.hinweise))
        }
        return blaetter.isEmpty ? nil : mappe(blaetter, stand: stand)
    }

    /// The package: content types, relationships, the workbook with unique sheet names, styles, sheets.
    static func mappe(_ blaetter: [Blatt], stand: Tag?) -> [UInt8] {
        var namen: [String] = []
        for b in blaetter {
            var name = blattname(b.name)
            var n = 2
            while namen.contains(where: { $0.lowercased() == name.lowercased() }) {
                let zusatz = " (\(n))"
                name = String(blattname(b.name).prefix(31 - zusatz.count)) + zusatz
                n += 1
            }
            namen.append(name)
        }
        let blaetterXml = blaetter.map { arbeitsblatt($0) }
        let tag = stand?.bestandteile ?? (jahr: 2000, monat: 1, tag: 1)
        var teile: [(pfad: String, inhalt: [UInt8])] = [
            ("[Content_Types].xml", Array(inhaltstypen(blaetter.count).utf8)),
            ("_rels/.rels", Array(paketbeziehungen.utf8)),
            ("xl/workbook.xml", Array(mappenteil(namen, blaetterXml.map(\.filter)).utf8)),
            ("xl/_rels/workbook.xml.rels", Array(mappenbeziehungen(blaetter.count).utf8)),
            ("xl/styles.xml", Array(formatvorlagen.utf8)),
        ]
        for (i, x) in blaetterXml.enumerated() { teile.append(("xl/worksheets/sheet\(i + 1).xml", Array(x.xml.utf8))) }
        return Zip.packe(teile, jahr: tag.jahr, monat: tag.monat, tag: tag.tag)
    }

    /// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
    static func blattname(_ titel: String) -> String {
        let erlaubt = titel.map { "[]:*?/\\".contains($0) ? "-" : $0 }
        let name = String(String(erlaubt).prefix(31)).trimmingCharacters(in: .init(charactersIn: " '"))
        return name.isEmpty ? "Bericht" : name
    }

    // MARK: The sheet

    /// Cell styles (indices into `cellXfs` of `formatvorlagen`).
    enum Stil: Int {
        case standard = 0
        case titel
        case kopf
        case text
        case ganz
        case dez1
        case dez2
        case dez3
        case dez4
        case proz0
        case proz1
        case proz2
        case euro
        case rot
        case gelb
        case gruen
        case grau
        case zeichen
    }

    static func arbeitsblatt(_ blatt: Blatt) -> (xml: String, filter: String) {
        let t = blatt.tabelle
        let spalten = t.spalten.indices.filter { !t.spalten[$0].nurLesefassung }
        var zeilen: [[(Stil, String)?]] = []  // per row the cells: (style, inner XML)
        for (n, k) in blatt.kopf.enumerated() { zeilen.append([(n == 0 ? .titel : .standard, text(k))]) }
        zeilen.append([])
        let kopfzeile = zeilen.count + 1
        zeilen.append(spalten.map { (.kopf, text(t.spalten[$0].titel)) })
        var breiten = spalten.map { min(40, max(8, t.spalten[$0].titel.count + 2)) }
        var laengen: [[Int]] = []  // per data row the text length of each cell, for the row height
        for z in t.zeilen {
            var reihe: [(Stil, String)?] = []
            var zeilenlaengen: [Int] = []
            for (n, i) in spalten.enumerated() {
                let zelle = i < z.count ? z[i] : .leer
                let (stil, inhalt, laenge) = XlsxRenderer.zelle(zelle)
                reihe.append(inhalt.isEmpty ? (.text, "") : (stil, inhalt))
                let grenze = t.spalten[i].fliesstext ? 60 : 40
                breiten[n] = min(grenze, max(breiten[n], laenge + 2))
                zeilenlaengen.append(laenge)
            }
            zeilen.append(reihe)
            laengen.append(zeilenlaengen)
        }
        let letzte = zeilen.count
        zeilen.append([])
        for f in blatt.fuss { zeilen.append([(.standard, text(f))]) }
        let filter = "A\(kopfzeile):\(spaltenname(spalten.count - 1))\(letzte)"
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s +=
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        // Printed landscape, the table fitted to the page width.
        s += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        s +=
            "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(kopfzeile)\" topLeftCell=\"A\(kopfzeile + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>"
        s += "<cols>"
        for (n, breite) in breiten.enumerated() {
            s += "<col min=\"\(n + 1)\" max=\"\(n + 1)\" width=\"\(breite)\" customWidth=\"1\"/>"
        }
        s += "</cols><sheetData>"
        for (r, reihe) in zeilen.enumerated() where !reihe.isEmpty {
            // Wrapped cells need their height written: not every program measures it on opening.
            let datenzeile = r - kopfzeile
            let hoehe =
                datenzeile >= 0 && datenzeile < laengen.count
                ? zip(laengen[datenzeile], breiten).map { ($0 + $1 - 3) / max(1, $1 - 2) }.max() ?? 1 : 1
            s += hoehe > 1 ? "<row r=\"\(r + 1)\" ht=\"\(13 * hoehe)\" customHeight=\"1\">" : "<row r=\"\(r + 1)\">"
            for (c, zelle) in reihe.enumerated() {
                guard let (stil, inhalt) = zelle else { continue }
                let ref = "\(spaltenname(c))\(r + 1)"
                // An empty cell keeps its border but has no type (an inline string needs its text).
                if inhalt.isEmpty {
                    s += "<c r=\"\(ref)\" s=\"\(stil.rawValue)\"/>"
                } else if inhalt.hasPrefix("<v>") {
                    s += "<c r=\"\(ref)\" s=\"\(stil.rawValue)\">\(inhalt)</c>"
                } else {
                    s += "<c r=\"\(ref)\" s=\"\(stil.rawValue)\" t=\"inlineStr\">\(inhalt)</c>"
                }
            }
            s += "</row>"
        }
        s += "</sheetData><autoFilter ref=\"\(filter)\"/>"
        s += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
        s += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>"
        return (s, filter)
    }

    /// A cell: its style, its XML (`<v>` for a number, `<is>` for text) and its width in characters.
    static func zelle(_ z: Zelle) -> (Stil, String, Int) {
        switch z {
        case .text(let t): return (.text, text(t), t.count)
        case .zahl(let b, let d, let suffix):
            let anzeige = Zahlformat.deutsch(b, dezimalen: d) + (suffix.isEmpty ? "" : " " + suffix)
            if suffix == "%", let anteil = b.geteilt(durch: Bruch(100)) {
                return ([.proz0, .proz1, .proz2][min(d, 2)], zahl(anteil), anzeige.count)
            }
            if suffix == "€" { return (.euro, zahl(b), anzeige.count) }
            return ([.ganz, .dez1, .dez2, .dez3, .dez4][min(d, 4)], zahl(b), anzeige.count)
        case .symbol(let s): return (.zeichen, text(s), s.count)
        case .geheim: return (.zeichen, text("."), 1)
        case .ampelGeheim: return (.text, text(Tabellenzeichen.ampelGeheim), Tabellenzeichen.ampelGeheim.count)
        case .ampel(let f): return (ampelstil(f), text(f.symbol + " " + f.wort), f.wort.count + 2)
        case .licht(let f, let t, _, _):
            let einzeilig = t.replacingOccurrences(of: "\n", with: " ")
            return (ampelstil(f), text(einzeilig), einzeilig.count)
        case .ampelfolge(let folge):
            let t = folge.map { $0?.wort ?? "." }.joined(separator: ", ")
            return (.text, text(t), t.count)
        case .verweise(let v):
            let t = v.map(\.text).joined(separator: " ")
            return (.text, text(t), t.count)
        case .verlauf, .leer: return (.text, "", 0)
        }
    }

    static func ampelstil(_ f: Ampelfarbe) -> Stil {
        switch f {
        case .rot: .rot
        case .gelb: .gelb
        case .gruen: .gruen
        case .grau: .grau
        }
    }

    /// Inline text, escaped; leading `=`, `+`, `-`, `@` stay text (an inline string is never a formula).
    static func text(_ t: String) -> String { "<is><t xml:space=\"preserve\">" + HtmlRenderer.esc(t) + "</t></is>" }

    /// A number as a plain decimal, exact to 10 places (Excel keeps 15 significant digits).
    static func zahl(_ b: Bruch) -> String {
        var s = Zahlformat.schlicht(b, dezimalen: 10, dezimal: ".")
        while s.contains("."), s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return "<v>" + s + "</v>"
    }

    /// `A`, …, `Z`, `AA`, … for a zero-based column index.
    static func spaltenname(_ i: Int) -> String {
        var n = i + 1
        var s = ""
        while n > 0 {
            let r = (n - 1) % 26
            s = String(UnicodeScalar(UInt8(65 + r))) + s
            n = (n - 1) / 26
        }
        return s
    }

    // MARK: The package parts

    static func mappenteil(_ namen: [String], _ filter: [String]) -> String {
        var blaetter = ""
        var bereiche = ""
        for (i, name) in namen.enumerated() {
            blaetter += "<sheet name=\"\(HtmlRenderer.esc(name))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            let bereich = filter[i].split(separator: ":").map { teil -> String in
                let buchstaben = teil.prefix { $0.isLetter }
                return "$" + buchstaben + "$" + teil.dropFirst(buchstaben.count)
            }.joined(separator: ":")
            let zitiert = "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
            bereiche +=
                "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(i)\" hidden=\"1\">"
                + HtmlRenderer.esc(zitiert + "!" + bereich) + "</definedName>"
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
            + "<sheets>\(blaetter)</sheets><definedNames>\(bereiche)</definedNames></workbook>"
    }

    static func inhaltstypen(_ anzahl: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + (1...anzahl).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined()
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/></Types>"
    }

    static let paketbeziehungen = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
        """

    static func mappenbeziehungen(_ anzahl: Int) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (1...anzahl).map {
                "<Relationship Id=\"rId\($0)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0).xml\"/>"
            }.joined()
            + "<Relationship Id=\"rId\(anzahl + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Number formats in Excel's notation (the reader's locale shows `1.234,5` and `74,0 %`),
    /// fonts, the Ampel fills, and one cell style per `Stil`, in its order.
    static let formatvorlagen: String = {
        let formate = [
            (164, "#,##0.0"), (165, "#,##0.00"), (166, "#,##0.000"), (167, "#,##0.0000"), (168, "0 %"),
            (169, "0.0 %"), (170, "0.00 %"), (171, "#,##0.00 \"€\""),
        ]
        // fill 2: header grey; 3–6: rot, gelb, grün, grau as in the HTML reports.
        let fuellungen = ["E8E8E8", "F4B6B6", "FBE7A1", "C6E5C1", "DDDDDD"]
        // (numFmtId, fontId, fillId, borderId, alignment)
        let oben = "<alignment vertical=\"top\" wrapText=\"1\"/>"
        let rechts = "<alignment horizontal=\"right\" vertical=\"top\"/>"
        let stile: [(Int, Int, Int, Int, String)] = [
            (0, 0, 0, 0, ""), (0, 2, 0, 0, ""), (0, 1, 2, 1, "<alignment vertical=\"bottom\" wrapText=\"1\"/>"),
            (0, 0, 0, 1, oben), (3, 0, 0, 1, rechts), (164, 0, 0, 1, rechts), (165, 0, 0, 1, rechts),
            (166, 0, 0, 1, rechts), (167, 0, 0, 1, rechts), (168, 0, 0, 1, rechts), (169, 0, 0, 1, rechts),
            (170, 0, 0, 1, rechts), (171, 0, 0, 1, rechts), (0, 1, 3, 1, oben), (0, 0, 4, 1, oben), (0, 0, 5, 1, oben),
            (0, 0, 6, 1, oben), (0, 0, 0, 1, rechts),
        ]
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        s += "<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
        s += "<numFmts count=\"\(formate.count)\">"
        for (id, code) in formate { s += "<numFmt numFmtId=\"\(id)\" formatCode=\"\(HtmlRenderer.esc(code))\"/>" }
        s += "</numFmts><fonts count=\"3\"><font><sz val=\"10\"/><name val=\"Arial\"/></font>"
        s +=
            "<font><b/><sz val=\"10\"/><name val=\"Arial\"/></font><font><b/><sz val=\"14\"/><name val=\"Arial\"/></font></fonts>"
        s +=
            "<fills count=\"\(2 + fuellungen.count)\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        for f in fuellungen {
            s +=
                "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FF\(f)\"/><bgColor indexed=\"64\"/></patternFill></fill>"
        }
        s += "</fills><borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        let duenn = "style=\"thin\"><color rgb=\"FF888888\"/>"
        s +=
            "<border><left \(duenn)</left><right \(duenn)</right><top \(duenn)</top><bottom \(duenn)</bottom><diagonal/></border></borders>"
        s += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        s += "<cellXfs count=\"\(stile.count)\">"
        for (fmt, font, fill, rand, ausrichtung) in stile {
            s +=
                "<xf numFmtId=\"\(fmt)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(rand)\" xfId=\"0\""
                + (fmt != 0 ? " applyNumberFormat=\"1\"" : "") + (font != 0 ? " applyFont=\"1\"" : "")
                + (fill != 0 ? " applyFill=\"1\"" : "") + (rand != 0 ? " applyBorder=\"1\"" : "")
                + (ausrichtung.isEmpty ? "/>" : " applyAlignment=\"1\">" + ausrichtung + "</xf>")
        }
        s += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return s + "</styleSheet>"
    }()
}
