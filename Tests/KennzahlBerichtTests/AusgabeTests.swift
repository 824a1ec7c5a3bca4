import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBericht

/// The built `kennzahl` program next to the test bundle (for tests that kill a run).
enum Programm {
    static var pfad: String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for kandidat in [bundle, bundle.deletingLastPathComponent()] {
            let p = kandidat.appendingPathComponent("kennzahl").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        return Paket.wurzel + "/.build/debug/kennzahl"
    }

    /// Runs the program; returns the exit code, or the negated signal that ended it.
    static func starte(_ argumente: [String], umgebung: [String: String] = [:], abbrechenNach sekunden: Double? = nil)
        throws -> (code: Int32, fehler: String)
    {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: pfad)
        p.arguments = argumente
        p.environment = ProcessInfo.processInfo.environment.merging(umgebung) { $1 }
        let fehler = Pipe()
        p.standardError = fehler
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        if let sekunden {
            Thread.sleep(forTimeInterval: sekunden)
            if p.isRunning { kill(p.processIdentifier, SIGKILL) }
        }
        let text = String(decoding: fehler.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationReason == .uncaughtSignal ? -p.terminationStatus : p.terminationStatus, text)
    }
}

/// A run writes all or nothing, however it ends: killed at any moment, the report folder holds
/// the complete old set or the complete new one; the next run clears what a killed run left; a
/// file the program did not write is never deleted.
@Suite(.serialized) struct AusgabeTests {
    /// Two report sets of the same folder that differ (2021-Q4 on the samples, with and without a
    /// changed Stand date).
    static func zweiStaende() throws -> (daten: String, aus: String) {
        let wurzel = temporaererOrdner()
        try FileManager.default.copyItem(atPath: Paket.beispieleUlm, toPath: wurzel + "/daten")
        return (wurzel + "/daten", wurzel + "/aus")
    }

    static func bericht(_ daten: String, _ aus: String, format: String = "md") -> [String] {
        [
            "report", "--definitions", Paket.definitionenUlm, "--data", daten, "--out", aus, "--period", "2021-Q4",
            "--format", format,
        ]
    }

