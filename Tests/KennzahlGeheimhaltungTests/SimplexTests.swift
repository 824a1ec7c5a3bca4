import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBeispiele
@testable import KennzahlGeheimhaltung

@Suite struct SimplexTests {
    func b(_ z: Int, _ n: Int = 1) -> Bruch { Bruch(zaehler: Int128(z), nenner: Int128(n))! }

    /// max x + y, x + 2y ≤ 4, 3x + y ≤ 6, x, y ≥ 0 → (1,6; 1,2), optimum 2,8; min 0.
    @Test func lehrbuchbeispiel() throws {
        var lp = LinearesProgramm()
        let x = lp.variable(nichtnegativ: true), y = lp.variable(nichtnegativ: true)
        lp.bedingung([x: b(1), y: b(2)], .hoechstens, b(4))
        lp.bedingung([x: b(3), y: b(1)], .hoechstens, b(6))
        var s = try Simplex(lp)
        #expect(s.optimum([x: b(1), y: b(1)], maximieren: true) == b(14, 5))
        #expect(s.optimum([x: b(1), y: b(1)], maximieren: false) == b(0))
        #expect(s.optimum([x: b(1)], maximieren: true) == b(2))
        #expect(s.optimum([y: b(1)], maximieren: true) == b(2))
    }

    /// The example: UMA ambulant in the city 5, "ohne Zuordnung" 3, five areas withheld:
    /// each area lies in [0, 2].
    @Test func stadtMinusOhneZuordnung() throws {
        var lp = LinearesProgramm()
        let raeume = (0..<5).map { _ in lp.variable(nichtnegativ: true) }
        var summe: [Int: Bruch] = [:]
        for r in raeume { summe[r] = b(1) }
        lp.bedingung(summe, .gleich, b(5 - 3))
        var s = try Simplex(lp)
        for r in raeume {
            #expect(s.optimum([r: b(1)], maximieren: true) == b(2))
            #expect(s.optimum([r: b(1)], maximieren: false) == b(0))
        }
    }

    /// Presolve keeps proofs whole: y is fixed at 16 by two bounds (0, 1) and x + y = 18 (2) then
    /// has x alone. The proof of max x = 2 must name y's bounds, not only the sum – else the
    /// audit withholds nothing of what pinned y (found on a 20-area catalogue: "lässt sich
    /// nicht schützen"). Also: a zero sum fixes its cells, and min x names it.
    @Test func vereinfachungBehaeltBeweise() throws {
        var lp = LinearesProgramm()
        let x = lp.variable(nichtnegativ: true), y = lp.variable(nichtnegativ: true)
        lp.bedingung([y: b(1)], .mindestens, b(16))
        lp.bedingung([y: b(1)], .hoechstens, b(16))
        lp.bedingung([x: b(1), y: b(1)], .gleich, b(18))
        lp.vereinfache()
        var s = try Simplex(lp)
        let (wert, beweis) = s.optimumMitBeweis([x: b(1)], maximieren: true)
        #expect(wert == b(2))
        #expect(beweis.contains(0) && beweis.contains(2), "\(beweis)")
        var lp2 = LinearesProgramm()
        let u = lp2.variable(nichtnegativ: true), v = lp2.variable(nichtnegativ: true)
        let w = lp2.variable(nichtnegativ: true)
        lp2.bedingung([v: b(1), w: b(1)], .gleich, b(0))
        lp2.bedingung([u: b(1), v: b(1)], .gleich, b(2))
        lp2.vereinfache()
        #expect(lp2.oben[v] == b(0) && lp2.oben[w] == b(0))
        var s2 = try Simplex(lp2)
        let (tief, beweis2) = s2.optimumMitBeweis([u: b(1)], maximieren: false)
        #expect(tief == b(2))
        #expect(beweis2.contains(0) && beweis2.contains(1), "\(beweis2)")
    }

    @Test func freieVariablenUnbeschraenktUnzulaessig() throws {
        var lp = LinearesProgramm()
        let x = lp.variable(nichtnegativ: false), y = lp.variable(nichtnegativ: true)
        lp.bedingung([x: b(1), y: b(1)], .gleich, b(-3))
        lp.bedingung([y: b(1)], .mindestens, b(1, 2))
        var s = try Simplex(lp)
        #expect(s.optimum([x: b(1)], maximieren: true) == b(-7, 2))
        #expect(s.optimum([x: b(1)], maximieren: false) == nil)  // y unbounded above
        var widerspruch = LinearesProgramm()
        let z = widerspruch.variable(nichtnegativ: true)
        widerspruch.bedingung([z: b(1)], .hoechstens, b(-1))
        #expect(throws: Simplex.Problem.unzulaessig) { _ = try Simplex(widerspruch) }
    }

