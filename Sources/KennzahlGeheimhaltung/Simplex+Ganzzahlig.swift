import KennzahlBasis

/// Integer points of a program, for the attacker who knows that case counts are whole numbers.
///
/// Branch and bound, depth first, on the most fractional variable. A node is its parent's
/// tableau with one more bound (`x ≤ ⌊v⌋` or `x ≥ ⌈v⌉`) as a row; the dual simplex makes it
/// feasible again in a few pivots instead of solving the program anew. At every node the vertex
/// rounded to whole numbers is tried against the original program first: most programs of the
/// audit have an integer point next to their vertices, and one found ends the search.
extension Simplex {
    /// What the search found.
    enum Ganzzahlig {
        /// An integer point (every variable of the program, whole numbers where asked).
        case punkt([ExakteZahl])
        /// None exists.
        case keiner
        /// Not decided within the node limit.
        case unentschieden
    }

    /// Whether an integer point exists: a feasible point of `lp` whose variables in `ganz` are
    /// whole numbers. `wurzel`: a feasible tableau of `lp` to start from (else `lp` is solved
    /// first). Undecided after `hoechsteKnoten` nodes (the audit then counts the value as given
    /// away: more is withheld, never less).
    static func ganzzahligLoesbar(
        _ lp: LinearesProgramm, ganz: Set<Int>, wurzel start: Simplex? = nil, hoechsteKnoten: Int = 50
    ) -> Ganzzahlig {
        Pruefzaehler.zaehle("ganzzahlige Prüfungen")
        guard let wurzel = start ?? (try? Simplex(lp)) else { return .keiner }
        let reihenfolge = ganz.sorted()
        var stapel = [wurzel]
        var knoten = 0
        while var s = stapel.popLast() {
            knoten += 1
            Pruefzaehler.zaehle("ganzzahlige Knoten")
            if knoten > hoechsteKnoten { return .unentschieden }
            let x = s.loesung()
            // A fractional expression (a numerator, a denominator) first, then a fractional variable.
            var zweig: [Int: Bruch]?, wert = ExakteZahl.null
            var kleinsterAbstand = ExakteZahl.null
            for e in lp.ausdruecke {
                var w = ExakteZahl.null
                for (v, a) in e { w = w + ExakteZahl(a) * x[v] }
                guard !w.istGanz else { continue }
                let abstand = abstandVonEinhalb(w)
                if zweig == nil || abstand < kleinsterAbstand { (zweig, wert, kleinsterAbstand) = (e, w, abstand) }
            }
            if zweig == nil {
                for v in reihenfolge where !x[v].istGanz {
                    let abstand = abstandVonEinhalb(x[v])
                    if zweig == nil || abstand < kleinsterAbstand {
                        (zweig, wert, kleinsterAbstand) = ([v: Bruch(1)], x[v], abstand)
                    }
                }
            }
            guard let zweig else {
                Pruefzaehler.hoechstens("Knoten bis zum ganzzahligen Punkt (größte Zahl)", knoten)
                Pruefzaehler.zaehle("Knoten bis zum ganzzahligen Punkt (Summe)", knoten)
                return .punkt(x)
            }
            if let y = gerundetZulaessig(lp, x, ganz) {
                Pruefzaehler.zaehle("ganzzahlig: gerundet gefunden")
                Pruefzaehler.hoechstens("Knoten bis zum ganzzahligen Punkt (größte Zahl)", knoten)
                Pruefzaehler.zaehle("Knoten bis zum ganzzahligen Punkt (Summe)", knoten)
                return .punkt(y)
            }
            var rechts = s
            if rechts.begrenze(zweig, oben: false, ExakteZahl(Bruch(zaehler: wert.abgerundet + 1, nenner: 1) ?? .null))
            {
                stapel.append(rechts)
            }
            if s.begrenze(zweig, oben: true, ExakteZahl(Bruch(zaehler: wert.abgerundet, nenner: 1) ?? .null)) {
                stapel.append(s)
            }
        }
        return .keiner
    }

    /// |frac(v) − ½|, the distance of v's fractional part from one half.
    private static func abstandVonEinhalb(_ v: ExakteZahl) -> ExakteZahl {
        let ganz = ExakteZahl(Bruch(zaehler: v.abgerundet, nenner: 1) ?? .null)
        let d = v - ganz - ExakteZahl(Bruch(zaehler: 1, nenner: 2) ?? .null)
        return d.istNegativ ? -d : d
    }

