import KennzahlTesthilfen
import Testing

@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlDaten
@testable import KennzahlDefinition

/// One file read in pieces on several cores gives exactly what reading it from start to end
/// gives: every value, every message with its line number, every count of the data-quality
/// table. Hostile files try to break it: quoted line breaks, split guesses inside a quoted field,
/// a case id in two pieces, more rejected rows than are shown, CRLF, LF and lone CR, empty lines.
@Suite struct TeilungTests {
    let q2 = Quartal(jahr: 2021, nummer: 2)

    /// A single export of `zeilen` rows from a seeded generator, with every kind of trouble.
    /// `sauberBis`: the rows before it are all clean, so the messages come from later pieces.
    static func export(
        zeilen: Int, seed: UInt64, doppelt: Bool = false, riesenfeld: Int = 0, mehrzeilig: Bool = true,
        sauberBis: Int = 0, doppeltNah: Bool = false
    ) -> String {
        var zufall = Zufall(seed)
        var s = "Fall;Sozialraum;Form;Beginn;Ende;Bemerkung;Betrag\r\n"
        for i in 0..<zeilen {
            let betrag = zufall.bis(10) == 0 ? "" : "\(zufall.bis(5000)),\(zufall.bis(10))5"
            // A case twice in the last piece, the second time quoted: a duplicate within a piece.
            if doppeltNah && (i == zeilen - 5 || i == zeilen - 2) {
                s += (i == zeilen - 5 ? "G7" : "\"G7\"") + ";Nord;a;01.04.2021;;;1,00\r\n"
                continue
            }
            if i < sauberBis {
                s += "F\(i + 1);Nord;a;0\(1 + zufall.bis(9)).04.2021;;ok;\(betrag)\r\n"
                continue
            }
            let raum = ["Nord", "Süd", "N", "S", "", "Ost"][zufall.bis(6) == 5 && zufall.bis(4) > 0 ? 0 : zufall.bis(6)]
            let form = zufall.bis(40) == 0 ? "x" : ["a", "s"][zufall.bis(2)]
            let tag = zufall.bis(60) == 0 ? "31.02.2021" : "\(1 + zufall.bis(28)).0\(1 + zufall.bis(6)).2021"
            let ende = zufall.bis(3) == 0 ? "" : "28.0\(4 + zufall.bis(5)).2021"
            var notiz = ["", "ok", "\"mit; Semikolon\"", "\"zwei\nZeilen\"", "\"sagt \"\"eilig\"\"\""][zufall.bis(5)]
            if !mehrzeilig && notiz.contains("\n") { notiz = "" }
            if riesenfeld > 0 && i == zeilen / 2 {
                notiz = "\"" + String(repeating: "lang\n", count: riesenfeld) + "\""
            }
            let umbruch = ["\r\n", "\n", "\r\n", "\r\n", "\r"][zufall.bis(5)]
            if doppelt && (i == 0 || i == zeilen - 3) {
                s += "F1;Nord;a;01.01.2021;;;1,00\r\n"
                continue
            }
            s += "F\(i + 1);\(raum);\(form);\(tag);\(ende);\(notiz);\(betrag)\(umbruch)"
            if zufall.bis(50) == 0 { s += zufall.bis(2) == 0 ? "\r\n" : ";;;;;\r\n" }
        }
        return s
    }

