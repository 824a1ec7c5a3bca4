import Foundation

/// The unit of a Kennzahl, as the catalogue names it.
package enum Einheit: Hashable, Sendable {
    case anzahl
    case prozent
    /// Per N of a base: `je 1.000 einwohner` (bezug nil) or `je 1.000 "unter 21-Jährige"`.
    case je(Int, bezug: String?)
    case euro
    /// A unit the catalogue names: `einheit "Stunden"`. Values are counted or summed as they are.
    case benannt(String)
}
