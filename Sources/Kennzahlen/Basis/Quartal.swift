/// A calendar quarter, e.g. the 4th quarter of 2021 (`2021-Q4`).
public struct Quartal: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// `jahr * 4 + (nummer - 1)`: consecutive quarters have consecutive indices.
    public let index: Int

    public init(jahr: Int, nummer: Int) {
        precondition((1...4).contains(nummer), "quarter number out of range")
        index = jahr * 4 + (nummer - 1)
    }

    public init(index: Int) { self.index = index }

    public var jahr: Int { index >= 0 ? index / 4 : (index - 3) / 4 }
    public var nummer: Int { index - jahr * 4 + 1 }

    public var ersterTag: Tag {
        // Month 1, 4, 7 or 10 always exists.
        Tag(jahr: jahr, monat: (nummer - 1) * 3 + 1, tag: 1) ?? Tag(nummer: 0)
    }

    public var letzterTag: Tag {
        let monat = nummer * 3
        return Tag(jahr: jahr, monat: monat, tag: Tag.tageImMonat(jahr: jahr, monat: monat)) ?? Tag(nummer: 0)
    }

    public func verschoben(um quartale: Int) -> Quartal { Quartal(index: index + quartale) }

    /// Machine name as used in folder names and file patterns: `2021-Q4`.
    public var name: String { "\(jahr)-Q\(nummer)" }
    /// Reader's name: `4. Quartal 2021`.
    public var deutsch: String { "\(nummer). Quartal \(jahr)" }
    /// Short reader's name: `Q4/2021`.
    public var kurz: String { "Q\(nummer)/\(jahr)" }

    public var description: String { name }

    public static func < (a: Quartal, b: Quartal) -> Bool { a.index < b.index }

    /// Parses `2021-Q4` (also `2021-q4`, `Q4/2021`).
    public static func parse(_ text: String) -> Quartal? {
        let t = text.uppercased()
        let teile: [Substring]
        if t.contains("-Q") {
            teile = t.split(separator: "-")
            guard teile.count == 2, teile[1].hasPrefix("Q"), let j = Int(teile[0]),
                  let n = Int(teile[1].dropFirst()), (1...4).contains(n), (1000...9999).contains(j)
            else { return nil }
            return Quartal(jahr: j, nummer: n)
        }
        teile = t.split(separator: "/")
        guard teile.count == 2, teile[0].hasPrefix("Q"), let n = Int(teile[0].dropFirst()),
              let j = Int(teile[1]), (1...4).contains(n), (1000...9999).contains(j) else { return nil }
        return Quartal(jahr: j, nummer: n)
    }
}
