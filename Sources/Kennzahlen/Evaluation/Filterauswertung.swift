/// Evaluates a row filter on interned values: each test of a field is decided once per distinct
/// value of its field and cached, so a row costs one array lookup per test. Tests of the age at
/// the Stichtag depend on the period and are computed per row and period.
struct Filterauswertung {
    private indirect enum Knoten {
        case atom(Int)
        /// A test of a number field, decided per row (amounts are not interned).
        case zahl(feld: Int, Pruefung)
        case alter(Pruefung)
        case und(Knoten, Knoten)
        case oder(Knoten, Knoten)
        case nicht(Knoten)
    }

    private let wurzel: Knoten
    private var atome: [(feld: Int, pruefung: Pruefung)] = []
    /// Per atom, per raw value id: 0 unknown, 1 false, 2 true.
    private var cache: [[UInt8]] = []
    /// True when the result depends on the period (age at the Stichtag).
    let haengtVomStichtagAb: Bool

    init(_ b: Bedingung, zahlenfelder: Set<Int> = []) {
        var atome: [(Int, Pruefung)] = []
        func baue(_ b: Bedingung) -> Knoten {
            switch b {
            case .atom(let f, let p) where zahlenfelder.contains(f):
                return .zahl(feld: f, p)
            case .atom(let f, let p):
                atome.append((f, p))
                return .atom(atome.count - 1)
            case .alter(let p): return .alter(p)
            case .und(let a, let c): return .und(baue(a), baue(c))
            case .oder(let a, let c): return .oder(baue(a), baue(c))
            case .nicht(let a): return .nicht(baue(a))
            }
        }
        wurzel = baue(b)
        self.atome = atome.map { (feld: $0.0, pruefung: $0.1) }
        cache = atome.map { _ in [] }
        haengtVomStichtagAb = b.haengtVomStichtagAb
    }

    /// `stichtag` is needed only when the filter tests the age.
    mutating func passt(_ satz: Datensatz, leser: QuellenWerte, stichtag: Tag?) -> Bool {
        pruefe(wurzel, satz, leser, stichtag)
    }

    private mutating func pruefe(_ k: Knoten, _ satz: Datensatz, _ leser: QuellenWerte, _ stichtag: Tag?) -> Bool {
        switch k {
        case .atom(let a):
            let feld = atome[a].feld
            let id = Int(satz.werte[feld])
            if id < cache[a].count {
                let c = cache[a][id]
                if c != 0 { return c == 2 }
            } else {
                cache[a].append(contentsOf: repeatElement(0, count: id - cache[a].count + 1))
            }
            let ergebnis = Filterauswertung.entscheide(atome[a].pruefung, feld: feld, id: satz.werte[feld], leser: leser)
            cache[a][id] = ergebnis ? 2 : 1
            return ergebnis
        case .zahl(let feld, let p):
            let z = satz.zahlen[feld]
            switch p {
            case .leer(let negiert): return (z == Datensatz.leer) != negiert
            case .zahl(let v, let grenze):
                guard z != Datensatz.leer else { return v == .ungleich }
                return Filterauswertung.vergleiche(Bruch(Festkomma(hundertstelCent: z)), v, grenze)
            case .zahlZwischen(let x, let y):
                guard z != Datensatz.leer else { return false }
                let w = Bruch(Festkomma(hundertstelCent: z))
                return x <= w && w <= y
            default: return false
            }
        case .alter(let p):
            let alter: Int? = satz.geburt.flatMap { g in stichtag.map { Filterauswertung.alter(geburt: g, am: $0) } }
            switch p {
            case .leer(let negiert): return (alter == nil) != negiert
            case .zahl(let v, let grenze):
                guard let a = alter else { return v == .ungleich }
                return Filterauswertung.vergleiche(Bruch(a), v, grenze)
            case .zahlZwischen(let x, let y):
                guard let a = alter else { return false }
                return x <= Bruch(a) && Bruch(a) <= y
            default: return false
            }
        case .und(let a, let b): return pruefe(a, satz, leser, stichtag) && pruefe(b, satz, leser, stichtag)
        case .oder(let a, let b): return pruefe(a, satz, leser, stichtag) || pruefe(b, satz, leser, stichtag)
        case .nicht(let a): return !pruefe(a, satz, leser, stichtag)
        }
    }

    /// Age in whole years on a day (a birthday on 29 February counts on 1 March in other years).
    static func alter(geburt: Tag, am tag: Tag) -> Int {
        let g = geburt.bestandteile, t = tag.bestandteile
        var jahre = t.jahr - g.jahr
        if (t.monat, t.tag) < (g.monat, g.tag) { jahre -= 1 }
        return jahre
    }

    static func entscheide(_ p: Pruefung, feld: Int, id: Int32, leser: QuellenWerte) -> Bool {
        switch p {
        case .inMenge(let menge, let negiert):
            return menge.contains(leser.text(feld: feld, id: id)) != negiert
        case .leer(let negiert):
            return leser.text(feld: feld, id: id).isEmpty != negiert
        case .zahl(let v, let grenze):
            guard let z = leser.zahl(feld: feld, id: id) else { return v == .ungleich }
            return vergleiche(Bruch(z), v, grenze)
        case .zahlZwischen(let a, let b):
            guard let z = leser.zahl(feld: feld, id: id) else { return false }
            let w = Bruch(z)
            return a <= w && w <= b
        case .tag(let v, let grenze):
            guard let t = leser.tag(feld: feld, id: id) else { return v == .ungleich }
            return vergleiche(t, v, grenze)
        case .tagZwischen(let a, let b):
            guard let t = leser.tag(feld: feld, id: id) else { return false }
            return a <= t && t <= b
        }
    }

    static func vergleiche<T: Comparable>(_ a: T, _ v: Vergleich, _ b: T) -> Bool {
        switch v {
        case .gleich: return a == b
        case .ungleich: return a != b
        case .kleiner: return a < b
        case .kleinerGleich: return a <= b
        case .groesser: return a > b
        case .groesserGleich: return a >= b
        }
    }
}
