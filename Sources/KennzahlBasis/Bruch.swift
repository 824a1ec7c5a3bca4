/// An exact rational number.
///
/// Counts, sums of money and the ratios built from them are kept exact; rounding happens only when a
/// value is rendered. Comparisons against Zielwerte and Ampel thresholds are exact as well, so 80 %
/// is never "79,99999 %".
package struct Bruch: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Numerator, sign carrier.
    package let zaehler: Int128
    /// Denominator, always positive; the fraction is reduced.
    package let nenner: Int128

    package init(_ ganzzahl: Int) {
        zaehler = Int128(ganzzahl)
        nenner = 1
    }

    package init(_ wert: Festkomma) {
        self.init(unsicherZaehler: Int128(wert.hundertstelCent), nenner: Int128(Festkomma.skala))
    }

    /// A fraction `zaehler / nenner`, or nil when the denominator is zero.
    package init?(zaehler: Int128, nenner: Int128) {
        guard nenner != 0 else { return nil }
        self.init(unsicherZaehler: nenner < 0 ? -zaehler : zaehler, nenner: nenner < 0 ? -nenner : nenner)
    }

    private init(unsicherZaehler z: Int128, nenner n: Int128) {
        // Whole numbers need no reduction (the common case in sums of counts).
        if n == 1 {
            zaehler = z
            nenner = 1
            return
        }
        let g = Bruch.ggT(z.magnitude, n.magnitude)
        if g > 1 {
            zaehler = z / Int128(g)
            nenner = n / Int128(g)
        } else {
            zaehler = z
            nenner = n
        }
    }

    package static let null = Bruch(0)

    package var istNull: Bool { zaehler == 0 }
    package var istNegativ: Bool { zaehler < 0 }
    package var betrag: Bruch { zaehler < 0 ? Bruch(unsicherZaehler: -zaehler, nenner: nenner) : self }

    /// Approximation for charts only; never used for sums or comparisons.
    package var naeherung: Double { Double(zaehler) / Double(nenner) }

    // MARK: Arithmetic (nil on overflow or division by zero)

    package func plus(_ b: Bruch) -> Bruch? {
        if nenner == 1 && b.nenner == 1 {
            let (s, o) = zaehler.addingReportingOverflow(b.zaehler)
            return o ? nil : Bruch(unsicherZaehler: s, nenner: 1)
        }
        if nenner == b.nenner {
            let (s, o) = zaehler.addingReportingOverflow(b.zaehler)
            return o ? nil : Bruch(unsicherZaehler: s, nenner: nenner)
        }
        guard let l = Bruch.mal(zaehler, b.nenner), let r = Bruch.mal(b.zaehler, nenner),
            let n = Bruch.mal(nenner, b.nenner)
        else { return nil }
        let (s, o) = l.addingReportingOverflow(r)
        return o ? nil : Bruch(unsicherZaehler: s, nenner: n)
    }

    package func minus(_ b: Bruch) -> Bruch? {
        plus(Bruch(unsicherZaehler: -b.zaehler, nenner: b.nenner))
    }

    package func mal(_ b: Bruch) -> Bruch? {
        if zaehler == 0 || b.zaehler == 0 { return .null }
        if nenner == 1 && b.nenner == 1 {
            let (p, o) = zaehler.multipliedReportingOverflow(by: b.zaehler)
            return o ? nil : Bruch(unsicherZaehler: p, nenner: 1)
        }
        guard let z = Bruch.mal(zaehler, b.zaehler), let n = Bruch.mal(nenner, b.nenner) else { return nil }
        return Bruch(unsicherZaehler: z, nenner: n)
    }

    /// `self / b`, nil when `b` is zero.
    package func geteilt(durch b: Bruch) -> Bruch? {
        guard b.zaehler != 0, let z = Bruch.mal(zaehler, b.nenner), let n = Bruch.mal(nenner, b.zaehler)
        else { return nil }
        return Bruch(zaehler: z, nenner: n)
    }

    package static func < (a: Bruch, b: Bruch) -> Bool {
        if let l = mal(a.zaehler, b.nenner), let r = mal(b.zaehler, a.nenner) { return l < r }
        return a.naeherung < b.naeherung
    }

    // MARK: Rounding for display

    /// The value rounded half away from zero to `dezimalen` places, as sign and digit string
    /// (`"8400"` with 2 places means 84.00). Exact: no binary floating point involved.
    package func gerundet(dezimalen: Int) -> (negativ: Bool, ziffern: String) {
        var faktor: UInt128 = 1
        for _ in 0..<max(0, dezimalen) { faktor *= 10 }
        let z = zaehler.magnitude
        let n = nenner.magnitude
        let (skaliert, o) = z.multipliedReportingOverflow(by: faktor)
        var q: UInt128 = 0
        if o {
            // Astronomically large values: the whole part, then zeros for the places (the digits
            // are appended as text, so nothing can overflow).
            let ganz = String(z / n)
            return (zaehler < 0, dezimalen > 0 ? ganz + String(repeating: "0", count: dezimalen) : ganz)
        } else {
            q = skaliert / n
            let rest = skaliert % n
            if rest * 2 >= n { q += 1 }
        }
        var ziffern = String(q)
        if dezimalen > 0 && ziffern.count <= dezimalen {
            ziffern = String(repeating: "0", count: dezimalen - ziffern.count + 1) + ziffern
        }
        return (zaehler < 0 && q != 0, ziffern)
    }

    package var description: String {
        nenner == 1 ? String(zaehler) : "\(zaehler)/\(nenner)"
    }

    // MARK: Helpers

    private static func mal(_ a: Int128, _ b: Int128) -> Int128? {
        let (p, o) = a.multipliedReportingOverflow(by: b)
        return o ? nil : p
    }

    private static func ggT(_ a: UInt128, _ b: UInt128) -> UInt128 {
        var (x, y) = (a, b)
        while y != 0 {
            // Most numbers are small: 64-bit division in hardware from there on.
            if x <= UInt128(UInt64.max) && y <= UInt128(UInt64.max) {
                var (p, q) = (UInt64(x), UInt64(y))
                while q != 0 { (p, q) = (q, p % q) }
                return UInt128(p)
            }
            (x, y) = (y, x % y)
        }
        return x
    }
}

/// A fixed-point decimal with four places, as read from a numeric export column.
///
/// Sums of money and hours are added as integers in this unit (never as binary floating point).
package struct Festkomma: Hashable, Sendable, Comparable {
    /// Value times 10 000 (for euros: hundredths of a cent).
    package var hundertstelCent: Int64
    package static let skala: Int64 = 10_000
    package static let stellen = 4

    package init(hundertstelCent: Int64) { self.hundertstelCent = hundertstelCent }
    package init(ganzzahl: Int) { hundertstelCent = Int64(ganzzahl) * Festkomma.skala }

    package static let null = Festkomma(hundertstelCent: 0)

    package static func < (a: Festkomma, b: Festkomma) -> Bool { a.hundertstelCent < b.hundertstelCent }
}

extension Bruch {
    /// The largest integer not above the value.
    package var gerundetAbwaerts: Int128 {
        let q = zaehler / nenner
        return zaehler < 0 && q * nenner != zaehler ? q - 1 : q
    }

    /// The smallest integer not below the value.
    package var gerundetAufwaerts: Int128 {
        let q = zaehler / nenner
        return zaehler > 0 && q * nenner != zaehler ? q + 1 : q
    }
}