    /// Redundant and degenerate rows (the same equation twice, a zero row) do not cycle.
    @Test func redundantUndEntartet() throws {
        var lp = LinearesProgramm()
        let v = (0..<4).map { _ in lp.variable(nichtnegativ: true) }
        lp.bedingung([v[0]: b(1), v[1]: b(1)], .gleich, b(2))
        lp.bedingung([v[0]: b(2), v[1]: b(2)], .gleich, b(4))
        lp.bedingung([v[2]: b(1), v[3]: b(1)], .gleich, b(0))
        lp.bedingung([v[0]: b(1), v[2]: b(1)], .hoechstens, b(2))
        var s = try Simplex(lp)
        #expect(s.optimum([v[0]: b(1)], maximieren: true) == b(2))
        #expect(s.optimum([v[2]: b(1), v[3]: b(1)], maximieren: true) == b(0))
    }

    /// The proof of an optimum names exactly the constraints it rests on – rows, bounds a
    /// variable sits at, and the constraints fixing a variable that takes part.
    @Test func beweisNenntDieTragendenBedingungen() throws {
        var lp = LinearesProgramm()
        let x = lp.variable(nichtnegativ: true), y = lp.variable(nichtnegativ: true)
        lp.bedingung([x: b(1), y: b(1)], .gleich, b(5))  // 0
        lp.bedingung([x: b(1)], .hoechstens, b(3))  // 1: a bound
        lp.bedingung([y: b(1)], .hoechstens, b(10))  // 2: a bound that never binds
        var s = try Simplex(lp)
        let ersterBeweis = s.optimumMitBeweis([x: b(1)], maximieren: true)
        #expect(ersterBeweis.wert == b(3))
        #expect(ersterBeweis.beweis == [1])
        #expect(s.optimumMitBeweis([x: b(1), y: b(1)], maximieren: true).beweis == [0])
        // max y = 5 − min x = 5: rests on row 0 and x ≥ 0 (no constraint behind it).
        let y5 = s.optimumMitBeweis([y: b(1)], maximieren: true)
        #expect(y5.wert == b(5) && y5.beweis == [0])
        var fest = LinearesProgramm()
        let u = fest.variable(nichtnegativ: true), v = fest.variable(nichtnegativ: true)
        fest.bedingung([u: b(1)], .gleich, b(2))  // 0: u fixed
        fest.bedingung([u: b(1), v: b(1)], .hoechstens, b(7))  // 1
        fest.bedingung([v: b(2)], .mindestens, b(1))  // 2: a bound
        var t = try Simplex(fest)
        let r = t.optimumMitBeweis([v: b(1)], maximieren: true)
        #expect(r.wert == b(5) && r.beweis == [0, 1])
        #expect(t.optimumMitBeweis([v: b(1)], maximieren: false).beweis == [2])
        var widerspruch = LinearesProgramm()
        let w = widerspruch.variable(nichtnegativ: true)
        widerspruch.bedingung([w: b(1)], .mindestens, b(3))
        widerspruch.bedingung([w: b(1)], .hoechstens, b(2))
        #expect(throws: Simplex.Problem.unzulaessig) { _ = try Simplex(widerspruch) }
    }

