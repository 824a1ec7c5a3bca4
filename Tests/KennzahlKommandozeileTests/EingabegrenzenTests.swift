import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlAmpel
@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlBeispiele
@testable import KennzahlBericht
@testable import KennzahlDaten
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Only regular files are read; names cannot collide or deceive; messages say the right thing.
@Suite struct EingabegrenzenTests {
    // MARK: Only regular files

    /// A FIFO named like an export, a definition, a switching file or `stand.txt` is refused at
    /// once; opening never waits for a writer.
    @Test(arguments: ["q-2021-Q4.csv", "stand.txt"])
    func fifoImDatenordner(_ name: String) throws {
        let k = try katalog(Generator.katalog(wert: "A"))
        let f = try Fixture(["q-2021-Q4.csv": "Fall;SR;Beginn;Form;Zahl\n1;N;01.10.2021;a;1\n"])
        if name != "stand.txt" { try FileManager.default.removeItem(atPath: f.ordner + "/" + name) }
        #expect(mkfifo(f.ordner + "/" + name, 0o644) == 0)
        let (bestand, d1) = Datenbestand.finde(ordner: f.ordner, katalog: k)
        var diagnosen = d1
        if let bestand, !d1.contains(where: { $0.schwere == .fehler }) {
            diagnosen += Auswerter.werteAus(katalog: k, bestand: bestand, anfragen: []).1
        }
        let fehler = try #require(diagnosen.first { $0.schwere == .fehler }, "\(diagnosen.map(\.zeile))")
        #expect(fehler.zeile.contains(name + ": Fehler: keine gewöhnliche Datei (FIFO)"), "\(fehler.zeile)")
    }

    @Test func fifoAlsDefinitionsdatei() throws {
        let f = try Fixture(["a.kz": Generator.katalog(wert: "A")])
        #expect(mkfifo(f.ordner + "/b.kz", 0o644) == 0)
        #expect(mkfifo(f.ordner + "/ampel-2021-Q4.csv", 0o644) == 0)
        let r = lauf(["check", "--definitions", f.ordner])
        #expect(r.code == 1)
        #expect(r.fehler.contains("b.kz: Fehler: keine gewöhnliche Datei (FIFO)"), "\(r.fehler)")
    }

    // MARK: Names that cannot deceive

