import KennzahlBasis

/// What the audit remembers between steps: the findings per system it solved (by a fingerprint
/// of its constraints), so a component met again with the same constraints is not solved again.
extension Pruefstand {
    /// A system by content: 128 bits over its distinct constraints, sorted (the same system
    /// has the same fingerprint whichever ids its constraints got, whatever their order).
    struct Fingerabdruck: Hashable, Sendable {
        var a: Int
        var b: Int
        var anzahl: Int
    }

    func fingerabdruck(_ k: Komponente) -> Fingerabdruck {
        var einzeln = Set<[Int]>()
        for i in k.beziehungen {
            var h1 = Hasher(), h2 = Hasher()
            h1.combine(1)
            h2.combine(2)
            h1.combine(beziehungen[i].schluessel)
            h2.combine(beziehungen[i].schluessel)
            einzeln.insert([h1.finalize(), h2.finalize()])
        }
        var h1 = Hasher(), h2 = Hasher()
        h1.combine(3)
        h2.combine(4)
        for x in einzeln.sorted(by: { ($0[0], $0[1]) < ($1[0], $1[1]) }) {
            h1.combine(x[0])
            h2.combine(x[1])
        }
        return Fingerabdruck(a: h1.finalize(), b: h2.finalize(), anzahl: einzeln.count)
    }

    /// What the audit found for a value in a system it solved before: its range, whether the
    /// maximising vertex is an integer point, and the integer attacker's verdict (nil: not asked).
    struct Befund: Sendable {
        var intervall: Intervall
        var ganzeEcke: Bool
        var ganzVerraten: Bool?
    }

    /// A count whose true value lies between 1 and its Mindestfallzahl − 1.
    func istKleineAnzahl(_ x: Zelle) -> Bool {
        guard modell.schutzart[x] == .anzahl, let w = modell.wahrerWert(x), !w.istNull, !w.istNegativ else {
            return false
        }
        return w < Bruch(modell.katalog.kennzahlen[x.kennzahl].mindestfallzahl)
    }

}
