import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// Products and quotients whose other factor is published: `wert A * 100 / N` is an unknown of
/// its own while N is unknown, but once N is published exactly (N = 35), the value is linear in
/// A (`Q = 100/35 · A`), and a published Q pins A. The model keeps such a formula's structure and
/// ties the value to its linear parts whenever the published values make it linear.
extension Angreifermodell {
    /// A formula over its linear parts.
    indirect enum Gestalt: Sendable {
        case linear(Linear)
        /// `a + f·b`
        case summe(Gestalt, Gestalt, Bruch)
        case mal(Gestalt, Gestalt)
        case geteilt(Gestalt, Gestalt)
        /// A function (max, min) or a value without an expression: never linear.
        case unbekannt
    }

    /// Keeps the structure of a value whose formula is not linear (its expression is an unknown
    /// of its own), and which linear parts are factors of it.
    mutating func merkeGestalt(_ c: Zelle, _ e: Linear) {
        guard c.teil == .wert, case .wert(let t) = katalog.kennzahlen[c.kennzahl].formel,
            !(katalog.kennzahlen[c.kennzahl].gesamtAlsSumme && c.slot == katalog.sozialraeume.count + 1),
            e.terme.count == 1, let v = e.terme.keys.first, case .frei(c) = basis[v]
        else { return }
        let g = gestalt(t, c)
        guard case .linear = g else {
            gestalten[c] = g
            var faktoren: [Linear.Signatur] = []
            Angreifermodell.faktoren(g, &faktoren)
            for s in Set(faktoren) { bindungenJeTeil[s, default: []].append(c) }
            return
        }
    }

    private mutating func gestalt(_ t: Term, _ c: Zelle) -> Gestalt {
        if let l = linear(t, c) { return .linear(l) }
        switch t {
        case .rechnung(let op, let a, let b):
            let x = gestalt(a, c), y = gestalt(b, c)
            switch op {
            case .plus: return .summe(x, y, Bruch(1))
            case .minus: return .summe(x, y, Bruch(-1))
            case .mal: return .mal(x, y)
            case .geteilt: return .geteilt(x, y)
            }
        case .kennzahl(let j):
            // A value that is itself an unknown of its own: linear in that unknown.
            let r = Zelle(kennzahl: j, zeitraum: c.zeitraum, slot: c.slot, teil: .wert)
            return ausdruck[r].map { .linear($0) } ?? .unbekannt
        case .zahl, .anteil, .zaehlung, .funktion: return .unbekannt
        }
    }

    /// The linear parts that are factors (of a product or a divisor).
    private static func faktoren(_ g: Gestalt, _ liste: inout [Linear.Signatur]) {
        switch g {
        case .linear, .unbekannt: break
        case .summe(let a, let b, _):
            faktoren(a, &liste)
            faktoren(b, &liste)
        case .mal(let a, let b), .geteilt(let a, let b):
            for x in [a, b] {
                if case .linear(let l) = x, !l.terme.isEmpty { liste.append(l.signatur) }
                faktoren(x, &liste)
            }
        }
    }

    /// The tie `value = linear form` when the published quantities (`bekannt`, by signature)
    /// make the formula linear, and the quantities it used; nil otherwise.
    func bindung(_ c: Zelle, bekannt: [Linear.Signatur: Bruch]) -> (Beziehung, [Linear.Signatur])? {
        guard let g = gestalten[c], let v = ausdruck[c] else { return nil }
        var genutzt: [Linear.Signatur] = []
        func werte(_ g: Gestalt) -> Linear? {
            switch g {
            case .unbekannt: return nil
            case .linear(let l):
                if !l.terme.isEmpty, let b = bekannt[l.signatur] {
                    genutzt.append(l.signatur)
                    return .konstant(b)
                }
                return l
            case .summe(let a, let b, let f):
                guard let x = werte(a), let y = werte(b) else { return nil }
                return x.plus(y, mal: f)
            case .mal(let a, let b):
                guard let x = werte(a), let y = werte(b) else { return nil }
                if x.terme.isEmpty { return y.mal(x.konstante) }
                if y.terme.isEmpty { return x.mal(y.konstante) }
                return nil
            case .geteilt(let a, let b):
                guard let x = werte(a), let y = werte(b), y.terme.isEmpty, !y.konstante.istNull,
                    let f = Bruch(1).geteilt(durch: y.konstante)
                else { return nil }
                return x.mal(f)
            }
        }
        guard let l = werte(g), let d = v.plus(l, mal: Bruch(-1)) else { return nil }
        return (Beziehung(ausdruck: d, art: .gleich, zellen: [c]), genutzt)
    }
}
