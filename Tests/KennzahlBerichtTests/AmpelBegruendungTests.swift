import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBericht

/// Ampel reasons are structured: a public report puts `.` for a number it withholds and keeps
/// the rest of the sentence (what was measured, the rule, the colour).
@Suite struct AmpelBegruendungTests {
    static let katalog = Kleinstadt.katalog
        .replacingOccurrences(
            of: "produkt 1 \"Fallzahlen\";", with: "produkt 1 \"Fallzahlen\"; produkt 2 \"Ampel\" ampel;"
        )
        .replacingOccurrences(
            of: "wo form = \"ambulant\"; zeitraum quartal, stichtag }",
            with: "wo form = \"ambulant\"; zeitraum quartal, stichtag; ampel { rot wenn wert unter 5 } }"
        )
        .replacingOccurrences(
            of: "einheit prozent }", with: "einheit prozent; ampel { gelb wenn wert unter 50 } }")

    /// The reason of a light as the report shows it.
    func begruendung(_ g: Berichtsgrundlage, _ id: String, _ raum: String?) throws -> String {
        let i = try #require(g.katalog.kennzahlen.firstIndex { $0.id == id })
        let gebiet = try raum.map { try g.sozialraum($0) } ?? .gesamt
        let licht = try #require(g.ampel.licht(i, gebiet), "\(id) \(raum ?? "Gesamt")")
        return g.begruendung(licht, i, g.katalog.kennzahlen[i], gebiet)
    }

    @Test func oeffentlichVerschwindetNurDieZurueckgehalteneZahl() throws {
        let faelle = [("Nord", 2, 10), ("Mitte", 6, 7), ("Süd", 8, 9)]
        let intern = try Kleinstadt.grundlage(faelle, oeffentlich: false, katalog: Self.katalog)
        let oeffentlich = try Kleinstadt.grundlage(faelle, oeffentlich: true, katalog: Self.katalog)
        // Nord's 2 ambulant cases are withheld (primary), Mitte's 6 with them (secondary).
        #expect(try begruendung(intern, "AMB", "Nord") == "Rot: Wert 2 liegt unter 5.")
        #expect(try begruendung(oeffentlich, "AMB", "Nord") == "Rot: Wert . liegt unter 5.")
        #expect(try begruendung(intern, "AMB", "Mitte") == "Grün: keine Regel ausgelöst (Wert 6).")
        #expect(try begruendung(oeffentlich, "AMB", "Mitte") == "Grün: keine Regel ausgelöst (Wert .).")
        // A share whose numerator is withheld: its value is not shown either; the threshold is.
        #expect(try begruendung(intern, "Q", "Nord") == "Gelb: Wert 16,7 % liegt unter 50 %.")
        #expect(try begruendung(oeffentlich, "Q", "Nord") == "Gelb: Wert . liegt unter 50 %.")
        // Values the public report shows stay in the reason.
        for (id, raum) in [("AMB", "Süd"), ("AMB", nil), ("Q", "Süd"), ("Q", nil)] {
            let text = try begruendung(oeffentlich, id, raum)
            #expect(text == (try begruendung(intern, id, raum)), "\(id) \(raum ?? "Gesamt")")
            #expect(!text.contains(" . ") && !text.contains("(Wert .)"), "\(text)")
        }
        #expect(try begruendung(oeffentlich, "Q", "Süd") == "Gelb: Wert 47,1 % liegt unter 50 %.")
    }

    /// The overview's matrix links each light to its row in the area's Ampel report, and links
    /// nowhere when the catalogue has no Ampel Produkt (no rows with anchors to point at).
    @Test func uebersichtVerlinktNurVorhandeneZeilen() throws {
        let faelle = [("Nord", 2, 10), ("Mitte", 6, 7), ("Süd", 8, 9)]
        let mit = try Kleinstadt.grundlage(faelle, oeffentlich: false, katalog: Self.katalog)
        let html = HtmlRenderer.render(Uebersicht.baue(mit, formate: ["html"]))
        #expect(html.contains("href=\"nord/produkt-2.html#licht-amb\""), "\(html)")
        let ohne = Self.katalog.replacingOccurrences(of: " produkt 2 \"Ampel\" ampel;", with: "")
        let g = try Kleinstadt.grundlage(faelle, oeffentlich: false, katalog: ohne)
        let text = HtmlRenderer.render(Uebersicht.baue(g, formate: ["html"]))
        #expect(text.contains("Ampel je Kennzahl und Gebiet") && !text.contains("#licht-"))
    }
}
