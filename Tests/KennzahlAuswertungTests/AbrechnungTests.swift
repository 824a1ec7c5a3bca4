import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlAuswertung
@testable import KennzahlDefinition

/// Settling a budget on actual costs, written only in the definition language: rest = budget
/// minus costs, split 30/70 when positive, an overrun shown as such. Through `kennzahl report`,
/// to the cent, in all three formats.
@Suite struct AbrechnungTests {
    static let katalog = """
        katalog "Budgets" { gesamt "Kreis"; produkt 1 "Budget" }
        sozialraum "Nord"
        sozialraum "Süd"
        quelle budgets "Haushalt" { art zahlen; datei "budgets-{jahr}.csv"; sozialraum "Sozialraum"; anzahl "Budget" }
        quelle buchungen "Finanzbuchhaltung" {
          art faelle
          datei "buchungen-{quartal}.csv"
          id "Nr"
          sozialraum "Sozialraum"
          datum "Datum"
          feld betrag "Betrag" zahl
        }
        kennzahl BUDGET "Budget" { produkt 1; definition "d"; wert summe aus budgets; zeitraum jahr, stichtag; einheit euro }
        kennzahl KOSTEN "Kosten" { produkt 1; definition "d"; wert summe betrag aus buchungen; zeitraum jahr, zugaenge; einheit euro }
        kennzahl REST "Rest" { produkt 1; definition "d"; wert BUDGET - KOSTEN; einheit euro }
        kennzahl TRAEGER "30 % des Rests" { produkt 1; definition "d"; wert max(REST, 0) * 0,3; gesamt summe der sozialraeume; einheit euro }
        kennzahl KREIS "70 % des Rests" { produkt 1; definition "d"; wert max(REST, 0) * 0,7; gesamt summe der sozialraeume; einheit euro }
        kennzahl UEBER "Überschreitung" { produkt 1; definition "d"; wert max(KOSTEN - BUDGET, 0); gesamt summe der sozialraeume; einheit euro }
        """

    static let kopf = "Nr;Sozialraum;Datum;Betrag\n"

    /// Nord: the slide's budget of 1.000.000 € and costs of 940.000 € in eight bookings over the
    /// year. Süd: 500.000 € and 540.000,55 € after a reversal.
    static let daten: [String: String] = [
        "budgets-2022.csv": "Sozialraum;Budget\nNord;1.000.000,00\nSüd;500.000,00\n",
        "buchungen-2022-Q1.csv": kopf
            + "1;Nord;03.01.2022;100000\n2;Nord;31.03.2022;50000\n3;Süd;15.03.2022;412345,67\n",
        "buchungen-2022-Q2.csv": kopf + "4;Nord;30.06.2022;50000\n5;Nord;30.06.2022;10000\n",
        "buchungen-2022-Q3.csv": kopf + "6;Nord;30.09.2022;500000\n7;Süd;15.09.2022;128000\n8;Süd;20.09.2022;-345,12\n",
        "buchungen-2022-Q4.csv": kopf
            + "9;Nord;01.10.2022;120000\n10;Nord;15.11.2022;70000\n11;Nord;31.12.2022;40000\n",
    ]

    func bericht() throws -> [String: String] {
        let definitionen = try Fixture(["budgets.kz": AbrechnungTests.katalog])
        let exporte = try Fixture(AbrechnungTests.daten)
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let r = lauf([
            "report", "--definitions", definitionen.ordner, "--data", exporte.ordner, "--out", aus, "--period", "2022",
        ])
        #expect(r.code == 0, "\(r.fehler)")
        var texte: [String: String] = [:]
        for gebiet in ["nord", "sued", "gesamt"] {
            for format in ["csv", "md", "html"] {
                texte["\(gebiet).\(format)"] = try String(
                    contentsOfFile: "\(aus)/2022/\(gebiet)/produkt-1.\(format)", encoding: .utf8)
            }
        }
        return texte
    }

    /// The Markdown row of a Kennzahl: its value cell.
    func wert(_ md: String?, _ id: String) -> String? {
        guard let zeile = md?.split(separator: "\n").first(where: { $0.hasPrefix("| \(id) |") }) else { return nil }
        let zellen = zeile.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        return zellen.first { $0.hasSuffix("€") }
    }

    @Test func restWirdAufgeteiltUndUeberschreitungAusgewiesen() throws {
        let b = try bericht()
        #expect(wert(b["nord.md"], "BUDGET") == "1.000.000,00 €")
        #expect(wert(b["nord.md"], "KOSTEN") == "940.000,00 €")
        #expect(wert(b["nord.md"], "REST") == "60.000,00 €")
        #expect(wert(b["nord.md"], "TRAEGER") == "18.000,00 €")
        #expect(wert(b["nord.md"], "KREIS") == "42.000,00 €")
        #expect(wert(b["nord.md"], "UEBER") == "0,00 €")
        // Overrun: no negative share, the overrun on its own, exact to the cent.
        #expect(wert(b["sued.md"], "REST") == "-40.000,55 €")
        #expect(wert(b["sued.md"], "TRAEGER") == "0,00 €")
        #expect(wert(b["sued.md"], "UEBER") == "40.000,55 €")
        // The Kreis: shares and overruns are sums of the areas, not the formula on the Kreis total
        // (which would give a share of 30 % of 19.999,45 €).
        #expect(wert(b["gesamt.md"], "REST") == "19.999,45 €")
        #expect(wert(b["gesamt.md"], "TRAEGER") == "18.000,00 €")
        #expect(wert(b["gesamt.md"], "UEBER") == "40.000,55 €")
        // The same numbers in CSV (spreadsheet form) and HTML.
        #expect(b["nord.csv"]?.contains("\nREST;Rest;2022;60000,00;Euro;") == true, "\(b["nord.csv"] ?? "")")
        #expect(b["nord.csv"]?.contains("\nTRAEGER;30 % des Rests;2022;18000,00;Euro;") == true)
        #expect(b["sued.csv"]?.contains("\nREST;Rest;2022;-40000,55;Euro;") == true)
        // HTML keeps number and sign together with a no-break space.
        #expect(b["nord.html"]?.contains(">42.000,00\u{00A0}€<") == true)
        #expect(b["sued.html"]?.contains(">-40.000,55\u{00A0}€<") == true)
    }
}
