import KennzahlBasis

/// A small CSV file with a header row, read whole (the manual Ampel switchings): its rows with
/// line numbers, and the columns the caller needs, found by name in any spelling. Reading stays
/// here with the exports; what the rows mean is the caller's.
package struct Kopftabelle: Sendable {
    /// One row below the header: its line, its fields, and what was wrong with it (quotes,
    /// field count), in which case the fields are not to be trusted.
    package struct Zeile: Sendable {
        package var nummer: Int
        package var felder: [String]
        package var problem: String?
    }

    /// Why a file has no usable table.
    package enum Problem: Error, Equatable {
        /// The operating system's or the reader's reason.
        case nichtLesbar(String)
        case utf16
        case leer
        /// Columns missing from the header, with the header's names.
        case spaltenFehlen([String], kopf: [String], kopfzeile: Int)
    }

    package private(set) var zeilen: [Zeile]
    private var index: [String: Int]

    /// A field of a row by column name; empty where the row is short.
    package func feld(_ z: Zeile, _ spalte: String) -> String {
        index[spalte].flatMap { $0 < z.felder.count ? z.felder[$0] : nil } ?? ""
    }

    /// Reads a file of at most 16 MB (UTF-8 or Windows-1252, `;` or `,`) that must have every
    /// column of `spalten` in its header.
    package static func lies(_ pfad: String, spalten: [String]) -> Result<Kopftabelle, Problem> {
        let daten: [UInt8]
        switch Dateisystem.lies(pfad, grenze: 16 << 20) {
        case .failure(let p): return .failure(.nichtLesbar(p.text))
        case .success(let d): daten = d
        }
        guard case .success(let e) = Textkodierung.nachUTF8(daten, erklaert: nil) else { return .failure(.utf16) }
        let alle = CsvZerleger.zeilenAlsText(e.bytes).map {
            Zeile(nummer: $0.zeile, felder: $0.felder, problem: $0.problem)
        }
        guard let kopf = alle.first else { return .failure(.leer) }
        var index: [String: Int] = [:]
        var fehlen: [String] = []
        for s in spalten {
            if let i = kopf.felder.firstIndex(where: {
                Schreibweise.vergleichsform($0) == Schreibweise.vergleichsform(s)
            }) {
                index[s] = i
            } else {
                fehlen.append(s)
            }
        }
        guard fehlen.isEmpty else { return .failure(.spaltenFehlen(fehlen, kopf: kopf.felder, kopfzeile: kopf.nummer)) }
        return .success(Kopftabelle(zeilen: Array(alle.dropFirst()), index: index))
    }
}