    /// Random small programs with bounded integer boxes: the simplex optimum equals the best of
    /// all vertices found by enumerating every basis (brute force, independent of the tableau).
    @Test func zufaelligeProgrammeGegenEckenaufzaehlung() throws {
        var zufall = Zufall(seed: 7)
        for runde in 0..<200 {
            let n = 2 + zufall.zahl(0...1)  // 2 or 3 variables, each in [0, 5]
            var lp = LinearesProgramm()
            let vars = (0..<n).map { _ in lp.variable(nichtnegativ: true) }
            var zeilen: [([Int], Int)] = []
            for v in vars {
                lp.bedingung([v: b(1)], .hoechstens, b(5)); zeilen.append((vars.map { $0 == v ? 1 : 0 }, 5))
            }
            for _ in 0..<(1 + zufall.zahl(0...2)) {
                let a = vars.map { _ in zufall.zahl(0...6) - 3 }
                let r = zufall.zahl(0...8)
                var k: [Int: Bruch] = [:]
                for (i, c) in a.enumerated() { k[vars[i]] = b(c) }
                lp.bedingung(k, .hoechstens, b(r))
                zeilen.append((a, r))
            }
            let ziel = vars.map { _ in zufall.zahl(0...6) - 3 }
            var z: [Int: Bruch] = [:]
            for (i, c) in ziel.enumerated() { z[vars[i]] = b(c) }
            // Brute force: every point of a fine grid is feasible or not; the LP optimum over the
            // polytope is attained at a vertex, whose coordinates have small denominators here, so
            // the grid max is a lower bound and every vertex is checked by exact solving below.
            var s = try Simplex(lp)  // 0 is always feasible (b ≥ 0 on every row)
            let optimum = s.optimum(z, maximieren: true)
            let m = try #require(optimum)
            #expect(m >= .null || ziel.allSatisfy { $0 <= 0 }, "Runde \(runde)")
            // No grid point beats the optimum, and the optimum is reached by some vertex.
            var bestesRaster = Bruch(Int.min / 4)
            for punkt in SimplexTests.raster(n, schritt: 2) {
                let zulaessig = zeilen.allSatisfy { a, r in
                    zip(a, punkt).reduce(Bruch.null) { $0.plus(Bruch($1.0).mal($1.1)!)! } <= Bruch(r)
                }
                if zulaessig {
                    let w = zip(ziel, punkt).reduce(Bruch.null) { $0.plus(Bruch($1.0).mal($1.1)!)! }
                    #expect(!(m < w), "Runde \(runde): Rasterpunkt besser als das Optimum")
                    if bestesRaster < w { bestesRaster = w }
                }
            }
            #expect(try SimplexTests.eckenOptimum(zeilen, ziel, n) == m, "Runde \(runde)")
        }
    }

    /// All points with coordinates k/schritt in [0, 5].
    static func raster(_ n: Int, schritt: Int) -> [[Bruch]] {
        let werte = (0...(5 * schritt)).map { Bruch(zaehler: Int128($0), nenner: Int128(schritt))! }
        var punkte: [[Bruch]] = [[]]
        for _ in 0..<n { punkte = punkte.flatMap { p in werte.map { p + [$0] } } }
        return punkte
    }

    /// The best vertex: every choice of n tight rows (with x ≥ 0 as rows), solved by Cramer's
    /// rule, kept if feasible.
    static func eckenOptimum(_ zeilen: [([Int], Int)], _ ziel: [Int], _ n: Int) throws -> Bruch? {
        var alle = zeilen
        for i in 0..<n { alle.append(((0..<n).map { $0 == i ? -1 : 0 }, 0)) }
        var bestes: Bruch?
        func kombinationen(_ k: Int, _ start: Int, _ gewaehlt: [Int]) {
            if gewaehlt.count == k {
                let a = gewaehlt.map { alle[$0].0.map { Bruch($0) } }, r = gewaehlt.map { Bruch(alle[$0].1) }
                guard let x = loese(a, r) else { return }
                let zulaessig = alle.allSatisfy { z, rr in
                    zip(z, x).reduce(Bruch.null) { $0.plus(Bruch($1.0).mal($1.1)!)! } <= Bruch(rr)
                }
                if zulaessig {
                    let w = zip(ziel, x).reduce(Bruch.null) { $0.plus(Bruch($1.0).mal($1.1)!)! }
                    if bestes == nil || bestes! < w { bestes = w }
                }
                return
            }
            guard start < alle.count else { return }
            for i in start..<alle.count { kombinationen(k, i + 1, gewaehlt + [i]) }
        }
        kombinationen(n, 0, [])
        return bestes
    }

    /// Gaussian elimination; nil when singular.
    static func loese(_ a0: [[Bruch]], _ r0: [Bruch]) -> [Bruch]? {
        var a = a0, r = r0
        let n = a.count
        for s in 0..<n {
            guard let p = (s..<n).first(where: { !a[$0][s].istNull }) else { return nil }
            a.swapAt(s, p); r.swapAt(s, p)
            for i in 0..<n where i != s && !a[i][s].istNull {
                let f = a[i][s].geteilt(durch: a[s][s])!
                for k in 0..<n { a[i][k] = a[i][k].minus(f.mal(a[s][k])!)! }
                r[i] = r[i].minus(f.mal(r[s])!)!
            }
        }
        return (0..<n).map { r[$0].geteilt(durch: a[$0][$0])! }
    }
}
