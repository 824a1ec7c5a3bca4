import KennzahlBasis

/// A linear program over exact rationals (`Bruch`): variables that are non-negative or free,
/// rows `Σ a·x (=, ≤, ≥) b`. Solved by the two-phase tableau simplex with Bland's rule (no
/// cycling); every number stays exact, so an interval it reports is the attacker's interval,
/// not an approximation of it.
struct LinearesProgramm: Sendable {
    package enum Art: Sendable { case gleich, hoechstens, mindestens }

    struct Zeile: Sendable {
        var koeffizienten: [Int: Bruch]
        var art: Art
        var rechts: Bruch
        /// Every variable the constraint was written with, also those presolve fixed and took
        /// out (their constraints belong to its proofs).
        var variablen: [Int] = []
    }

    /// Per variable: lower and upper bound (nil: unbounded), and the constraint each came from
    /// (nil for non-negativity).
    var unten: [Bruch?] = []
    var oben: [Bruch?] = []
    var untenHerkunft: [Int?] = []
    var obenHerkunft: [Int?] = []
    var zeilen: [Zeile] = []
    /// Per row: the number of the `bedingung` call it came from.
    var zeilenHerkunft: [Int] = []
    /// Calls of `bedingung` so far.
    private(set) var anzahlBedingungen = 0
    /// Expressions with whole coefficients over whole-number variables (a ratio's numerator and
    /// denominator): branch and bound splits on them before single variables.
    var ausdruecke: [[Int: Bruch]] = []

    /// Whether each variable is non-negative (lower bound 0).
    var nichtnegativ: [Bool] { unten.map { $0 == .null } }

    /// Adds a variable; returns its index.
    mutating func variable(nichtnegativ: Bool) -> Int {
        unten.append(nichtnegativ ? .null : nil)
        oben.append(nil)
        untenHerkunft.append(nil)
        obenHerkunft.append(nil)
        return unten.count - 1
    }

    /// Narrows a variable's bounds; `herkunft`: the constraint that says so.
    mutating func schranke(_ v: Int, unten u: Bruch? = nil, oben o: Bruch? = nil, herkunft: Int? = nil) {
        if let u, unten[v].map({ $0 < u }) ?? true {
            unten[v] = u
            untenHerkunft[v] = herkunft
        }
        if let o, oben[v].map({ o < $0 }) ?? true {
            oben[v] = o
            obenHerkunft[v] = herkunft
        }
    }

    /// A constraint; one with a single variable becomes a bound of it.
    mutating func bedingung(_ koeffizienten: [Int: Bruch], _ art: Art, _ rechts: Bruch) {
        let nummer = anzahlBedingungen
        anzahlBedingungen += 1
        let k = koeffizienten.filter { !$0.value.istNull }
        if k.count == 1, let (v, a) = k.first, let grenze = rechts.geteilt(durch: a) {
            // a·x (art) r  →  x (art, flipped when a < 0) r/a
            let art2: Art =
                a.istNegativ ? (art == .hoechstens ? .mindestens : art == .mindestens ? .hoechstens : .gleich) : art
            switch art2 {
            case .gleich: schranke(v, unten: grenze, oben: grenze, herkunft: nummer)
            case .hoechstens: schranke(v, oben: grenze, herkunft: nummer)
            case .mindestens: schranke(v, unten: grenze, herkunft: nummer)
            }
            return
        }
        zeilen.append(Zeile(koeffizienten: k, art: art, rechts: rechts, variablen: Array(k.keys)))
        zeilenHerkunft.append(nummer)
    }
}

/// Solves a `LinearesProgramm` once (phase 1), then optimises any number of objectives from the
/// feasible basis it found (phase 2 each), so the lower and upper bound of many cells of the same
/// system cost one phase 1. Arithmetic in `ExakteZahl`: exact whatever the numbers grow to.
struct Simplex {
    package enum Problem: Error, Equatable {
        /// The constraints contradict each other.
        case unzulaessig
    }

    private enum Abbruch: Error {
        case unbeschraenkt
        case unzulaessig
    }

    /// Tableau rows (B⁻¹A) and right-hand sides (B⁻¹b), basis variable per row.
    var tabelle: [[ExakteZahl]] = []
    var rechts: [ExakteZahl] = []
    var basis: [Int] = []
    var inBasis: [Bool] = []
    /// How each program variable is expressed in columns: x = verschiebung + vorzeichen·(plus −
    /// minus); no column for a fixed variable.
    var spalten: [(plus: Int?, minus: Int?, vorzeichen: ExakteZahl, verschiebung: ExakteZahl)] = []
    var anzahlSpalten = 0
    /// Artificial columns of phase 1: never enter again.
    var gesperrt: [Bool] = []
    /// Per tableau row: the column that is 1 in that row only (its slack or artificial), whose
    /// reduced cost at an optimum is the row's dual value; and the constraint the row came from.
    var identitaet: [Int] = []
    var zeilenHerkunft: [Int?] = []
    /// Columns of shifted variables: the constraint of the bound a column at 0 stands for.
    var spaltenHerkunft: [Int: Int] = [:]
    /// Fixed variables: the constraints that fixed them, and their columns in no row.
    var fest: [(variable: Int, herkunft: [Int])] = []
    /// Per tableau row: the program variables in it.
    var zeilenVariablen: [[Int]] = []

