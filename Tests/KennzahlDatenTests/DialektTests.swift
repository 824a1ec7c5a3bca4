import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Rows of `bytes` as the streaming reader sees them with a buffer of `kapazitaet` bytes, fed
/// `schritt` bytes at a time (non-empty rows; problems as "!" + text).
func zerlegeGestueckelt(_ bytes: [UInt8], kapazitaet: Int, schritt: Int = .max) -> [[String]] {
    let block = UnsafeMutablePointer<UInt8>.allocate(capacity: kapazitaet)
    let puffer = UnsafeMutablePointer<UInt8>.allocate(capacity: kapazitaet)
    defer { block.deallocate(); puffer.deallocate() }
    var gelesen = 0
    var zeilen: [[String]] = []
    _ = CsvZerleger.zerlegeStrom(
        block: block, kapazitaet: kapazitaet,
        lies: { ziel, maximal in
            let n = min(maximal, schritt, bytes.count - gelesen)
            for i in 0..<n { ziel[i] = bytes[gelesen + i] }
            gelesen += n
            return n
        }
    ) { z in
        if let p = z.problem { zeilen.append(["!" + p.text(zeile: z.zeile)]); return }
        if z.istLeer { return }
        zeilen.append(z.felder.map { CsvZerleger.wert($0, block, puffer: puffer).text })
    }
    return zeilen
}

/// The corpus of CSV dialects: every case with the fields it must yield, read whole and in small
/// blocks fed a few bytes at a time (rows and quoted fields cross block borders).
@Suite struct DialektTests {
    static let faelle: [(name: String, text: String, felder: [[String]])] = [
        ("CRLF", "a;b\r\n1;2\r\n", [["a", "b"], ["1", "2"]]),
        ("LF ohne letzten Umbruch", "a;b\n1;2", [["a", "b"], ["1", "2"]]),
        ("CR (altes Mac-Format)", "a;b\r1;2\r", [["a", "b"], ["1", "2"]]),
        ("gemischte Zeilenenden", "a;b\r\n1;2\n3;4\r5;6", [["a", "b"], ["1", "2"], ["3", "4"], ["5", "6"]]),
        ("Komma", "a,b\n1,\"2,5\"\n", [["a", "b"], ["1", "2,5"]]),
        ("Tabulator", "a\tb\n1\t2\n", [["a", "b"], ["1", "2"]]),
        ("senkrechter Strich", "a|b\n1|2\n\n\n", [["a", "b"], ["1", "2"]]),
        ("Semikolon bei Gleichstand", "a;b,c\n1;2,3\n", [["a", "b,c"], ["1", "2,3"]]),
        ("Trennzeichen in Anführungszeichen", "a;b\n\"x;y\";2\n", [["a", "b"], ["x;y", "2"]]),
        ("verdoppelte Anführungszeichen", "a;b\n\"he said \"\"hi\"\"\";2\n", [["a", "b"], ["he said \"hi\"", "2"]]),
        ("Zeilenumbruch im Feld (LF)", "a;b\n\"zwei\nZeilen\";2\n", [["a", "b"], ["zwei\nZeilen", "2"]]),
        ("Zeilenumbruch im Feld (CRLF)", "a;b\r\n\"zwei\r\nZeilen\";2\r\n", [["a", "b"], ["zwei\r\nZeilen", "2"]]),
        ("leeres Feld in Anführungszeichen", "a;b\n\"\";2\n", [["a", "b"], ["", "2"]]),
        ("leere Felder am Ende", "a;b;c\n1;;\n", [["a", "b", "c"], ["1", "", ""]]),
        ("Text nach dem schließenden Anführungszeichen", "a;b\n\"x\"y;2\n", [["a", "b"], ["xy", "2"]]),
        ("Leerzeilen und Zeilen nur aus Leerzeichen", "a;b\n\n1;2\n\n", [["a", "b"], ["1", "2"]]),
        (
            "Umlaute (UTF-8)", "Sozialraum;Straße\nBöfingen;Königstraße\n",
            [["Sozialraum", "Straße"], ["Böfingen", "Königstraße"]]
        ),
        (
            "nicht geschlossenes Anführungszeichen kostet nur seine Zeile", "a;b\n\"offen;2\n3;4\n",
            [["a", "b"], ["!Anführungszeichen in Zeile 2 wird nicht geschlossen"], ["3", "4"]]
        ),
        ("Anführungszeichen am Dateiende", "a;b\n1;\"2\"", [["a", "b"], ["1", "2"]]),
        ("Trennzeichen am Dateiende", "a;b\n1;", [["a", "b"], ["1", ""]]),
    ]