    /// A small deterministic generator (SplitMix64).
    struct Zufall {
        var zustand: UInt64
        init(_ seed: UInt64) { zustand = seed }
        mutating func bis(_ n: Int) -> Int {
            zustand &+= 0x9E37_79B9_7F4A_7C15
            var z = zustand
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(n))
        }
    }

    /// Everything an evaluation says: values, messages, statistics (but the piece count).
    static func alles(_ k: Katalog, _ f: Fixture, _ teilung: Dateiteilung.Vorgabe) throws -> (
        werte: [String], meldungen: [String], statistik: [String], teile: Int
    ) {
        let (bestand, _) = Datenbestand.finde(ordner: f.ordner, katalog: k)
        let b = try #require(bestand)
        let q2 = Quartal(jahr: 2021, nummer: 2)
        let anfragen = k.kennzahlen.indices.map { (kennzahl: $0, zeitraum: Zeitraum.quartal(q2)) }
        let (a, d) = Auswerter.werteAus(katalog: k, bestand: b, anfragen: anfragen, teilung: teilung)
        var werte: [String] = []
        for i in k.kennzahlen.indices {
            for g in [Gebiet.gesamt, .ohneZuordnung] + k.sozialraeume.indices.map(Gebiet.sozialraum) {
                werte.append("\(k.kennzahlen[i].id) \(g): \(a.kennwert(i, .quartal(q2), g))")
            }
        }
        let s = try #require(a.statistik.first)
        let statistik =
            [
                s.physischeZeilen, s.kopfzeilen, s.leereZeilen, s.zeilenGelesen, s.folgezeilen, s.uebernommen,
            ].map(String.init) + s.verworfen.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
        return (werte, d.map(\.formatiert), statistik, s.teile)
    }

    /// The small catalogue with a sum over a number field and a count of new cases.
    static let katalogText =
        kleinerKatalog.replacingOccurrences(
            of: "feld form \"Form\" { \"a\" -> \"ambulant\"; \"s\" -> \"stationär\" }",
            with: "feld form \"Form\" { \"a\" -> \"ambulant\"; \"s\" -> \"stationär\" }\n  feld betrag \"Betrag\" zahl")
            + """

            kennzahl SUM "Betrag" { produkt 2; definition "d"; wert summe betrag aus hilfen; zeitraum quartal, zugaenge; einheit euro }
            kennzahl NEU "Zugänge" { produkt 2; definition "d"; wert anzahl faelle aus hilfen; zeitraum quartal, zugaenge }
            """

    func vergleiche(_ text: String, teile: Int = 7) throws -> Int {
        let k = try katalog(Self.katalogText)
        let f = try Fixture(["hilfen-2021-Q2.csv": text])
        let ganz = try Self.alles(k, f, Dateiteilung.Vorgabe(ab: Int.max, teile: 1))
        let geteilt = try Self.alles(k, f, Dateiteilung.Vorgabe(ab: 1, teile: teile))
        #expect(ganz.teile == 1)
        #expect(geteilt.werte == ganz.werte)
        #expect(geteilt.meldungen == ganz.meldungen)
        #expect(geteilt.statistik == ganz.statistik)
        return geteilt.teile
    }

    @Test func feindlicheDateiInSiebenTeilen() throws {
        var geteilt = 0
        for seed in 1...6 {
            let text = Self.export(zeilen: 4000, seed: UInt64(seed))
            if try vergleiche(text) == 7 { geteilt += 1 }
        }
        // Every file is read in pieces: a guess inside a quoted field only re-reads the piece after it.
        #expect(geteilt == 6, "nur \(geteilt) von 6 Dateien wurden geteilt gelesen")
    }

    /// The first pieces are clean: every message comes from a later piece, with its line number
    /// in the whole file.
    @Test func meldungenAusSpaeterenTeilen() throws {
        var geteilt = 0
        for seed in 21...24 {
            let text = Self.export(zeilen: 3000, seed: UInt64(seed), sauberBis: 2000)
            if try vergleiche(text, teile: 6) == 6 { geteilt += 1 }
        }
        #expect(geteilt == 4, "nur \(geteilt) von 4 Dateien wurden geteilt gelesen")
    }

    @Test func mehrVerworfeneZeilenAlsGezeigtWerden() throws {
        let text = Self.export(zeilen: 4000, seed: 11, mehrzeilig: false)
        let k = try katalog(Self.katalogText)
        let f = try Fixture(["hilfen-2021-Q2.csv": text])
        let r = try Self.alles(k, f, Dateiteilung.Vorgabe(ab: 1, teile: 5))
        #expect(r.meldungen.contains { $0.contains("[KZ221]") }, "die Notiz über weitere verworfene Zeilen")
        #expect(try vergleiche(text, teile: 5) > 1)
    }

    /// A case id in the first and the last piece: only a reading from the start knows the later
    /// row is the duplicate; the pieces are thrown away and the file is read in one.
    @Test func fallnummerInZweiTeilen() throws {
        let text = Self.export(zeilen: 3000, seed: 3, doppelt: true)
        #expect(try vergleiche(text) == 1)
        let k = try katalog(Self.katalogText)
        let f = try Fixture(["hilfen-2021-Q2.csv": text])
        let r = try Self.alles(k, f, Dateiteilung.Vorgabe(ab: 1, teile: 7))
        #expect(r.statistik.contains("doppelte Fallnummer: 1"), "\(r.statistik)")
    }

    /// A case id twice within one piece: found by the piece's compact table (hashes, the ids read
    /// again from the file to compare), reported with the line of the first occurrence.
    @Test func fallnummerZweimalInEinemTeil() throws {
        let text = Self.export(zeilen: 3000, seed: 7, sauberBis: 2990, doppeltNah: true)
        #expect(try vergleiche(text) == 7)
        let k = try katalog(Self.katalogText)
        let f = try Fixture(["hilfen-2021-Q2.csv": text])
        let r = try Self.alles(k, f, Dateiteilung.Vorgabe(ab: 1, teile: 7))
        #expect(r.meldungen.contains { $0.contains("doppelte Fallnummer 'G7' (schon in Zeile") }, "\(r.meldungen)")
    }

    /// A quoted field spanning thousands of lines across the middle: the guessed split point falls
    /// inside it, the reader of the piece before stops after it, and the next piece is read again
    /// from there. A field longer than a whole piece swallows it: the file is read in one.
    @Test func teilungMittenImFeld() throws {
        #expect(try vergleiche(Self.export(zeilen: 3000, seed: 5, riesenfeld: 2000), teile: 4) == 4)
        #expect(try vergleiche(Self.export(zeilen: 3000, seed: 5, riesenfeld: 30000), teile: 4) == 1)
    }

    /// Rows that end in a lone CR, LF only inside quoted fields: every guessed split point falls
    /// inside a field, the reader before stops right after a lone CR, and the next piece is read
    /// again from there – its line numbers count that CR (they were one short).
    @Test func einzelnesCRAnDerTeilungsgrenze() throws {
        var text = "Fall;Sozialraum;Form;Beginn;Ende;Bemerkung;Betrag\r\n"
        for i in 0..<3000 {
            let notiz = i % 5 == 0 ? "\"zwei\nZeilen\"" : "ok"
            let tag = i % 97 == 0 ? "31.02.2021" : "\(1 + i % 28).04.2021"
            text += "F\(i);\(["Nord", "Süd"][i % 2]);a;\(tag);;\(notiz);1,00\r"
        }
        #expect(try vergleiche(text, teile: 4) == 4)
        let k = try katalog(Self.katalogText)
        let f = try Fixture(["hilfen-2021-Q2.csv": text])
        let r = try Self.alles(k, f, Dateiteilung.Vorgabe(ab: 1, teile: 4))
        // Row i (from 0) starts on line 2 + i + (rows before it with a quoted line break).
        let letzte = try #require(r.meldungen.last { $0.contains("31.02.2021") })
        #expect(letzte.contains(":\(2 + 2910 + 582):"), "\(letzte)")
    }

    /// Counting line breaks eight bytes at a time agrees with counting them one by one.
    @Test func zeilenumbruecheZaehlen() {
        var zufall = Zufall(42)
        for _ in 0..<500 {
            let bytes = (0..<zufall.bis(70)).map { _ in [0x0A, 0x0D, 0x41, 0x22, 0xC3][zufall.bis(5)] as UInt8 }
            var erwartet = 0
            for (i, b) in bytes.enumerated()
            where b == 0x0A || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                erwartet += 1
            }
            var kopie = bytes + [0]
            var nachCR = false
            let n = kopie.withUnsafeMutableBufferPointer {
                Dateiteilung.zaehle($0.baseAddress!, bytes.count, nachCR: &nachCR)
            }
            #expect(n + (nachCR ? 1 : 0) == erwartet, "\(bytes)")
        }
    }
}