    init(_ lp: LinearesProgramm) throws(Problem) {
        for v in lp.unten.indices {
            if let u = lp.unten[v], let o = lp.oben[v], o < u { throw .unzulaessig }
        }
        do {
            try baue(lp)
        } catch {
            // Phase 1 is bounded below by 0: never unbounded.
            throw .unzulaessig
        }
    }

    /// The largest (or smallest) value of `Σ c·x` over the feasible set; nil when unbounded. A
    /// value beyond `Bruch`'s range is rounded toward the inside (a maximum down, a minimum up).
    mutating func optimum(_ ziel: [Int: Bruch], maximieren: Bool) -> Bruch? {
        optimumMitBeweis(ziel, maximieren: maximieren).wert
    }

    /// The maximum of `Σ c·x`, or – as soon as a vertex reaches `genug` – the value of that
    /// vertex (a lower bound of the maximum that is already enough for the caller); nil when
    /// unbounded. The tableau stays at the vertex reached.
    mutating func maximum(_ ziel: [Int: Bruch], genug: Bruch) -> Bruch? {
        optimumMitBeweis(ziel, maximieren: true, genug: genug).wert
    }

    /// The optimum and its proof: the constraints (numbers of `bedingung` calls) with a non-zero
    /// dual value, i.e. whose combination bounds the objective – rows, and bounds a variable sits
    /// at; a fixed variable's constraints whenever it takes part. Loosening one of them can move
    /// the bound; loosening any other cannot.
    mutating func optimumMitBeweis(_ ziel: [Int: Bruch], maximieren: Bool, genug: Bruch? = nil) -> (
        wert: Bruch?, beweis: [Int]
    ) {
        var kosten = [ExakteZahl](repeating: .null, count: anzahlSpalten)
        var konstant = ExakteZahl.null
        for (j, c) in ziel {
            // Minimise −c·x to maximise c·x.
            let k = maximieren ? -ExakteZahl(c) : ExakteZahl(c)
            let s = spalten[j]
            konstant = konstant + k * s.verschiebung
            if let p = s.plus { kosten[p] = k * s.vorzeichen }
            if let m = s.minus { kosten[m] = -(k * s.vorzeichen) }
        }
        do {
            // Minimising −c·x (+ konstant): stop once it is at most −genug.
            let bis = genug.map { -ExakteZahl($0) - konstant }
            let (ergebnis, reduziert) = try minimiere(kosten, bis: maximieren ? bis : nil)
            let w = ergebnis + konstant
            var beweis = Set<Int>()
            var beteiligt = Set(ziel.keys)
            for (zeile, spalte) in identitaet.enumerated() where !reduziert[spalte].istNull {
                if let h = zeilenHerkunft[zeile] { beweis.insert(h) }
                beteiligt.formUnion(zeilenVariablen[zeile])
            }
            for (spalte, h) in spaltenHerkunft where !inBasis[spalte] && !reduziert[spalte].istNull { beweis.insert(h) }
            // A fixed variable is a number in every row it is in: its constraints count wherever
            // such a row (or the objective) does.
            for (v, herkunft) in fest where beteiligt.contains(v) { beweis.formUnion(herkunft) }
            return (maximieren ? (-w).bruch(gerundet: -1) : w.bruch(gerundet: 1), beweis.sorted())
        } catch {
            return (nil, [])
        }
    }

    /// The values of the program's variables at the current basis (a vertex of the feasible set).
    func loesung() -> [ExakteZahl] {
        var spalte = [ExakteZahl](repeating: .null, count: anzahlSpalten)
        for (i, b) in basis.enumerated() { spalte[b] = rechts[i] }
        return spalten.map { s in
            var w = ExakteZahl.null
            if let p = s.plus { w = w + spalte[p] }
            if let m = s.minus { w = w - spalte[m] }
            return s.verschiebung + s.vorzeichen * w
        }
    }

