import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// What a shown Ampel light tells an attacker, as linear constraints.
///
/// A public set switches its lights on the values as it shows them: a published value as
/// rounded, a withheld one (or one never shown) as it is. A condition over published values only
/// is a function of numbers the attacker has anyway. A condition that reads a withheld value is
/// an inequality on it – "rot wenn anstieg zum vorquartal ueber 20 %" with Vorquartal 22 shown
/// and the light red says the withheld value is above 26.4. The model gives the attacker the
/// truth of every such condition in every period of the light's series (the colour, the colours
/// of the history and the reason are functions of them), and the piece of the measure it lies on
/// (which side of the Zielwert, the sign of a change): more than the colour says, never less.
/// Each modelled condition reads one withheld value, so it bounds that value alone; a light
/// with a condition over two withheld values (a change between two withheld quarters, a
/// withheld area against a withheld city value) is not shown.
extension Angreifermodell {
    /// A linear form over cells (published ones already replaced by their shown numbers).
    struct Zellform {
        var terme: [Zelle: Bruch] = [:]
        var konstante = Bruch.null

        static func konstant(_ b: Bruch) -> Zellform { Zellform(terme: [:], konstante: b) }
        static func zelle(_ c: Zelle) -> Zellform { Zellform(terme: [c: Bruch(1)], konstante: .null) }

        /// `self + f·other`; nil on overflow.
        func plus(_ other: Zellform, mal f: Bruch = Bruch(1)) -> Zellform? {
            var r = self
            for (c, a) in other.terme {
                guard let p = a.mal(f), let s = (r.terme[c] ?? .null).plus(p) else { return nil }
                r.terme[c] = s.istNull ? nil : s
            }
            guard let p = other.konstante.mal(f), let k = r.konstante.plus(p) else { return nil }
            r.konstante = k
            return r
        }

        func mal(_ f: Bruch) -> Zellform? { Zellform().plus(self, mal: f) }
    }

    /// A comparison of a form with 0.
    enum Lage { case kleiner, hoechstens, gleich, mindestens, groesser }

