import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlDaten
@testable import KennzahlDefinition

/// Splits CSV text into rows of field strings with the production scanner.
func zerlege(_ bytes: [UInt8]) -> [[String]] {
    CsvZerleger.zeilenAlsText(bytes).map(\.felder)
}

@Suite struct CsvLeserTests {
    @Test(arguments: [
        ("a;b\r\n1;2\r\n", [["a", "b"], ["1", "2"]]),
        ("a;b\n1;2", [["a", "b"], ["1", "2"]]),
        ("a;b\r1;2\r", [["a", "b"], ["1", "2"]]),
        ("a;b\n\"x;y\";\"he said \"\"hi\"\"\"\n", [["a", "b"], ["x;y", "he said \"hi\""]]),
        ("a;b\n\"zwei\nZeilen\";2\n", [["a", "b"], ["zwei\nZeilen", "2"]]),
        ("a;b;c\n1;;\n", [["a", "b", "c"], ["1", "", ""]]),
        ("a,b\n1,\"2,5\"\n", [["a", "b"], ["1", "2,5"]]),
        ("a\tb\n1\t2\n", [["a", "b"], ["1", "2"]]),
        ("a|b\n1|2\n\n\n", [["a", "b"], ["1", "2"]]),
    ])
    func dialekte(_ fall: (String, [[String]])) {
        #expect(zerlege(Array(fall.0.utf8)) == fall.1)
    }

    @Test func nichtGeschlossenesAnfuehrungszeichenKostetNurSeineZeile() {
        let zeilen = CsvZerleger.zeilenAlsText(Array("a;b\n\"offen;2\n3;4\n".utf8))
        #expect(zeilen.map(\.zeile) == [1, 2, 3])
        #expect(zeilen[1].problem?.contains("Zeile 2 wird nicht geschlossen") == true)
        #expect(zeilen[2].felder == ["3", "4"])
    }

    @Test func zeilennummernZaehlenUmbruecheInAnfuehrungszeichen() {
        #expect(CsvZerleger.zeilenAlsText(Array("a;b\n\"x\ny\";1\nz;2\n".utf8)).map(\.zeile) == [1, 2, 4])
    }

    @Test func windows1252UndBOM() throws {
        // "Böfingen;Straße" in Windows-1252.
        let cp1252: [UInt8] = [
            0x42, 0xF6, 0x66, 0x69, 0x6E, 0x67, 0x65, 0x6E, 0x3B, 0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x80,
        ]
        guard case .success(let e) = Textkodierung.nachUTF8(cp1252, erklaert: nil) else {
            Issue.record("nicht gelesen"); return
        }
        #expect(e.kodierung == .windows1252)
        #expect(String(decoding: e.bytes, as: UTF8.self) == "Böfingen;Straße€")
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Böfingen".utf8)
        guard case .success(let u) = Textkodierung.nachUTF8(bom, erklaert: nil) else {
            Issue.record("nicht gelesen"); return
        }
        #expect(u.hatteBOM && u.kodierung == .utf8)
        #expect(String(decoding: u.bytes, as: UTF8.self) == "Böfingen")
        guard case .failure(.utf16) = Textkodierung.nachUTF8([0xFF, 0xFE, 0x41, 0x00], erklaert: nil) else {
            Issue.record("UTF-16 nicht erkannt")
            return
        }
    }

    @Test(arguments: [
        ("1.234,56", 12_345_600), ("1234,56", 12_345_600), ("1234.56", 12_345_600), ("1.234", 12_340_000),
        ("-12,5", -125_000), (" 7 ", 70_000), ("1.234.567", 12_345_670_000), ("0,0001", 1), ("912,40 €", 9_124_000),
    ])
    func deutscheZahlen(_ fall: (String, Int64)) {
        #expect(ZahlLeser.festkomma(aus: fall.0)?.hundertstelCent == fall.1)
    }

    @Test(arguments: ["", "abc", "1,2,3", "12.34.5", "1.23,4", "0,00001", "--1", "1e5"])
    func unlesbareZahlen(_ text: String) {
        #expect(ZahlLeser.festkomma(aus: text) == nil)
    }

