import KennzahlBasis

/// A position in a definition file: 1-based line and column (in characters) and span length.
public struct Position: Hashable, Sendable {
    public var zeile: Int
    public var spalte: Int
    public var laenge: Int

    public init(zeile: Int, spalte: Int, laenge: Int) {
        self.zeile = zeile
        self.spalte = spalte
        self.laenge = laenge
    }
}

/// One lexical unit of the definition language.
public struct Token: Hashable, Sendable {
    public enum Art: Hashable, Sendable {
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

    public var art: Art
    public var text: String
    public var position: Position

    /// Keywords compare case-insensitively, umlauts equal to their ASCII spellings
    /// (`Zähler` = `zaehler`).
    public var schluessel: String { art == .wort ? Schreibweise.normalisiert(text) : text }
}