    /// The lights a set for `periode` shows: per Kennzahl with Ampel rules, the city and every
    /// Sozialraum, at the Kennzahl's current period (`teil` = `.farbe`).
    static func lichter(_ katalog: Katalog, _ periode: Berichtsperiode) -> Set<Zelle> {
        let n = katalog.sozialraeume.count
        var lichter = Set<Zelle>()
        for (k, kz) in katalog.kennzahlen.enumerated() where !kz.ampel.isEmpty {
            let z = Zeitplan(rhythmus: kz.rhythmus, periode: periode).aktuell
            for slot in Array(0..<n) + [n + 1] {
                lichter.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .farbe))
            }
        }
        return lichter
    }

    /// The series a light is switched on (its plan rebuilt from its period: a single quarter is
    /// a quarterly value in a quarterly report, anything else a year up to its last quarter).
    static func reihe(_ licht: Zelle) -> [(zeitraum: Zeitraum, vorquartal: Zeitraum?, vorjahr: Zeitraum)] {
        let z = licht.zeitraum
        return Zeitplan(rhythmus: z.von == z.bis ? .quartal : .jahr, periode: .quartal(z.bis)).ampelreihe
    }

    /// Every cell a light reads: per period of its series the value, numerator and denominator,
    /// the comparison values and the city's value.
    func eingaben(_ licht: Zelle) -> [Zelle] {
        Angreifermodell.eingaben(licht, sozialraeume: katalog.sozialraeume.count)
    }

    static func eingaben(_ licht: Zelle, sozialraeume n: Int) -> [Zelle] {
        var r: [Zelle] = []
        func zelle(_ z: Zeitraum, _ slot: Int, _ teil: Geheimhaltung.Teil) -> Zelle {
            Zelle(kennzahl: licht.kennzahl, zeitraum: z, slot: slot, teil: teil)
        }
        for e in reihe(licht) {
            r += [zelle(e.zeitraum, licht.slot, .wert), zelle(e.vorjahr, licht.slot, .wert)]
            r += [zelle(e.zeitraum, licht.slot, .zaehler), zelle(e.zeitraum, licht.slot, .nenner)]
            if let vq = e.vorquartal { r.append(zelle(vq, licht.slot, .wert)) }
            if licht.slot != n + 1 { r.append(zelle(e.zeitraum, n + 1, .wert)) }
        }
        return r
    }

    /// A number as a public set shows it: rounded to the places it is printed with (a value to
    /// its Kennzahl's, a numerator or denominator whole or to two places).
    func gezeigterWert(_ c: Zelle) -> Bruch? {
        guard let w = wahrerWert(c) else { return nil }
        return Angreifermodell.gezeigt(w, katalog.kennzahlen[c.kennzahl], c.teil)
    }

    /// The rounding of public sets, for one number of a Kennzahl (see `Geheimhaltung.gerundet`).
    static func gezeigt(_ w: Bruch, _ kz: Kennzahl, _ teil: Geheimhaltung.Teil) -> Bruch {
        Geheimhaltung.gerundet(w, kz, teil)
    }

    /// The value a light sees for a cell: shown numbers as shown, others as they are.
    func sichtwert(_ c: Zelle, _ gezeigt: (Zelle) -> Bool) -> Bruch? {
        gezeigt(c) ? gezeigterWert(c) : wahrerWert(c)
    }

    /// A whole value (value, numerator, denominator) as a light sees it.
    func sichtKennwert(_ k: Int, _ z: Zeitraum, _ slot: Int, _ gezeigt: (Zelle) -> Bool) -> Kennwert {
        var w = auswertung.kennwert(k, z, Gebiet(slot: slot, sozialraeume: katalog.sozialraeume.count))
        func zelle(_ t: Geheimhaltung.Teil) -> Zelle { Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: t) }
        if case .wert = w.zustand, let v = sichtwert(zelle(.wert), gezeigt) { w.zustand = .wert(v) }
        if w.zaehler != nil { w.zaehler = sichtwert(zelle(.zaehler), gezeigt) }
        if w.nenner != nil { w.nenner = sichtwert(zelle(.nenner), gezeigt) }
        return w
    }

    /// The constraints a shown light imposes given which cells are shown; nil when one of its
    /// conditions is not linear in the unknowns (the light cannot be shown).
    func farbe(_ licht: Zelle, _ gezeigt: (Zelle) -> Bool) -> [Beziehung]? {
        let kz = katalog.kennzahlen[licht.kennzahl]
        let n = katalog.sozialraeume.count
        let bedingungen = kz.ampel.flatMap(\.bedingungen) + kz.entwarnung
        var liste: [Beziehung] = []
        var gesehen = Set<Beziehung.Schluessel>()
        for e in Angreifermodell.reihe(licht) {
            let werte = Ampelwerte(
                aktuell: sichtKennwert(licht.kennzahl, e.zeitraum, licht.slot, gezeigt),
                vorquartal: e.vorquartal.map { sichtKennwert(licht.kennzahl, $0, licht.slot, gezeigt) },
                vorjahr: sichtKennwert(licht.kennzahl, e.vorjahr, licht.slot, gezeigt),
                gesamtstadt: licht.slot == n + 1 ? nil : sichtKennwert(licht.kennzahl, e.zeitraum, n + 1, gezeigt))
            for b in bedingungen {
                guard let gilt = Ampelschaltung.gilt(b, kz, werte),
                    let gemessen = Ampelschaltung.messwert(b, kz, werte)
                else { continue }
                guard let formen = bedingung(b, kz, licht, e, gilt: gilt, gemessen: gemessen, gezeigt) else {
                    return nil
                }
                for (f, lage) in formen {
                    guard let beziehungen = beziehung(f, lage, licht) else { return nil }
                    for x in beziehungen where gesehen.insert(x.schluessel).inserted { liste.append(x) }
                }
            }
        }
        return liste
    }

    /// One condition in one period as forms (its piece and its truth); empty when it reads only
    /// shown values; nil when not linear.
    private func bedingung(
        _ b: AmpelBedingung, _ kz: Kennzahl, _ licht: Zelle,
        _ e: (zeitraum: Zeitraum, vorquartal: Zeitraum?, vorjahr: Zeitraum), gilt: Bool, gemessen: Bruch,
        _ gezeigt: (Zelle) -> Bool
    ) -> [(Zellform, Lage)]? {
        guard var m = messform(b, kz, licht, e, gezeigt) else { return [] }
        // Only shown values: the attacker computes the condition himself. Two withheld values
        // in one condition (a change between two withheld values) would tie periods or areas
        // together in the attacker's system: such a light is not shown.
        let offen = m.eingaben.filter { !gezeigt($0) }
        if offen.isEmpty { return [] }
        if offen.count > 1 { return nil }
        // The condition `measured (vergleich) schwelle` as it holds (negated when it does not).
        let lage = Angreifermodell.lage(b.vergleich, gilt: gilt, gemessen: gemessen, schwelle: b.schwelle)
        guard let gerichtet = m.differenz.mal(m.vorzeichen) else { return nil }
        if let bz = m.bezug {
            // faktor = 100 / |q|: multiply by |q| = s·q > 0 (the attacker learns the sign of q).
            let fq = gezeigt(bz) ? gezeigterWert(bz).map(Zellform.konstant) : .zelle(bz)
            guard let fq, let vq = sichtwert(bz, gezeigt), !vq.istNull else { return [] }
            let s = vq.istNegativ ? Bruch(-1) : Bruch(1)
            guard let links = gerichtet.mal(Bruch(100)), let t = b.schwelle.mal(s),
                let f = links.plus(fq, mal: Bruch.null.minus(t) ?? .null), let betrag = fq.mal(s)
            else { return nil }
            m.stuecke.append((betrag, .groesser))
            m.stuecke.append((f, lage))
        } else {
            var faktor = Bruch(1)
            if let g = m.bezugKonstante {
                guard !g.istNull, let f = Bruch(100).geteilt(durch: g.betrag) else { return [] }
                faktor = f
            }
            guard let x = gerichtet.mal(faktor), let f = x.plus(.konstant(b.schwelle), mal: Bruch(-1)) else {
                return nil
            }
            m.stuecke.append((f, lage))
        }
        return m.stuecke.filter { !$0.0.terme.isEmpty }
    }

    /// The comparison that holds: `vergleich` itself, or its negation; "≠" (or a false "=") by
    /// the side the measured value lies on.
    static func lage(_ v: Vergleich, gilt: Bool, gemessen: Bruch, schwelle: Bruch) -> Lage {
        let seite: Lage = gemessen < schwelle ? .kleiner : .groesser
        switch (v, gilt) {
        case (.kleiner, true), (.groesserGleich, false): return .kleiner
        case (.kleinerGleich, true), (.groesser, false): return .hoechstens
        case (.groesser, true), (.kleinerGleich, false): return .groesser
        case (.groesserGleich, true), (.kleiner, false): return .mindestens
        case (.gleich, true), (.ungleich, false): return .gleich
        case (.ungleich, true), (.gleich, false): return seite
        }
    }

    /// A form over cells as constraints over the unknowns. A withheld ratio enters through its
    /// numerator and denominator (`v = f·z/n`, the form multiplied by n > 0); two ratios in one
    /// form are not linear (nil). Strict comparisons of whole-number expressions are tightened
    /// (`x > 26,4` → `x ≥ 27`); others are closed (the same bounds).
    func beziehung(_ f: Zellform, _ lage: Lage, _ licht: Zelle) -> [Beziehung]? {
        var e = Linear.konstant(f.konstante)
        var extra: [(Linear, Lage)] = []
        let verhaeltnisse = f.terme.keys.filter { c in
            if case .verhaeltnis = katalog.kennzahlen[c.kennzahl].formel { return c.teil == .wert }
            return false
        }
        if verhaeltnisse.isEmpty {
            for (c, a) in f.terme {
                guard let x = ausdruck[c], let s = e.plus(x, mal: a) else { return nil }
                e = s
            }
        } else {
            guard verhaeltnisse.count == 1, f.terme.count == 1, let v = verhaeltnisse.first, let a = f.terme[v]
            else { return nil }
            let zc = Zelle(kennzahl: v.kennzahl, zeitraum: v.zeitraum, slot: v.slot, teil: .zaehler)
            let nc = Zelle(kennzahl: v.kennzahl, zeitraum: v.zeitraum, slot: v.slot, teil: .nenner)
            guard let z = ausdruck[zc], let nn = ausdruck[nc], let nw = wahrerWert(nc), !nw.istNull else { return nil }
            // a·f·z/n + K (lage) 0  ⇔  s·(a·f·z + K·n) (lage) 0 with s·n > 0.
            let s = nw.istNegativ ? Bruch(-1) : Bruch(1)
            guard let af = a.mal(Auswerter.faktor(katalog.kennzahlen[v.kennzahl].einheit)), let afs = af.mal(s),
                let ks = f.konstante.mal(s), let t1 = Linear().plus(z, mal: afs), let t2 = t1.plus(nn, mal: ks),
                let positiv = nn.mal(s)
            else { return nil }
            e = t2
            extra.append((positiv, .groesser))
        }
        var liste: [Beziehung] = []
        for (x, l) in [(e, lage)] + extra {
            guard let b = schaerfe(x, l, licht) else { return nil }
            if let b { liste.append(b) }
        }
        return liste
    }

    /// `e (lage) 0` as a constraint; strict comparisons of integer expressions tightened. The
    /// inner nil: nothing left to say (a constant).
    private func schaerfe(_ e: Linear, _ lage: Lage, _ licht: Zelle) -> Beziehung?? {
        if e.terme.isEmpty { return .some(nil) }
        func beziehung(_ x: Linear, _ art: LinearesProgramm.Art) -> Beziehung {
            Beziehung(ausdruck: x, art: art, zellen: [licht], teile: [x])
        }
        switch lage {
        case .hoechstens: return beziehung(e, .hoechstens)
        case .mindestens: return beziehung(e, .mindestens)
        case .gleich: return beziehung(e, .gleich)
        case .kleiner, .groesser:
            let art: LinearesProgramm.Art = lage == .kleiner ? .hoechstens : .mindestens
            guard e.terme.keys.allSatisfy(ganzzahlig), let g = Angreifermodell.ganzzahlig(e) else {
                return beziehung(e, art)
            }
            // Σ A·x + K with whole A and x: > 0 ⇔ Σ A·x ≥ ⌊−K⌋ + 1;  < 0 ⇔ Σ A·x ≤ ⌈−K⌉ − 1.
            guard let minusK = Bruch.null.minus(g.konstante) else { return beziehung(e, art) }
            let grenze: Int128 = lage == .groesser ? minusK.gerundetAbwaerts + 1 : minusK.gerundetAufwaerts - 1
            guard let k = Bruch(zaehler: -grenze, nenner: 1) else { return beziehung(e, art) }
            var x = g
            x.konstante = k
            return beziehung(x, art)
        }
    }

    /// The expression times the least common multiple of its coefficients' denominators (whole
    /// coefficients, the same sign); nil on overflow.
    static func ganzzahlig(_ e: Linear) -> Linear? {
        var kgv: Int128 = 1
        for a in e.terme.values {
            var x = kgv, y = a.nenner
            while y != 0 { (x, y) = (y, x % y) }
            let (p, ueber) = (kgv / x).multipliedReportingOverflow(by: a.nenner)
            guard !ueber else { return nil }
            kgv = p
        }
        guard let m = Bruch(zaehler: kgv, nenner: 1) else { return nil }
        return e.mal(m)
    }

    /// Unknowns that count cases (whole numbers): rows of a finest cell, tallies of cases,
    /// distinct counts. Sums of a field and delivered figures may have decimals.
    func ganzzahlig(_ v: Int) -> Bool {
        switch basis[v] {
        case .fein(_, _, .faelle, _), .verschieden: return true
        case .zaehlung(let i, _, _):
            if case .anzahl = katalog.zaehlungen[i].art { return true }
            return false
        case .fein, .frei: return false
        }
    }
}
