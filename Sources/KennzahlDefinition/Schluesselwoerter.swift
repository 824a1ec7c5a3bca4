/// A keyword of one grammar area of the definition language. The raw value is the keyword in its
/// ASCII spelling (`Zähler` is read as `zaehler`); the order of the cases is the order in which
/// "meinten Sie …?" suggestions are tried.
protocol Schluesselwort: RawRepresentable, CaseIterable where RawValue == String {}

extension Schluesselwort {
    /// Every keyword of the area, as written.
    static var woerter: [String] { allCases.map(\.rawValue) }
}

/// What a file declares at top level.
enum Deklarationswort: String, Schluesselwort {
    case katalog, sozialraum, quelle, ampel, kennzahl, test
}

/// Statements of `katalog { … }`.
enum Katalogwort: String, Schluesselwort {
    case gesamt, ohne, einwohner, mindestfallzahl, produkt, arbeitsfeld, ziel, karte
}

/// Statements of `sozialraum "…" { … }`.
enum Sozialraumwort: String, Schluesselwort {
    case codes, stadtviertel
}

/// Statements of `quelle name "…" { … }`.
enum Quellenwort: String, Schluesselwort {
    case art, datei, kodierung, id, sozialraum, stadtviertel, beginn, ende, datum, anzahl, geburtsdatum, feld
}

/// Statements of `kennzahl ID "…" { … }`.
enum Kennzahlwort: String, Schluesselwort {
    case produkt, bereich, arbeitsfeld, ziel, quelle, definition, verantwortlich, fussnote, wert, zaehler, nenner
    case zeitraum, einheit, dezimalen, mindestfallzahl, zielwert, richtung, gesamt, ampel
}

/// Statements of `test ID "…" { … }`.
enum Testwort: String, Schluesselwort {
    case zeitraum, gebiet, daten, erwartet
}

/// The first word of an Ampel rule.
enum Regelwort: String, Schluesselwort {
    case rot, gelb, grau, entwarnung
}
