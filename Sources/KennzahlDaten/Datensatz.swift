import KennzahlBasis
import KennzahlDefinition

/// One accepted row of an export, in the catalogue's terms.
public struct Datensatz {
    /// 1-based line in the file.
    public var zeile: Int
    /// Sozialraum index (catalogue order); `anzahlSozialraeume` means "ohne Zuordnung" (and, for
    /// sources without a Sozialraum column, the whole city).
    public var gebiet: Int
    public var beginn: Tag?
    public var ende: Tag?
    /// Count sources: the delivered count (fixed point, ×10 000). Case lists: unused.
    public var anzahl: Int64
    /// Case lists: index of the next newer file of this source that lists the same case id, or
    /// `Int.max` when this is the newest record of the case.
    public var naechsteDatei: Int
    /// Per declared field: the id of the raw value (see `QuellenWerte`). Valid only while the row
    /// is being processed: the reader reuses the storage for the next row.
    public var werte: UnsafeBufferPointer<Int32>
    /// Per declared field: for number fields the value in hundredths of a cent (`Datensatz.leer`
    /// when empty), read per row instead of interned (amounts have too many distinct values).
    /// Valid only while the row is being processed.
    public var zahlen: UnsafeBufferPointer<Int64>
    /// Per declared field: for late fields (interned only when counted, id −1 in `werte`) the
    /// trimmed raw bytes. Valid only while the row is being processed.
    public var roh: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
    /// Birth date, where the source has one.
    public var geburt: Tag?

    /// An empty number field.
    public static let leer = Int64.min
}

/// What happened to the rows of one file.
public struct DateiStatistik: Sendable {
    public var pfad: String
    public var quelle: String
    public var kodierung: Kodierung
    public var zeilenGelesen = 0
    /// Physical lines of the file (line breaks, plus a last line without one), counted by the
    /// scanner independently of what became of them.
    public var physischeZeilen = 0
    /// The header line (1 once found).
    public var kopfzeilen = 0
    /// Empty lines and lines of bare delimiters.
    public var leereZeilen = 0
    /// Lines after the first of accepted records whose quoted field spans lines.
    public var folgezeilen = 0
    public var uebernommen = 0
    /// Rejected rows per reason.
    public var verworfen: [String: Int] = [:]

    public var verworfenGesamt: Int { verworfen.values.reduce(0, +) }

    /// The lines the reader accounted for: header, empty, taken, rejected and continuation lines.
    /// Equals `physischeZeilen` when nothing was lost.
    public var verbuchteZeilen: Int { kopfzeilen + leereZeilen + uebernommen + verworfenGesamt + folgezeilen }
}

/// How export values name Sozialräume and Stadtviertel, built once from the catalogue.
public struct Gebietsverzeichnis: Sendable {
    private var namen: [String: Int] = [:]
    private var viertel: [String: Int] = [:]
    package let alleNamen: [String]
    let alleViertel: [String]

    public init(_ k: Katalog) {
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
