import KennzahlBasis

/// An integer of any size: sign and magnitude in 32-bit limbs, least significant first, without
/// leading zero limbs (zero has none). For the exact simplex of the Geheimhaltung audit, whose
/// fractions can outgrow 128 bits.
struct GanzeZahl: Hashable, Sendable, Comparable, CustomStringConvertible {
    private(set) var negativ: Bool
    private(set) var betrag: [UInt32]

    static let null = GanzeZahl(negativ: false, betrag: [])

    private init(negativ: Bool, betrag: [UInt32]) {
        var b = betrag
        while b.last == 0 { b.removeLast() }
        self.betrag = b
        self.negativ = negativ && !b.isEmpty
    }

    init(_ x: Int128) {
        var m = x.magnitude
        var b: [UInt32] = []
        while m != 0 {
            b.append(UInt32(truncatingIfNeeded: m))
            m >>= 32
        }
        self.init(negativ: x < 0, betrag: b)
    }

    var istNull: Bool { betrag.isEmpty }

    /// The value as Int128, nil when it does not fit.
    var int128: Int128? {
        guard betrag.count <= 4 else { return nil }
        var m: UInt128 = 0
        for l in betrag.reversed() { m = m << 32 | UInt128(l) }
        if negativ {
            guard m <= UInt128(Int128.max) + 1 else { return nil }
            return m == UInt128(Int128.max) + 1 ? Int128.min : -Int128(m)
        }
        guard m <= UInt128(Int128.max) else { return nil }
        return Int128(m)
    }

    var description: String {
        if istNull { return "0" }
        var ziffern: [String] = []
        var rest = GanzeZahl(negativ: false, betrag: betrag)
        let milliarde = GanzeZahl(1_000_000_000)
        while !rest.istNull {
            let (q, r) = GanzeZahl.teile(rest, milliarde)
            let teil = String(r.betrag.first ?? 0)
            ziffern.append(q.istNull ? teil : String(repeating: "0", count: 9 - teil.count) + teil)
            rest = q
        }
        return (negativ ? "-" : "") + ziffern.reversed().joined()
    }

    // MARK: Arithmetic

    static prefix func - (a: GanzeZahl) -> GanzeZahl { GanzeZahl(negativ: !a.negativ, betrag: a.betrag) }

    static func + (a: GanzeZahl, b: GanzeZahl) -> GanzeZahl {
        if a.negativ == b.negativ { return GanzeZahl(negativ: a.negativ, betrag: addiere(a.betrag, b.betrag)) }
        if vergleiche(a.betrag, b.betrag) >= 0 {
            return GanzeZahl(negativ: a.negativ, betrag: subtrahiere(a.betrag, b.betrag))
        }
        return GanzeZahl(negativ: b.negativ, betrag: subtrahiere(b.betrag, a.betrag))
    }

    static func - (a: GanzeZahl, b: GanzeZahl) -> GanzeZahl { a + (-b) }

    static func * (a: GanzeZahl, b: GanzeZahl) -> GanzeZahl {
        guard !a.istNull && !b.istNull else { return .null }
        var e = [UInt32](repeating: 0, count: a.betrag.count + b.betrag.count)
        for (i, x) in a.betrag.enumerated() {
            var uebertrag: UInt64 = 0
            for (j, y) in b.betrag.enumerated() {
                let t = UInt64(x) * UInt64(y) + UInt64(e[i + j]) + uebertrag
                e[i + j] = UInt32(truncatingIfNeeded: t)
                uebertrag = t >> 32
            }
            e[i + b.betrag.count] = UInt32(uebertrag)
        }
        return GanzeZahl(negativ: a.negativ != b.negativ, betrag: e)
    }

    /// Quotient (rounded toward zero) and remainder (with the dividend's sign); `b` ≠ 0.
    static func teile(_ a: GanzeZahl, _ b: GanzeZahl) -> (GanzeZahl, GanzeZahl) {
        precondition(!b.istNull, "Division durch null in GanzeZahl")
        let (q, r) = teileBetrag(a.betrag, b.betrag)
        return (GanzeZahl(negativ: a.negativ != b.negativ, betrag: q), GanzeZahl(negativ: a.negativ, betrag: r))
    }

    /// Greatest common divisor (non-negative).
    static func ggT(_ a: GanzeZahl, _ b: GanzeZahl) -> GanzeZahl {
        var x = GanzeZahl(negativ: false, betrag: a.betrag), y = GanzeZahl(negativ: false, betrag: b.betrag)
        while !y.istNull { (x, y) = (y, teile(x, y).1) }
        return x
    }

    static func < (a: GanzeZahl, b: GanzeZahl) -> Bool {
        if a.negativ != b.negativ { return a.negativ }
        let c = vergleiche(a.betrag, b.betrag)
        return a.negativ ? c > 0 : c < 0
    }

    // MARK: Magnitudes

    private static func vergleiche(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for i in stride(from: a.count - 1, through: 0, by: -1) where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
        return 0
    }