    @Test(arguments: faelle.indices)
    func feldGenau(_ i: Int) {
        let fall = DialektTests.faelle[i]
        let bytes = Array(fall.text.utf8)
        #expect(zerlegeGestueckelt(bytes, kapazitaet: 1 << 20) == fall.felder, "\(fall.name)")
        // Buffers just larger than the text and bigger, fed a few bytes at a time: rows and quoted
        // fields arrive in pieces and are carried from block to block. The same fields.
        for kapazitaet in [bytes.count + 1, bytes.count + 3, 64, 4096] {
            for schritt in [1, 2, 3, 5, 1000] {
                #expect(
                    zerlegeGestueckelt(bytes, kapazitaet: kapazitaet, schritt: schritt) == fall.felder,
                    "\(fall.name): Puffer \(kapazitaet), Schritt \(schritt)")
            }
        }
    }

    @Test func zeilennummernUeberBlockgrenzen() {
        let text = Array("a;b\n\"x\ny\";1\nz;2\n\"p\r\nq\";3\r\nw;4".utf8)
        for kapazitaet in [16, 32, 1 << 16] {
            var nummern: [Int] = []
            let block = UnsafeMutablePointer<UInt8>.allocate(capacity: kapazitaet)
            defer { block.deallocate() }
            var gelesen = 0
            _ = CsvZerleger.zerlegeStrom(
                block: block, kapazitaet: kapazitaet,
                lies: { ziel, maximal in
                    let n = min(maximal, 3, text.count - gelesen)
                    for i in 0..<n { ziel[i] = text[gelesen + i] }
                    gelesen += n
                    return n
                }
            ) { nummern.append($0.zeile) }
            #expect(nummern == [1, 2, 4, 5, 7], "Puffer \(kapazitaet)")
        }
    }

    @Test func zeileLaengerAlsDerPufferWirdGemeldetUndUebersprungen() {
        let lang = String(repeating: "x", count: 100)
        let zeilen = zerlegeGestueckelt(
            Array("a;b\n\(lang);1\n2;3\n\"offen\(lang)\n4;5\n".utf8), kapazitaet: 64, schritt: 7)
        #expect(zeilen.count == 5)
        #expect(zeilen[0] == ["a", "b"])
        #expect(zeilen[1].first?.hasPrefix("!Zeile 2 ist länger als 64 Bytes") == true, "\(zeilen[1])")
        #expect(zeilen[2] == ["2", "3"])
        #expect(
            zeilen[3].first?.hasPrefix("!Anführungszeichen in Zeile 4 wird nicht geschlossen") == true, "\(zeilen[3])")
        #expect(zeilen[4] == ["4", "5"])
    }

    // MARK: Encodings, through the file reader

    func datei(_ bytes: [UInt8]) throws -> String {
        let pfad = NSTemporaryDirectory() + "kennzahl-kodierung-" + UUID().uuidString + ".csv"
        try Data(bytes).write(to: URL(fileURLWithPath: pfad))
        return pfad
    }

    func liesAlles(_ pfad: String, erklaert: Kodierung? = nil) -> (Kodierung?, String?) {
        guard case .success(let s) = Dateistrom.oeffne(pfad, erklaert: erklaert) else { return (nil, nil) }
        var bytes: [UInt8] = []
        let puffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 7)
        defer { puffer.deallocate() }
        while true {
            let n = s.lies(puffer, maximal: 7)
            if n <= 0 { break }
            bytes += UnsafeBufferPointer(start: puffer, count: n)
        }
        return (s.kodierung, String(decoding: bytes, as: UTF8.self))
    }

    @Test func kodierungenWerdenErkanntUndUmgewandelt() throws {
        // "Böfingen;Straße;€" in Windows-1252, UTF-8 with and without BOM, ISO-8859-15 declared.
        let cp1252: [UInt8] = [
            0x42, 0xF6, 0x66, 0x69, 0x6E, 0x67, 0x65, 0x6E, 0x3B, 0x53, 0x74, 0x72, 0x61, 0xDF, 0x65, 0x3B, 0x80,
        ]
        let utf8 = Array("Böfingen;Straße;€".utf8)
        let iso15: [UInt8] = Array(cp1252.dropLast()) + [0xA4]
        for (bytes, erklaert, kodierung) in [
            (cp1252, nil, Kodierung.windows1252), (utf8, nil, .utf8), ([0xEF, 0xBB, 0xBF] + utf8, nil, .utf8),
            (iso15, .iso885915, .iso885915), (cp1252, .windows1252, .windows1252),
        ] as [([UInt8], Kodierung?, Kodierung)] {
            let pfad = try datei(bytes)
            defer { try? FileManager.default.removeItem(atPath: pfad) }
            let (k, text) = liesAlles(pfad, erklaert: erklaert)
            #expect(k == kodierung)
            #expect(text == "Böfingen;Straße;€")
        }
    }

    @Test func einUmlautSpaetInDerDateiMachtSieZuWindows1252() throws {
        // Two megabytes of ASCII, then one Windows-1252 byte: decided before the first row.
        var bytes = Array("Sozialraum;Zahl\n".utf8)
        for i in 0..<200_000 { bytes += Array("Weststadt;\(i)\n".utf8) }
        bytes += [0x42, 0xF6, 0x66, 0x69, 0x6E, 0x67, 0x65, 0x6E] + Array(";1\n".utf8)
        let pfad = try datei(bytes)
        defer { try? FileManager.default.removeItem(atPath: pfad) }
        let (k, text) = liesAlles(pfad)
        #expect(k == .windows1252)
        #expect(text?.hasSuffix("Böfingen;1\n") == true)
    }

    @Test func utf16UndFalschesUtf8WerdenAbgelehnt() throws {
        let utf16 = try datei([0xFF, 0xFE, 0x41, 0x00, 0x3B, 0x00])
        let kaputt = try datei(Array("a;b\n".utf8) + [0xC3, 0x28])
        defer {
            try? FileManager.default.removeItem(atPath: utf16); try? FileManager.default.removeItem(atPath: kaputt)
        }
        guard case .failure(.utf16) = Dateistrom.oeffne(utf16, erklaert: nil) else {
            Issue.record("UTF-16 nicht erkannt"); return
        }
        guard case .failure(.keinUTF8) = Dateistrom.oeffne(kaputt, erklaert: .utf8) else {
            Issue.record("ungültiges UTF-8 nicht erkannt"); return
        }
        // Undeclared, the same bytes are read as Windows-1252.
        #expect(liesAlles(kaputt).0 == .windows1252)
    }

    @Test func utf8ZeichenUeberBlockgrenzenGeprueft() {
        let text = Array("aöb€c𝄞d".utf8)
        for schnitt in 1..<text.count {
            var p = Utf8Pruefung()
            let gut = text.withUnsafeBufferPointer { b in
                p.weiter(UnsafeBufferPointer(rebasing: b[0..<schnitt]))
                    && p.weiter(UnsafeBufferPointer(rebasing: b[schnitt...]))
            }
            #expect(gut && p.amEnde, "Schnitt bei \(schnitt)")
        }
        var p = Utf8Pruefung()
        let halb: [UInt8] = [0x61, 0xE2, 0x82]
        #expect(halb.withUnsafeBufferPointer { p.weiter($0) })
        #expect(!p.amEnde)
    }
}

