import KennzahlBasis

/// Presolve: exact reductions that leave the feasible set as it is and make the tableau small.
/// The attacker's programs are mostly sums of non-negative cell counts, and many published
/// counts are 0: `x₁ + x₂ + … = 0` fixes every xᵢ at 0, which empties other rows down to one
/// variable (a bound) – repeated until nothing changes. A fixed or bounded variable remembers the
/// constraint that did it, so proofs still name the published values they rest on.
extension LinearesProgramm {
    mutating func vereinfache() {
        var geaendert = true
        while geaendert {
            geaendert = false
            var behalten: [Zeile] = []
            var herkunft: [Int] = []
            for (r, z0) in zeilen.enumerated() {
                var z = z0
                // Fixed variables become numbers.
                for (v, a) in z.koeffizienten {
                    guard let u = unten[v], let o = oben[v], u == o, let p = a.mal(u), let rest = z.rechts.minus(p)
                    else { continue }
                    z.koeffizienten[v] = nil
                    z.rechts = rest
                    geaendert = true
                }
                let nummer = zeilenHerkunft[r]
                if z.koeffizienten.isEmpty {
                    // Keep a contradiction for the simplex to find; drop a row that holds.
                    let gilt: Bool
                    switch z.art {
                    case .gleich: gilt = z.rechts.istNull
                    case .hoechstens: gilt = !z.rechts.istNegativ
                    case .mindestens: gilt = !(Bruch.null < z.rechts)
                    }
                    if !gilt {
                        behalten.append(z)
                        herkunft.append(nummer)
                    }
                    continue
                }
                // Non-negative variables with positive coefficients summing to at most 0: all 0.
                let nullsumme =
                    z.rechts.istNull && (z.art == .gleich || z.art == .hoechstens)
                    && z.koeffizienten.allSatisfy { unten[$0.key] == .null && !$0.value.istNegativ }
                if nullsumme {
                    for v in z.koeffizienten.keys { schranke(v, unten: .null, oben: .null, herkunft: nummer) }
                    geaendert = true
                    continue
                }
                // One variable left: a bound.
                if z.koeffizienten.count == 1, let (v, a) = z.koeffizienten.first, let g = z.rechts.geteilt(durch: a) {
                    let art: Art =
                        a.istNegativ
                        ? (z.art == .hoechstens ? .mindestens : z.art == .mindestens ? .hoechstens : .gleich) : z.art
                    switch art {
                    case .gleich: schranke(v, unten: g, oben: g, herkunft: nummer)
                    case .hoechstens: schranke(v, oben: g, herkunft: nummer)
                    case .mindestens: schranke(v, unten: g, herkunft: nummer)
                    }
                    geaendert = true
                    continue
                }
                behalten.append(z)
                herkunft.append(nummer)
            }
            zeilen = behalten
            zeilenHerkunft = herkunft
        }
    }
}
