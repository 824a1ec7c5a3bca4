import KennzahlBasis

/// A position in a definition file: 1-based line and column (in characters) and span length.
struct Position: Hashable, Sendable {
    var zeile: Int
    var spalte: Int
    var laenge: Int
}

/// One lexical unit of the definition language.
struct Token: Hashable, Sendable {
    package enum Art: Hashable, Sendable {
        /// A word: keyword or name (`kennzahl`, `JH-Z5`, `zähler`).
        case wort
        /// A quoted text; `text` holds the unescaped content.
        case text
        /// A number; `text` holds it as written (`80`, `84,5`, `1.000`).
        case zahl
        /// Punctuation or operator; `text` holds it normalised (`<=` for `≤`).
        case zeichen
        /// End of a line: statements end here unless inside brackets.
        case zeilenende
        case dateiende
    }

    var art: Art
    var text: String
    var position: Position

    /// Keywords compare case-insensitively, umlauts equal to their ASCII spellings
    /// (`Zähler` = `zaehler`).
    var schluessel: String { art == .wort ? Schreibweise.normalisiert(text) : text }
}
