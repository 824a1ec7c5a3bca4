import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// What a reader who holds every public report (and the public catalogue) can compute.
///
/// Every value a report can show – a Kennzahl for a period and an area, or the numerator or
/// denominator of a ratio – is written as a linear expression over unknown base quantities: the
/// finest cells of each period window (rows of one source split by every filter the catalogue
/// applies there, per area), per-area distinct counts, and values whose formula is not linear.
/// A published value is then a constraint on those unknowns (exact for counts, within its
/// rounding otherwise), and a withheld value's range is what a linear program over them allows.
struct Angreifermodell {
    typealias Zelle = Geheimhaltung.Zelle

    /// An unknown the attacker does not see.
    enum Basis: Hashable, Sendable {
        /// The rows of a finest cell (count of cases, sum of delivered counts, or sum of a field).
        case fein(Fenster, slot: Int, familie: Familie, klasse: Int)
        /// A tally of a window too finely filtered to split: an unknown of its own.
        case zaehlung(Int, Fenster, slot: Int)
        /// A distinct count (persons) per area and for the city.
        case verschieden(Int, Fenster, slot: Int)
        /// A value whose formula is not linear (a ratio, max/min): an unknown of its own.
        case frei(Zelle)
    }

    enum Familie: Hashable, Sendable {
        case faelle, gelieferte
        case summe(Int)
    }

    /// How a withheld value must stay hidden.
    enum Schutzart: Sendable {
        /// A count of cases: an attacker must not prove it below the Mindestfallzahl, nor pin it.
        case anzahl
        /// An amount (euros, hours): an attacker must not narrow it to within 10 % of its value.
        case betrag
        /// A ratio or a non-linear value: protected through its parts.
        case keiner
    }

    /// A linear expression over base unknowns.
    struct Linear: Sendable {
        var terme: [Int: Bruch] = [:]
        var konstante = Bruch.null

        static func konstant(_ b: Bruch) -> Linear { Linear(terme: [:], konstante: b) }
        static func variable(_ i: Int) -> Linear { Linear(terme: [i: Bruch(1)], konstante: .null) }

        /// `self + f·other`; nil on overflow.
        func plus(_ other: Linear, mal f: Bruch = Bruch(1)) -> Linear? {
            var r = self
            for (i, c) in other.terme {
                guard let p = c.mal(f), let s = (r.terme[i] ?? .null).plus(p) else { return nil }
                r.terme[i] = s.istNull ? nil : s
            }
            guard let p = other.konstante.mal(f), let k = r.konstante.plus(p) else { return nil }
            r.konstante = k
            return r
        }

        func mal(_ f: Bruch) -> Linear? { Linear().plus(self, mal: f) }

        /// The expression in a canonical form, to recognise the same quantity.
        struct Signatur: Hashable {
            var variablen: [Int]
            var faktoren: [Bruch]
            var konstante: Bruch
        }

        var signatur: Signatur {
            let v = terme.keys.sorted()
            return Signatur(variablen: v, faktoren: v.map { terme[$0] ?? .null }, konstante: konstante)
        }
    }

    /// A constraint `ausdruck (art) 0` that a published value imposes, with the cells it reveals.
    struct Beziehung: Sendable {
        var ausdruck: Linear
        var art: LinearesProgramm.Art
        var zellen: [Zelle]
        /// Expressions inside it that are whole numbers at every integer point (a ratio's
        /// numerator and denominator): the integer attacker branches on them first.
        var teile: [Linear] = []

        struct Schluessel: Hashable {
            var signatur: Linear.Signatur
            var art: LinearesProgramm.Art
        }

        var schluessel: Schluessel { Schluessel(signatur: ausdruck.signatur, art: art) }
    }

    let katalog: Katalog
    let auswertung: Auswertung
    private let sozialraumAnzahl: Int
    private(set) var basis: [Basis] = []
    private var basisIndex: [Basis: Int] = [:]
    private(set) var nichtnegativ: [Bool] = []
    /// The expression of every cell that has a value.
    private(set) var ausdruck: [Zelle: Linear] = [:]
    private(set) var schutzart: [Zelle: Schutzart] = [:]
    /// Constraints that hold whatever is published (a city's distinct count lies between the
    /// largest area's and the sum of the areas').
    private(set) var feste: [Beziehung] = []
    private(set) var zerlegungen: [Fenster: Zerlegung] = [:]
    /// Ratio values by the signature of their numerator and of their denominator: the ratios a
    /// quantity can enter as a number once it is published.
    private(set) var verhaeltnisseJeTeil: [Linear.Signatur: [Zelle]] = [:]
    /// Values of formulas that are not linear, kept as structure over their linear parts: once a
    /// factor is published, the value is linear in the rest (`Angreifermodell+Bindung`).
    var gestalten: [Zelle: Gestalt] = [:]
    /// Such values by the signature of a factor: the ones to tie again when it is published.
    var bindungenJeTeil: [Linear.Signatur: [Zelle]] = [:]

