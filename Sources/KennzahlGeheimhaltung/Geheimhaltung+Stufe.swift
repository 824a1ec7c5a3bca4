import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// The first step of a public set's suppression, before the audit: primary (too few cases) and
/// secondary per relation the reports show.
extension Geheimhaltung {
    /// Primary and secondary suppression of one set (the first step, before the audit). Values
    /// `bekannt` from earlier sets are never chosen; values withheld `frueher` count as withheld.
    static func stufe(
        katalog: Katalog, auswertung: Auswertung, periode: Berichtsperiode, sichtbar: Set<Zelle>,
        bekannt: Set<Zelle> = [], frueher: Set<Zelle> = []
    ) -> [Zelle: Grund] {
        let n = katalog.sozialraeume.count
        func wert(_ z: Zelle) -> Bruch? { Geheimhaltung.wert(z, auswertung, n) }
        let primaer = primaereZellen(katalog: katalog, auswertung: auswertung, sichtbar: sichtbar)
        var sekundaer = Set<Zelle>()
        let beziehungen = beziehungen(katalog: katalog, periode: periode, sichtbar: sichtbar) { wert($0) != nil }
        // Secondary, until every relation has none or at least two withheld values. Choices a
        // relation forces (one value left to withhold) come first; then one free choice (in the
        // first open relation, by the order below), then the forced ones again, and so on. A
        // single pass that chose freely everywhere at once withheld more than needed: a city
        // row would take its smallest area while a Gesamt row was about to close it anyway.
        func istGeheim(_ z: Zelle) -> Bool { primaer.contains(z) || sekundaer.contains(z) || frueher.contains(z) }
        /// The cells one of which must be withheld too, best first; empty when the relation is safe.
        func kandidaten(_ b: Beziehung) -> [Zelle] {
            guard b.zellen.lazy.filter(istGeheim).count == 1 else { return [] }
            // Values an earlier set published are known: withholding them protects nothing.
            let offen = b.zellen.filter { !istGeheim($0) && !bekannt.contains($0) }
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
                    sekundaer.insert(k[0])
                    erzwungen = true
                } else if frei == nil, let erste = k.first {
                    frei = erste
                }
            }
            if erzwungen { continue }
            guard let frei else { break }
            sekundaer.insert(frei)
        }
        var gruende: [Zelle: Grund] = [:]
        for c in sekundaer { gruende[c] = .sekundaer }
        for c in primaer { gruende[c] = .primaer }
        return gruende
    }

    /// The number a report shows in a cell (value, numerator or denominator).
    static func wert(_ z: Zelle, _ auswertung: Auswertung, _ n: Int) -> Bruch? {
        let w = auswertung.kennwert(z.kennzahl, z.zeitraum, Gebiet(slot: z.slot, sozialraeume: n))
        switch z.teil {
        case .wert: return w.wert
        case .zaehler: return w.zaehler
        case .nenner: return w.nenner
        case .farbe: return nil
        }
    }

    /// Primary: the shown values that rest on 1 to Mindestfallzahl − 1 cases.
    static func primaereZellen(katalog: Katalog, auswertung: Auswertung, sichtbar: Set<Zelle>) -> Set<Zelle> {
        let n = katalog.sozialraeume.count
        var primaer = Set<Zelle>()
        for zelle in sichtbar {
            let kz = katalog.kennzahlen[zelle.kennzahl]
            let w = auswertung.kennwert(zelle.kennzahl, zelle.zeitraum, Gebiet(slot: zelle.slot, sozialraeume: n))
            func klein(_ b: Int64?) -> Bool { b.map { $0 > 0 && $0 < Int64(kz.mindestfallzahl) } ?? false }
            let geheim: Bool
            switch (kz.istVerhaeltnis, zelle.teil) {
            case (_, .farbe): geheim = false
            case (false, _): geheim = klein(w.basis)
            case (true, .wert): geheim = klein(w.zaehlerBasis) || klein(w.nennerBasis)
            case (true, .zaehler): geheim = klein(w.zaehlerBasis)
            case (true, .nenner): geheim = klein(w.nennerBasis)
            }
            if geheim { primaer.insert(zelle) }
        }
        return primaer
    }

    /// Relations among shown values that all have a number: city = areas, Gesamt rows = their
    /// parts, value = numerator / denominator.
    static func beziehungen(
        katalog: Katalog, periode: Berichtsperiode, sichtbar: Set<Zelle>, hatWert: (Zelle) -> Bool
    ) -> [Beziehung] {
        let n = katalog.sozialraeume.count
        var plaene: [Zeitplan] = []
        for kz in katalog.kennzahlen { plaene.append(Zeitplan(rhythmus: kz.rhythmus, periode: periode)) }
        let additivJe = Geheimhaltung.additivJeKennzahl(katalog)
        var beziehungen: [Beziehung] = []
        func nimm(_ art: Beziehung.Art, _ zellen: [Zelle]) {
            guard zellen.count >= 2, zellen.allSatisfy({ sichtbar.contains($0) && hatWert($0) }) else { return }
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
                    nimm(
                        .summe,
                        [Zelle(kennzahl: k, zeitraum: z, slot: n + 1, teil: teil)]
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
                            nimm(
                                .verhaeltnis,
                                [.wert, .zaehler, .nenner].map { Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: $0) }
                            )
                        }
                    }
                    for (teil, t) in formeln {
                        guard let refs = kennzahlSumme(t) else { continue }
                        nimm(
                            .summe,
                            [Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: teil)]
                                + refs.map { Zelle(kennzahl: $0, zeitraum: z, slot: slot, teil: .wert) })
                    }
                }
            }
        }
        return beziehungen
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
