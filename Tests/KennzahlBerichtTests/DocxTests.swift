import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// The Word documents, read back with the project's own zip reader: sound containers, the tables
/// with repeated header rows and widths that fit the page, Ampel cells shaded, wide tables in a
/// landscape section, texts escaped, the same bytes twice, and public reports withholding what
/// the other formats withhold.
@Suite struct DocxTests {
    static func teile(_ bytes: [UInt8]) throws -> [String: String] {
        let teile = try #require(Zip.entpacke(bytes), "Container nicht heil")
        return Dictionary(uniqueKeysWithValues: teile.map { ($0.pfad, String(decoding: $0.inhalt, as: UTF8.self)) })
    }

    /// The `w:tbl` elements of a document, in order.
    static func tabellen(_ dokument: String) -> [String] {
        dokument.components(separatedBy: "<w:tbl>").dropFirst().map { $0.components(separatedBy: "</w:tbl>")[0] }
    }

    static func zahlen(_ xml: String, _ element: String) -> [Int] {
        xml.components(separatedBy: "<\(element) w:w=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
    }

    @Test func wiblingenProdukt3() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let b = try #require(
            Berichtslauf.berichte(g).first { $0.slug == "wiblingen" && $0.bericht.dateiname == "produkt-3" }?.bericht)
        let bytes = DocxRenderer.render(b, stand: g.stand)
        #expect(DocxRenderer.render(b, stand: g.stand) == bytes, "zweimal dieselben Bytes")
        let teile = try Self.teile(bytes)
        #expect(
            Set(teile.keys) == [
                "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
                "word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/footer1.xml",
            ])
        let dokument = try #require(teile["word/document.xml"])
        // Title in the built-in Heading 1, sections in Heading 2, the note that charts are left out.
        #expect(dokument.hasPrefix("<?xml") && dokument.contains("<w:pStyle w:val=\"Heading1\"/>"))
        #expect(dokument.contains("Die Diagramme und Karten der HTML-Fassung sind in diesem Dokument nicht enthalten"))
        let stile = try #require(teile["word/styles.xml"])
        #expect(stile.contains("<w:name w:val=\"heading 1\"/>") && stile.contains("<w:name w:val=\"Table Grid\"/>"))
        // JH-Z5: 74,0 % as German text; its red light shaded red with symbol and word.
        let tabellen = Self.tabellen(dokument)
        let haupt = try #require(tabellen.first)
        let jh = try #require(haupt.components(separatedBy: "<w:tr>").first { $0.contains(">JH-Z5<") })
        #expect(jh.contains(">74,0 %</w:t>"))
        #expect(
            jh.contains(
                "w:fill=\"F4B6B6\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"TabellentextKlein\"/></w:pPr><w:r><w:t xml:space=\"preserve\">■ rot</w:t>"
            ), "\(jh)")
        // Header rows repeat on every page; the 17 columns go on a landscape page and fit it.
        #expect(haupt.components(separatedBy: "<w:tblHeader/>").count - 1 == 2)
        #expect(dokument.contains("w:orient=\"landscape\""))
        for t in tabellen {
            let spalten = Self.zahlen(t, "w:gridCol")
            #expect(spalten.reduce(0, +) <= Spaltenbreiten.breiteQuer && spalten.allSatisfy { $0 > 0 })
        }
        #expect(!dokument.contains("w:hyperlink") && !dokument.contains("w:instrText"), "keine Verweise, keine Felder")
    }

    /// Names and texts from the catalogue or the exports are escaped; control characters replaced;
    /// a text that looks like a formula is plain text (Word has no cell formulas in running text).
    @Test func feindlicheTexte() throws {
        let boese = "</w:t></w:r><w:r><w:instrText>HYPERLINK \"x\"</w:instrText>&\u{1}=SUM(1)"
        let t = Tabelle(
            spalten: [Spalte("Name"), Spalte("Wert", rechtsbuendig: true)], zeilen: [[.text(boese), .geheim]])
        let b = Bericht(
            dateiname: "produkt-1", titel: boese, gebiet: "Zeile 1\r\nZeile 2", kopfzeilen: [],
            abschnitte: [Abschnitt(titel: "A", tabelle: t)], hinweise: [], csvTabelle: t)
        let dokument = try #require(try Self.teile(DocxRenderer.render(b, stand: nil))["word/document.xml"])
        #expect(!dokument.contains("<w:instrText>") && dokument.contains("&lt;/w:t&gt;&lt;/w:r&gt;"))
        #expect(dokument.contains("&amp;\u{FFFD}=SUM(1)") && !dokument.contains("\u{1}"))
        #expect(dokument.contains("Zeile 1</w:t><w:br/><w:t xml:space=\"preserve\">Zeile 2"))
        #expect(dokument.contains(">.</w:t>"), "ein zurückgehaltener Wert als Punkt")
    }

    /// A public report's document withholds exactly the cells its CSV table withholds.
    @Test func oeffentlichWieDieAnderenFormate() throws {
        let faelle = [("Nord", 2, 10), ("Mitte", 6, 7), ("Süd", 8, 9)]
        let g = try Kleinstadt.grundlage(faelle, oeffentlich: true)
        var zusammen = 0
        for (slug, b) in Berichtslauf.berichte(g).map({ ($0.slug, $0.bericht) }) {
            let t = try #require(b.csvTabelle)
            let zurueck = t.zeilen.joined().filter { $0 == .geheim || $0 == .symbol(".") }.count
            let dokument = try #require(try Self.teile(DocxRenderer.render(b, stand: g.stand))["word/document.xml"])
            let haupt = try #require(Self.tabellen(dokument).first)
            #expect(haupt.components(separatedBy: ">.</w:t>").count - 1 == zurueck, "\(slug)")
            zusammen += zurueck
            #expect(!haupt.contains(">2</w:t>") || slug == "gesamt", "\(slug): Nords 2 Fälle")
        }
        #expect(zusammen >= 2, "Nords 2 Fälle und der Wert, aus dem sie sich errechnen ließen")
    }

    /// Widths: a narrow table stays on a portrait page at the width it wants; a wide one goes on
    /// a landscape page, in 7 pt if need be, and still fits; numbers never get less than they need.
    @Test func spaltenbreiten() {
        let schmal = Spaltenbreiten([Spalte("Name"), Spalte("Wert")], [["Böfingen", "12"]], fest: [[false, true]])
        #expect(!schmal.quer && !schmal.klein && schmal.breiten.reduce(0, +) < Spaltenbreiten.breiteHoch)
        let spalten = (0..<17).map { Spalte("Spaltenüberschrift \($0)", fliesstext: $0 == 15) }
        let zeile = (0..<17).map { $0 % 2 == 0 ? "1.234.567,89 €" : "Eingliederungshilfe Wohnraumsicherung" }
        let breit = Spaltenbreiten(spalten, [zeile], fest: [(0..<17).map { $0 % 2 == 0 }])
        #expect(breit.quer && breit.klein && breit.breiten.reduce(0, +) <= Spaltenbreiten.breiteQuer)
        for n in stride(from: 0, to: 17, by: 2) { #expect(breit.breiten[n] >= 14 * 79, "Spalte \(n)") }
    }
}