    /// `x` with its variables in `ganz` rounded to the nearest whole number, when that point
    /// satisfies every constraint and bound of `lp` (checked exactly); nil otherwise.
    static func gerundetZulaessig(_ lp: LinearesProgramm, _ x: [ExakteZahl], _ ganz: Set<Int>) -> [ExakteZahl]? {
        let halb = ExakteZahl(Bruch(zaehler: 1, nenner: 2) ?? .null)
        var y = x
        for v in ganz { y[v] = ExakteZahl(Bruch(zaehler: (x[v] + halb).abgerundet, nenner: 1) ?? .null) }
        for v in y.indices {
            if let u = lp.unten[v], y[v] < ExakteZahl(u) { return nil }
            if let o = lp.oben[v], ExakteZahl(o) < y[v] { return nil }
        }
        for z in lp.zeilen {
            var s = ExakteZahl.null
            for (v, a) in z.koeffizienten { s = s + ExakteZahl(a) * y[v] }
            let r = ExakteZahl(z.rechts)
            switch z.art {
            case .gleich: if s != r { return nil }
            case .hoechstens: if r < s { return nil }
            case .mindestens: if s < r { return nil }
            }
        }
        return y
    }

    /// Adds the bound `Σ a·x ≤ grenze` (`oben`) or `≥ grenze` to a feasible tableau as a row
    /// with a slack column of its own, then restores feasibility by the dual simplex (the
    /// tableau optimises nothing, so every basis is dual feasible; Bland's rule on both sides,
    /// so it cannot cycle). False when no point satisfies the bound.
    mutating func begrenze(_ ausdruck: [Int: Bruch], oben: Bool, _ grenze: ExakteZahl) -> Bool {
        // x_v = verschiebung + vorzeichen·(plus − minus); a fixed variable has no column. The row
        // r·y ≤ b over the columns: for Σ a·x ≤ g, r = a·vorzeichen and b = g − Σ a·verschiebung.
        var zeile = [ExakteZahl](repeating: .null, count: anzahlSpalten + 1)
        var b = oben ? grenze : -grenze
        for (v, a0) in ausdruck {
            let a = oben ? ExakteZahl(a0) : -ExakteZahl(a0)
            let s = spalten[v]
            b = b - a * s.verschiebung
            if let p = s.plus { zeile[p] = zeile[p] + a * s.vorzeichen }
            if let m = s.minus { zeile[m] = zeile[m] - a * s.vorzeichen }
        }
        guard zeile.contains(where: { !$0.istNull }) else { return !b.istNegativ }
        // In terms of the non-basic columns: subtract the rows of the basic ones.
        for (i, bv) in basis.enumerated() where !zeile[bv].istNull {
            let c = zeile[bv]
            for k in 0..<anzahlSpalten where !tabelle[i][k].istNull { zeile[k] = zeile[k] - c * tabelle[i][k] }
            b = b - c * rechts[i]
        }
        let schlupf = anzahlSpalten
        zeile[schlupf] = ExakteZahl(Bruch(1))
        for i in tabelle.indices { tabelle[i].append(.null) }
        tabelle.append(zeile)
        rechts.append(b)
        basis.append(schlupf)
        inBasis.append(true)
        gesperrt.append(false)
        identitaet.append(schlupf)
        zeilenHerkunft.append(nil)
        zeilenVariablen.append([])
        anzahlSpalten += 1
        return dualZulaessig()
    }

    /// The dual simplex without an objective: while a basic variable is negative, pivot its
    /// row on a column with a negative entry (smallest indices first); none: infeasible.
    private mutating func dualZulaessig() -> Bool {
        // A bound on the work: past it the node counts as infeasible, so the attacker counts
        // as having a proof and more is withheld (never less).
        for _ in 0..<Simplex.hoechstePivots {
            var zeile: Int?
            for i in rechts.indices where rechts[i].istNegativ {
                if let z = zeile, basis[z] < basis[i] { continue }
                zeile = i
            }
            guard let r = zeile else { return true }
            guard
                let j = (0..<anzahlSpalten).first(where: { !gesperrt[$0] && !inBasis[$0] && tabelle[r][$0].istNegativ })
            else { return false }
            pivot(zeile: r, spalte: j)
        }
        return false
    }

    /// Pivots one dual simplex may take.
    static let hoechstePivots = 20_000
}