    static func versteckte(_ aus: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: aus)) ?? []).filter { $0.hasPrefix(".") }.sorted()
    }

    @Test func ersetztOhneReste() throws {
        let (daten, aus) = try AusgabeTests.zweiStaende()
        for format in ["md", "csv"] {
            let r = lauf(AusgabeTests.bericht(daten, aus, format: format))
            #expect(r.code == 0, "\(r.fehler)")
        }
        let dateien = inhalt(aus + "/2021-Q4")
        #expect(dateien.keys.contains("gesamt/produkt-1.csv"))
        #expect(!dateien.keys.contains("gesamt/produkt-1.md"))
        #expect(AusgabeTests.versteckte(aus).isEmpty)
        #expect(AusgabeTests.versteckte(aus + "/2021-Q4").filter { $0 != ".kennzahl-berichtsstand" }.isEmpty)
    }

    /// Killed at each step of the swap (the program kills itself there when told to): the folder
    /// holds one whole set, never none; the next run finishes and leaves nothing behind.
    @Test(arguments: ["vor-tausch", "nach-tausch"])
    func abbruchBeimTausch(_ schritt: String) throws {
        let (daten, aus) = try AusgabeTests.zweiStaende()
        #expect(try Programm.starte(AusgabeTests.bericht(daten, aus)).code == 0)
        let alt = inhalt(aus + "/2021-Q4")
        try Data("Stand: 20.01.2022\n".utf8).write(to: URL(fileURLWithPath: daten + "/stand.txt"))
        let abbruch = try Programm.starte(AusgabeTests.bericht(daten, aus), umgebung: ["KENNZAHL_ABBRUCH": schritt])
        #expect(abbruch.code == -SIGKILL, "\(abbruch)")
        let danach = inhalt(aus + "/2021-Q4")
        #expect(!AusgabeTests.versteckte(aus).isEmpty, "der abgebrochene Lauf hinterlässt seinen Ordner")
        if schritt == "vor-tausch" {
            #expect(danach == alt)
        } else {
            #expect(danach.keys == alt.keys)
            #expect(danach != alt)
            #expect(
                String(decoding: danach["gesamt/produkt-2.md"] ?? Data(), as: UTF8.self).contains(
                    "Stand der Daten: 20.01.2022"))
        }
        let weiter = try Programm.starte(AusgabeTests.bericht(daten, aus))
        #expect(weiter.code == 0, "\(weiter.fehler)")
        #expect(AusgabeTests.versteckte(aus).isEmpty, "Reste des abgebrochenen Laufs entfernt")
        #expect(
            String(decoding: inhalt(aus + "/2021-Q4")["gesamt/produkt-2.md"] ?? Data(), as: UTF8.self).contains(
                "Stand der Daten: 20.01.2022"))
    }

    /// Where the system cannot swap in one step, two renames leave a moment without the folder.
    /// A run killed there leaves the old set under a hidden name; the next run puts it back first.
    @Test func lueckeZwischenZweiUmbenennungen() throws {
        let (daten, aus) = try AusgabeTests.zweiStaende()
        #expect(lauf(AusgabeTests.bericht(daten, aus)).code == 0)
        let alt = inhalt(aus + "/2021-Q4")
        // The state a run with pid 2^22 + 1 (above Linux's maximum, so not running) left: old set
        // moved aside, new set not yet in place.
        let tot = 4_194_305
        try FileManager.default.moveItem(atPath: aus + "/2021-Q4", toPath: aus + "/.2021-Q4.alt-\(tot)")
        try FileManager.default.createDirectory(
            atPath: aus + "/.2021-Q4.neu-\(tot)/gesamt", withIntermediateDirectories: true)
        try Data("halb".utf8).write(to: URL(fileURLWithPath: aus + "/.2021-Q4.neu-\(tot)/gesamt/produkt-1.md"))
        // `check` does not write; a report run restores, then replaces.
        let r = lauf(AusgabeTests.bericht(daten, aus))
        #expect(r.code == 0, "\(r.fehler)")
        #expect(inhalt(aus + "/2021-Q4") == alt)
        #expect(AusgabeTests.versteckte(aus).isEmpty)
    }

    /// Killed at random moments while writing: every time one whole set.
    @Test func abbruchZuZufaelligenZeitpunkten() throws {
        let (daten, aus) = try AusgabeTests.zweiStaende()
        #expect(try Programm.starte(AusgabeTests.bericht(daten, aus, format: "csv,md,html")).code == 0)
        let alt = inhalt(aus + "/2021-Q4")
        try Data("Stand: 20.01.2022\n".utf8).write(to: URL(fileURLWithPath: daten + "/stand.txt"))
        var zufall = SystemRandomNumberGenerator()
        var ganz = 0
        for _ in 0..<12 {
            let r = try Programm.starte(
                AusgabeTests.bericht(daten, aus, format: "csv,md,html"),
                abbrechenNach: Double.random(in: 0.05...1.5, using: &zufall))
            let jetzt = inhalt(aus + "/2021-Q4")
            #expect(jetzt.keys == alt.keys, "Lauf endete mit \(r.code)")
            let produkt2 = String(decoding: jetzt["gesamt/produkt-2.md"] ?? Data(), as: UTF8.self)
            let neu = produkt2.contains("Stand der Daten: 20.01.2022")
            // All files from the same run: the Stand line agrees across the set.
            for (name, bytes) in jetzt where name.hasSuffix(".md") && name.contains("/") {
                #expect(
                    String(decoding: bytes, as: UTF8.self).contains("Stand der Daten: 20.01.2022") == neu, "\(name)")
            }
            if !neu { #expect(jetzt == alt) }
            if r.code == 0 { ganz += 1 }
        }
        #expect(try Programm.starte(AusgabeTests.bericht(daten, aus, format: "csv,md,html")).code == 0)
        #expect(AusgabeTests.versteckte(aus).isEmpty)
        #expect(AusgabeTests.versteckte(aus + "/2021-Q4").filter { $0 != ".kennzahl-berichtsstand" }.isEmpty)
    }

    /// A hidden folder that only looks like a leftover of a killed run is the user's: left alone.
    @Test func fremderVersteckterOrdnerBleibt() throws {
        let (daten, aus) = try AusgabeTests.zweiStaende()
        let fremd = aus + "/.privat.alt-4194305"
        try FileManager.default.createDirectory(atPath: fremd, withIntermediateDirectories: true)
        try Data("meins".utf8).write(to: URL(fileURLWithPath: fremd + "/notiz.txt"))
        #expect(lauf(AusgabeTests.bericht(daten, aus)).code == 0)
        #expect(FileManager.default.contents(atPath: fremd + "/notiz.txt") == Data("meins".utf8))
        #expect(!FileManager.default.fileExists(atPath: aus + "/privat"))
    }

    /// A file the program did not write stops the run before anything is replaced.
    @Test func fremdeDateiWirdNichtGeloescht() throws {
        let (daten, aus) = try AusgabeTests.zweiStaende()
        #expect(lauf(AusgabeTests.bericht(daten, aus)).code == 0)
        try Data("meine Notizen".utf8).write(to: URL(fileURLWithPath: aus + "/2021-Q4/gesamt/notizen.txt"))
        let vorher = inhalt(aus + "/2021-Q4")
        let r = lauf(AusgabeTests.bericht(daten, aus, format: "csv"))
        #expect(r.code == 1)
        #expect(r.fehler.contains("2021-Q4/gesamt/notizen.txt: Fehler: Datei stammt nicht von kennzahl"), "\(r.fehler)")
        #expect(inhalt(aus + "/2021-Q4") == vorher)
        #expect(AusgabeTests.versteckte(aus).isEmpty)
    }
}
