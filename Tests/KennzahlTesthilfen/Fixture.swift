import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBeispiele
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung
import KennzahlKommandozeile
import Testing

/// A temporary data folder with hand-written exports, removed when the test ends.
package final class Fixture {
    package let ordner: String

    package init(_ dateien: [String: String]) throws {
        ordner = NSTemporaryDirectory() + "kennzahl-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: ordner, withIntermediateDirectories: true)
        for (name, inhalt) in dateien {
            try schreibe(name, Array(inhalt.utf8))
        }
    }

    package func schreibe(_ name: String, _ bytes: [UInt8]) throws {
        let pfad = ordner + "/" + name
        try FileManager.default.createDirectory(
            atPath: (pfad as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: pfad))
    }

    deinit { try? FileManager.default.removeItem(atPath: ordner) }
}

/// Parses definition text that must be valid; fails with all diagnostics otherwise.
package func katalog(_ text: String, datei: String = "test.kz") throws -> Katalog {
    let (k, d) = KatalogLeser.lade(texte: [(pfad: datei, text: text)])
    guard let k else {
        struct Ungueltig: Error, CustomStringConvertible { var description: String }
        throw Ungueltig(description: d.map(\.formatiert).joined(separator: "\n"))
    }
    return k
}

/// Evaluates `kennzahl` for the given periods on a fixture.
package func werte(_ k: Katalog, _ f: Fixture, _ anfragen: [(String, Zeitraum)]) throws -> (Auswertung, [Diagnose]) {
    let (bestand, d1) = Datenbestand.finde(ordner: f.ordner, katalog: k)
    guard let bestand else {
        struct KeinBestand: Error {}
        throw KeinBestand()
    }
    let liste = try anfragen.map { (id, z) in
        (kennzahl: try #require(k.kennzahlen.firstIndex { $0.id == id }), zeitraum: z)
    }
    let (a, d2) = Auswerter.werteAus(katalog: k, bestand: bestand, anfragen: liste)
    return (a, d1 + d2)
}

/// A ratio Kennzahl "T" (AMB over GES of `kleinerKatalog`) with the given Ampel rules, for the
/// Ampel tests.
package func ampelKennzahl(
    _ regeln: String, einheit: String = "prozent", rhythmus: String = "quartal",
    ziel: String = "zielwert mindestens 80", richtung: String? = nil
) throws -> Kennzahl {
    let text =
        kleinerKatalog + """

            kennzahl T "Test" {
              produkt 3
              definition "Test."
              zaehler AMB
              nenner GES
              zeitraum \(rhythmus), stichtag
              einheit \(einheit)
              \(ziel)
              \(richtung.map { "richtung " + $0 } ?? "")
              ampel { \(regeln) }
            }
            """
    struct Fehlt: Error {}
    guard let k = try katalog(text).kennzahl(id: "T") else { throw Fehlt() }
    return k
}

package let kleinerKatalog = """
    katalog "Test" {
      gesamt "Stadt"
      produkt 2 "Fallzahlen"
      produkt 3 "Wirkung"
    }
    sozialraum "Nord" { codes "N" }
    sozialraum "Süd" { codes "S" }

    quelle hilfen "Testsystem" {
      art faelle
      datei "hilfen-{quartal}.csv"
      id "Fall"
      sozialraum "Sozialraum"
      beginn "Beginn"
      ende "Ende"
      feld form "Form" { "a" -> "ambulant"; "s" -> "stationär" }
    }

    kennzahl AMB "ambulant am Stichtag" {
      produkt 2
      definition "Ambulante Fälle am letzten Tag des Zeitraums."
      wert anzahl faelle aus hilfen wo form = "ambulant"
      zeitraum quartal, stichtag
    }
    kennzahl STAT "stationär am Stichtag" {
      produkt 2
      definition "Stationäre Fälle am letzten Tag des Zeitraums."
      wert anzahl faelle aus hilfen wo form = "stationär"
      zeitraum quartal, stichtag
    }
    kennzahl GES "gesamt" {
      produkt 2
      definition "ambulant + stationär"
      wert AMB + STAT
    }
    kennzahl ZUG "Zugänge" {
      produkt 2
      definition "Begonnene Fälle."
      wert anzahl faelle aus hilfen
      zeitraum quartal, zugaenge
    }
    kennzahl VERLAUF-J "Fälle im Verlauf des Jahres" {
      produkt 3
      definition "Fälle, die an mindestens einem Tag des Jahres liefen."
      wert anzahl faelle aus hilfen
      zeitraum jahr, im verlauf
    }
    kennzahl ANTEIL "Anteil ambulant" {
      produkt 3
      definition "ambulant / alle am Stichtag"
      zaehler AMB
      nenner GES
      einheit prozent
      zeitraum quartal, stichtag
    }
    """
