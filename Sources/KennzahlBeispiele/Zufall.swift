import KennzahlBasis

/// A small deterministic random generator (SplitMix64): same seed, same sample data, on every
/// platform. Integer arithmetic only.
struct Zufall {
    private var zustand: UInt64

    init(seed: UInt64) { zustand = seed }

    mutating func naechste() -> UInt64 {
        zustand &+= 0x9E37_79B9_7F4A_7C15
        var z = zustand
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in `bereich` (multiply-shift; bias negligible for our ranges).
    mutating func zahl(_ bereich: ClosedRange<Int>) -> Int {
        let breite = UInt64(bereich.upperBound - bereich.lowerBound + 1)
        let (hoch, _) = naechste().multipliedFullWidth(by: breite)
        return bereich.lowerBound + Int(hoch)
    }

    /// True with probability `promille`/1000.
    mutating func promille(_ p: Int) -> Bool { zahl(0...999) < p }

    mutating func wahl<T>(_ liste: [T]) -> T { liste[zahl(0...(liste.count - 1))] }

    /// Index chosen with integer weights.
    mutating func gewichtet(_ gewichte: [Int]) -> Int {
        let summe = gewichte.reduce(0, +)
        var r = zahl(0...(summe - 1))
        for (i, g) in gewichte.enumerated() {
            if r < g { return i }
            r -= g
        }
        return gewichte.count - 1
    }

    /// A day uniformly within `von...bis`.
    mutating func tag(_ von: Tag, _ bis: Tag) -> Tag {
        Tag(nummer: Int32(zahl(Int(von.nummer)...Int(bis.nummer))))
    }

    /// `k` distinct indices out of `0..<n`, in random order.
    mutating func auswahl(_ k: Int, aus n: Int) -> [Int] {
        var liste = Array(0..<n)
        for i in 0..<min(k, n) {
            let j = zahl(i...(n - 1))
            liste.swapAt(i, j)
        }
        return Array(liste.prefix(k))
    }
}

/// Splits a total into integer parts proportional to weights, exactly (largest remainder, ties
/// to the earlier part).
func verteile(_ gesamt: Int, _ gewichte: [Int]) -> [Int] {
    let summe = gewichte.reduce(0, +)
    guard summe > 0 else { return gewichte.map { _ in 0 } }
    var teile = gewichte.map { gesamt * $0 / summe }
    let reste = gewichte.enumerated().map { (i: $0.offset, r: gesamt * $0.element % summe) }
    var fehlend = gesamt - teile.reduce(0, +)
    for (i, _) in reste.sorted(by: { $0.r != $1.r ? $0.r > $1.r : $0.i < $1.i }) where fehlend > 0 {
        teile[i] += 1
        fehlend -= 1
    }
    return teile
}
