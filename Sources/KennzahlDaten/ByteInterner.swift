import KennzahlBasis

/// Gives each distinct byte sequence a small integer id, once; later lookups cost one hash and one
/// compare. Categorical values (Sozialraum, Hilfeart, case ids) are interned this way instead of
/// building a `String` per field.
///
/// Compact for millions of case ids: per id its bytes, a 4-byte end offset, a 4-byte successor
/// and two 8-byte table slots (hash fragment and id, so a probe touches one cache line).
struct ByteInterner: @unchecked Sendable {
    /// The values' bytes, one after another; grows by `realloc` (see `Wachsfeld`). The interner
    /// owns its storage: it is not copied, only mutated in place.
    private let arena = Wachsfeld<UInt8>(kapazitaet: 1024)
    /// End offset of each id's bytes in `arena` (start: the previous end).
    private let enden = Wachsfeld<UInt32>(kapazitaet: 256)
    /// Open addressing: upper 32 bits a hash fragment, lower 32 bits the id; `leer` when free.
    private var tabelle: [UInt64]
    private var maske: Int
    /// Prediction for id-like values (large tables only): exports list cases in the same order
    /// quarter after quarter, so the value after id x is most often the one that followed x in
    /// the previous file (`nachfolger`), or the one interned after the last known (`letzte + 1`).
    /// A right guess costs one sequential compare instead of a hash probe into a big table.
    private let nachfolger = Wachsfeld<Int32>(kapazitaet: 256)
    private var vorige: Int32 = -1
    private var letzte = -1
    private static let vorhersageAb = 256
    /// Small vocabularies (codes, Sozialräume): values of up to 16 bytes are found by comparing
    /// two words, without hashing the bytes or touching the arena. Kept while the interner is
    /// small; id-like values take the prediction path instead.
    private var kurz: [Kurzeintrag]
    private var kurzMaske: Int

    private struct Kurzeintrag {
        var w0: UInt64
        var w1: UInt64
        /// Length in the low byte, id above; -1 when free.
        var id: Int64
    }
    private static let leer = UInt64.max

    init(kapazitaet: Int = 64) {
        var groesse = 16
        while groesse < kapazitaet * 2 { groesse <<= 1 }
        tabelle = [UInt64](repeating: ByteInterner.leer, count: groesse)
        maske = groesse - 1
        kurz = [Kurzeintrag](repeating: Kurzeintrag(w0: 0, w1: 0, id: -1), count: 1024)
        kurzMaske = 1023
    }