    private mutating func baue(_ lp: LinearesProgramm) throws(Abbruch) {
        let eins = ExakteZahl(Bruch(1))
        var (n, obereZeilen) = spalten(lp)
        let zeilen = try zeilen(lp, obereZeilen)
        // Slack (≤), surplus (≥) and artificial (=, ≥) columns.
        var schlupf: [Int?] = [], kuenstlich: [Int?] = []
        for z in zeilen {
            switch z.art {
            case .hoechstens: schlupf.append(n); n += 1; kuenstlich.append(nil)
            case .mindestens: schlupf.append(n); n += 1; kuenstlich.append(n); n += 1
            case .gleich: schlupf.append(nil); kuenstlich.append(n); n += 1
            }
        }
        identitaet = zeilen.indices.map { i in zeilen[i].art == .hoechstens ? (schlupf[i] ?? 0) : (kuenstlich[i] ?? 0) }
        anzahlSpalten = n
        tabelle = [[ExakteZahl]](repeating: [ExakteZahl](repeating: .null, count: n), count: zeilen.count)
        basis = []
        inBasis = [Bool](repeating: false, count: n)
        gesperrt = [Bool](repeating: false, count: n)
        for (i, z) in zeilen.enumerated() {
            for (k, c) in z.a { tabelle[i][k] = c }
            if let s = schlupf[i] { tabelle[i][s] = z.art == .hoechstens ? eins : -eins }
            if let k = kuenstlich[i] { tabelle[i][k] = eins }
            let b = kuenstlich[i] ?? schlupf[i] ?? 0
            basis.append(b)
            inBasis[b] = true
        }
        rechts = zeilen.map(\.b)
        let kuenstliche = kuenstlich.compactMap { $0 }
        guard !kuenstliche.isEmpty else { return }
        // Phase 1: minimise the sum of the artificial variables.
        var kosten = [ExakteZahl](repeating: .null, count: n)
        for k in kuenstliche { kosten[k] = eins }
        guard try minimiere(kosten).wert.istNull else { throw .unzulaessig }
        for k in kuenstliche { gesperrt[k] = true }
        // Drive artificial variables out of the basis; a row left without any other is redundant.
        var i = 0
        while i < basis.count {
            if gesperrt[basis[i]] {
                if let j = (0..<n).first(where: { !gesperrt[$0] && !tabelle[i][$0].istNull }) {
                    pivot(zeile: i, spalte: j)
                } else {
                    inBasis[basis[i]] = false
                    tabelle.remove(at: i)
                    rechts.remove(at: i)
                    basis.remove(at: i)
                    continue
                }
            }
            i += 1
        }
    }

    /// Bounds become shifts: x = L + x' or x = U − x' with x' ≥ 0; a fixed variable is a number; a
    /// free one two columns; a finite upper bound over a lower one a row x' ≤ U − L (returned).
    private mutating func spalten(_ lp: LinearesProgramm)
        -> (Int, [(spalte: Int, grenze: ExakteZahl, herkunft: Int?)])
    {
        var n = 0
        let eins = ExakteZahl(Bruch(1))
        var obereZeilen: [(spalte: Int, grenze: ExakteZahl, herkunft: Int?)] = []
        for v in lp.unten.indices {
            switch (lp.unten[v], lp.oben[v]) {
            case (let u?, let o?) where u == o:
                spalten.append((nil, nil, eins, ExakteZahl(u)))
                fest.append((v, [lp.untenHerkunft[v], lp.obenHerkunft[v]].compactMap { $0 }))
            case (let u?, let o):
                spalten.append((n, nil, eins, ExakteZahl(u)))
                if let h = lp.untenHerkunft[v] { spaltenHerkunft[n] = h }
                if let o { obereZeilen.append((n, ExakteZahl(o) - ExakteZahl(u), lp.obenHerkunft[v])) }
                n += 1
            case (nil, let o?):
                spalten.append((n, nil, -eins, ExakteZahl(o)))
                if let h = lp.obenHerkunft[v] { spaltenHerkunft[n] = h }
                n += 1
            case (nil, nil):
                spalten.append((n, n + 1, eins, .null))
                n += 2
            }
        }
        return (n, obereZeilen)
    }