/// The file reader gives the same rows whatever its block size: every Ulm sample export read
/// with 4 MB blocks and with blocks of a few hundred bytes.
@Suite struct BlockgrenzenTests {
    struct Zeile: Equatable {
        var zeile: Int
        var gebiet: Int
        var beginn: KennzahlBasis.Tag?
        var ende: KennzahlBasis.Tag?
        var anzahl: Int64
        var naechsteDatei: Int
        var werte: [Int32]
        var zahlen: [Int64]
    }

    func lies(_ katalog: Katalog, _ bestand: Datenbestand, blockgroesse: Int) -> ([[Zeile]], [String], [DateiStatistik])
    {
        var alle: [[Zeile]] = []
        var diagnosen: [Diagnose] = []
        var statistik: [DateiStatistik] = []
        for (qi, quelle) in katalog.quellen.enumerated() {
            var leser = QuellenLeser(quelle: quelle, katalog: katalog, blockgroesse: blockgroesse)
            var zeilen: [Zeile] = []
            for di in bestand.dateien[qi].indices.reversed() {
                statistik.append(
                    leser.lies(bestand.dateien[qi][di], dateiIndex: di, diagnosen: &diagnosen) { s, _ in
                        zeilen.append(
                            Zeile(
                                zeile: s.zeile, gebiet: s.gebiet, beginn: s.beginn, ende: s.ende, anzahl: s.anzahl,
                                naechsteDatei: s.naechsteDatei, werte: Array(s.werte), zahlen: Array(s.zahlen)))
                    })
            }
            alle.append(zeilen)
        }
        return (alle, diagnosen.map(\.formatiert), statistik)
    }

    @Test func gleicheZeilenBeiKleinenBloecken() throws {
        let (k, d) = KatalogLeser.lade(ordner: Paket.definitionenUlm)
        let katalog = try #require(k, "\(d)")
        let bestand = try #require(Datenbestand.finde(ordner: Paket.beispieleUlm, katalog: katalog).0)
        let gross = lies(katalog, bestand, blockgroesse: QuellenLeser.standardBlock)
        for blockgroesse in [300, 777] {
            let klein = lies(katalog, bestand, blockgroesse: blockgroesse)
            #expect(klein.0 == gross.0, "Blockgröße \(blockgroesse)")
            #expect(klein.1 == gross.1)
            #expect(klein.2.map(\.zeilenGelesen) == gross.2.map(\.zeilenGelesen))
            #expect(klein.2.map(\.verworfen) == gross.2.map(\.verworfen))
        }
        #expect(gross.0.reduce(0) { $0 + $1.count } > 100_000)
    }

