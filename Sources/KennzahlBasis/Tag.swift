/// A calendar day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
///
/// Deliberately independent of Foundation's `Calendar` and time zones: a case that ends on
/// `31.12.2021` ends on that day wherever the report runs.
package struct Tag: Comparable, Hashable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    package let nummer: Int32

    package init(nummer: Int32) { self.nummer = nummer }

    /// A day from its parts, or nil when the parts name no real day (31.02., month 13).
    package init?(jahr: Int, monat: Int, tag: Int) {
        guard (1...9999).contains(jahr), (1...12).contains(monat),
            (1...Tag.tageImMonat(jahr: jahr, monat: monat)).contains(tag)
        else { return nil }
        // Days from civil (H. Hinnant's algorithm).
        let y = monat <= 2 ? jahr - 1 : jahr
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (monat + 9) % 12
        let doy = (153 * mp + 2) / 5 + tag - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.nummer = Int32(era * 146_097 + doe - 719_468)
    }

    /// Year, month and day of this day.
    package var bestandteile: (jahr: Int, monat: Int, tag: Int) {
        let z = Int(nummer) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d)
    }

    package var jahr: Int { bestandteile.jahr }

    /// The quarter this day belongs to.
    package var quartal: Quartal {
        let b = bestandteile
        return Quartal(jahr: b.jahr, nummer: (b.monat - 1) / 3 + 1)
    }

    /// German notation, `31.12.2021`.
    package var deutsch: String {
        let b = bestandteile
        return Tag.zweistellig(b.tag) + "." + Tag.zweistellig(b.monat) + "." + String(b.jahr)
    }

    /// ISO notation, `2021-12-31`.
    package var iso: String {
        let b = bestandteile
        return String(b.jahr) + "-" + Tag.zweistellig(b.monat) + "-" + Tag.zweistellig(b.tag)
    }

    package var description: String { deutsch }

    package func plus(tage: Int) -> Tag { Tag(nummer: nummer + Int32(tage)) }

    package static func < (a: Tag, b: Tag) -> Bool { a.nummer < b.nummer }

    package static func istSchaltjahr(_ jahr: Int) -> Bool {
        (jahr % 4 == 0 && jahr % 100 != 0) || jahr % 400 == 0
    }

    package static func tageImMonat(jahr: Int, monat: Int) -> Int {
        switch monat {
        case 2: return istSchaltjahr(jahr) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func zweistellig(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}
