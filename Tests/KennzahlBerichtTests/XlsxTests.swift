import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// The Excel workbooks, read back with the project's own zip reader: sound containers (every CRC
/// checked), numbers as numeric cells with their formats, texts never formulas, same bytes twice.
@Suite struct XlsxTests {
    static func mappe(_ slug: String, _ datei: String) throws -> [String: String] {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let b = try #require(
            Berichtslauf.berichte(g).first { $0.slug == slug && $0.bericht.dateiname == datei }?.bericht)
        let bytes = try #require(XlsxRenderer.render(b, stand: g.stand))
        #expect(XlsxRenderer.render(b, stand: g.stand) == bytes, "zweimal dieselben Bytes")
        let teile = try #require(Zip.entpacke(bytes), "Container nicht heil")
        return Dictionary(uniqueKeysWithValues: teile.map { ($0.pfad, String(decoding: $0.inhalt, as: UTF8.self)) })
    }

    @Test func zahlenAlsZahlenMitFormat() throws {
        let teile = try Self.mappe("wiblingen", "produkt-3")
        #expect(
            Set(teile.keys) == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml",
                "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        // The data quality on the second sheet, as every format carries it.
        #expect(teile["xl/workbook.xml"]?.contains("<sheet name=\"Datenqualität\" sheetId=\"2\"") == true)
        #expect(teile["xl/worksheets/sheet2.xml"]?.contains("ProSoz – Hilfen zur Erziehung") == true)
        let blatt = try #require(teile["xl/worksheets/sheet1.xml"])
        // JH-Z5 in Wiblingen: 74,0 % stored as the fraction 0.74 with the percent style (proz1).
        #expect(blatt.contains("s=\"\(XlsxRenderer.Stil.proz1.rawValue)\"><v>0.74</v>"), "\(blatt.prefix(3000))")
        // The red light: symbol and word as text in the red style.
        #expect(
            blatt.contains(
                "s=\"\(XlsxRenderer.Stil.rot.rawValue)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">■ rot</t>"))
        #expect(blatt.contains("state=\"frozen\"") && blatt.contains("<autoFilter ref=\"A7:"))
        let stile = try #require(teile["xl/styles.xml"])
        #expect(stile.contains("formatCode=\"0.0 %\"") && stile.contains("FFF4B6B6"))
        #expect(!blatt.contains("<f>") && !blatt.contains("t=\"str\""), "keine Formeln")
        #expect(!blatt.contains("t=\"inlineStr\"></c>"), "eine Textzelle ohne Text")
    }

    /// The period's workbook: one sheet per Produkt (the city's side-by-side table), unique names.
    @Test func periodenmappe() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let staedtisch = Berichtslauf.berichte(g).filter { $0.slug == "gesamt" }.map(\.bericht)
        let bytes = try #require(XlsxRenderer.periodenmappe(staedtisch, stand: g.stand))
        let teile = try #require(Zip.entpacke(bytes))
        let mappe = try #require(
            teile.first { $0.pfad == "xl/workbook.xml" }.map { String(decoding: $0.inhalt, as: UTF8.self) })
        #expect((1...4).allSatisfy { n in teile.contains { $0.pfad == "xl/worksheets/sheet\(n).xml" } })
        #expect(mappe.components(separatedBy: "<sheet ").count - 1 == 4, "\(mappe)")
        // Two sheets whose names agree in their first 31 characters still get different names.
        let b = staedtisch[0]
        let tabelle = try #require(b.csvTabelle)
        let blatt = XlsxRenderer.Blatt(name: b.titel, kopf: [b.titel], tabelle: tabelle, fuss: [])
        let doppelt = XlsxRenderer.mappe([blatt, blatt], stand: nil)
        let namen = try #require(Zip.entpacke(doppelt)?.first { $0.pfad == "xl/workbook.xml" })
        #expect(String(decoding: namen.inhalt, as: UTF8.self).contains(" (2)\" sheetId=\"2\""))
    }

    /// A text that looks like a formula stays text; names that Excel forbids in sheet names are replaced.
    @Test func textBleibtText() {
        for boese in ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "<b>&</b>"] {
            let (stil, xml, _) = XlsxRenderer.zelle(.text(boese))
            #expect(stil == .text && xml.hasPrefix("<is><t") && !xml.contains("<b>"), "\(xml)")
        }
        #expect(XlsxRenderer.blattname("Produkt 2: [Fallzahlen] *a/b\\c?") == "Produkt 2- -Fallzahlen- -a-b-c-")
        #expect(XlsxRenderer.blattname(String(repeating: "x", count: 40)).count == 31)
        #expect(
            XlsxRenderer.spaltenname(0) == "A" && XlsxRenderer.spaltenname(25) == "Z"
                && XlsxRenderer.spaltenname(26) == "AA")
    }

    /// CRC-32 against the standard check value, and a damaged container is refused.
    @Test func zipContainer() throws {
        #expect(Zip.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        let z = Zip.packe([("a.txt", Array("hallo".utf8)), ("ü/b.xml", [])], jahr: 2023, monat: 1, tag: 16)
        let teile = try #require(Zip.entpacke(z))
        #expect(teile.map(\.pfad) == ["a.txt", "ü/b.xml"] && teile[0].inhalt == Array("hallo".utf8))
        var kaputt = z
        kaputt[36] ^= 0xFF  // a byte of the first entry's data (30-byte header, 5-byte name)
        #expect(Zip.entpacke(kaputt) == nil)
    }
}
