import Foundation
import KennzahlBasis
import KennzahlDefinition

extension Bedingung {
    /// The fields a filter reads.
    func felder(in menge: inout Set<Int>) {
        switch self {
        case .atom(let f, _): menge.insert(f)
        case .alter: break
        case .und(let a, let b), .oder(let a, let b): a.felder(in: &menge); b.felder(in: &menge)
        case .nicht(let a): a.felder(in: &menge)
        }
    }
}

/// "meinten Sie …?" for refused export values, each computed once per distinct value and only
/// when a rejected row is shown in detail (a million distinct typos cost no edit distances).
final class Vorschlaege {
    private var cache: [Int64: String?] = [:]

    func fuer(feld: Int, id: Int32, _ text: String, aus kandidaten: @autoclosure () -> [String]) -> String? {
        let schluessel = Int64(feld) << 32 | Int64(UInt32(bitPattern: id))
        if let v = cache[schluessel] { return v }
        let v = Aehnlichkeit.vorschlag(fuer: text, aus: kandidaten()).map { "meinten Sie '\($0)'?" }
        cache[schluessel] = v
        return v
    }
}

/// Interns the values of late fields (see `QuellenLeser.spaet`) when a tally asks for them.
package final class SpaeteWerte {
    private var interner: [ByteInterner]

    init(felder: Int) { interner = (0..<felder).map { _ in ByteInterner(kapazitaet: 1024) } }

    /// The id of a non-empty raw value of field `feld`.
    package func id(_ feld: Int, _ roh: UnsafeBufferPointer<UInt8>) -> Int32 { interner[feld].intern(roh) }
}

/// The decoded meaning of every interned raw value of a source's fields.
package final class QuellenWerte {
    /// Per field, per raw id: catalogue text (nil = unknown value).
    var texte: [[String?]]
    var zahlen: [[Festkomma?]]
    var tage: [[Tag?]]
    var gueltig: [[Bool]]
    var leereWerte: [Bool]

    init(felder: Int) {
        texte = Array(repeating: [], count: felder)
        zahlen = Array(repeating: [], count: felder)
        tage = Array(repeating: [], count: felder)
        gueltig = Array(repeating: [], count: felder)
        leereWerte = Array(repeating: false, count: felder)
    }

    /// The catalogue text of a field's value (after value mapping), trimmed.
    package func text(feld: Int, id: Int32) -> String { texte[feld][Int(id)] ?? "" }
    func gueltig(feld: Int, id: Int32) -> Bool { gueltig[feld][Int(id)] }
    /// Whether a value other than id 0 (the empty value) reads as empty, e.g. a code mapped to "".
    package func hatLeereWerte(feld: Int) -> Bool { leereWerte[feld] }
    package func zahl(feld: Int, id: Int32) -> Festkomma? { zahlen[feld][Int(id)] }
    package func tag(feld: Int, id: Int32) -> Tag? { tage[feld][Int(id)] }
}
