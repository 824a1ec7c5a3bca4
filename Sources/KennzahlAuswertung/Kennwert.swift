import KennzahlBasis

/// The value of one Kennzahl for one area and period, exact.
package struct Kennwert: Sendable, Equatable {
    package enum Zustand: Sendable, Equatable {
        case wert(Bruch)
        /// Denominator 0: there is no value (rendered `–`).
        case nennerNull
        /// An export needed for this period is missing (rendered `.`).
        case keineDaten
        /// The figure exists only for the whole city (rendered `x` in a Sozialraum).
        case nurGesamt
        /// A sum exceeded the exact range (rendered `.`, reported as a warning).
        case ueberlauf
        /// Not shown in public reports: too few cases, or a value the hidden one could be
        /// recomputed from (rendered `.`). Set only by `Geheimhaltung`.
        case geheim
    }

    package var zustand: Zustand
    /// For ratio Kennzahlen: numerator and denominator, when known.
    package var zaehler: Bruch?
    package var nenner: Bruch?
    /// Public reports: the numerator or denominator is withheld (rendered `.`).
    package var zaehlerGeheim = false
    package var nennerGeheim = false
    /// How many cases the value rests on, where it rests on cases: for counts the count, for sums
    /// over case rows the number of rows; nil for population, fixed numbers and shares of the
    /// year. Public reports hide values with a basis below the Mindestfallzahl.
    package var basis: Int64?
    /// The same for the numerator and the denominator of a ratio.
    package var zaehlerBasis: Int64?
    package var nennerBasis: Int64?

    package init(_ zustand: Zustand, zaehler: Bruch? = nil, nenner: Bruch? = nil) {
        self.zustand = zustand
        self.zaehler = zaehler
        self.nenner = nenner
    }

    package var wert: Bruch? {
        if case .wert(let b) = zustand { return b }
        return nil
    }
}
