import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBeispiele
@testable import KennzahlBericht
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

@Suite struct TestlaufTests {
    @Test func ulmerTestsBestehen() {
        let r = lauf(["test", "--definitions", Paket.definitionenUlm])
        #expect(r.code == 0, "\(r.fehler)")
        #expect(r.aus.contains("7 Tests: 7 bestanden, 0 fehlgeschlagen."))
    }

    /// Copies the Ulm catalogue, applies a change, runs its tests.
    func mitAenderung(_ alt: String, _ neu: String) throws -> (code: Int32, aus: String, fehler: String, datei: String)
    {
        let ordner = temporaererOrdner()
        for name in try FileManager.default.contentsOfDirectory(atPath: Paket.definitionenUlm) {
            try FileManager.default.copyItem(atPath: Paket.definitionenUlm + "/" + name, toPath: ordner + "/" + name)
        }
        let datei = ordner + "/produkt3-wirkung.kz"
        let text = try String(contentsOfFile: datei, encoding: .utf8)
        let bereich = try #require(text.range(of: alt))
        try text.replacingCharacters(in: bereich, with: neu).write(toFile: datei, atomically: true, encoding: .utf8)
        let r = lauf(["test", "--definitions", ordner])
        return (r.code, r.aus, r.fehler, datei)
    }

    @Test func geaenderterZielwertFaelltAuf() throws {
        let r = try mitAenderung("  zielwert mindestens 80", "  zielwert mindestens 70")
        #expect(r.code == 1)
        #expect(
            r.fehler.contains(
                "\(r.datei):53:3: Fehler: Test „jeder Fall zählt einmal im Jahr“ (JH-Z5): Zielwert erwartet „nicht erreicht“, berechnet „erreicht“ (Wert 75,0 %) [KZ400]"
            ))
        #expect(r.aus.contains("7 Tests: 6 bestanden, 1 fehlgeschlagen."))
    }

    @Test func falscheErwartungNenntBeideWerte() throws {
        let r = try mitAenderung("  erwartet wert 75,0", "  erwartet wert 76")
        #expect(r.code == 1)
        #expect(r.fehler.contains("Wert erwartet 76,0 %, berechnet 75,0 % [KZ400]"))
    }

    @Test func fehlerhafteTestdatenSindFehlerDesTests() throws {
        let r = try mitAenderung(
            "\"H1;Wiblingen;10.01.2021;20.02.2021;Erziehungsfragen\"",
            "\"H1;Wiblingn;10.01.2021;20.02.2021;Erziehungsfragen\"")
        #expect(r.code == 1)
        #expect(
            r.fehler.contains(
                "Fehler: Test „jeder Fall zählt einmal im Jahr“ (JH-Z5): Zeile verworfen: unbekannter Sozialraum 'Wiblingn' (Spalte 'Sozialraum') (Zeile 2 der Testdaten) [KZ401]"
            ))
    }

    @Test func testOhneBekannteKennzahlIstEinDefinitionsfehler() throws {
        let r = try mitAenderung("test AH-Z3 \"Anteil ohne Zielwert\"", "test AH-Z4 \"Anteil ohne Zielwert\"")
        #expect(r.code == 1)
        #expect(r.fehler.contains("Fehler: unbekannte Kennzahl 'AH-Z4' im Test [KZ160]"))
    }

    /// A test's unknown Sozialraum has its own code (it shared KZ111 with unusable folder names).
    @Test func testMitUnbekanntemSozialraumHatEigenenCode() throws {
        let r = try mitAenderung("gebiet \"Eselsberg\"", "gebiet \"Eselsbreg\"")
        #expect(r.code == 1)
        #expect(r.fehler.contains("Fehler: unbekannter Sozialraum 'Eselsbreg' im Test [KZ115]"), "\(r.fehler)")
    }
}
