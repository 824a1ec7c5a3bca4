import KennzahlBasis

/// Presolve: exact reductions that leave the feasible set as it is and make the tableau small.
/// The attacker's programs are mostly sums of non-negative cell counts, and many published
/// counts are 0: `x₁ + x₂ + … = 0` fixes every xᵢ at 0 (the variable remembers that row as the
/// constraint behind it), fixed variables become numbers in the other rows. A row emptied to
/// one variable by fixing stays a row (not a bound), so a proof through it still names the
/// constraints that fixed its other variables – a bound could name only one. Repeated until
/// nothing changes.
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
                // A row that lost a fixed variable stays a row: its proof must still name the
                // constraints that fixed it (the simplex adds them for every row it is in).
                guard z.koeffizienten.count == z.variablen.count else {
                    behalten.append(z)
                    herkunft.append(nummer)
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
                behalten.append(z)
                herkunft.append(nummer)
            }
            zeilen = behalten
            zeilenHerkunft = herkunft
        }
    }
}