    /// The value as two words (zero-padded) and its slot in the short table.
    @inline(__always)
    private func kurzSchluessel(_ b: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64, Int) {
        var w = (UInt64(0), UInt64(0))
        if let basis = b.baseAddress {
            withUnsafeMutableBytes(of: &w) { $0.baseAddress!.copyMemory(from: basis, byteCount: b.count) }
        }
        let h = (w.0 &* 0x9E37_79B9_7F4A_7C15) ^ (w.1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(b.count)
        return (w.0, w.1, Int(truncatingIfNeeded: h ^ (h >> 29)) & kurzMaske)
    }

    /// Number of distinct values seen.
    var count: Int { enden.count }

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

    /// Whether id `i` holds exactly the bytes `b`.
    @inline(__always)
    private func traegt(_ i: Int, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let e = enden.zeiger
        let s = i == 0 ? 0 : Int(e[i - 1])
        return Int(e[i]) - s == b.count && (b.count == 0 || memcmpGleich(arena.zeiger + s, b.baseAddress!, b.count))
    }

    /// Remembers `id` as the value after the previous one.
    @inline(__always)
    private mutating func gefunden(_ id: Int) -> Int32 {
        if vorige >= 0 { nachfolger[Int(vorige)] = Int32(id) }
        vorige = Int32(id)
        return Int32(id)
    }

    /// The id of the bytes, assigning the next id when new.
    mutating func intern(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        let laenge = b.count
        if enden.count < ByteInterner.vorhersageAb && laenge <= 16 {
            let (w0, w1, start) = kurzSchluessel(b)
            var platz = start
            let treffer: Int64? = kurz.withUnsafeBufferPointer { k in
                while true {
                    let e = k[platz]
                    if e.id < 0 { return nil }
                    if e.w0 == w0 && e.w1 == w1 && Int(e.id & 0xFF) == laenge { return e.id >> 8 }
                    platz = (platz + 1) & kurzMaske
                }
            }
            if let treffer { return gefunden(Int(treffer)) }
            let id = internLang(b)
            kurz[platz] = Kurzeintrag(w0: w0, w1: w1, id: Int64(id) << 8 | Int64(laenge))
            return id
        }
        return internLang(b)
    }

    /// The general path: prediction for large tables, then the hash table.
    private mutating func internLang(_ b: UnsafeBufferPointer<UInt8>) -> Int32 {
        if enden.count >= ByteInterner.vorhersageAb {
            if vorige >= 0 {
                let n = Int(nachfolger[Int(vorige)])
                if n >= 0 && traegt(n, b) {
                    letzte = n
                    return gefunden(n)
                }
            }
            let v = letzte + 1
            if v < enden.count && traegt(v, b) {
                letzte = v
                return gefunden(v)
            }
        }
        let h = ByteInterner.hash(b)
        let kurz = h >> 32
        var platz = Int(truncatingIfNeeded: h) & maske
        let treffer: Int32? = tabelle.withUnsafeBufferPointer { t in
            while true {
                let eintrag = t[platz]
                if eintrag == ByteInterner.leer { return nil }
                if eintrag >> 32 == kurz {
                    let i = Int(eintrag & 0xFFFF_FFFF)
                    if traegt(i, b) { return Int32(i) }
                }
                platz = (platz + 1) & maske
            }
        }
        if let treffer {
            letzte = Int(treffer)
            return gefunden(Int(treffer))
        }
        let neu = enden.count
        arena.append(contentsOf: b)
        enden.append(UInt32(arena.count))
        nachfolger.append(-1)
        tabelle[platz] = (kurz << 32) | UInt64(neu)
        // Up to four fifths full: 1,6 million case ids cost 16 MB of table, not 32.
        if enden.count * 5 > tabelle.count * 4 { wachse() }
        // `letzte` stays: the next value is likely the one after the last known.
        return gefunden(neu)
    }

    /// Index range form, for callers that hold a whole buffer.
    mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int32 {
        guard let basis = p.baseAddress else { return intern(UnsafeBufferPointer(start: nil, count: 0)) }
        return intern(UnsafeBufferPointer(start: basis + r.lowerBound, count: r.count))
    }

    mutating func intern(_ text: String) -> Int32 {
        let b = Array(text.utf8)
        return b.withUnsafeBufferPointer { intern($0) }
    }

    /// The value of an id as text.
    func text(_ id: Int32) -> String {
        let i = Int(id)
        return String(
            decoding: UnsafeBufferPointer(start: arena.zeiger + start(i), count: Int(enden[i]) - start(i)),
            as: UTF8.self)
    }

    private mutating func wachse() {
        let groesse = tabelle.count * 2
        let neueMaske = groesse - 1
        var neu = [UInt64](repeating: ByteInterner.leer, count: groesse)
        let a = arena.zeiger, e = enden.zeiger
        neu.withUnsafeMutableBufferPointer { t in
            for i in 0..<enden.count {
                let s = i == 0 ? 0 : Int(e[i - 1])
                let h = ByteInterner.hash(UnsafeBufferPointer(start: a + s, count: Int(e[i]) - s))
                var platz = Int(truncatingIfNeeded: h) & neueMaske
                while t[platz] != ByteInterner.leer { platz = (platz + 1) & neueMaske }
                t[platz] = ((h >> 32) << 32) | UInt64(i)
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
        if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self)
            != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self)
        {
            return false
        }
        i += 8
    }
    while i < n {
        if a[i] != b[i] { return false }
        i += 1
    }
    return true
}
