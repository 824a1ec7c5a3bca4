/// The value of one Kennzahl for one area and period, exact.
public struct Kennwert: Sendable, Equatable {
    public enum Zustand: Sendable, Equatable {
        case wert(Bruch)
        /// Denominator 0: there is no value (rendered `–`).
        case nennerNull
        /// An export needed for this period is missing (rendered `.`).
        case keineDaten
        /// The figure exists only for the whole city (rendered `x` in a Sozialraum).
        case nurGesamt
        /// A sum exceeded the exact range (rendered `.`, reported as a warning).
        case ueberlauf
    }

    public var zustand: Zustand
    /// For ratio Kennzahlen: numerator and denominator, when known.
    public var zaehler: Bruch?
    public var nenner: Bruch?

    public init(_ zustand: Zustand, zaehler: Bruch? = nil, nenner: Bruch? = nil) {
        self.zustand = zustand
        self.zaehler = zaehler
        self.nenner = nenner
    }

    public var wert: Bruch? {
        if case .wert(let b) = zustand { return b }
        return nil
    }
}
