import KennzahlBasis

/// Generates case lists with exact stocks at quarter ends: the building block of the sample sets.
/// Quarter index 0 is `basis` (the stock before the first exported quarter).
struct Bestandsgenerator {
    let basis: Quartal
    /// Index of the last quarter end of a series.
    var letztes = 12
    /// Index at which a series meets its anchor exactly.
    var ankerIndex = 8

    /// A stock series for quarter ends 0…`letztes` around `anker` at index `ankerIndex`.
    func reihe(_ anker: Int, trend: Int, rauschen: Int, _ rng: inout Zufall) -> [Int] {
        (0...letztes).map { q in
            if q == ankerIndex { return anker }
            let faktor = 1000 + trend * (q - ankerIndex) + (rauschen > 0 ? rng.zahl(-rauschen...rauschen) : 0)
            return max(0, (anker * faktor + 500) / 1000)
        }
    }

    /// Ends per quarter (index 1…`letztes`) from a turnover rate, never fewer than the stock falls.
    func enden(_ s: [Int], umschlag: Int, _ rng: inout Zufall) -> [Int] {
        var e = [0]
        for q in 1...letztes {
            let minimum = max(0, s[q - 1] - s[q])
            let gewuenscht = (s[q - 1] * (umschlag + rng.zahl(-umschlag / 4...umschlag / 4)) + 500) / 1000
            e.append(min(s[q - 1], max(minimum, gewuenscht)))
        }
        return e
    }

    /// Ends per quarter for given yearly totals (one per year of four quarters).
    static func endenJeJahr(_ s: [Int], jahre: [Int]) -> [Int] {
        var e = [0]
        for (j, summe) in jahre.enumerated() {
            let qs = (1...4).map { 4 * j + $0 }
            let minimum = qs.map { max(0, s[$0 - 1] - s[$0]) }
            var rest = summe - minimum.reduce(0, +)
            precondition(rest >= 0, "sample generator: yearly ends below the stock decrease")
            var teil = minimum
            var runde = 0
            while rest > 0 {
                let i = runde % 4
                if teil[i] < s[qs[i] - 1] {
                    teil[i] += 1
                    rest -= 1
                }
                runde += 1
                precondition(runde < 100_000, "sample generator: cannot place ends")
            }
            e += teil
        }
        return e
    }

    /// Cases such that exactly `s[q]` are open at the end of quarter q and `e[q]` end in quarter q.
    func faelle(_ s: [Int], _ e: [Int], raum: Int, art: Int, fruehesterBeginn: Tag, _ rng: inout Zufall) -> [Fall] {
        var faelle: [Fall] = []
        var offen: [Int] = []
        for _ in 0..<s[0] {
            faelle.append(Fall(beginn: rng.tag(fruehesterBeginn, basis.letzterTag), raum: raum, art: art))
            offen.append(faelle.count - 1)
        }
        for q in 1..<s.count {
            let quartal = basis.verschoben(um: q)
            precondition(e[q] <= offen.count, "sample generator: more ends than open cases")
            let auswahl = Set(rng.auswahl(e[q], aus: offen.count))
            var bleiben: [Int] = []
            for (j, f) in offen.enumerated() {
                if auswahl.contains(j) {
                    faelle[f].ende = rng.tag(quartal.ersterTag, quartal.letzterTag.plus(tage: -1))
                } else {
                    bleiben.append(f)
                }
            }
            offen = bleiben
            let neu = s[q] - s[q - 1] + e[q]
            precondition(neu >= 0, "sample generator: negative begins")
            for _ in 0..<neu {
                faelle.append(Fall(beginn: rng.tag(quartal.ersterTag, quartal.letzterTag), raum: raum, art: art))
                offen.append(faelle.count - 1)
            }
        }
        return faelle
    }

    /// The cases a quarterly export lists: open on some day of the quarter, the end shown only
    /// when it had happened by the export.
    static func imExport(_ f: Fall, _ q: Quartal) -> (zeigen: Bool, ende: Tag?) {
        guard f.beginn <= q.letzterTag, f.ende.map({ $0 >= q.ersterTag }) ?? true else { return (false, nil) }
        if let e = f.ende, e <= q.letzterTag { return (true, e) }
        return (true, nil)
    }

    /// Gives cases ids in order of begin (then area, category), as a case system numbers them.
    static func nummeriere(_ faelle: inout [Fall], praefix: String, stellen: Int = 6) {
        let ordnung = faelle.indices.sorted {
            let a = faelle[$0], b = faelle[$1]
            if a.beginn != b.beginn { return a.beginn < b.beginn }
            if a.raum != b.raum { return a.raum < b.raum }
            if a.art != b.art { return a.art < b.art }
            return $0 < $1
        }
        for (n, i) in ordnung.enumerated() {
            let z = String(n + 1)
            faelle[i].id = praefix + String(repeating: "0", count: max(0, stellen - z.count)) + z
        }
    }
}
