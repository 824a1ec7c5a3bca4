import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlDaten

/// The compact case-id table of a piece keeps only hashes and row offsets; equal hashes are
/// settled by reading both ids again from the file. With a hash that always collides, only equal
/// ids may count as duplicates – quoted or padded, as the reader sees them.
@Suite struct FallnummernTests {
    @Test func kollidierendeHashesEntscheidetDieDatei() throws {
        let zeilen = [
            "Fall;SR", "A1;Nord", "B2;Süd", "\"A1\";Nord", " C3 ;Nord", "\"x\"\"y\";Süd", "C3;Süd", "x\"y;Nord",
        ]
        let text = zeilen.joined(separator: "\r\n") + "\r\n"
        let f = try Fixture(["export.csv": text])
        let pfad = f.ordner + "/export.csv"
        let t = Fallnummern(
            pfad: pfad, von: 0, ersteZeile: 1, erwartet: 4, trennzeichen: 0x3B, spalte: 0, hash: { _ in 42 })
        var versatz = 0
        var ergebnis: [Int?] = []
        for (i, z) in zeilen.enumerated() {
            defer { versatz += z.utf8.count + 2 }
            guard i > 0 else { continue }
            // The id as the reader hands it over: unquoted, trimmed.
            var id = z.split(separator: ";")[0].trimmingCharacters(in: .whitespaces)
            if id.hasPrefix("\"") {
                id = String(id.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
            }
            let frueher = Array(id.utf8).withUnsafeBufferPointer { t.merke($0, versatz: UInt32(versatz)) }
            ergebnis.append(frueher.map { t.zeile(bei: $0) })
        }
        // A1 again in line 4 (first in line 2), C3 again in line 7 (first in line 5), and x"y in
        // line 8 (a stray quote, read as it stands) is the quoted "x""y" of line 6.
        #expect(ergebnis == [nil, nil, 2, nil, nil, 5, 6], "\(ergebnis)")
        #expect(t.anzahl == 4)
    }
}
