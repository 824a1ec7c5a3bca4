/// Which values a public report withholds (`kennzahl report --public`).
///
/// **Primary**: a value resting on fewer cases than the Mindestfallzahl (1 or 2 cases by default;
/// 0 is shown), and every part of a ratio whose numerator or denominator does.
/// **Secondary**: values from which a withheld one could be recomputed. The reports show totals
/// and their parts – the city and its Sozialräume (and the cases without one), a Gesamt row and
/// the rows it adds up, a ratio with its numerator and denominator. In each such relation, either
/// no value or at least two are withheld; where exactly one would be, another is withheld too:
/// first wherever a relation leaves only one choice, then the smallest other part (it loses the
/// least information), the total only when no part is left.
///
/// Decided once per Kennzahl, period and area over everything the report set shows, so the same
/// value is withheld in every report that shows it: no report can be set against another.
public struct Geheimhaltung: Sendable {
    public enum Teil: Int, Sendable, Hashable {
        case wert, zaehler, nenner
    }

    struct Zelle: Hashable, Sendable {
        var kennzahl: Int
        var zeitraum: Zeitraum
        var slot: Int
        var teil: Teil
    }

    private(set) var primaer: Set<Zelle> = []
    private(set) var sekundaer: Set<Zelle> = []
    private let sozialraeume: Int

    /// Cells withheld because they rest on too few cases.
    public var anzahlPrimaer: Int { primaer.count }
    /// Cells withheld so the others cannot be recomputed.
    public var anzahlSekundaer: Int { sekundaer.count }

    /// Whether a part of a value is withheld.
    public func geheim(_ k: Int, _ z: Zeitraum, _ g: Gebiet, _ teil: Teil) -> Bool {
        let zelle = Zelle(kennzahl: k, zeitraum: z, slot: Auswertung.slot(g, sozialraeume: sozialraeume), teil: teil)
        return primaer.contains(zelle) || sekundaer.contains(zelle)
    }

    /// A relation among shown values: `summe` (a total and its parts: `zellen[0]` is the total)
    /// or `verhaeltnis` (value, numerator, denominator: any two give the third).
    struct Beziehung {
        enum Art { case summe, verhaeltnis }
        var art: Art
        var zellen: [Zelle]
    }

