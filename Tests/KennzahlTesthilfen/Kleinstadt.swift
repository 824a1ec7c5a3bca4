import Foundation
import KennzahlBasis
import KennzahlBericht
import KennzahlKommandozeile
import Testing

/// A small city of three Sozialräume (Nord, Mitte, Süd) with one export of hand-counted cases,
/// ambulant and stationär per area: the fixture of the Geheimhaltung and Ampel-reason tests.
package enum Kleinstadt {
    package static let katalog = """
        katalog "Geheimhaltung" { produkt 1 "Fallzahlen"; mindestfallzahl 3 }
        sozialraum "Nord"
        sozialraum "Mitte"
        sozialraum "Süd"
        quelle hilfen "Test" {
          art faelle
          datei "hilfen-{quartal}.csv"
          id "Fall"
          sozialraum "SR"
          beginn "Beginn"
          ende "Ende"
          feld form "Form" { "a" -> "ambulant"; "s" -> "stationär" }
        }
        kennzahl AMB "ambulant" { produkt 1; definition "d"; wert anzahl faelle aus hilfen wo form = "ambulant"; zeitraum quartal, stichtag }
        kennzahl STAT "stationär" { produkt 1; definition "d"; wert anzahl faelle aus hilfen wo form = "stationär"; zeitraum quartal, stichtag }
        kennzahl GES "Gesamt" { produkt 1; definition "d"; wert AMB + STAT }
        kennzahl Q "Anteil ambulant" { produkt 1; definition "d"; zaehler AMB; nenner GES; einheit prozent }
        """

    /// Cases per area: (ambulant, stationär).
    package static func grundlage(
        _ faelle: [(String, Int, Int)], oeffentlich: Bool = true, katalog: String = Kleinstadt.katalog
    ) throws -> Berichtsgrundlage {
        var zeilen = ["Fall;SR;Beginn;Ende;Form"]
        var nummer = 0
        for (raum, amb, stat) in faelle {
            for (form, n) in [("a", amb), ("s", stat)] {
                for _ in 0..<n {
                    nummer += 1
                    zeilen.append("F\(nummer);\(raum);01.01.2021;;\(form)")
                }
            }
        }
        let definitionen = try Fixture(["k.kz": katalog])
        let daten = try Fixture(["hilfen-2021-Q4.csv": zeilen.joined(separator: "\n") + "\n"])
        var a = Berichtslauf.Auftrag()
        a.definitionen = definitionen.ordner
        a.daten = daten.ordner
        a.periode = .quartal(Quartal(jahr: 2021, nummer: 4))
        a.oeffentlich = oeffentlich
        let (g, d) = Berichtslauf.berechne(a)
        return try #require(g, "\(d.map(\.formatiert))")
    }
}
