import KennzahlBasis

/// The messages of the evaluation (KZ230).
enum AuswertungsMeldung: Meldung {
    /// A sum left the exact number range; the value is not shown.
    case summeZuGross(quelle: String, zeitraum: String)

    var code: String {
        switch self {
        case .summeZuGross: "KZ230"
        }
    }

    var schwere: Diagnose.Schwere { .warnung }

    var text: String {
        switch self {
        case .summeZuGross(let quelle, let zeitraum):
            "Summe über Quelle '\(quelle)' für \(zeitraum) übersteigt den exakten Zahlenbereich; Wert nicht ausgewiesen"
        }
    }
}
