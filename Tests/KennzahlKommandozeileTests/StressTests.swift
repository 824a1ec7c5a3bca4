import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBeispiele
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Generators of hostile inputs: deep, long, wide, many. Each builds a catalogue or an export that
/// tries to break a promise – no crash, no hang, a German error with file, line and column.
enum Generator {
    /// A catalogue around one Kennzahl `X` whose formula (or filter) is `formel`.
    static func katalog(wert formel: String, extra: String = "") -> String {
        """
        katalog "Stress" { produkt 1 "P" }
        sozialraum "Nord" { codes "N" }
        quelle q "Q" {
          art faelle; datei "q-{quartal}.csv"; id "Fall"; sozialraum "SR"; beginn "Beginn"
          feld form "Form" { "a" -> "ambulant"; "s" -> "stationär" }
          feld n "Zahl" zahl
        }
        kennzahl A "a" { produkt 1; definition "d"; wert anzahl faelle aus q; zeitraum quartal, stichtag }
        kennzahl X "x" { produkt 1; definition "d"
          wert \(formel)
          zeitraum quartal, stichtag
        }
        \(extra)
        """
    }

    static func klammern(_ n: Int) -> String {
        String(repeating: "(", count: n) + "A" + String(repeating: ")", count: n)
    }
    static func summe(_ n: Int) -> String { Array(repeating: "A", count: n).joined(separator: " + ") }
    static func nichtKette(_ n: Int) -> String {
        "anzahl faelle aus q wo " + String(repeating: "nicht ", count: n) + "form = \"ambulant\""
    }
    static func undKette(_ n: Int, _ wort: String = "und") -> String {
        "anzahl faelle aus q wo " + Array(repeating: "form = \"ambulant\"", count: n).joined(separator: " \(wort) ")
    }
    static func filterKlammern(_ n: Int) -> String {
        "anzahl faelle aus q wo " + String(repeating: "(", count: n) + "form = \"ambulant\""
            + String(repeating: ")", count: n)
    }
    static func zahlenliste(_ n: Int) -> String {
        "anzahl faelle aus q wo n in [" + (0..<n).map(String.init).joined(separator: ", ") + "]"
    }

    /// `n` Kennzahlen, each referring to the one before: K1 = A, K2 = K1 + A, …
    static func verweiskette(_ n: Int) -> String {
        (1...n).map { i in
            "kennzahl K\(i) \"k\(i)\" { produkt 1; definition \"d\"; wert \(i == 1 ? "A" : "K\(i - 1) + A") }"
        }.joined(separator: "\n")
    }

    /// `n` independent Kennzahlen.
    static func viele(_ n: Int) -> String {
        (1...n).map {
            "kennzahl V\($0) \"v\($0)\" { produkt 1; definition \"d\"; wert anzahl faelle aus q wo form = \"ambulant\"; zeitraum quartal, stichtag }"
        }
        .joined(separator: "\n")
    }

    /// `n` lines with the misspelt declaration `kenzahl`.
    static func tippfehler(_ n: Int) -> String {
        (1...n).map { "kenzahl T\($0) \"t\" { produkt 1; definition \"d\"; wert A }" }.joined(separator: "\n")
    }

    /// An export with `n` rows, each with its own unknown Sozialraum.
    static func unbekannteSozialraeume(_ n: Int) -> [UInt8] {
        var s = "Fall;SR;Beginn;Form;Zahl\n"
        s.reserveCapacity(n * 40)
        for i in 0..<n { s += "F\(i);Unbekannt-\(i);01.10.2021;a;1\n" }
        return Array(s.utf8)
    }
}

@Suite struct StressTests {
    /// Definitions that must be refused with a German error naming file, line and column.
    @Test(arguments: [
        ("3.500 Klammern", Generator.katalog(wert: Generator.klammern(3_500)), "KZ015"),
        ("33 Klammern", Generator.katalog(wert: Generator.klammern(33)), "KZ015"),
        ("20.000 Summanden", Generator.katalog(wert: Generator.summe(20_000)), "KZ016"),
        ("10.000 × nicht", Generator.katalog(wert: Generator.nichtKette(10_000)), "KZ015"),
        ("10.000 × und", Generator.katalog(wert: Generator.undKette(10_000)), "KZ016"),
        ("10.000 × oder", Generator.katalog(wert: Generator.undKette(10_000, "oder")), "KZ016"),
        ("3.500 Klammern im Filter", Generator.katalog(wert: Generator.filterKlammern(3_500)), "KZ015"),
        (
            "3.500 × max(",
            Generator.katalog(
                wert: String(repeating: "max(A, ", count: 3_500) + "A" + String(repeating: ")", count: 3_500)), "KZ015"
        ),
        ("20.000 Zahlen in einer Liste", Generator.katalog(wert: Generator.zahlenliste(20_000)), "KZ016"),
    ])
    func zuTiefOderZuLangIstEinFehler(_ name: String, _ text: String, _ code: String) throws {
        let f = try Fixture(["stress.kz": text])
        let r = lauf(["check", "--definitions", f.ordner + "/stress.kz"])
        #expect(r.code == 1, "\(name)")
        #expect(r.fehler.contains("stress.kz:10:"), "\(name): \(r.fehler.prefix(500))")
        #expect(r.fehler.contains("[\(code)]"), "\(name): \(r.fehler.prefix(500))")
    }

