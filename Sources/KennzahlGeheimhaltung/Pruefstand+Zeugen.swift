import Foundation
import KennzahlBasis

/// Witnesses: a small count is safe when a point of the attacker's system exists – whole
/// numbers where the unknowns count cases – at which the count reaches its Mindestfallzahl. The
/// audit keeps the point it found for each small count (the maximising vertex when it is whole,
/// or the integer attacker's point) and, when the system changes, first checks that point
/// against the constraints as they are now, exactly; while it holds, the count is safe without
/// solving anything. Withholding a value only drops constraints, so the points of the audit's
/// repair loop almost always still hold.
extension Pruefstand {
    /// The witness of `x` in program values (`lokal`: unknown → program variable), if it is
    /// whole where counts are and reaches the Mindestfallzahl.
    func zeuge(_ x: Zelle, _ punkt: [ExakteZahl], _ lokal: [Int: Int]) -> [Int: Bruch]? {
        var p: [Int: Bruch] = [:]
        for (v, l) in lokal {
            let w = punkt[l]
            if istGanzzahlig(v) && !w.istGanz { return nil }
            if w.istGross { return nil }
            p[v] = w.bruch(gerundet: 0)
        }
        return zeugeGilt(x, p, nil) ? p : nil
    }

    /// Whether `punkt` shows `x` safe in the system as it is now: every active constraint of
    /// `beziehungenDerKomponente` (or of every unknown of the point) holds there, its unknowns
    /// are in the point, and x reaches its Mindestfallzahl.
    func zeugeGilt(_ x: Zelle, _ punkt: [Int: Bruch], _ beziehungenDerKomponente: [Int]?) -> Bool {
        guard let e = modell.ausdruck[x], let wx = wert(e, punkt),
            !(wx < Bruch(modell.katalog.kennzahlen[x.kennzahl].mindestfallzahl))
        else { return false }
        for (v, w) in punkt where modell.nichtnegativ[v] && w.istNegativ { return false }
        let liste = beziehungenDerKomponente ?? Array(Set(punkt.keys.flatMap { jeVariable[$0] }))
        for i in liste where aktiv[i] {
            let b = beziehungen[i]
            guard let s = wert(b.ausdruck, punkt) else { return false }
            switch b.art {
            case .gleich: if !s.istNull { return false }
            case .hoechstens: if Bruch.null < s { return false }
            case .mindestens: if s.istNegativ { return false }
            }
        }
        return true
    }

    /// A linear expression at a point; nil when an unknown is missing or on overflow.
    private func wert(_ e: Angreifermodell.Linear, _ punkt: [Int: Bruch]) -> Bruch? {
        var s = e.konstante
        for (v, c) in e.terme {
            guard let w = punkt[v], let p = c.mal(w), let t = s.plus(p) else { return nil }
            s = t
        }
        return s
    }
}

/// Witnesses found by concurrent integer checks, collected under a lock.
final class Zeugenablage: @unchecked Sendable {
    private let sperre = NSLock()
    private var liste: [Geheimhaltung.Zelle: [Int: Bruch]] = [:]

    func setze(_ x: Geheimhaltung.Zelle, _ p: [Int: Bruch]) { sperre.withLock { liste[x] = p } }
    var alle: [Geheimhaltung.Zelle: [Int: Bruch]] { sperre.withLock { liste } }
}
