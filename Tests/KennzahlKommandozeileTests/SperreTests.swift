import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// One run per output folder: a run waits while another writes there, and then never replaces a
/// set of the other kind (internal ↔ public) that the other run wrote meanwhile.
@Suite struct SperreTests {
    func auftrag(oeffentlich: Bool, aus: String) throws -> (Berichtslauf.Auftrag, [Fixture]) {
        var zeilen = ["Fall;SR;Beginn;Ende;Form"]
        for i in 0..<12 {
            zeilen.append("F\(i);\(["Nord", "Mitte", "Süd"][i % 3]);01.01.2021;;\(i % 4 == 0 ? "s" : "a")")
        }
        let definitionen = try Fixture(["k.kz": Kleinstadt.katalog])
        let daten = try Fixture(["hilfen-2021-Q4.csv": zeilen.joined(separator: "\n") + "\n"])
        var a = Berichtslauf.Auftrag()
        a.definitionen = definitionen.ordner
        a.daten = daten.ordner
        a.ausgabe = aus
        a.oeffentlich = oeffentlich
        return (a, [definitionen, daten])
    }

    /// The race of the issue: an internal run starts while a public run holds the folder; the
    /// public run writes its set and ends; the internal run must then stop (KZ311), not replace it.
    @Test func wartetUndErsetztKeinenStandDerAnderenArt() throws {
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        var (intern, ordner) = try auftrag(oeffentlich: false, aus: aus)
        _ = ordner
        let sperre = try Ausgabe.Sperre(aus)
        let wartet = DispatchSemaphore(value: 0)
        intern.wartet = { _ in wartet.signal() }
        let fertig = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var ergebnis: Berichtslauf.Ergebnis?
        let kopie = intern
        Thread.detachNewThread {
            ergebnis = Berichtslauf.run(kopie)
            fertig.signal()
        }
        // The internal run must wait for the folder before it does anything.
        wartet.wait()
        // Meanwhile the public run (holding the folder) writes its set.
        try Ausgabe.schreibe([("index.html", Array("öffentlich".utf8))], nach: aus + "/2021-Q4", art: "oeffentlich")
        let vorher = inhalt(aus + "/2021-Q4")
        #expect(Ausgabe.Stamm.lies(aus + "/2021-Q4")?.art == "oeffentlich")
        sperre.gibFrei()
        fertig.wait()
        let e2 = try #require(ergebnis)
        #expect(e2.exitCode == 2)
        #expect(e2.diagnosen.contains { $0.code == "KZ311" })
        #expect(inhalt(aus + "/2021-Q4") == vorher)
    }

    /// Without another run nothing waits, and the lock leaves no trace.
    @Test func ohneAnderenLaufKeinWarten() throws {
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        var (a, o) = try auftrag(oeffentlich: false, aus: aus)
        _ = o
        nonisolated(unsafe) var gewartet = false
        a.wartet = { _ in gewartet = true }
        #expect(Berichtslauf.run(a).exitCode == 0)
        #expect(!gewartet)
        #expect(try FileManager.default.contentsOfDirectory(atPath: aus).sorted() == ["2021-Q4"])
    }

    /// A public run into a folder holding an internal set of that period stops before reading
    /// any export (it does not compute first).
    @Test func artKonfliktVorDerRechnung() throws {
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let (intern, o1) = try auftrag(oeffentlich: false, aus: aus)
        #expect(Berichtslauf.run(intern).exitCode == 0)
        var (oeffentlich, o2) = try auftrag(oeffentlich: true, aus: aus)
        _ = (o1, o2)
        // An export the run would reject as unreadable: reading it would add a warning.
        oeffentlich.daten = intern.daten
        try Data([0xFF, 0xFE, 0x00]).write(to: URL(fileURLWithPath: intern.daten + "/hilfen-2021-Q3.csv"))
        let e = Berichtslauf.run(oeffentlich)
        #expect(e.exitCode == 2)
        #expect(e.diagnosen.map(\.code) == ["KZ311"], "\(e.diagnosen.map(\.formatiert))")
    }
}
