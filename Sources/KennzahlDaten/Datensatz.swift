import KennzahlBasis
import KennzahlDefinition

/// One accepted row of an export, in the catalogue's terms.
package struct Datensatz {
    /// 1-based line in the file.
    var zeile: Int
    /// Sozialraum index (catalogue order); `anzahlSozialraeume` means "ohne Zuordnung" (and, for
    /// sources without a Sozialraum column, the whole city).
    package var gebiet: Int
    package var beginn: Tag?
    package var ende: Tag?
    /// Count sources: the delivered count (fixed point, ×10 000). Case lists: unused.
    package var anzahl: Int64
    /// Case lists: index of the next newer file of this source that lists the same case id, or
    /// `Int.max` when this is the newest record of the case.
    package var naechsteDatei: Int
    /// Per declared field: the id of the raw value (see `QuellenWerte`). Valid only while the row
    /// is being processed: the reader reuses the storage for the next row.
    package var werte: UnsafeBufferPointer<Int32>
    /// Per declared field: for number fields the value in hundredths of a cent (`Datensatz.leer`
    /// when empty), read per row instead of interned (amounts have too many distinct values).
    /// Valid only while the row is being processed.
    package var zahlen: UnsafeBufferPointer<Int64>
    /// Per declared field: for late fields (interned only when counted, id −1 in `werte`) the
    /// trimmed raw bytes. Valid only while the row is being processed.
    package var roh: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    /// Birth date, where the source has one.
    package var geburt: Tag?

    /// An empty number field.
    package static let leer = Int64.min
}

/// What happened to the rows of one file.
package struct DateiStatistik: Sendable {
    package var pfad: String
    package var quelle: String
    var kodierung: Kodierung
    package var zeilenGelesen = 0
    /// Physical lines of the file (line breaks, plus a last line without one), counted by the
    /// scanner independently of what became of them.
    package var physischeZeilen = 0
    /// The header line (1 once found).
    package var kopfzeilen = 0
    /// Empty lines and lines of bare delimiters.
    package var leereZeilen = 0
    /// Lines after the first of accepted records whose quoted field spans lines.
    package var folgezeilen = 0
    package var uebernommen = 0
    /// Rejected rows per reason.
    package var verworfen: [String: Int] = [:]

    package var verworfenGesamt: Int { verworfen.values.reduce(0, +) }
    /// Pieces the file was read in at once (`Dateiteilung`); 1 when read from start to end.
    package var teile = 1

    /// The lines the reader accounted for: header, empty, taken, rejected and continuation lines.
    /// Equals `physischeZeilen` when nothing was lost.
    var verbuchteZeilen: Int { kopfzeilen + leereZeilen + uebernommen + verworfenGesamt + folgezeilen }
}

/// How export values name Sozialräume and Stadtviertel, built once from the catalogue.
package struct Gebietsverzeichnis: Sendable {
    private var namen: [String: Int] = [:]
    private var viertel: [String: Int] = [:]
    package let alleNamen: [String]
    let alleViertel: [String]

    package init(_ k: Katalog) {
        var n: [String] = [], v: [String] = []
        for (i, s) in k.sozialraeume.enumerated() {
            for name in [s.name] + s.codes {
                namen[Schreibweise.vergleichsform(name)] = i
                n.append(name)
            }
            for sv in s.stadtviertel {
                viertel[Schreibweise.vergleichsform(sv)] = i
                v.append(sv)
            }
        }
        alleNamen = n
        alleViertel = v
    }

    package func sozialraum(_ text: String) -> Int? { namen[Schreibweise.vergleichsform(text)] }
    func stadtviertel(_ text: String) -> Int? { viertel[Schreibweise.vergleichsform(text)] }
}