    private static func addiere(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var e = [UInt32](repeating: 0, count: max(a.count, b.count) + 1)
        var uebertrag: UInt64 = 0
        for i in 0..<(e.count - 1) {
            let t = UInt64(i < a.count ? a[i] : 0) + UInt64(i < b.count ? b[i] : 0) + uebertrag
            e[i] = UInt32(truncatingIfNeeded: t)
            uebertrag = t >> 32
        }
        e[e.count - 1] = UInt32(uebertrag)
        return e
    }

    /// a − b for a ≥ b.
    private static func subtrahiere(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var e = a
        var borgen: Int64 = 0
        for i in 0..<a.count {
            var t = Int64(a[i]) - Int64(i < b.count ? b[i] : 0) - borgen
            borgen = 0
            if t < 0 {
                t += 1 << 32
                borgen = 1
            }
            e[i] = UInt32(t)
        }
        return e
    }

    /// Schoolbook long division (Knuth, algorithm D) of magnitudes.
    private static func teileBetrag(_ u0: [UInt32], _ v0: [UInt32]) -> ([UInt32], [UInt32]) {
        if vergleiche(u0, v0) < 0 { return ([], u0) }
        if v0.count == 1 {
            let d = UInt64(v0[0])
            var q = [UInt32](repeating: 0, count: u0.count)
            var rest: UInt64 = 0
            for i in stride(from: u0.count - 1, through: 0, by: -1) {
                let t = rest << 32 | UInt64(u0[i])
                q[i] = UInt32(t / d)
                rest = t % d
            }
            return (q, [UInt32(rest)])
        }
        // Normalise: the divisor's top limb gets its high bit set.
        let s = v0[v0.count - 1].leadingZeroBitCount
        let v = verschiebe(v0, s)
        var u = verschiebe(u0, s)
        if u.count == u0.count { u.append(0) }
        let n = v.count, m = u.count - n
        var q = [UInt32](repeating: 0, count: m)
        let basis: UInt64 = 1 << 32
        for j in stride(from: m - 1, through: 0, by: -1) {
            let zaehler = UInt64(u[j + n]) << 32 | UInt64(u[j + n - 1])
            var qhat = zaehler / UInt64(v[n - 1])
            var rhat = zaehler % UInt64(v[n - 1])
            while qhat >= basis || qhat * UInt64(v[n - 2]) > (rhat << 32 | UInt64(u[j + n - 2])) {
                qhat -= 1
                rhat += UInt64(v[n - 1])
                if rhat >= basis { break }
            }
            // u[j...j+n] −= qhat · v
            var borgen: Int64 = 0
            var uebertrag: UInt64 = 0
            for i in 0..<n {
                let p = qhat * UInt64(v[i]) + uebertrag
                uebertrag = p >> 32
                let t = Int64(u[i + j]) - Int64(p & 0xFFFF_FFFF) - borgen
                u[i + j] = UInt32(truncatingIfNeeded: t)
                borgen = t < 0 ? 1 : 0
            }
            let t = Int64(u[j + n]) - Int64(uebertrag) - borgen
            u[j + n] = UInt32(truncatingIfNeeded: t)
            if t < 0 {
                // qhat was one too large: add v back.
                qhat -= 1
                var c: UInt64 = 0
                for i in 0..<n {
                    let s2 = UInt64(u[i + j]) + UInt64(v[i]) + c
                    u[i + j] = UInt32(truncatingIfNeeded: s2)
                    c = s2 >> 32
                }
                u[j + n] = UInt32(truncatingIfNeeded: UInt64(u[j + n]) + c)
            }
            q[j] = UInt32(qhat)
        }
        let rest = zurueck(Array(u[0..<n]), s)
        return (q, rest)
    }

    /// Shift left by s < 32 bits (one extra limb when bits leave the top).
    private static func verschiebe(_ a: [UInt32], _ s: Int) -> [UInt32] {
        guard s > 0 else { return a }
        var e = [UInt32](repeating: 0, count: a.count + 1)
        for i in 0..<a.count {
            e[i] |= a[i] << UInt32(s)
            e[i + 1] = a[i] >> UInt32(32 - s)
        }
        if e.last == 0 { e.removeLast() }
        return e
    }

    /// Shift right by s < 32 bits.
    private static func zurueck(_ a: [UInt32], _ s: Int) -> [UInt32] {
        guard s > 0 else { return a }
        var e = a
        for i in 0..<a.count {
            e[i] = a[i] >> UInt32(s) | (i + 1 < a.count ? a[i + 1] << UInt32(32 - s) : 0)
        }
        return e
    }
}

/// An exact rational for the simplex: a `Bruch` while it fits in 128 bits, otherwise a fraction
/// of `GanzeZahl`s; results that fit again go back to `Bruch`. Always reduced, denominator > 0.
/// A struct with the large form behind a reference, so copying the common small value (the
/// tableau copies millions) moves two words and never touches a reference count.
struct ExakteZahl: Hashable, Sendable, Comparable {
    /// The value when it fits (`gross` is nil), else 0.
    private var klein: Bruch
    private var gross: Gross?