    /// The rows over the shifted columns with b ≥ 0 (the sense flipped where b < 0), then the
    /// upper-bound rows; a row of fixed variables only is checked and dropped.
    private mutating func zeilen(
        _ lp: LinearesProgramm, _ obereZeilen: [(spalte: Int, grenze: ExakteZahl, herkunft: Int?)]
    ) throws(Abbruch) -> [(a: [Int: ExakteZahl], art: LinearesProgramm.Art, b: ExakteZahl)] {
        let eins = ExakteZahl(Bruch(1))
        var zeilen: [(a: [Int: ExakteZahl], art: LinearesProgramm.Art, b: ExakteZahl)] = []
        for (r, z) in lp.zeilen.enumerated() {
            var a: [Int: ExakteZahl] = [:]
            var b = ExakteZahl(z.rechts)
            for (j, c0) in z.koeffizienten {
                let c = ExakteZahl(c0), s = spalten[j]
                b = b - c * s.verschiebung
                if let p = s.plus { a[p] = c * s.vorzeichen }
                if let m = s.minus { a[m] = -(c * s.vorzeichen) }
            }
            a = a.filter { !$0.value.istNull }
            if a.isEmpty {
                // A row of fixed variables only: true or a contradiction.
                let gilt: Bool
                switch z.art {
                case .gleich: gilt = b.istNull
                case .hoechstens: gilt = !b.istNegativ
                case .mindestens: gilt = !(ExakteZahl.null < b)
                }
                if !gilt { throw .unzulaessig }
                continue
            }
            let umdrehen = b.istNegativ
            if umdrehen { a = a.mapValues { -$0 } }
            var art = z.art
            if umdrehen && art != .gleich { art = art == .hoechstens ? .mindestens : .hoechstens }
            zeilen.append((a, art, umdrehen ? -b : b))
            zeilenHerkunft.append(lp.zeilenHerkunft[r])
            zeilenVariablen.append(z.variablen)
        }
        for (spalte, grenze, herkunft) in obereZeilen {
            zeilen.append(([spalte: eins], .hoechstens, grenze))
            zeilenHerkunft.append(herkunft)
            zeilenVariablen.append([])
        }
        return zeilen
    }

    /// The reduced cost of a column under `kosten` in the current basis.
    private func reduzierteKosten(_ kosten: [ExakteZahl], _ j: Int) -> ExakteZahl {
        var r = kosten[j]
        for i in tabelle.indices where !tabelle[i][j].istNull && !kosten[basis[i]].istNull {
            r = r - kosten[basis[i]] * tabelle[i][j]
        }
        return r
    }

    /// Minimises `kosten·x` from the current feasible basis (Bland's rule); returns the minimum
    /// and the final reduced costs (zero for basis columns; the duals of the rows' identity
    /// columns). The reduced costs are computed once and then updated with every pivot, like a row.
    private mutating func minimiere(_ kosten: [ExakteZahl], bis: ExakteZahl? = nil) throws(Abbruch) -> (
        wert: ExakteZahl, reduziert: [ExakteZahl]
    ) {
        var reduziert = [ExakteZahl](repeating: .null, count: anzahlSpalten)
        for j in 0..<anzahlSpalten where !inBasis[j] { reduziert[j] = reduzierteKosten(kosten, j) }
        // The objective at the current vertex, kept for stopping early at `bis`.
        var aktuell = ExakteZahl.null
        if bis != nil {
            for i in tabelle.indices where !kosten[basis[i]].istNull {
                aktuell = aktuell + kosten[basis[i]] * rechts[i]
            }
        }
        while true {
            if let bis, !(bis < aktuell) { return (aktuell, reduziert) }
            guard
                let j = (0..<anzahlSpalten).first(where: { !gesperrt[$0] && !inBasis[$0] && reduziert[$0].istNegativ })
            else {
                var wert = ExakteZahl.null
                for i in tabelle.indices where !kosten[basis[i]].istNull { wert = wert + kosten[basis[i]] * rechts[i] }
                return (wert, reduziert)
            }
            // Ratio test; ties broken by the smallest basis variable (Bland).
            var verlassend: Int?
            var bestes = ExakteZahl.null
            for i in tabelle.indices where ExakteZahl.null < tabelle[i][j] {
                let q = rechts[i] / tabelle[i][j]
                if let v = verlassend, !(q < bestes), !(q == bestes && basis[i] < basis[v]) { continue }
                bestes = q
                verlassend = i
            }
            guard let i = verlassend else { throw .unbeschraenkt }
            pivot(zeile: i, spalte: j)
            // The reduced-cost row after the pivot: subtract its entry times the new pivot row.
            let f = reduziert[j]
            if bis != nil { aktuell = aktuell + f * rechts[i] }
            if !f.istNull {
                for k in 0..<anzahlSpalten where !tabelle[i][k].istNull {
                    reduziert[k] = reduziert[k] - f * tabelle[i][k]
                }
            }
        }
    }

    mutating func pivot(zeile r: Int, spalte j: Int) {
        let p = tabelle[r][j]
        for k in 0..<anzahlSpalten where !tabelle[r][k].istNull { tabelle[r][k] = tabelle[r][k] / p }
        rechts[r] = rechts[r] / p
        let pivotzeile = tabelle[r]
        let nichtNull = (0..<anzahlSpalten).filter { !pivotzeile[$0].istNull }
        for i in tabelle.indices where i != r && !tabelle[i][j].istNull {
            let f = tabelle[i][j]
            for k in nichtNull { tabelle[i][k] = tabelle[i][k] - f * pivotzeile[k] }
            rechts[i] = rechts[i] - f * rechts[r]
        }
        inBasis[basis[r]] = false
        basis[r] = j
        inBasis[j] = true
    }
}
