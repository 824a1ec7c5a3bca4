import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// The three formats of every report carry the same numbers; output is written atomically.
@Suite struct FormateTests {
    /// Rows of the CSV (Excel dialect), fields unquoted.
    static func csvZeilen(_ text: String) -> [[String]] {
        var zeilen: [[String]] = []
        var feld = "", zeile: [String] = [], inAnf = false
        var zeichen = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        zeichen.append("\n")
        var i = 0
        while i < zeichen.count {
            let c = zeichen[i]
            if inAnf {
                if c == "\"" {
                    if i + 1 < zeichen.count, zeichen[i + 1] == "\"" {
                        feld.append("\""); i += 1
                    } else {
                        inAnf = false
                    }
                } else {
                    feld.append(c)
                }
            } else if c == "\"" {
                inAnf = true
            } else if c == ";" {
                zeile.append(feld); feld = ""
            } else if c == "\r\n" || c == "\n" {
                zeile.append(feld)
                if zeile != [""] { zeilen.append(zeile) }
                zeile = []
                feld = ""
            } else {
                feld.append(c)
            }
            i += 1
        }
        return zeilen
    }

    /// Rows of the first pipe table (header included), cells unescaped.
    static func markdownZeilen(_ text: String) -> [[String]] {
        var zeilen: [[String]] = []
        for zeile in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if zeile.hasPrefix("|:") || zeile.hasPrefix("|-") { continue }
            guard zeile.hasPrefix("| ") else {
                if !zeilen.isEmpty { break }
                continue
            }
            var zellen: [String] = [], feld = "", maskiert = false
            for c in zeile.dropFirst(2) {
                if maskiert {
                    feld.append(c); maskiert = false
                } else if c == "\\" {
                    maskiert = true
                } else if c == "|" {
                    zellen.append(feld.trimmingCharacters(in: .whitespaces))
                    feld = ""
                } else {
                    feld.append(c)
                }
            }
            zeilen.append(zellen)
        }
        return zeilen
    }

    /// Rows of the first table (header included), text of each cell without tags.
    static func htmlZeilen(_ text: String) -> [[String]] {
        guard let start = text.range(of: "<table"),
            let ende = text.range(of: "</table>", range: start.upperBound..<text.endIndex)
        else { return [] }
        let tabelle = String(text[start.lowerBound..<ende.lowerBound])
        var zeilen: [[String]] = []
        // Rows may carry an anchor (`<tr id="licht-…">`).
        for tr in tabelle.components(separatedBy: "<tr").dropFirst() {
            var zellen: [String] = []
            for teil in tr.components(separatedBy: "</t").dropLast() {
                guard let auf = teil.range(of: "<td") ?? teil.range(of: "<th") else { continue }
                let rest = teil[auf.upperBound...]
                guard let gt = rest.firstIndex(of: ">") else { continue }
                var inhalt = String(rest[rest.index(after: gt)...])
                while let a = inhalt.range(of: "<"),
                    let b = inhalt.range(of: ">", range: a.upperBound..<inhalt.endIndex)
                {
                    inhalt.removeSubrange(a.lowerBound..<b.upperBound)
                }
                let entitaeten = [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")]
                for (e, z) in entitaeten { inhalt = inhalt.replacingOccurrences(of: e, with: z) }
                zellen.append(
                    inhalt.replacingOccurrences(of: "\u{00A0}", with: " ").trimmingCharacters(in: .whitespaces))
            }
            zeilen.append(zellen)
        }
        // The column-group row (first row with colspan) is not a data row.
        if tabelle.contains("colspan"), !zeilen.isEmpty { zeilen.removeFirst() }
        return zeilen
    }

    /// A number as people read it (`1.094`, `84,0 %`, `1.051,15 €`) or as the CSV writes it.
    static func zahl(_ text: String, deutsch: Bool) -> Bruch? {
        var t = text
        for suffix in [" %", " €"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
        if deutsch { t = t.replacingOccurrences(of: ".", with: "") }
        return Schreibweise.zahlenwert(t.replacingOccurrences(of: ",", with: "."))
            .flatMap { t.hasPrefix("-") ? nil : $0 }
            ?? (t.hasPrefix("-")
                ? Schreibweise.zahlenwert(String(t.dropFirst()).replacingOccurrences(of: ",", with: ".")).flatMap {
                    Bruch.null.minus($0)
                } : nil)
    }

    @Test func csvMarkdownUndHtmlTragenDieselbenZahlen() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        var geprueft = 0
        for (slug, b) in Berichtslauf.berichte(g) {
            let tabelle = try #require(b.csvTabelle)
            let csv = FormateTests.csvZeilen(try #require(CsvRenderer.render(b, .excel)))
            let md = FormateTests.markdownZeilen(MarkdownRenderer.render(b))
            let html = FormateTests.htmlZeilen(HtmlRenderer.render(b))
            // CSV leaves out columns only for readers: map CSV columns to model columns.
            let spalten = tabelle.spalten.indices.filter { !tabelle.spalten[$0].nurLesefassung }
            #expect(csv.count == tabelle.zeilen.count + 1, "\(slug)/\(b.dateiname)")
            #expect(
                md.count == csv.count && html.count == csv.count,
                "\(slug)/\(b.dateiname): \(csv.count) \(md.count) \(html.count)")
            guard md.count == csv.count, html.count == csv.count else { continue }
            for (r, zeile) in csv.enumerated().dropFirst() {
                #expect(
                    zeile.count == spalten.count && md[r].count == tabelle.spalten.count
                        && html[r].count == tabelle.spalten.count,
                    "\(slug)/\(b.dateiname) Zeile \(r): Spaltenzahl")
                guard zeile.count == spalten.count, md[r].count == tabelle.spalten.count,
                    html[r].count == tabelle.spalten.count
                else { continue }
                for (c, feld) in zeile.enumerated() {
                    guard let n = FormateTests.zahl(feld, deutsch: false) else { continue }
                    let m = spalten[c]
                    let imMarkdown = FormateTests.zahl(md[r][m], deutsch: true)
                    let imHtml = FormateTests.zahl(html[r][m], deutsch: true)
                    #expect(
                        imMarkdown == n,
                        "\(slug)/\(b.dateiname) Zeile \(r) Spalte \(tabelle.spalten[m].titel): CSV \(feld), Markdown \(md[r][m])"
                    )
                    #expect(
                        imHtml == n,
                        "\(slug)/\(b.dateiname) Zeile \(r) Spalte \(tabelle.spalten[m].titel): CSV \(feld), HTML \(html[r][m])"
                    )
                    geprueft += 1
                }
            }
        }
        #expect(geprueft > 1000)
    }

    @Test func einAbbruchMittendrinLaesstDenVorigenStandStehen() throws {
        let aus = temporaererOrdner()
        let ziel = aus + "/2021-Q4"
        try Ausgabe.schreibe(
            [
                (pfad: "gesamt/produkt-1.md", inhalt: Array("alt".utf8)),
                (pfad: "index.html", inhalt: Array("alt".utf8)),
            ], nach: ziel)
        // The third file cannot be written: the run fails after two files.
        let neu: [(pfad: String, inhalt: [UInt8])] = [
            ("gesamt/produkt-1.md", Array("neu".utf8)), ("gesamt/produkt-2.md", Array("neu".utf8)),
            ("../ausserhalb.md", Array("neu".utf8)), ("index.html", Array("neu".utf8)),
        ]
        #expect(throws: Ausgabe.Fehler.self) { try Ausgabe.schreibe(neu, nach: ziel) }
        let fm = FileManager.default
        #expect(fm.contents(atPath: ziel + "/gesamt/produkt-1.md") == Data("alt".utf8))
        #expect(fm.contents(atPath: ziel + "/index.html") == Data("alt".utf8))
        #expect(!fm.fileExists(atPath: ziel + "/gesamt/produkt-2.md"))
        #expect(!fm.fileExists(atPath: aus + "/ausserhalb.md"))
        // No temporary folder left behind.
        #expect(try fm.contentsOfDirectory(atPath: aus) == ["2021-Q4"])
    }

    @Test func htmlHatKeineExterneAdresseUndKeinSkript() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        for datei in Berichtslauf.dateien(g, formate: [.html], csv: .excel) where datei.pfad.hasSuffix(".html") {
            let html = String(decoding: datei.inhalt, as: UTF8.self)
            #expect(
                !html.contains("http:") && !html.contains("https:") && !html.contains("src=") && !html.contains("url("),
                "\(datei.pfad)")
            #expect(!html.lowercased().contains("<script"), "\(datei.pfad)")
            #expect(html.contains("<html lang=\"de\">"))
        }
    }
}
