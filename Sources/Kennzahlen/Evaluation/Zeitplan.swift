/// Which periods a report shows for a Kennzahl: the current one, the comparisons, the history.
public struct Zeitplan: Sendable {
    public var aktuell: Zeitraum
    /// The previous quarter; nil for yearly values and in yearly reports.
    public var vorquartal: Zeitraum?
    /// The same span one year earlier.
    public var vorjahr: Zeitraum
    /// Oldest first, ending with `aktuell`: the last eight quarters, or the last three years.
    public var verlauf: [Zeitraum]

    /// A quarterly Kennzahl in a quarterly report shows that quarter; a yearly one shows the year
    /// of the quarter up to its end (a Q4 report: the full year). In a yearly report every
    /// Kennzahl shows the year.
    public init(rhythmus: Rhythmus, periode: Berichtsperiode) {
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

    /// Every period of this plan, each once.
    public var alle: [Zeitraum] {
        var liste: [Zeitraum] = []
        for z in [aktuell] + [vorquartal, vorjahr].compactMap({ $0 }) + verlauf where !liste.contains(z) { liste.append(z) }
        return liste
    }
}