    /// A Windows-1252 byte becomes up to three bytes of UTF-8. With less room than that left in
    /// the buffer (an overlong row, e.g. after a stray quote), the stream must hand out what fits
    /// and keep the rest, never write past the room it was given. Found by the export fuzzer.
    @Test func einzelbyteKodierungSchreibtNieUeberDenPlatz() throws {
        // "€ä" in Windows-1252 is 0x80 0xE4: six bytes of UTF-8 for two raw bytes.
        let f = try Fixture([:])
        try f.schreibe("cp.csv", [0x80, 0xE4, 0x41, 0x80])
        let strom = try Dateistrom.oeffne(f.ordner + "/cp.csv", erklaert: .windows1252).get()
        let waechter: UInt8 = 0x5A
        var alles: [UInt8] = []
        for platz in [1, 2, 1, 3, 2, 1, 1, 5] {
            var puffer = [UInt8](repeating: waechter, count: platz + 8)
            let n = puffer.withUnsafeMutableBufferPointer { strom.lies($0.baseAddress!, maximal: platz) }
            #expect(n >= 0 && n <= platz, "Platz \(platz), geliefert \(n)")
            #expect(
                puffer[max(0, n)...].allSatisfy { $0 == waechter },
                "Platz \(platz): hinter den gelieferten Bytes geschrieben")
            if n > 0 { alles += puffer[..<n] }
        }
        #expect(String(decoding: alles, as: UTF8.self) == "€äA€")
    }
}

/// Nothing is lost: every data line of every export is either counted or rejected with a reason,
/// and the data-quality table of every report says so with sums that add up.
@Suite struct DatenqualitaetTests {
    @Test func jedeZeileIstUebernommenOderVerworfen() throws {
        let g = try #require(Ulm.grundlage("2022-Q4"))
        // Counted independently of the reader: non-empty lines below the header (the samples have
        // no line breaks inside quotes).
        var zeilenInDateien = 0
        for s in g.auswertung.statistik {
            let text = String(decoding: try #require(FileManager.default.contents(atPath: s.pfad)), as: UTF8.self)
            let zeilen = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).filter {
                !$0.allSatisfy { $0 == ";" || $0 == " " }
            }
            #expect(s.zeilenGelesen == zeilen.count - 1, "\(s.pfad)")
            #expect(s.uebernommen + s.verworfenGesamt == s.zeilenGelesen, "\(s.pfad)")
            zeilenInDateien += zeilen.count - 1
        }
        // The table in the reports: per source and "Zusammen", read = taken + rejected.
        let bericht = try #require(Berichtslauf.berichte(g).first { $0.slug == "gesamt" }?.bericht)
        let tabelle = try #require(bericht.abschnitte.first { $0.titel == "Datenqualität" }?.tabelle)
        func zahl(_ z: Zelle) -> Int? { if case .zahl(let b, _, _) = z { return Int(b.zaehler) }; return nil }
        let titel = tabelle.spalten.map(\.titel)
        let uebernommenSpalte = try #require(titel.firstIndex(of: "übernommen"))
        let verworfenSpalte = try #require(titel.firstIndex(of: "verworfen"))
        let zusammen = try #require(tabelle.zeilen.last)
        #expect((zahl(zusammen[uebernommenSpalte]) ?? 0) + (zahl(zusammen[verworfenSpalte]) ?? 0) == zeilenInDateien)
        #expect(zahl(zusammen[verworfenSpalte]) == 3)  // the three rows the sample set breaks on purpose
    }
}

@Suite struct FortschrittTests {
    final class Mitschrift: @unchecked Sendable {
        var texte: [String] = []
    }

    /// The progress line counts bytes from all threads and ends cleared.
    @Test func meldetAnteilUndRaeumtAuf() {
        let m = Mitschrift()
        let f = Fortschritt { m.texte.append($0) }
        f.beginne(gesamt: 4 << 20)
        f.melde(1 << 20)
        #expect(m.texte.last?.contains("Exporte lesen: 25 % (1 MB von 4 MB)") == true, "\(m.texte)")
        f.beende()
        #expect(m.texte.last?.hasPrefix("\r") == true)
        #expect(
            m.texte.last?.replacingOccurrences(of: "\r", with: "").trimmingCharacters(in: .whitespaces).isEmpty == true)
    }

    /// Without a terminal (tests, scripts, redirected stderr) there is no progress at all.
    @Test func ohneTerminalKeinFortschritt() {
        let r = lauf(["check", "--data", Paket.beispieleUlm, "--definitions", Paket.definitionenUlm])
        #expect(!r.fehler.contains("Exporte lesen:"))
    }
}