    /// Builds the expressions of `zellen` and of every cell their formulas refer to.
    init(katalog: Katalog, auswertung: Auswertung, zellen: Set<Zelle>) {
        self.katalog = katalog
        self.auswertung = auswertung
        sozialraumAnzahl = katalog.sozialraeume.count
        // 1. Close over references (a work list: chains of Kennzahlen may be long).
        var alle = Set<Zelle>()
        var offen = Array(zellen)
        while let c = offen.popLast() {
            guard alle.insert(c).inserted else { continue }
            for r in verweise(c) where !alle.contains(r) { offen.append(r) }
        }
        // 2. The windows and the tallies read in each; split each window once.
        var aktiv: [Fenster: Set<Int>] = [:]
        for c in alle {
            for (i, z) in zaehlungen(c) where katalog.zaehlungen[i].art.istAdditiv {
                aktiv[Fenster(katalog.zaehlungen[i], z), default: []].insert(i)
            }
        }
        for (f, liste) in aktiv {
            zerlegungen[f] = Zerlegung.zerlege(katalog, quelle: f.quelle, zaehlungen: liste.sorted())
        }
        // 3. Expressions in dependency order: what a formula refers to comes first.
        var rang = [Int](repeating: Int.max, count: katalog.kennzahlen.count)
        for (r, k) in katalog.reihenfolge.enumerated() { rang[k] = r }
        let geordnet = alle.sorted { a, b in
            if rang[a.kennzahl] != rang[b.kennzahl] { return rang[a.kennzahl] < rang[b.kennzahl] }
            if a.kennzahl != b.kennzahl { return a.kennzahl < b.kennzahl }
            if a.zeitraum != b.zeitraum {
                return (a.zeitraum.von.index, a.zeitraum.bis.index) < (b.zeitraum.von.index, b.zeitraum.bis.index)
            }
            // Areas before the city (a city may be the sum of its areas), parts before the value.
            if a.slot != b.slot { return a.slot < b.slot }
            return a.teil.rawValue > b.teil.rawValue
        }
        for c in geordnet where wahrerWert(c) != nil {
            let e = bilde(c)
            ausdruck[c] = e
            schutzart[c] = art(c, e)
            merkeGestalt(c, e)
        }
        for c in geordnet where c.teil == .wert {
            guard case .verhaeltnis = katalog.kennzahlen[c.kennzahl].formel else { continue }
            for t in [Geheimhaltung.Teil.zaehler, .nenner] {
                if let e = ausdruck[Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: t)] {
                    verhaeltnisseJeTeil[e.signatur, default: []].append(c)
                }
            }
        }
    }

    // MARK: Values

    /// The evaluated value of a cell, nil when it has none (no data, city only, denominator 0).
    func wahrerWert(_ c: Zelle) -> Bruch? {
        let w = auswertung.kennwert(c.kennzahl, c.zeitraum, Gebiet(slot: c.slot, sozialraeume: sozialraumAnzahl))
        switch c.teil {
        case .wert: return w.wert
        case .zaehler: return w.zaehler
        case .nenner: return w.nenner
        case .farbe: return nil
        }
    }

    /// True when the ratio's denominator is 0 (the report shows `–`).
    func nennerNull(_ c: Zelle) -> Bool {
        auswertung.kennwert(c.kennzahl, c.zeitraum, Gebiet(slot: c.slot, sozialraeume: sozialraumAnzahl)).zustand
            == .nennerNull
    }

    // MARK: Building

    private func verweise(_ c: Zelle) -> [Zelle] {
        let kz = katalog.kennzahlen[c.kennzahl]
        var r: [Zelle] = []
        func sammle(_ t: Term) {
            switch t {
            case .kennzahl(let j): r.append(Zelle(kennzahl: j, zeitraum: c.zeitraum, slot: c.slot, teil: .wert))
            case .rechnung(_, let a, let b): sammle(a); sammle(b)
            case .funktion(_, let argumente): argumente.forEach(sammle)
            case .zahl, .anteil, .zaehlung: break
            }
        }
        switch (kz.formel, c.teil) {
        case (_, .farbe): break
        case (.wert(let t), _):
            if kz.gesamtAlsSumme && c.slot == sozialraumAnzahl + 1 {
                r += (0...sozialraumAnzahl).map {
                    Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: $0, teil: .wert)
                }
            } else {
                sammle(t)
            }
        case (.verhaeltnis(let z, _), .zaehler): sammle(z)
        case (.verhaeltnis(_, let nt), .nenner): sammle(nt)
        case (.verhaeltnis, .wert):
            r += [.zaehler, .nenner].map { Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: $0) }
        }
        return r
    }

    private func zaehlungen(_ c: Zelle) -> [(Int, Zeitraum)] {
        var r: [(Int, Zeitraum)] = []
        func sammle(_ t: Term) {
            switch t {
            case .zaehlung(let i): r.append((i, c.zeitraum))
            case .rechnung(_, let a, let b): sammle(a); sammle(b)
            case .funktion(_, let argumente): argumente.forEach(sammle)
            case .zahl, .anteil, .kennzahl: break
            }
        }
        switch (katalog.kennzahlen[c.kennzahl].formel, c.teil) {
        case (_, .farbe): break
        case (.wert(let t), _): sammle(t)
        case (.verhaeltnis(let z, _), .zaehler): sammle(z)
        case (.verhaeltnis(_, let nt), .nenner): sammle(nt)
        case (.verhaeltnis, .wert): break
        }
        return r
    }

    mutating func index(_ b: Basis, nichtnegativ nn: Bool) -> Int {
        if let i = basisIndex[b] { return i }
        basis.append(b)
        nichtnegativ.append(nn)
        basisIndex[b] = basis.count - 1
        return basis.count - 1
    }

    private mutating func bilde(_ c: Zelle) -> Linear {
        let kz = katalog.kennzahlen[c.kennzahl]
        switch (kz.formel, c.teil) {
        case (_, .farbe): return Linear()
        case (.wert(let t), _):
            if kz.gesamtAlsSumme && c.slot == sozialraumAnzahl + 1 {
                var s = Linear()
                for slot in 0...sozialraumAnzahl {
                    guard let e = ausdruck[Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: slot, teil: .wert)],
                        let neu = s.plus(e)
                    else {
                        return .variable(index(.frei(c), nichtnegativ: false))
                    }
                    s = neu
                }
                return s
            }
            return linear(t, c) ?? .variable(index(.frei(c), nichtnegativ: false))
        case (.verhaeltnis(let z, _), .zaehler): return linear(z, c) ?? .variable(index(.frei(c), nichtnegativ: false))
        case (.verhaeltnis(_, let nt), .nenner): return linear(nt, c) ?? .variable(index(.frei(c), nichtnegativ: false))
        case (.verhaeltnis, .wert): return .variable(index(.frei(c), nichtnegativ: false))
        }
    }

    /// A formula part as a linear expression; nil when it is not linear or has no value.
    mutating func linear(_ t: Term, _ c: Zelle) -> Linear? {
        switch t {
        case .zahl(let b): return .konstant(b)
        case .anteil(let a): return .konstant(Auswerter.anteil(a, c.zeitraum))
        case .kennzahl(let j): return ausdruck[Zelle(kennzahl: j, zeitraum: c.zeitraum, slot: c.slot, teil: .wert)]
        case .zaehlung(let i): return zaehlung(i, c.zeitraum, c.slot)
        case .funktion: return nil
        case .rechnung(let op, let a, let b):
            guard let x = linear(a, c), let y = linear(b, c) else { return nil }
            switch op {
            case .plus: return x.plus(y)
            case .minus: return x.plus(y, mal: Bruch(-1))
            case .mal:
                if x.terme.isEmpty { return y.mal(x.konstante) }
                if y.terme.isEmpty { return x.mal(y.konstante) }
                return nil
            case .geteilt:
                guard y.terme.isEmpty, !y.konstante.istNull, let f = Bruch(1).geteilt(durch: y.konstante) else {
                    return nil
                }
                return x.mal(f)
            }
        }
    }

    /// A tally for a period and an area (the city sums the areas and the rows without one).
    /// Population figures are official and public: the attacker knows them, so they are numbers.
    private mutating func zaehlung(_ i: Int, _ z: Zeitraum, _ slot: Int) -> Linear? {
        let zaehlung = katalog.zaehlungen[i]
        if zaehlung.quelle == katalog.einwohnerQuelle, let w = auswertung.einwohner(i, z, slot: slot) {
            return .konstant(w)
        }
        let f = Fenster(zaehlung, z)
        let slots: [Int]
        if case .keine = katalog.quellen[zaehlung.quelle].gebiet {
            guard slot == sozialraumAnzahl + 1 else { return nil }
            slots = [sozialraumAnzahl]
        } else {
            slots = slot == sozialraumAnzahl + 1 ? Array(0...sozialraumAnzahl) : [slot]
        }
        let familie: Familie
        switch zaehlung.art {
        case .verschieden:
            // Persons are not additive: per area and for the city an unknown of its own, the
            // city between the largest area and the sum of the areas.
            let eigen = index(.verschieden(i, f, slot: slot), nichtnegativ: true)
            if slot == sozialraumAnzahl + 1 && slots.count > 1 {
                let teile = slots.map { index(.verschieden(i, f, slot: $0), nichtnegativ: true) }
                var summe = Linear.variable(eigen)
                for t in teile {
                    summe = summe.plus(.variable(t), mal: Bruch(-1)) ?? summe
                    feste.append(
                        Beziehung(
                            ausdruck: Linear(terme: [eigen: Bruch(1), t: Bruch(-1)]), art: .mindestens, zellen: []))
                }
                feste.append(Beziehung(ausdruck: summe, art: .hoechstens, zellen: []))
            }
            return .variable(eigen)
        case .anzahl: familie = .faelle
        case .summe(nil): familie = .gelieferte
        case .summe(let feld?): familie = .summe(feld)
        }
        // Counts cannot be negative; sums of a field can (corrections, credits).
        var nn = true
        if case .summe = familie { nn = false }
        var e = Linear()
        if let zerlegung = zerlegungen[f], zerlegung.zerlegt {
            for s in slots {
                for k in zerlegung.enthaelt[i] ?? [] {
                    e.terme[index(.fein(f, slot: s, familie: familie, klasse: k), nichtnegativ: nn)] = Bruch(1)
                }
            }
        } else {
            for s in slots { e.terme[index(.zaehlung(i, f, slot: s), nichtnegativ: nn)] = Bruch(1) }
        }
        return e
    }

    /// How a cell must be protected: counts (integer sums of counts) and amounts; ratios and
    /// non-linear values through their parts.
    private func art(_ c: Zelle, _ e: Linear) -> Schutzart {
        let kz = katalog.kennzahlen[c.kennzahl]
        if case .verhaeltnis = kz.formel, c.teil == .wert { return .keiner }
        var betrag = false
        for (i, k) in e.terme {
            switch basis[i] {
            case .frei: return .keiner
            case .fein(_, _, .summe, _): betrag = true
            case .zaehlung(let z, _, _):
                if case .summe(_?) = katalog.zaehlungen[z].art { betrag = true }
            case .fein, .verschieden: break
            }
            if k.nenner != 1 { betrag = true }
        }
        if c.teil == .wert {
            switch kz.einheit {
            case .euro, .benannt: betrag = true
            case .anzahl, .prozent, .je: break
            }
        }
        if e.terme.isEmpty { return .keiner }
        return betrag ? .betrag : .anzahl
    }

    /// The constraint a published value (not a ratio) imposes: exact for a count, within its
    /// rounding otherwise.
    func veroeffentlicht(_ c: Zelle) -> [Beziehung] {
        let kz = katalog.kennzahlen[c.kennzahl]
        guard let e = ausdruck[c], let w = wahrerWert(c) else { return [] }
        let dezimalen = c.teil == .wert ? kz.dezimalen : (w.nenner == 1 ? 0 : 2)
        // A count is an integer: shown without decimals it is known exactly.
        if schutzart[c] == .anzahl && w.nenner == 1 {
            guard let d = e.plus(.konstant(w), mal: Bruch(-1)) else { return [] }
            return [Beziehung(ausdruck: d, art: .gleich, zellen: [c])]
        }
        let (lo, hi) = Angreifermodell.rundung(w, dezimalen)
        guard let a = e.plus(.konstant(lo), mal: Bruch(-1)), let b = e.plus(.konstant(hi), mal: Bruch(-1)) else {
            return []
        }
        return [
            Beziehung(ausdruck: a, art: .mindestens, zellen: [c], teile: [e]),
            Beziehung(ausdruck: b, art: .hoechstens, zellen: [c], teile: [e]),
        ]
    }

    /// A published ratio `v = f · z / n`, rounded: `f·z − v_hoch·n ≤ 0 ≤ f·z − v_tief·n` for
    /// n > 0; a `–` says n = 0. A numerator or denominator published exactly elsewhere (`bekannt`)
    /// enters as the number – that keeps a rate's population out of the system. Returns the
    /// constraints and the known quantities used.
    func verhaeltnis(_ c: Zelle, bekannt: [Linear.Signatur: Bruch]) -> ([Beziehung], [Linear.Signatur]) {
        let kz = katalog.kennzahlen[c.kennzahl]
        let zz = Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .zaehler)
        let nz = Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .nenner)
        guard var en = ausdruck[nz] else { return ([], []) }
        var genutzt: [Linear.Signatur] = []
        if let n = bekannt[en.signatur] {
            genutzt.append(en.signatur)
            en = .konstant(n)
        }
        if nennerNull(c) { return ([Beziehung(ausdruck: en, art: .gleich, zellen: [c])], genutzt) }
        guard let w = wahrerWert(c), let nw = wahrerWert(nz), nw > .null, var ez = ausdruck[zz] else {
            return ([], genutzt)
        }
        if let z = bekannt[ez.signatur] {
            genutzt.append(ez.signatur)
            ez = .konstant(z)
        }
        let (lo, hi) = Angreifermodell.rundung(w, kz.dezimalen)
        guard let fz = ez.mal(Auswerter.faktor(kz.einheit)), let minusHoch = Bruch.null.minus(hi),
            let minusTief = Bruch.null.minus(lo),
            let oben = fz.plus(en, mal: minusHoch), let unten = fz.plus(en, mal: minusTief)
        else { return ([], genutzt) }
        return (
            [
                Beziehung(ausdruck: oben, art: .hoechstens, zellen: [c], teile: [ez, en]),
                Beziehung(ausdruck: unten, art: .mindestens, zellen: [c], teile: [ez, en]),
            ], genutzt
        )
    }

    /// A withheld ratio whose denominator N is published exactly: `value · N = f · numerator`.
    func geheimesVerhaeltnis(_ c: Zelle, nenner veroeffentlicht: Bool) -> [Beziehung] {
        let kz = katalog.kennzahlen[c.kennzahl]
        let nz = Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .nenner)
        let zz = Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .zaehler)
        guard veroeffentlicht, let v = ausdruck[c], let nw = wahrerWert(nz), nw.nenner == 1, schutzart[nz] == .anzahl,
            let ze = ausdruck[zz], let links = ze.mal(Auswerter.faktor(kz.einheit)), let minusN = Bruch.null.minus(nw),
            let d = links.plus(v, mal: minusN)
        else { return [] }
        return [Beziehung(ausdruck: d, art: .gleich, zellen: [nz])]
    }

    /// The interval a value shown with `dezimalen` places stands for.
    static func rundung(_ w: Bruch, _ dezimalen: Int) -> (Bruch, Bruch) {
        let (negativ, ziffern) = w.gerundet(dezimalen: dezimalen)
        var zehn: Int128 = 1
        for _ in 0..<dezimalen { zehn *= 10 }
        let r = Bruch(zaehler: (Int128(ziffern) ?? 0) * (negativ ? -1 : 1), nenner: zehn) ?? w
        let halb = Bruch(zaehler: 1, nenner: 2 * zehn) ?? .null
        return (r.minus(halb) ?? w, r.plus(halb) ?? w)
    }
}

extension Zaehlung.Art {
    /// Counts and sums add up over the rows of a window; distinct counts do not.
    var istAdditiv: Bool {
        if case .verschieden = self { return false }
        return true
    }
}

extension Geheimhaltung.Zelle: Comparable {
    static func < (a: Self, b: Self) -> Bool {
        (a.kennzahl, a.zeitraum.von.index, a.zeitraum.bis.index, a.slot, a.teil.rawValue)
            < (b.kennzahl, b.zeitraum.von.index, b.zeitraum.bis.index, b.slot, b.teil.rawValue)
    }
}