    /// A fraction beyond 128 bits.
    private final class Gross: Hashable, Sendable {
        let zaehler: GanzeZahl
        let nenner: GanzeZahl
        init(_ z: GanzeZahl, _ n: GanzeZahl) {
            zaehler = z
            nenner = n
        }
        static func == (a: Gross, b: Gross) -> Bool { a.zaehler == b.zaehler && a.nenner == b.nenner }
        func hash(into h: inout Hasher) {
            h.combine(zaehler)
            h.combine(nenner)
        }
    }

    static let null = ExakteZahl(Bruch.null)

    init(_ b: Bruch) {
        klein = b
        gross = nil
    }

    private init(gross z: GanzeZahl, _ n: GanzeZahl) {
        klein = .null
        gross = Gross(z, n)
    }

    private var teile: (GanzeZahl, GanzeZahl) {
        if let g = gross { return (g.zaehler, g.nenner) }
        return (GanzeZahl(klein.zaehler), GanzeZahl(klein.nenner))
    }

    private static func aus(_ z: GanzeZahl, _ n: GanzeZahl) -> ExakteZahl {
        var z = z, n = n
        if n < .null { z = -z; n = -n }
        let g = GanzeZahl.ggT(z, n)
        if !g.istNull && g != GanzeZahl(1) { z = GanzeZahl.teile(z, g).0; n = GanzeZahl.teile(n, g).0 }
        if let a = z.int128, let b = n.int128, let bruch = Bruch(zaehler: a, nenner: b) { return ExakteZahl(bruch) }
        return ExakteZahl(gross: z, n)
    }

    var istNull: Bool { gross.map { $0.zaehler.istNull } ?? klein.istNull }

    /// Whether the value needs more than 128 bits.
    var istGross: Bool { gross != nil }

    var istNegativ: Bool { gross.map { $0.zaehler < .null } ?? klein.istNegativ }

    /// The value as a `Bruch`; when it does not fit, the nearest `Bruch` with denominator 10⁶
    /// toward `richtung` (−1: down, +1: up), so a bound never claims more than is known.
    func bruch(gerundet richtung: Int) -> Bruch {
        guard let g = gross else { return klein }
        let million = GanzeZahl(1_000_000)
        var (q, r) = GanzeZahl.teile(g.zaehler * million, g.nenner)
        if !r.istNull && (richtung > 0) == !(r < .null) { q = q + GanzeZahl(richtung > 0 ? 1 : -1) }
        return q.int128.flatMap { Bruch(zaehler: $0, nenner: 1_000_000) }
            ?? (richtung > 0 ? Bruch(Int.max) : Bruch(Int.min))
    }

    static func + (a: ExakteZahl, b: ExakteZahl) -> ExakteZahl {
        if a.gross == nil, b.gross == nil, let s = a.klein.plus(b.klein) { return ExakteZahl(s) }
        let (az, an) = a.teile, (bz, bn) = b.teile
        return aus(az * bn + bz * an, an * bn)
    }

    static prefix func - (a: ExakteZahl) -> ExakteZahl {
        if let g = a.gross { return ExakteZahl(gross: -g.zaehler, g.nenner) }
        if let n = Bruch.null.minus(a.klein) { return ExakteZahl(n) }
        let (z, n) = a.teile
        return aus(-z, n)
    }

    static func - (a: ExakteZahl, b: ExakteZahl) -> ExakteZahl { a + (-b) }

    static func * (a: ExakteZahl, b: ExakteZahl) -> ExakteZahl {
        if a.gross == nil, b.gross == nil, let p = a.klein.mal(b.klein) { return ExakteZahl(p) }
        if a.istNull || b.istNull { return .null }
        let (az, an) = a.teile, (bz, bn) = b.teile
        return aus(az * bz, an * bn)
    }

    /// a / b for b ≠ 0.
    static func / (a: ExakteZahl, b: ExakteZahl) -> ExakteZahl {
        if a.gross == nil, b.gross == nil, let q = a.klein.geteilt(durch: b.klein) { return ExakteZahl(q) }
        let (az, an) = a.teile, (bz, bn) = b.teile
        return aus(az * bn, an * bz)
    }

    static func < (a: ExakteZahl, b: ExakteZahl) -> Bool {
        if a.gross == nil, b.gross == nil { return a.klein < b.klein }
        return (a - b).istNegativ
    }

    /// Whether the value is a whole number.
    var istGanz: Bool { gross.map { $0.nenner == GanzeZahl(1) } ?? (klein.nenner == 1) }

    /// The largest whole number not above the value (as Int128; values beyond it are clamped,
    /// which only makes a branch empty).
    var abgerundet: Int128 {
        guard let g = gross else { return klein.gerundetAbwaerts }
        var (q, r) = GanzeZahl.teile(g.zaehler, g.nenner)
        if r < .null { q = q - GanzeZahl(1) }
        return q.int128 ?? (g.zaehler < .null ? Int128.min / 2 : Int128.max / 2)
    }
}
