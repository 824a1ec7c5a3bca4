import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

extension Angreifermodell {
    /// What a condition measures, as a form over the light's cells: measured = vorzeichen ·
    /// faktor · differenz, faktor = 100 / |bezug| (a withheld cell) or 100 / |bezugKonstante|
    /// for relative measures, else 1; with the pieces the true values lie on (which side of the
    /// Zielwert, the sign of a difference whose magnitude is measured).
    struct Messform {
        var differenz: Zellform
        var eingaben: [Zelle]
        var bezug: Zelle?
        var bezugKonstante: Bruch?
        var vorzeichen: Bruch
        var stuecke: [(Zellform, Lage)]
    }

    /// The measure of a condition for one period of a light's series; nil when the condition
    /// cannot be measured (a value missing, the comparison absent).
    func messform(
        _ b: AmpelBedingung, _ kz: Kennzahl, _ licht: Zelle,
        _ e: (zeitraum: Zeitraum, vorquartal: Zeitraum?, vorjahr: Zeitraum), _ gezeigt: (Zelle) -> Bool
    ) -> Messform? {
        let n = katalog.sozialraeume.count
        func zelle(_ z: Zeitraum, _ slot: Int = licht.slot, _ t: Geheimhaltung.Teil = .wert) -> Zelle {
            Zelle(kennzahl: licht.kennzahl, zeitraum: z, slot: slot, teil: t)
        }
        func form(_ c: Zelle) -> Zellform? {
            gezeigt(c) ? gezeigterWert(c).map(Zellform.konstant) : .zelle(c)
        }
        let a = zelle(e.zeitraum)
        var stuecke: [(Zellform, Lage)] = []
        var differenz: Zellform
        var eingaben: [Zelle]
        var bezug: Zelle?, bezugKonstante: Bruch?
        var vorzeichen = Bruch(1)
        func richtungsvorzeichen(_ x: Zellform, wahr: Bruch) -> Bruch {
            switch kz.richtung {
            case .hoeherBesser: return Bruch(-1)
            case .niedrigerBesser: return Bruch(1)
            case .abweichung:
                // |x|: the attacker learns the sign.
                let s = wahr.istNegativ ? Bruch(-1) : Bruch(1)
                if let f = x.mal(s) { stuecke.append((f, .mindestens)) }
                return s
            }
        }
        switch b.groesse {
        case .wert:
            eingaben = [a]
            guard let f = form(a) else { return nil }
            differenz = f
        case .zaehler, .nenner:
            let c = zelle(e.zeitraum, licht.slot, b.groesse == .zaehler ? .zaehler : .nenner)
            eingaben = [c]
            guard let f = form(c) else { return nil }
            differenz = f
        case .abstandZumZielwert:
            eingaben = [a]
            guard let f = form(a), let v = sichtwert(a, gezeigt),
                let (d, teile, g) = Angreifermodell.abstand(kz.zielwert, f, v)
            else { return nil }
            (differenz, bezugKonstante) = (d, b.relativ ? g : nil)
            stuecke += teile
        case .abweichungGesamtstadt:
            let s = zelle(e.zeitraum, n + 1)
            eingaben = [a, s]
            guard licht.slot != n + 1, let fa = form(a), let fs = form(s), let va = sichtwert(a, gezeigt),
                let vs = sichtwert(s, gezeigt), let dWahr = va.minus(vs)
            else { return nil }
            differenz = fa.plus(fs, mal: Bruch(-1)) ?? fa
            if b.relativ { bezug = s }
            vorzeichen = richtungsvorzeichen(differenz, wahr: dWahr)
        case .veraenderung(let bz), .anstieg(let bz), .rueckgang(let bz), .verschlechterung(let bz):
            guard let zp = bz == .vorquartal ? e.vorquartal : e.vorjahr else { return nil }
            let p = zelle(zp)
            eingaben = [a, p]
            guard let fa = form(a), let fp = form(p), let va = sichtwert(a, gezeigt), let vp = sichtwert(p, gezeigt),
                let dWahr = va.minus(vp)
            else { return nil }
            differenz = fa.plus(fp, mal: Bruch(-1)) ?? fa
            if b.relativ { bezug = p }
            switch b.groesse {
            case .anstieg: vorzeichen = Bruch(1)
            case .rueckgang: vorzeichen = Bruch(-1)
            case .veraenderung:
                vorzeichen = dWahr.istNegativ ? Bruch(-1) : Bruch(1)
                if let f = differenz.mal(vorzeichen) { stuecke.append((f, .mindestens)) }
            default: vorzeichen = richtungsvorzeichen(differenz, wahr: dWahr)
            }
        }
        return Messform(
            differenz: differenz, eingaben: eingaben, bezug: bezug, bezugKonstante: bezugKonstante,
            vorzeichen: vorzeichen, stuecke: stuecke)
    }

    /// The distance to a Zielwert on the piece the value lies on: the difference, the pieces
    /// (which side), and the target it is measured from (for relative measures).
    static func abstand(_ ziel: Zielwert?, _ fa: Zellform, _ v: Bruch) -> (Zellform, [(Zellform, Lage)], Bruch)? {
        guard let ziel else { return nil }
        let minus = fa.mal(Bruch(-1)) ?? fa
        func ab(_ g: Bruch) -> Zellform { fa.plus(.konstant(g), mal: Bruch(-1)) ?? fa }
        switch ziel {
        case .mindestens(let g):
            if v < g { return (Zellform.konstant(g).plus(minus) ?? fa, [(ab(g), .kleiner)], g) }
            return (.konstant(.null), [(ab(g), .mindestens)], g)
        case .hoechstens(let g):
            if v > g { return (ab(g), [(ab(g), .groesser)], g) }
            return (.konstant(.null), [(ab(g), .hoechstens)], g)
        case .zwischen(let x, let y):
            if v < x { return (Zellform.konstant(x).plus(minus) ?? fa, [(ab(x), .kleiner)], x) }
            if v > y { return (ab(y), [(ab(y), .groesser)], y) }
            return (.konstant(.null), [(ab(x), .mindestens), (ab(y), .hoechstens)], y)
        }
    }
}