    @Test(arguments: [("ZZ-A", "ZZ_A"), ("P2-JH-GES", "p2-jh-ges"), ("AB", "A-B")])
    func kennungenDieSichNurInSchreibungUnterscheiden(_ a: String, _ b: String) throws {
        let text = Generator.katalog(
            wert: "A",
            extra: """
                kennzahl \(a) "eins" { produkt 1; definition "d"; wert A }
                kennzahl \(b) "zwei" { produkt 1; definition "d"; wert A }
                """)
        let (k, d) = KatalogLeser.lade(texte: [(pfad: "n.kz", text: text)])
        #expect(k == nil)
        let fehler = try #require(d.first { $0.code == "KZ140" }, "\(d.map(\.zeile))")
        #expect(fehler.ort?.zeile == 14)
        #expect(
            fehler.text.contains("'\(b)'") && fehler.text.contains("'\(a)'") && fehler.text.contains("n.kz:13:"),
            "\(fehler.text)")
    }

    @Test func kennungenSindAscii() throws {
        // A Greek capital Epsilon looks like a Latin E.
        let text = Generator.katalog(
            wert: "A", extra: "kennzahl \u{0395}GH-Z2 \"griechisch\" { produkt 1; definition \"d\"; wert A }")
        let (k, d) = KatalogLeser.lade(texte: [(pfad: "g.kz", text: text)])
        #expect(k == nil)
        let fehler = try #require(d.first { $0.code == "KZ139" }, "\(d.map(\.zeile))")
        #expect(fehler.text.contains("U+0395"), "\(fehler.text)")
        #expect(fehler.ort?.zeile == 13 && fehler.ort?.spalte == 10)
    }

    /// Bidi controls and other invisible format characters (category Cf) never reach an output.
    @Test func unsichtbareSteuerzeichen() throws {
        let boese = "Nord\u{202E}droN\u{200B}\u{2066}x\u{2069}\u{FEFF}"
        for zeichen in ["\u{202E}", "\u{200B}", "\u{2066}", "\u{FEFF}", "\u{061C}"] {
            #expect(
                zeichen.unicodeScalars.first?.istSteuerzeichen == true,
                "U+\(String(zeichen.unicodeScalars.first!.value, radix: 16))")
        }
        #expect(!"Böfingen – „Mitte/Ost“ 84,0 % €".unicodeScalars.contains { $0.istSteuerzeichen })
        let ohne = boese.ohneSteuerzeichen
        #expect(!ohne.unicodeScalars.contains { $0.properties.generalCategory == .format }, "\(ohne.debugDescription)")
        #expect(!HtmlRenderer.esc(boese).unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(!MarkdownRenderer.text(boese).unicodeScalars.contains { $0.properties.generalCategory == .format })
        #expect(
            !CsvRenderer.feld(text: boese, .excel).unicodeScalars.contains { $0.properties.generalCategory == .format })
    }

    // MARK: Right words

    /// A row over the buffer size is "länger als 1 MB" in the report too.
    @Test func ueberlangeZeileImBericht() throws {
        let k = try katalog(Generator.katalog(wert: "A"))
        let f = try Fixture([
            "q-2021-Q4.csv": "Fall;SR;Beginn;Form;Zahl\n1;N;01.10.2021;a;" + String(repeating: "9", count: 2 << 20)
                + "\n"
        ])
        let (a, d) = try werte(k, f, [("A", .quartal(Quartal(jahr: 2021, nummer: 4)))])
        #expect(a.statistik.first?.verworfen == ["Zeile länger als 1 MB": 1], "\(a.statistik.first?.verworfen ?? [:])")
        let w = try #require(d.first { $0.code == "KZ220" })
        #expect(w.berichtstext == "Zeile verworfen: Zeile länger als 1 MB")
        #expect(w.text.contains("Zeile 2 ist länger als 1 MB"))
    }

    /// The data-quality note points to what `check` really shows, and counts carry separators.
    @Test func datenqualitaetSagtWasCheckZeigt() throws {
        let k = try katalog(Generator.katalog(wert: "A"))
        let f = try Fixture([:])
        try f.schreibe("q-2021-Q4.csv", Generator.unbekannteSozialraeume(1_200))
        let (bestand, d1) = Datenbestand.finde(ordner: f.ordner, katalog: k)
        let (a, d2) = Auswerter.werteAus(katalog: k, bestand: try #require(bestand), anfragen: [])
        let g = Berichtsgrundlage(
            katalog: k, auswertung: a, ampel: Ampelstand(), periode: .quartal(Quartal(jahr: 2021, nummer: 4)),
            stand: nil,
            datenwarnungen: (d1 + d2).filter { $0.schwere == .warnung }, datenordner: f.ordner, definitionsordner: "")
        let abschnitt = Datenqualitaet.abschnitt(g)
        let text =
            abschnitt.liste.joined(separator: "\n") + "\n"
            + abschnitt.tabelle!.zeilen.map { $0.map(MarkdownRenderer.zelle).joined(separator: " | ") }.joined(
                separator: "\n")
        #expect(text.contains("1.200 × unbekannter Sozialraum"), "\(text)")
        #expect(text.contains("je Datei die ersten 50 verworfenen Zeilen"), "\(text)")
        #expect(!text.contains("alle zeigt"), "\(text)")
        #expect(d2.contains { $0.text.hasPrefix("1.150 weitere Zeilen verworfen") })
    }

    /// Writing errors are German through and through: no system text in English.
    @Test func schreibfehlerAufDeutsch() throws {
        let wurzel = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: wurzel) }
        try Data("eine Datei".utf8).write(to: URL(fileURLWithPath: wurzel + "/blockiert"))
        let r = lauf([
            "report", "--definitions", Paket.definitionenUlm, "--data", Paket.beispieleUlm, "--period", "2021-Q4",
            "--format", "md", "--out", wurzel + "/blockiert/aus",
        ])
        #expect(r.code == 1)
        let zeile = try #require(r.fehler.split(separator: "\n").first { $0.contains("[KZ310]") }, "\(r.fehler)")
        #expect(zeile.contains("ist kein Ordner"), "\(zeile)")
        for englisch in ["couldn", "The file", "No such", "Not a directory", "operation", "permission"] {
            #expect(!zeile.contains(englisch), "\(zeile)")
        }
    }

    /// UTF-16 without a BOM is recognised; a doubled BOM is not part of the first column name.
    @Test func utf16OhneBomUndDoppeltesBom() throws {
        let k = try katalog(Generator.katalog(wert: "A"))
        let text = "Fall;SR;Beginn;Form;Zahl\r\n1;N;01.10.2021;a;1\r\n"
        var utf16: [UInt8] = []
        for e in text.utf16 { utf16 += [UInt8(e & 0xFF), UInt8(e >> 8)] }
        let f = try Fixture([:])
        try f.schreibe("q-2021-Q4.csv", utf16)
        let (_, d) = try werte(k, f, [("A", .quartal(Quartal(jahr: 2021, nummer: 4)))])
        #expect(d.contains { $0.code == "KZ211" }, "\(d.map(\.zeile))")
        let g = try Fixture([:])
        try g.schreibe("q-2021-Q4.csv", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let (a, d2) = try werte(k, g, [("A", .quartal(Quartal(jahr: 2021, nummer: 4)))])
        #expect(!d2.contains { $0.schwere == .fehler }, "\(d2.map(\.zeile))")
        #expect(a.statistik.first?.uebernommen == 1)
    }

    /// An unreadable data folder is one error, not one per source.
    @Test(.enabled(if: getuid() != 0, "root liest jeden Ordner")) func unlesbarerDatenordner() throws {
        let f = try Fixture(["q-2021-Q4.csv": "x"])
        chmod(f.ordner, 0o000)
        defer { chmod(f.ordner, 0o755) }
        let r = lauf(["check", "--definitions", Paket.definitionenUlm, "--data", f.ordner])
        #expect(r.code == 1)
        #expect(r.fehler.split(separator: "\n").filter { $0.contains("Fehler") }.count == 1, "\(r.fehler)")
    }

    /// A data "folder" that is a file is one error as well.
    @Test func datenordnerIstEineDatei() throws {
        let f = try Fixture(["datei.csv": "x"])
        let r = lauf(["check", "--definitions", Paket.definitionenUlm, "--data", f.ordner + "/datei.csv"])
        #expect(r.code == 1)
        #expect(r.fehler.split(separator: "\n").filter { $0.contains("Fehler:") }.count == 1, "\(r.fehler)")
    }

    @Test(arguments: [
        "-2021-Q4", "+2021-Q4", "2021-Q4-", "2021--Q4", " 2021-Q4", "2021-Q04", "Q4/-2021", "+2021", "２０２１",
    ])
    func ungueltigeZeitraeume(_ text: String) {
        #expect(Berichtsperiode.parse(text) == nil, "\(text)")
        let r = lauf(["report", "--period=\(text)", "--format", "md"])
        #expect(r.code == 2, "\(text)")
    }

    @Test(arguments: ["--out", "--data", "--definitions", "--period", "--format"])
    func leererWertIstEinAufruffehler(_ option: String) {
        let r = lauf(["report", option, ""])
        #expect(r.code == 2)
        #expect(r.fehler.contains("der Option \(option) fehlt ein Wert"), "\(r.fehler)")
    }
}
