import KennzahlBasis
import KennzahlDefinition

/// The tallies of one evaluation: per tally (counting × period) and area a sum, or for distinct
/// counts a set of values; whether the exports cover the period; whether a sum overflowed.
struct Zaehlwerk: Sendable {
    /// Sozialräume, then "ohne Zuordnung" (also the city-only rows of sources without Sozialraum).
    private let slots: Int
    private let arten: [Zaehlung.Art]
    private var summen: [Int64]
    /// Rows added per sum over a field and slot: the sum's case basis (public reports). Counts
    /// need none: their value is their basis.
    private var zeilen: [Int64]
    /// Distinct counts: per tally the sets per slot, then one for the whole city (a value seen in
    /// two Sozialräume counts once there). Values are interned ids: bit sets, not hash sets, so a
    /// million persons cost 125 KB per set.
    private var mengen: [[Bitmenge]]
    var verfuegbar: [Bool]
    var ueberlauf: [Bool]

    init(arten: [Zaehlung.Art], sozialraeume n: Int) {
        slots = n + 1
        self.arten = arten
        summen = [Int64](repeating: 0, count: arten.count * (n + 1))
        zeilen = [Int64](repeating: 0, count: arten.count * (n + 1))
        mengen = arten.map { art in
            if case .verschieden = art { return [Bitmenge](repeating: Bitmenge(), count: n + 2) }
            return []
        }
        verfuegbar = [Bool](repeating: false, count: arten.count)
        ueberlauf = [Bool](repeating: false, count: arten.count)
    }

    mutating func addiere(_ auftrag: Int, _ gebiet: Int, _ betrag: Int64) {
        let platz = auftrag * slots + gebiet
        let (s, o) = summen[platz].addingReportingOverflow(betrag)
        if o { ueberlauf[auftrag] = true } else { summen[platz] = s }
    }

    /// Adds one row's value to a sum over a field and counts the row (the sum's case basis).
    mutating func addiereFeld(_ auftrag: Int, _ gebiet: Int, _ betrag: Int64) {
        addiere(auftrag, gebiet, betrag)
        zeilen[auftrag * slots + gebiet] &+= 1
    }

    mutating func merke(_ auftrag: Int, _ gebiet: Int, _ wert: Int32) {
        mengen[auftrag][gebiet].setze(Int(wert))
        mengen[auftrag][slots].setze(Int(wert))
    }

    /// Takes over the tallies `auftraege` from another Zählwerk of the same shape (the part one
    /// source filled).
    mutating func uebernimm(_ anderes: Zaehlwerk, _ auftraege: [Int]) {
        for a in auftraege {
            for g in 0..<slots {
                summen[a * slots + g] = anderes.summen[a * slots + g]
                zeilen[a * slots + g] = anderes.zeilen[a * slots + g]
            }
            mengen[a] = anderes.mengen[a]
            verfuegbar[a] = anderes.verfuegbar[a]
            ueberlauf[a] = anderes.ueberlauf[a]
        }
    }

    /// Adds the tallies `auftraege` of another Zählwerk of the same shape (a piece of the same
    /// file). Sums and row counts add up, an overflow in either or in the sum stays one; distinct
    /// sets are never split across pieces (their ids are per reader), so they are not merged here.
    mutating func fuegeHinzu(_ anderes: Zaehlwerk, _ auftraege: [Int]) {
        for a in auftraege {
            for g in 0..<slots {
                let platz = a * slots + g
                let (s, o) = summen[platz].addingReportingOverflow(anderes.summen[platz])
                if o { ueberlauf[a] = true } else { summen[platz] = s }
                zeilen[platz] &+= anderes.zeilen[platz]
            }
            ueberlauf[a] = ueberlauf[a] || anderes.ueberlauf[a]
        }
    }

    /// The tally for a slot (Sozialräume, "ohne Zuordnung", then the city).
    func wert(_ auftrag: Int, slot: Int, quelle: Quelle) -> TermWert {
        if ueberlauf[auftrag] { return .ueberlauf }
        guard verfuegbar[auftrag] else { return .keineDaten }
        let gesamt = slot == slots
        if case .keine = quelle.gebiet, !gesamt { return .nurGesamt }
        switch arten[auftrag] {
        case .verschieden:
            return .wert(Bruch(mengen[auftrag][slot].anzahl))
        case .anzahl:
            return summe(auftrag, slot).map { .wert(Bruch(Int($0))) } ?? .ueberlauf
        case .summe:
            return summe(auftrag, slot).map { .wert(Bruch(Festkomma(hundertstelCent: $0))) } ?? .ueberlauf
        }
    }

    /// How many cases a tally's value rests on (see `Kennwert.basis`): the count itself for counts
    /// and delivered counts, the rows summed for sums over a field; nil for the population (public
    /// statistics) and where the tally has no value.
    func basis(_ auftrag: Int, slot: Int, quelle: Quelle, bevoelkerung: Bool) -> Int64? {
        guard verfuegbar[auftrag], !ueberlauf[auftrag] else { return nil }
        if case .keine = quelle.gebiet, slot != slots { return nil }
        switch arten[auftrag] {
        case .verschieden: return Int64(mengen[auftrag][slot].anzahl)
        case .anzahl: return summe(auftrag, slot)
        case .summe(nil):
            guard !bevoelkerung, let s = summe(auftrag, slot) else { return nil }
            return s / Festkomma.skala
        case .summe:
            guard slot == slots else { return zeilen[auftrag * slots + slot] }
            return (0..<slots).reduce(Int64(0)) { $0 &+ zeilen[auftrag * slots + $1] }
        }
    }

    private func summe(_ auftrag: Int, _ slot: Int) -> Int64? {
        guard slot == slots else { return summen[auftrag * slots + slot] }
        var s: Int64 = 0
        for g in 0..<slots {
            let (x, o) = s.addingReportingOverflow(summen[auftrag * slots + g])
            if o { return nil }
            s = x
        }
        return s
    }
}

/// A set of small non-negative integers (interned ids) as bits.
struct Bitmenge: Sendable {
    private var woerter: [UInt64] = []

    mutating func setze(_ i: Int) {
        let w = i >> 6
        if w >= woerter.count {
            woerter.append(contentsOf: repeatElement(0, count: max(w + 1 - woerter.count, woerter.count)))
        }
        woerter[w] |= 1 << UInt64(i & 63)
    }

    var anzahl: Int { woerter.reduce(0) { $0 + $1.nonzeroBitCount } }
}
