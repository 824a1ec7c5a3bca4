/// Gives each distinct byte sequence a small integer id, once; later lookups cost one hash and one
/// compare. Categorical values (Sozialraum, Hilfeart, case ids) are interned this way instead of
/// building a `String` per field.
///
/// Compact for millions of case ids: per id its bytes, a 4-byte end offset and two 8-byte table
/// slots (hash fragment and id, so a probe touches one cache line).
public struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    /// End offset of each id's bytes in `arena` (start: the previous end).
    private var enden: [UInt32] = []
    /// Open addressing: upper 32 bits a hash fragment, lower 32 bits the id; `leer` when free.
    private var tabelle: [UInt64]
    private var maske: Int
    /// The last known id returned: exports list cases in the same order quarter after quarter, so
    /// the next value is often the one interned after it, found without hashing.
    private var letzte = -1
    private static let leer = UInt64.max

    public init(kapazitaet: Int = 64) {
        var groesse = 16
        while groesse < kapazitaet * 2 { groesse <<= 1 }
        tabelle = [UInt64](repeating: ByteInterner.leer, count: groesse)
        maske = groesse - 1
    }

    /// Number of distinct values seen.
    public var count: Int { enden.count }

    private func start(_ id: Int) -> Int { id == 0 ? 0 : Int(enden[id - 1]) }

    /// A fast 64-bit hash of short byte strings: eight bytes at a time, then a final mix.
    @inline(__always)
    static func hash(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(b.count)
        guard let p = b.baseAddress else { return h }
        var i = 0
        let n = b.count
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            h = (h ^ w) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        if i < n {
            var w: UInt64 = 0
            var verschiebung: UInt64 = 0
            while i < n {
                w |= UInt64(p[i]) << verschiebung
                verschiebung += 8
                i += 1
            }
            h = (h ^ w) &* 0xC4CE_B9FE_1A85_EC53
        }
        h ^= h >> 29
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 32
        return h
    }

    /// The id of the bytes, assigning the next id when new.
    public mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let laenge = b.count
        // The predicted id first: one sequential compare instead of a hash lookup.
        let vorhersage = letzte + 1
        if vorhersage < enden.count {
            let treffer = arena.withUnsafeBufferPointer { a in
                enden.withUnsafeBufferPointer { e in
                    let s = vorhersage == 0 ? 0 : Int(e[vorhersage - 1])
                    return Int(e[vorhersage]) - s == laenge && (laenge == 0 || memcmpGleich(a.baseAddress! + s, b.baseAddress!, laenge))
                }
            }
            if treffer {
                letzte = vorhersage
                return Int32(vorhersage)
            }
        }
        let h = ByteInterner.hash(b)
        let kurz = h >> 32
        var platz = Int(truncatingIfNeeded: h) & maske
        let gefunden: Int32? = tabelle.withUnsafeBufferPointer { t in
            arena.withUnsafeBufferPointer { a in
                enden.withUnsafeBufferPointer { e in
                    while true {
                        let eintrag = t[platz]
                        if eintrag == ByteInterner.leer { return nil }
                        if eintrag >> 32 == kurz {
                            let i = Int(eintrag & 0xFFFF_FFFF)
                            let s = i == 0 ? 0 : Int(e[i - 1])
                            if Int(e[i]) - s == laenge && (laenge == 0 || memcmpGleich(a.baseAddress! + s, b.baseAddress!, laenge)) {
                                return Int32(i)
                            }
                        }
                        platz = (platz + 1) & maske
                    }
                }
            }
        }
        if let gefunden {
            letzte = Int(gefunden)
            return gefunden
        }
        let neu = enden.count
        arena.append(contentsOf: b)
        enden.append(UInt32(arena.count))
        tabelle[platz] = (kurz << 32) | UInt64(neu)
        if enden.count * 2 > tabelle.count { wachse() }
        // The prediction stays where it was: the next value is likely the one after the last known.
        return Int32(neu)
    }

    /// Index range form, for callers that hold a whole buffer.
    public mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int32 {
        guard let basis = p.baseAddress else { return intern(UnsafeBufferPointer(start: nil, count: 0)) }
        return intern(UnsafeBufferPointer(start: basis + r.lowerBound, count: r.count))
    }

    public mutating func intern(_ text: String) -> Int32 {
        let b = Array(text.utf8)
        return b.withUnsafeBufferPointer { intern($0) }
    }

    /// The value of an id as text.
    public func text(_ id: Int32) -> String {
        let i = Int(id)
        return String(decoding: arena[start(i)..<Int(enden[i])], as: UTF8.self)
    }

    private mutating func wachse() {
        let groesse = tabelle.count * 2
        let neueMaske = groesse - 1
        var neu = [UInt64](repeating: ByteInterner.leer, count: groesse)
        arena.withUnsafeBufferPointer { a in
            enden.withUnsafeBufferPointer { e in
                neu.withUnsafeMutableBufferPointer { t in
                    for i in 0..<e.count {
                        let s = i == 0 ? 0 : Int(e[i - 1])
                        let h = ByteInterner.hash(UnsafeBufferPointer(rebasing: a[s..<Int(e[i])]))
                        var platz = Int(truncatingIfNeeded: h) & neueMaske
                        while t[platz] != ByteInterner.leer { platz = (platz + 1) & neueMaske }
                        t[platz] = ((h >> 32) << 32) | UInt64(i)
                    }
                }
            }
        }
        tabelle = neu
        maske = neueMaske
    }
}

@inline(__always)
private func memcmpGleich(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    var i = 0
    while i + 8 <= n {
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
