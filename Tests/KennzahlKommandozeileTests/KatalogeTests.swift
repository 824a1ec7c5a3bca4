import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBeispiele
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Every bundled catalogue with its sample set: the same commands work for each, with no code
/// written for any of them.
@Suite struct KatalogeTests {
    static let namen = Beispiele.alle.map(\.name)

    @Test(arguments: namen)
    func pruefungUndTestsBestehen(_ name: String) {
        let check = lauf(["check", "--definitions", Paket.definitionen(name), "--data", Paket.beispiele(name)])
        #expect(check.code == 0, "\(check.fehler)")
        let t = lauf(["test", "--definitions", Paket.definitionen(name)])
        #expect(t.code == 0, "\(t.fehler)")
        let zeile = t.aus.split(separator: "\n").last.map(String.init)
        // "7 Tests: 7 bestanden, 0 fehlgeschlagen." – at least one test, none failed.
        #expect(zeile?.hasSuffix("bestanden, 0 fehlgeschlagen.") == true, "\(t.aus)")
        #expect(zeile?.hasPrefix("0 Tests") == false)
    }

    /// A report file per Produkt in all three formats for every Sozialraum and the whole area; every
    /// amount in euro reads `1.000.000,00 €`.
    @Test(arguments: namen)
    func berichteFuerAlleGebieteInDreiFormaten(_ name: String) throws {
        let (katalog, d) = KatalogLeser.lade(ordner: Paket.definitionen(name))
        let k = try #require(katalog, "\(d.map(\.formatiert))")
        let aus = temporaererOrdner()
        defer { try? FileManager.default.removeItem(atPath: aus) }
        let r = lauf([
            "report", "--definitions", Paket.definitionen(name), "--data", Paket.beispiele(name), "--out", aus,
        ])
        #expect(r.code == 0, "\(r.fehler)")
        let fm = FileManager.default
        let perioden = try fm.contentsOfDirectory(atPath: aus)
        let periode = try #require(perioden.first)
        #expect(perioden.count == 1)
        let gebiete = try fm.contentsOfDirectory(atPath: aus + "/" + periode).filter { !$0.contains(".") }.sorted()
        #expect(gebiete.count == k.sozialraeume.count + 1)
        #expect(gebiete.contains("gesamt"))
        let geld = try Regex(#"^-?\d{1,3}(\.\d{3})*,\d{2} €$"#)
        let betrag = try Regex(#"-?[0-9][0-9.,]* €"#)
        var betraege = 0
        for gebiet in gebiete {
            for p in k.produkte {
                for format in ["csv", "md", "html"] {
                    let pfad = "\(aus)/\(periode)/\(gebiet)/\(p.dateiname).\(format)"
                    let groesse = (try? fm.attributesOfItem(atPath: pfad)[.size] as? Int) ?? 0
                    #expect(groesse > 500, "\(pfad) fehlt oder ist leer")
                }
                let md = try String(contentsOfFile: "\(aus)/\(periode)/\(gebiet)/\(p.dateiname).md", encoding: .utf8)
                for treffer in md.matches(of: betrag) {
                    #expect(
                        md[treffer.range].wholeMatch(of: geld) != nil,
                        "\(gebiet)/\(p.dateiname).md: '\(md[treffer.range])'")
                    betraege += 1
                }
            }
        }
        if k.kennzahlen.contains(where: { $0.einheit == .euro }) { #expect(betraege > 0) }
    }
}