    /// Within the documented limits everything works: 32 levels, 256 operands (a count with a
    /// filter on a list counts the count, the field and each listed value).
    @Test(arguments: [
        ("32 Klammern", Generator.katalog(wert: Generator.klammern(32))),
        ("256 Summanden", Generator.katalog(wert: Generator.summe(256))),
        ("30 × nicht", Generator.katalog(wert: Generator.nichtKette(30))),
        ("255 × und", Generator.katalog(wert: Generator.undKette(255))),
        ("254 Zahlen in einer Liste", Generator.katalog(wert: Generator.zahlenliste(254))),
    ])
    func anDerGrenzeGehtEsNoch(_ name: String, _ text: String) throws {
        let k = try katalog(text)
        #expect(k.kennzahl(id: "X") != nil, "\(name)")
    }

    /// Chains of references between Kennzahlen are checked and evaluated without recursion: 5.000
    /// links deep, the last one's value is the sum of all.
    @Test func langeVerweiskette() throws {
        let n = 5_000
        let k = try katalog(Generator.katalog(wert: "A", extra: Generator.verweiskette(n)))
        let f = try Fixture(["q-2021-Q4.csv": "Fall;SR;Beginn;Form;Zahl\n1;N;01.10.2021;a;1\n2;N;01.10.2021;s;2\n"])
        let (a, d) = try werte(k, f, [("K\(n)", .quartal(Quartal(jahr: 2021, nummer: 4)))])
        #expect(!d.contains { $0.schwere == .fehler })
        let i = try #require(k.kennzahlen.firstIndex { $0.id == "K\(n)" })
        #expect(a.kennwert(i, .quartal(Quartal(jahr: 2021, nummer: 4)), .gesamt).wert == Bruch(2 * n))
    }

    /// A cycle at the end of a long chain is found and reported once.
    @Test func kreisAmEndeEinerLangenKette() throws {
        let text = Generator.katalog(
            wert: "K5000", extra: Generator.verweiskette(5_000).replacingOccurrences(of: "wert A }", with: "wert X }"))
        let (k, d) = KatalogLeser.lade(texte: [(pfad: "kreis.kz", text: text)])
        #expect(k == nil)
        #expect(d.filter { $0.code == "KZ180" }.count == 1, "\(d.map(\.zeile).prefix(3))")
    }

    /// Many declarations and many mistakes cost linear time: 20.000 misspelt declarations give
    /// 20.000 errors, 5.000 Kennzahlen check fine. (No time is asserted; a quadratic version of
    /// either ran for minutes.)
    @Test func vieleFehlerUndVieleKennzahlen() throws {
        let (k1, d1) = KatalogLeser.lade(texte: [
            (pfad: "t.kz", text: Generator.katalog(wert: "A", extra: Generator.tippfehler(20_000)))
        ])
        #expect(k1 == nil)
        #expect(d1.filter { $0.code == "KZ020" }.count == 20_000)
        #expect(d1.first { $0.code == "KZ020" }?.hinweis == "meinten Sie 'kennzahl'?")
        let k2 = try katalog(Generator.katalog(wert: "A", extra: Generator.viele(5_000)))
        #expect(k2.kennzahlen.count == 5_002)
    }

    /// A million rows with distinct unknown Sozialraum values: every row rejected with its reason,
    /// details and suggestions only for the first rows of the file.
    @Test func vieleVerschiedeneUnbekannteWerte() throws {
        let k = try katalog(Generator.katalog(wert: "A"))
        let f = try Fixture([:])
        try f.schreibe("q-2021-Q4.csv", Generator.unbekannteSozialraeume(200_000))
        let (a, d) = try werte(k, f, [("A", .quartal(Quartal(jahr: 2021, nummer: 4)))])
        let s = try #require(a.statistik.first)
        #expect(s.verworfen["unbekannter Sozialraum"] == 200_000)
        #expect(d.filter { $0.code == "KZ220" }.count == QuellenLeser.detailGrenze)
        #expect(
            d.contains { $0.code == "KZ221" && $0.text.hasPrefix("199.950 weitere Zeilen verworfen") },
            "\(d.map(\.zeile).suffix(2))")
    }

    /// Wide and long rows: 100.000 fields in a row, a row over the buffer size.
    @Test func breiteUndLangeZeilen() throws {
        let k = try katalog(Generator.katalog(wert: "A"))
        let breit =
            "Fall;SR;Beginn;Form;Zahl\n" + "1;N;01.10.2021;a;1" + String(repeating: ";x", count: 100_000)
            + "\n2;N;01.10.2021;a;1\n"
        let lang =
            "Fall;SR;Beginn;Form;Zahl\n1;N;01.10.2021;a;" + String(repeating: "9", count: 2 << 20)
            + "\n2;N;01.10.2021;a;1\n"
        for (name, text) in [("breit", breit), ("lang", lang)] {
            let f = try Fixture(["q-2021-Q4.csv": text])
            let (a, d) = try werte(k, f, [("A", .quartal(Quartal(jahr: 2021, nummer: 4)))])
            let s = try #require(a.statistik.first)
            #expect(s.uebernommen == 1, "\(name)")
            #expect(s.verworfenGesamt == 1, "\(name)")
            #expect(s.physischeZeilen == 3, "\(name)")
            #expect(d.contains { $0.code == "KZ220" }, "\(name)")
        }
    }
}
