/// The area a value belongs to.
package enum Gebiet: Hashable, Sendable {
    /// The whole city (SO-Gesamt): every row, with or without a Sozialraum.
    case gesamt
    /// A Sozialraum by catalogue index.
    case sozialraum(Int)
    /// Rows with an empty Sozialraum (no fixed address, central team).
    case ohneZuordnung
}

extension Gebiet {
    /// The position of the area in per-area arrays: the Sozialräume by index, then "ohne
    /// Zuordnung", then the city (`n` Sozialräume give `n + 2` slots).
    package func slot(sozialraeume n: Int) -> Int {
        switch self {
        case .sozialraum(let i): return i
        case .ohneZuordnung: return n
        case .gesamt: return n + 1
        }
    }

    /// The area at `slot` of per-area arrays, the inverse of `slot(sozialraeume:)`.
    package init(slot: Int, sozialraeume n: Int) {
        self = slot < n ? .sozialraum(slot) : slot == n ? .ohneZuordnung : .gesamt
    }
}