    public static func berechne(katalog: Katalog, auswertung: Auswertung, periode: Berichtsperiode) -> Geheimhaltung {
        let n = katalog.sozialraeume.count
        var g = Geheimhaltung(sozialraeume: n)
        func wert(_ z: Zelle) -> Bruch? {
            let w = auswertung.kennwert(z.kennzahl, z.zeitraum, slotGebiet(z.slot, n))
            switch z.teil {
            case .wert: return w.wert
            case .zaehler: return w.zaehler
            case .nenner: return w.nenner
            }
        }
        // What the reports show: every period of a Kennzahl's plan; numerator and denominator
        // only for the current one.
        var sichtbar = Set<Zelle>()
        var plaene: [Zeitplan] = []
        for (k, kz) in katalog.kennzahlen.enumerated() {
            let plan = Zeitplan(rhythmus: kz.rhythmus, periode: periode)
            plaene.append(plan)
            for z in Set(plan.alle) {
                for slot in 0...(n + 1) {
                    sichtbar.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .wert))
                    if kz.istVerhaeltnis && z == plan.aktuell {
                        sichtbar.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .zaehler))
                        sichtbar.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .nenner))
                    }
                }
            }
        }
        // Primary.
        for zelle in sichtbar {
            let kz = katalog.kennzahlen[zelle.kennzahl]
            let w = auswertung.kennwert(zelle.kennzahl, zelle.zeitraum, slotGebiet(zelle.slot, n))
            func klein(_ b: Int64?) -> Bool { b.map { $0 > 0 && $0 < Int64(kz.mindestfallzahl) } ?? false }
            let geheim: Bool
            switch (kz.istVerhaeltnis, zelle.teil) {
            case (false, _): geheim = klein(w.basis)
            case (true, .wert): geheim = klein(w.zaehlerBasis) || klein(w.nennerBasis)
            case (true, .zaehler): geheim = klein(w.zaehlerBasis)
            case (true, .nenner): geheim = klein(w.nennerBasis)
            }
            if geheim { g.primaer.insert(zelle) }
        }
        // Relations among shown values that all have a number.
        let additivJe = Geheimhaltung.additivJeKennzahl(katalog)
        var beziehungen: [Beziehung] = []
        func nimm(_ art: Beziehung.Art, _ zellen: [Zelle]) {
            guard zellen.count >= 2, zellen.allSatisfy({ sichtbar.contains($0) && wert($0) != nil }) else { return }
            beziehungen.append(Beziehung(art: art, zellen: zellen))
        }
        for (k, kz) in katalog.kennzahlen.enumerated() {
            let plan = plaene[k]
            for z in Set(plan.alle).sorted(by: { ($0.von.index, $0.bis.index) < ($1.von.index, $1.bis.index) }) {
                // The city and its parts.
                var teile: [Teil] = []
                switch kz.formel {
                case .wert(let t): if kz.gesamtAlsSumme || additiv(t, katalog, additivJe) { teile.append(.wert) }
                case .verhaeltnis(let zt, let nt):
                    if z == plan.aktuell {
                        if additiv(zt, katalog, additivJe) { teile.append(.zaehler) }
                        if additiv(nt, katalog, additivJe) { teile.append(.nenner) }
                    }
                }
                for teil in teile {
                    nimm(.summe, [Zelle(kennzahl: k, zeitraum: z, slot: n + 1, teil: teil)]
                         + (0...n).map { Zelle(kennzahl: k, zeitraum: z, slot: $0, teil: teil) })
                }
                for slot in 0...(n + 1) {
                    // A Gesamt row and the rows it adds up; a numerator that is another row.
                    var formeln: [(Teil, Term)] = []
                    switch kz.formel {
                    case .wert(let t): formeln.append((.wert, t))
                    case .verhaeltnis(let zt, let nt):
                        if z == plan.aktuell {
                            formeln += [(.zaehler, zt), (.nenner, nt)]
                            nimm(.verhaeltnis, [.wert, .zaehler, .nenner].map { Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: $0) })
                        }
                    }
                    for (teil, t) in formeln {
                        guard let refs = kennzahlSumme(t) else { continue }
                        nimm(.summe, [Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: teil)]
                             + refs.map { Zelle(kennzahl: $0, zeitraum: z, slot: slot, teil: .wert) })
                    }
                }
            }
        }
        // Secondary, until every relation has none or at least two withheld values. Choices a
        // relation forces (one value left to withhold) come first; then one free choice (in the
        // first open relation, by the order below), then the forced ones again, and so on. A
        // single pass that chose freely everywhere at once withheld more than needed: a city
        // row would take its smallest area while a Gesamt row was about to close it anyway.
        func istGeheim(_ z: Zelle) -> Bool { g.primaer.contains(z) || g.sekundaer.contains(z) }
        /// The cells one of which must be withheld too, best first; empty when the relation is safe.
        func kandidaten(_ b: Beziehung) -> [Zelle] {
            guard b.zellen.lazy.filter(istGeheim).count == 1 else { return [] }
            let offen = b.zellen.filter { !istGeheim($0) }
            switch b.art {
            case .summe:
                // The smallest part (non-zero first), the total only when no part is left.
                let teile = offen.filter { $0 != b.zellen[0] }.sorted { a, c in
                    let wa = wert(a) ?? .null, wc = wert(c) ?? .null
                    if wa.istNull != wc.istNull { return !wa.istNull }
                    return wa != wc ? wa < wc : a.slot < c.slot
                }
                return teile + offen.filter { $0 == b.zellen[0] }
            case .verhaeltnis:
                // The ratio itself; if that is the one withheld, the smaller of the two counts.
                if let w = offen.first(where: { $0.teil == .wert }) { return [w] }
                return offen.sorted { (wert($0) ?? .null) < (wert($1) ?? .null) }
            }
        }
        while true {
            var erzwungen = false
            var frei: Zelle?
            for b in beziehungen {
                let k = kandidaten(b)
                if k.count == 1 {
                    g.sekundaer.insert(k[0])
                    erzwungen = true
                } else if frei == nil, let erste = k.first {
                    frei = erste
                }
            }
            if erzwungen { continue }
            guard let frei else { break }
            g.sekundaer.insert(frei)
        }
        return g
    }

    static func slotGebiet(_ slot: Int, _ n: Int) -> Gebiet {
        slot < n ? .sozialraum(slot) : slot == n ? .ohneZuordnung : .gesamt
    }

    /// Per Kennzahl: whether its value adds up over areas (see `additiv`), decided in dependency
    /// order so that no check recurses along a chain of references.
    static func additivJeKennzahl(_ katalog: Katalog) -> [Bool] {
        var je = [Bool](repeating: false, count: katalog.kennzahlen.count)
        for j in katalog.reihenfolge {
            let kz = katalog.kennzahlen[j]
            if kz.gesamtAlsSumme {
                je[j] = true
            } else if case .wert(let t) = kz.formel {
                je[j] = additiv(t, katalog, je)
            }
        }
        return je
    }

    /// Whether a formula part adds up over areas: the city's value is the sum of the Sozialräume
    /// and the rows without one (counts and sums, their sums and differences, scaled by fixed
    /// numbers; not distinct counts, choices or ratios). `je`: the same per referenced Kennzahl.
    static func additiv(_ t: Term, _ katalog: Katalog, _ je: [Bool]) -> Bool {
        switch t {
        case .zaehlung(let i):
            if case .verschieden = katalog.zaehlungen[i].art { return false }
            return true
        case .kennzahl(let j):
            return je[j]
        case .rechnung(let op, let a, let b):
            switch op {
            case .plus, .minus: return additiv(a, katalog, je) && additiv(b, katalog, je)
            case .mal: return (konstant(a) && additiv(b, katalog, je)) || (additiv(a, katalog, je) && konstant(b))
            case .geteilt: return additiv(a, katalog, je) && konstant(b)
            }
        case .zahl, .anteil, .funktion: return false
        }
    }

    static func konstant(_ t: Term) -> Bool {
        switch t {
        case .zahl, .anteil: return true
        case .rechnung(_, let a, let b): return konstant(a) && konstant(b)
        case .zaehlung, .kennzahl, .funktion: return false
        }
    }

    /// The Kennzahlen a formula adds up, when it is nothing but a sum or difference of them
    /// (`P2-JH-AMB + P2-JH-STAT`, a numerator that is another Kennzahl).
    static func kennzahlSumme(_ t: Term) -> [Int]? {
        switch t {
        case .kennzahl(let j): return [j]
        case .rechnung(let op, let a, let b) where op == .plus || op == .minus:
            guard let x = kennzahlSumme(a), let y = kennzahlSumme(b) else { return nil }
            return x + y
        default: return nil
        }
    }
}
