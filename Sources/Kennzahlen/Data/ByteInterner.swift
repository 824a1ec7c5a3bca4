/// Gives each distinct byte sequence a small integer id, once; later lookups cost one hash and one
/// compare. Categorical values (Sozialraum, Hilfeart, case ids) are interned this way instead of
/// building a `String` per field.
public struct ByteInterner: Sendable {
    private var arena: [UInt8] = []
    private var enden: [Int] = []
    private var hashes: [UInt64] = []
    private var tabelle: [Int32]
    private var maske: Int

    public init(kapazitaet: Int = 64) {
        var groesse = 16
        while groesse < kapazitaet * 2 { groesse <<= 1 }
        tabelle = [Int32](repeating: -1, count: groesse)
        maske = groesse - 1
    }

    /// Number of distinct values seen.
    public var count: Int { enden.count }

    private func start(_ id: Int) -> Int { id == 0 ? 0 : enden[id - 1] }

    /// The id of bytes `r` of `p`, assigning the next id when new.
    public mutating func intern(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in r {
            h ^= UInt64(p[i])
            h = h &* 0x0000_0100_0000_01b3
        }
        var platz = Int(truncatingIfNeeded: h) & maske
        let laenge = r.count
        while true {
            let id = tabelle[platz]
            if id < 0 { break }
            let i = Int(id)
            if hashes[i] == h {
                let s = start(i)
                if enden[i] - s == laenge {
                    var gleich = true
                    var k = 0
                    for j in r {
                        if arena[s + k] != p[j] {
                            gleich = false
                            break
                        }
                        k += 1
                    }
                    if gleich { return id }
                }
            }
            platz = (platz + 1) & maske
        }
        let neu = Int32(enden.count)
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: p[r]))
        enden.append(arena.count)
        hashes.append(h)
        tabelle[platz] = neu
        if enden.count * 2 > tabelle.count { wachse() }
        return neu
    }

    public mutating func intern(_ text: String) -> Int32 {
        let b = Array(text.utf8)
        return b.withUnsafeBufferPointer { intern($0, 0..<$0.count) }
    }

    /// The value of an id as text.
    public func text(_ id: Int32) -> String {
        let i = Int(id)
        return String(decoding: arena[start(i)..<enden[i]], as: UTF8.self)
    }

    /// Calls `body` with the bytes of an id.
    public func mitBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let i = Int(id)
        return arena[start(i)..<enden[i]].withUnsafeBufferPointer(body)
    }

    private mutating func wachse() {
        let groesse = tabelle.count * 2
        tabelle = [Int32](repeating: -1, count: groesse)
        maske = groesse - 1
        for (i, h) in hashes.enumerated() {
            var platz = Int(truncatingIfNeeded: h) & maske
            while tabelle[platz] >= 0 { platz = (platz + 1) & maske }
            tabelle[platz] = Int32(i)
        }
    }
}