    @Test(arguments: [
        ("31.12.2021", "2021-12-31"), ("1.2.2021", "2021-02-01"), ("2021-12-31", "2021-12-31"),
        ("29.02.2024", "2024-02-29"), ("31.12.2021 00:00:00", "2021-12-31"),
    ])
    func datumsangaben(_ fall: (String, String)) {
        #expect(DatumLeser.tag(aus: fall.0)?.iso == fall.1)
    }

    @Test(arguments: ["31.02.2021", "29.02.2021", "31.12.21", "2021/12/31", "12.2021", "", "32.01.2021", "00.01.2021"])
    func unmoeglicheDaten(_ text: String) {
        #expect(DatumLeser.tag(aus: text) == nil)
    }
}

@Suite struct ZahlenTests {
    @Test func bruchRundetErstBeiDerAusgabeKaufmaennisch() throws {
        // 3853 / 4816 = 80,004 %: shown as 80,0 and exactly ≥ 80.
        let anteil = try #require(Bruch(zaehler: 3853 * 100, nenner: 4816))
        #expect(Zahlformat.deutsch(anteil, dezimalen: 1) == "80,0")
        #expect(anteil >= Bruch(80))
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: 5, nenner: 1000)), dezimalen: 2) == "0,01")
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: -5, nenner: 1000)), dezimalen: 2) == "-0,01")
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: -4, nenner: 1000)), dezimalen: 2) == "0,00")
        #expect(Zahlformat.deutsch(Bruch(1_234_567), dezimalen: 0) == "1.234.567")
        #expect(
            Zahlformat.schlicht(try #require(Bruch(zaehler: 12_345, nenner: 10)), dezimalen: 2, dezimal: ",")
                == "1234,50")
        #expect(Bruch(zaehler: 1, nenner: 0) == nil)
    }

    @Test func geldSummiertAufDenCentGenau() throws {
        // 0,10 + 0,20 as money is exactly 0,30 (with binary floating point it is not).
        let a = Bruch(try #require(ZahlLeser.festkomma(aus: "0,10"))),
            b = Bruch(try #require(ZahlLeser.festkomma(aus: "0,20")))
        #expect(a.plus(b) == Bruch(try #require(ZahlLeser.festkomma(aus: "0,30"))))
    }

    @Test func tageUndQuartale() throws {
        let t = try #require(Tag(jahr: 2021, monat: 12, tag: 31))
        #expect(t.deutsch == "31.12.2021")
        #expect(t.quartal.name == "2021-Q4")
        #expect(Tag(nummer: t.nummer).bestandteile == (2021, 12, 31))
        #expect(Quartal(jahr: 2021, nummer: 1).verschoben(um: -1).name == "2020-Q4")
        #expect(Quartal.parse("2021-Q4")?.deutsch == "4. Quartal 2021")
        #expect(Quartal.parse("2021-Q5") == nil)
        #expect(Zeitraum.jahrBis(Quartal(jahr: 2021, nummer: 2)).deutsch == "01.01.–30.06.2021")
        #expect(Slug.aus("Mitte/Ost") == "mitte-ost")
        #expect(Slug.aus("Böfingen") == "boefingen")
        #expect(Slug.aus("../../etc/passwd") == "etc-passwd")
    }
}

@Suite struct DefinitionTests {
    func diagnosen(_ text: String) -> [Diagnose] { KatalogLeser.lade(texte: [(pfad: "t.kz", text: text)]).1 }

    @Test func kleinerKatalogIstGueltig() throws {
        let k = try katalog(kleinerKatalog)
        #expect(k.kennzahlen.count == 6)
        #expect(k.sozialraeume.map(\.slug) == ["nord", "sued"])
    }

    @Test func tippfehlerMitVorschlagUndCaret() {
        let d = diagnosen(
            kleinerKatalog.replacingOccurrences(of: "  zeitraum quartal, zugaenge", with: "  zeitram quartal, zugaenge")
        )
        let f = d.first { $0.code == "KZ021" }
        #expect(f?.ort?.zeile == 40)
        #expect(f?.ort?.spalte == 3)
        #expect(f?.formatiert.contains("t.kz:40:3: Fehler: unbekanntes Feld 'zeitram' in kennzahl") == true)
        #expect(
            f?.formatiert.contains("\n 40 |   zeitram quartal, zugaenge\n   |   ^~~~~~~ meinten Sie 'zeitraum'?")
                == true)
    }

    @Test(arguments: [
        (
            "wert anzahl faelle aus hilfen wo form = \"ambulant\"",
            "wert anzahl faelle aus hilfn wo form = \"ambulant\"", "KZ162", "meinten Sie 'hilfen'?"
        ),
        (
            "wert anzahl faelle aus hilfen wo form = \"ambulant\"",
            "wert anzahl faelle aus hilfen wo from = \"ambulant\"", "KZ173", "meinten Sie 'form'?"
        ),
        (
            "wert anzahl faelle aus hilfen wo form = \"ambulant\"",
            "wert anzahl faelle aus hilfen wo form = \"ambulnt\"", "KZ175", "meinten Sie 'ambulant'?"
        ),
        ("wert AMB + STAT", "wert AMB + STATT", "KZ160", "meinten Sie 'STAT'?"),
    ])
    func semantischeFehler(_ fall: (String, String, String, String)) {
        let d = diagnosen(kleinerKatalog.replacingOccurrences(of: fall.0, with: fall.1))
        let f = d.first { $0.code == fall.2 }
        #expect(f != nil, "\(d.map(\.zeile))")
        #expect(f?.hinweis == fall.3)
    }

    @Test func zyklusZwischenKennzahlenWirdGemeldet() {
        let text = kleinerKatalog.replacingOccurrences(
            of: "wert anzahl faelle aus hilfen wo form = \"stationär\"", with: "wert GES")
        let d = diagnosen(text)
        #expect(d.contains { $0.code == "KZ180" && $0.text.contains("AMB") == false && $0.text.contains("GES") })
    }

    @Test func alleFehlerAufEinmal() {
        let d = diagnosen(
            kleinerKatalog
                .replacingOccurrences(of: "produkt 2 \"Fallzahlen\"", with: "produkt 2 \"Fallzahlen\"\n  gesamtt \"x\"")
                .replacingOccurrences(of: "einheit prozent", with: "einheit proznt"))
        #expect(d.filter { $0.schwere == .fehler }.count >= 2)
        #expect(d.contains { $0.hinweis == "meinten Sie 'gesamt'?" })
        #expect(d.contains { $0.hinweis == "meinten Sie 'prozent'?" })
    }

    @Test func zielwertUeber100ProzentIstEinFehler() {
        let d = diagnosen(
            kleinerKatalog.replacingOccurrences(
                of: "  einheit prozent", with: "  einheit prozent\n  zielwert mindestens 120"))
        #expect(d.contains { $0.code == "KZ154" })
    }

    @Test func dateimusterAusserhalbDesDatenordnersWirdAbgelehnt() {
        let d = diagnosen(
            kleinerKatalog.replacingOccurrences(
                of: "datei \"hilfen-{quartal}.csv\"", with: "datei \"../../etc/{quartal}.csv\""))
        #expect(d.contains { $0.code == "KZ135" })
    }

    @Test func unsinnigeEingabenEndenInDiagnosenNieInEinemAbsturz() {
        for text in [
            "", "{", "}", "kennzahl", "kennzahl X \"", "katalog \"a\" { produkt", "\u{0}\u{1}",
            "quelle q \"t\" { feld f \"s\" { \"a\" -> } }",
            "kennzahl A \"a\" { wert ((((( }", "ampel x { rot wenn }", String(repeating: "(", count: 500),
        ] {
            let (k, d) = KatalogLeser.lade(texte: [(pfad: "t.kz", text: text)])
            #expect(k == nil && !d.isEmpty, "\(text.prefix(20))")
        }
    }
}
