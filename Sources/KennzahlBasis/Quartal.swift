/// A calendar quarter, e.g. the 4th quarter of 2021 (`2021-Q4`).
package struct Quartal: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// `jahr * 4 + (nummer - 1)`: consecutive quarters have consecutive indices.
    package let index: Int

    package init(jahr: Int, nummer: Int) {
        precondition((1...4).contains(nummer), "quarter number out of range")
        index = jahr * 4 + (nummer - 1)
    }

    package init(index: Int) { self.index = index }

    package var jahr: Int { index >= 0 ? index / 4 : (index - 3) / 4 }
    package var nummer: Int { index - jahr * 4 + 1 }

    package var ersterTag: Tag {
        // Month 1, 4, 7 or 10 always exists.
        Tag(jahr: jahr, monat: (nummer - 1) * 3 + 1, tag: 1) ?? Tag(nummer: 0)
    }

    package var letzterTag: Tag {
        let monat = nummer * 3
        return Tag(jahr: jahr, monat: monat, tag: Tag.tageImMonat(jahr: jahr, monat: monat)) ?? Tag(nummer: 0)
    }

    package func verschoben(um quartale: Int) -> Quartal { Quartal(index: index + quartale) }

    /// Machine name as used in folder names and file patterns: `2021-Q4`.
    package var name: String { "\(jahr)-Q\(nummer)" }
    /// Reader's name: `4. Quartal 2021`.
    package var deutsch: String { "\(nummer). Quartal \(jahr)" }
    /// Short reader's name: `Q4/2021`.
    package var kurz: String { "Q\(nummer)/\(jahr)" }

    package var description: String { name }

    package static func < (a: Quartal, b: Quartal) -> Bool { a.index < b.index }

    /// Parses `2021-Q4` (also `2021-q4`, `Q4/2021`): exactly these forms, four ASCII digits for
    /// the year, nothing before or after.
    package static func parse(_ text: String) -> Quartal? {
        let b = Array(text.utf8)
        func ziffern(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= b.count, r.allSatisfy({ b[$0] >= 0x30 && b[$0] <= 0x39 }) else { return nil }
            return r.reduce(0) { $0 * 10 + Int(b[$1] - 0x30) }
        }
        func q(_ i: Int) -> Bool { b[i] == 0x51 || b[i] == 0x71 }
        guard b.count == 7 else { return nil }
        if b[4] == 0x2D, q(5), let j = ziffern(0..<4), let n = ziffern(6..<7), (1...4).contains(n), j >= 1000 {
            return Quartal(jahr: j, nummer: n)
        }
        if q(0), b[2] == 0x2F, let n = ziffern(1..<2), let j = ziffern(3..<7), (1...4).contains(n), j >= 1000 {
            return Quartal(jahr: j, nummer: n)
        }
        return nil
    }
}
