/// The area a value belongs to.
public enum Gebiet: Hashable, Sendable {
    /// The whole city (SO-Gesamt): every row, with or without a Sozialraum.
    case gesamt
    /// A Sozialraum by catalogue index.
    case sozialraum(Int)
    /// Rows with an empty Sozialraum (no fixed address, central team).
    case ohneZuordnung
}
