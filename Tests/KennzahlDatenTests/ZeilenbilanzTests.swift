import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Nothing is lost silently: every physical line of an export is the header, empty, a counted
/// row, a rejected row, or a line inside an accepted multi-line field – and the reports say which.
@Suite struct ZeilenbilanzTests {
    /// The physical lines of a file, counted independently of the reader: line breaks (CRLF, LF,
    /// CR) plus a last line without one.
    static func physischeZeilen(_ bytes: [UInt8]) -> Int {
        var n = 0
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x0A {
                n += 1
            } else if bytes[i] == 0x0D {
                n += 1
                if i + 1 < bytes.count && bytes[i + 1] == 0x0A { i += 1 }
            }
            i += 1
        }
        if let letztes = bytes.last, letztes != 0x0A && letztes != 0x0D { n += 1 }
        return n
    }

    /// A copy of the Ulm samples with `aendere` applied to one file.
    static func ulmMitAenderung(_ datei: String, _ aendere: (inout [String]) -> Void) throws -> String {
        let ordner = temporaererOrdner()
        for name in try FileManager.default.contentsOfDirectory(atPath: Paket.beispieleUlm) {
            try FileManager.default.copyItem(atPath: Paket.beispieleUlm + "/" + name, toPath: ordner + "/" + name)
        }
        let pfad = ordner + "/" + datei
        let text = String(decoding: try #require(FileManager.default.contents(atPath: pfad)), as: UTF8.self)
        var zeilen = text.components(separatedBy: "\r\n")
        aendere(&zeilen)
        try Data(zeilen.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: pfad))
        return ordner
    }

    /// The case: one stray quote in a note of line 11 used to swallow the rows up to the
    /// next quote (7 rows lost, Eselsberg's P2-JH-GES 98 instead of 100, exit 0 even with --streng).
    @Test func einzelnesAnfuehrungszeichenVerschlucktKeineZeilen() throws {
        let ordner = try ZeilenbilanzTests.ulmMitAenderung("prosoz-jugendhilfe-2021-Q4.csv") { zeilen in
            #expect(zeilen[10].hasSuffix(";"))
            zeilen[10] += "\"Mutter sagt: geht so"
        }
        defer { try? FileManager.default.removeItem(atPath: ordner) }
        let r = lauf(["check", "--definitions", Paket.definitionenUlm, "--data", ordner])
        #expect(r.code == 0, "\(r.fehler)")
        // Only line 11 is rejected; the original sample set has 124.897 rows and 3 rejected.
        #expect(r.aus.contains("124.897 Zeilen, davon 4 verworfen"), "\(r.aus)")
        #expect(
            r.fehler.contains(
                "prosoz-jugendhilfe-2021-Q4.csv:11: Warnung: Zeile verworfen: Feld in Anführungszeichen reicht von Zeile 11 bis Zeile"
            ),
            "\(r.fehler)")
        #expect(r.fehler.contains("Zeile 11 verworfen, ab Zeile 12 wird einzeln weitergelesen"), "\(r.fehler)")
        // The numbers are those of the untouched samples.
        var a = Berichtslauf.Auftrag()
        a.definitionen = Paket.definitionenUlm
        a.daten = ordner
        a.periode = .quartal(Quartal(jahr: 2021, nummer: 4))
        let g = try #require(Berichtslauf.berechne(a).0)
        let eselsberg = try g.sozialraum("Eselsberg")
        #expect(try g.wert("P2-JH-GES", eselsberg).wert == Bruch(100))
        #expect(try Ulm.q4Jahr2021?.wert("P2-JH-GES", eselsberg).wert == Bruch(100))
        // --streng refuses the set.
        let streng = lauf([
            "report", "--definitions", Paket.definitionenUlm, "--data", ordner, "--period", "2021-Q4",
            "--out", ordner + "/berichte", "--streng",
        ])
        #expect(streng.code == 1)
        #expect(streng.fehler.contains("--streng: 4 Zeilen wurden verworfen"), "\(streng.fehler)")
    }

    /// A quoted field may span lines (RFC 4180); such a record is taken when its field count is
    /// right and no line inside it is a complete row itself; its lines are listed as such.
    @Test(arguments: [
        // (name, text with D for a valid date, rows taken, rejected, continuation lines, rejection text)
        ("Notiz über zwei Zeilen", "a;b;c\n1;\"zwei\nZeilen\";D\n2;y;D\n", 2, 0, 1, nil),
        ("Notiz mit CRLF über drei Zeilen", "a;b;c\r\n1;\"eins\r\nzwei\r\ndrei\";D\r\n2;y;D\r\n", 2, 0, 2, nil),
        (
            "falsche Feldzahl danach", "a;b;c\n1;D;\"offen\n2;y;D\n3;\"p\";D\n", 2, 1, 0,
            "Feld in Anführungszeichen reicht von Zeile 2 bis Zeile 4; der Datensatz hat dann 4 statt 3 Felder"
        ),
        (
            "verschluckt vollständige Zeilen", "a;b;c\n1;\"x;y\n2;p;D\n3;r\";D\n", 2, 1, 0,
            "Feld in Anführungszeichen reicht von Zeile 2 bis Zeile 4 und enthält vollständige Datenzeilen (Zeile 3)"
        ),
        (
            "nie geschlossen", "a;b;c\n1;\"offen;D\n2;y;D\n", 1, 1, 0,
            "Anführungszeichen in Zeile 2 wird nicht geschlossen"
        ),
        // Found by the export fuzzer: the last line, without a line break, counted twice.
        (
            "nie geschlossen in der letzten Zeile ohne Umbruch", "a;b;c\r\n2;y;D\r\n1;\"offen;D", 1, 1, 0,
            "Anführungszeichen in Zeile 3 wird nicht geschlossen"
        ),
    ])
    func mehrzeiligeFelder(
        _ name: String, _ text: String, _ uebernommen: Int, _ verworfen: Int, _ folgezeilen: Int, _ grund: String?
    ) throws {
        let k = try katalog(
            """
            katalog "T" { produkt 1 "P" }
            sozialraum "Nord"
            quelle q "Q" { art faelle; datei "q-{quartal}.csv"; id "a"; beginn "c"; feld b "b" }
            kennzahl K "k" { produkt 1; definition "d"; wert anzahl faelle aus q; zeitraum quartal, zugaenge }
            """)
        let mitDatum = text.replacingOccurrences(of: "D", with: "01.10.2021")
        for block in [64, 1 << 20] {
            let f = try Fixture([:])
            try f.schreibe("q-2021-Q4.csv", Array(mitDatum.utf8))
            let (bestand, _) = Datenbestand.finde(ordner: f.ordner, katalog: k)
            var leser = QuellenLeser(quelle: k.quellen[0], katalog: k, blockgroesse: block)
            var diagnosen: [Diagnose] = []
            let s = leser.lies(try #require(bestand?.dateien[0].first), dateiIndex: 0, diagnosen: &diagnosen) { _, _ in
            }
            #expect(s.uebernommen == uebernommen, "\(name), Block \(block): \(diagnosen.map(\.zeile))")
            #expect(s.verworfenGesamt == verworfen, "\(name), Block \(block)")
            #expect(s.folgezeilen == folgezeilen, "\(name), Block \(block)")
            #expect(
                s.physischeZeilen == ZeilenbilanzTests.physischeZeilen(Array(mitDatum.utf8)), "\(name), Block \(block)")
            #expect(s.physischeZeilen == s.verbuchteZeilen)
            if let grund {
                #expect(diagnosen.contains { $0.text.contains(grund) }, "\(name): \(diagnosen.map(\.zeile))")
            }
            if folgezeilen > 0 {
                // Listed as such, with the line range.
                #expect(
                    diagnosen.contains { $0.code == "KZ222" && $0.text.contains("Zeilenumbruch in einem Feld") },
                    "\(name): \(diagnosen.map(\.zeile))")
            }
        }
    }

    /// A line longer than the buffer that ends in CRLF, with the CR as the last byte of a block:
    /// the LF in the next block ends the same line (found by the export fuzzer: it counted an
    /// extra line, and every line number after it was one too high).
    @Test func crlfNachUeberlangerZeileUeberBlockgrenze() {
        let text =
            Array("a;b\r\n1;2\r\n".utf8) + Array(repeating: UInt8(ascii: "x"), count: 40)
            + Array("\r\n3;4\r\n5;6\r\n".utf8)
        let erwartet = ZeilenbilanzTests.physischeZeilen(text)
        for kapazitaet in 16...48 {
            for schritt in [1, 3, 7, 1000] {
                let block = UnsafeMutablePointer<UInt8>.allocate(capacity: kapazitaet)
                defer { block.deallocate() }
                var gelesen = 0
                var zeilen: [Int] = []
                let physisch = CsvZerleger.zerlegeStrom(
                    block: block, kapazitaet: kapazitaet,
                    lies: { ziel, maximal in
                        let n = min(maximal, schritt, text.count - gelesen)
                        for i in 0..<n { ziel[i] = text[gelesen + i] }
                        gelesen += n
                        return n
                    }
                ) { z in zeilen.append(z.zeile) }
                #expect(physisch == erwartet, "Puffer \(kapazitaet), Schritt \(schritt)")
                #expect(zeilen == [1, 2, 3, 4, 5], "Puffer \(kapazitaet), Schritt \(schritt)")
            }
        }
    }

    /// Every physical line of every sample file is accounted for, and the reports' data-quality
    /// table shows the balance per source: lines = header + empty + taken + rejected + lines in
    /// multi-line fields.
    @Test func jedePhysischeZeileIstVerbucht() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        // The 2021-Q4 set's table counts the files of the periods it shows: none of 2022.
        let imBericht = try #require(g.berichtsdateien)
        #expect(imBericht.contains { $0.hasSuffix("-2021-Q4.csv") } && !imBericht.contains { $0.contains("-2022") })
        var gesamt = 0
        for s in g.auswertung.statistik {
            let bytes = try #require(FileManager.default.contents(atPath: s.pfad))
            let n = ZeilenbilanzTests.physischeZeilen(Array(bytes))
            #expect(s.physischeZeilen == n, "\(s.pfad)")
            #expect(n == s.verbuchteZeilen, "\(s.pfad)")
            if imBericht.contains(s.pfad) { gesamt += n }
        }
        let bericht = try #require(Berichtslauf.berichte(g).first { $0.slug == "gesamt" }?.bericht)
        let tabelle = try #require(bericht.abschnitte.first { $0.titel == "Datenqualität" }?.tabelle)
        let titel = tabelle.spalten.map(\.titel)
        func spalte(_ name: String) throws -> Int { try #require(titel.firstIndex(of: name), "\(titel)") }
        let (zeilen, kopf, leer, ueber, verw, folge) = (
            try spalte("Zeilen in den Dateien"), try spalte("Kopfzeilen"), try spalte("leer"),
            try spalte("übernommen"), try spalte("verworfen"), try spalte("in mehrzeiligen Feldern")
        )
        func zahl(_ z: Zelle) -> Int { if case .zahl(let b, _, _) = z { return Int(b.zaehler) }; return -1 }
        for z in tabelle.zeilen {
            let summe: Int = [kopf, leer, ueber, verw, folge].map { zahl(z[$0]) }.reduce(0, +)
            #expect(zahl(z[zeilen]) == summe)
        }
        #expect(zahl(try #require(tabelle.zeilen.last)[zeilen]) == gesamt)
    }
}
