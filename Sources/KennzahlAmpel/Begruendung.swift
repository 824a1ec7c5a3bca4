/// Which evaluated value of the light's Kennzahl a part of a reason quotes or is computed from,
/// relative to the light: its period or a comparison period, its area or the city.
package struct Wertbezug: Hashable, Sendable {
    package enum Zeitpunkt: Hashable, Sendable {
        /// The period the light is for.
        case aktuell
        case vorquartal
        case vorjahr
    }

    package var zeitpunkt: Zeitpunkt
    /// The city's value instead of the light's area.
    package var gesamtstadt: Bool

    package init(_ zeitpunkt: Zeitpunkt, gesamtstadt: Bool = false) {
        self.zeitpunkt = zeitpunkt
        self.gesamtstadt = gesamtstadt
    }
}

/// An Ampel light's reason: German text whose numbers, and the words the numbers choose
/// ("Anstieg", "Zielwert … nicht erreicht"), remember which values they come from. The report
/// stage renders it; a public report puts `.` for a number it withholds and a neutral word for a
/// word chosen by one, and keeps the rest of the sentence.
package struct Begruendung: Sendable, Equatable, ExpressibleByStringInterpolation {
    package enum Stueck: Sendable, Equatable {
        case text(String)
        /// A number quoting or computed from values.
        case zahl(String, aus: [Wertbezug])
        /// Words chosen by values; `neutral` says the same without giving them away.
        case wort(String, neutral: String, aus: [Wertbezug])
    }

    package private(set) var stuecke: [Stueck] = []

    package init(_ stuecke: [Stueck] = []) {
        for s in stuecke { haenge(s) }
    }

    package init(stringLiteral text: String) { self.init([.text(text)]) }

    package init(stringInterpolation i: Interpolation) { self = i.begruendung }

    /// `"Wert \(zahl: text, aus: [bezug]) liegt über …"`, `"…\(andereBegruendung)…"`.
    package struct Interpolation: StringInterpolationProtocol {
        var begruendung = Begruendung()
        package init(literalCapacity: Int, interpolationCount: Int) {}
        package mutating func appendLiteral(_ text: String) { begruendung.haenge(.text(text)) }
        package mutating func appendInterpolation(_ text: String) { begruendung.haenge(.text(text)) }
        package mutating func appendInterpolation(_ b: Begruendung) { begruendung += b }
        package mutating func appendInterpolation(zahl: String, aus: [Wertbezug]) {
            begruendung.haenge(.zahl(zahl, aus: aus))
        }
        package mutating func appendInterpolation(wort: String, neutral: String, aus: [Wertbezug]) {
            begruendung.haenge(.wort(wort, neutral: neutral, aus: aus))
        }
    }

    /// The reason with every number shown (internal reports, tests, `kennzahl test`).
    package var text: String { text { _ in false } }

    /// The reason as a report shows it: where `verborgen` says a value is withheld, a number
    /// derived from it reads `.` and a word chosen by it its neutral form.
    package func text(verborgen: (Wertbezug) -> Bool) -> String {
        var s = ""
        for stueck in stuecke {
            switch stueck {
            case .text(let t): s += t
            case .zahl(let z, let aus): s += aus.contains(where: verborgen) ? "." : z
            case .wort(let w, let neutral, let aus): s += aus.contains(where: verborgen) ? neutral : w
            }
        }
        return s
    }

    private mutating func haenge(_ s: Stueck) {
        if case .text(let neu) = s {
            if neu.isEmpty { return }
            if case .text(let alt) = stuecke.last {
                stuecke[stuecke.count - 1] = .text(alt + neu)
                return
            }
        }
        stuecke.append(s)
    }

    package static func + (a: Begruendung, b: Begruendung) -> Begruendung {
        var c = a
        c += b
        return c
    }

    package static func += (a: inout Begruendung, b: Begruendung) {
        for s in b.stuecke { a.haenge(s) }
    }

    /// The parts joined by a separator, like `[String].joined(separator:)`.
    static func verbinde(_ teile: [Begruendung], _ trenner: String) -> Begruendung {
        var b = Begruendung()
        for (n, t) in teile.enumerated() {
            if n > 0 { b.haenge(.text(trenner)) }
            b += t
        }
        return b
    }
}
