import KennzahlBasis
import KennzahlDefinition

/// Which periods a report shows for a Kennzahl: the current one, the comparisons, the history.
package struct Zeitplan: Sendable {
    package var aktuell: Zeitraum
    /// The previous quarter; nil for yearly values and in yearly reports.
    package var vorquartal: Zeitraum?
    /// The same span one year earlier.
    package var vorjahr: Zeitraum
    /// Oldest first, ending with `aktuell`: the last eight quarters, or the last three years.
    package var verlauf: [Zeitraum]

    /// A quarterly Kennzahl in a quarterly report shows that quarter; a yearly one shows the year
    /// of the quarter up to its end (a Q4 report: the full year). In a yearly report every
    /// Kennzahl shows the year.
    package init(rhythmus: Rhythmus, periode: Berichtsperiode) {
        switch (periode, rhythmus) {
        case (.quartal(let q), .quartal):
            aktuell = .quartal(q)
            vorquartal = .quartal(q.verschoben(um: -1))
            vorjahr = .quartal(q.verschoben(um: -4))
            verlauf = (0..<8).reversed().map { .quartal(q.verschoben(um: -$0)) }
        case (.quartal(let q), .jahr):
            aktuell = .jahrBis(q)
            vorquartal = nil
            vorjahr = .jahrBis(q.verschoben(um: -4))
            verlauf = [.jahr(q.jahr - 2), .jahr(q.jahr - 1), aktuell]
        case (.jahr(let j), _):
            aktuell = .jahr(j)
            vorquartal = nil
            vorjahr = .jahr(j - 1)
            verlauf = [.jahr(j - 2), .jahr(j - 1), .jahr(j)]
        }
    }

    /// The Ampel's series: the last eight periods in the Kennzahl's step (quarters, or years to
    /// the same quarter), oldest first, ending with `aktuell`, each with its comparison periods.
    package var ampelreihe: [(zeitraum: Zeitraum, vorquartal: Zeitraum?, vorjahr: Zeitraum)] {
        let schritt = vorquartal == nil ? 4 : 1
        return (0..<8).reversed().map { n in
            let z = aktuell.verschoben(um: -n * schritt)
            return (z, vorquartal == nil ? nil : z.verschoben(um: -1), z.verschoben(um: -4))
        }
    }

    /// Every period of this plan, each once.
    package var alle: [Zeitraum] {
        var liste: [Zeitraum] = []
        let reihe = ampelreihe.flatMap { [$0.zeitraum, $0.vorjahr] + ($0.vorquartal.map { [$0] } ?? []) }
        for z in [aktuell] + [vorquartal, vorjahr].compactMap({ $0 }) + verlauf + reihe where !liste.contains(z) {
            liste.append(z)
        }
        return liste
    }
}
