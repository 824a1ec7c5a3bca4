import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// Evaluates a row filter on interned values: each test of a field is decided once per distinct
/// value of its field and cached, so a row costs one lookup per test. Tests of number fields are
/// decided per row (amounts are not interned); tests of the age at the Stichtag depend on the
/// period and are computed per row and period.
///
/// The filter is compiled into a short postfix program over a bit stack: no recursion and no
/// reference counting per row.
package final class Filterauswertung {
    private enum Schritt {
        /// A cached test of an interned field (index into `atome`).
        case atom(Int)
        /// A test of a number field (index into `zahlTests`).
        case zahl(Int)
        /// A test of the age at the Stichtag (index into `alterTests`).
        case alter(Int)
        case und, oder, nicht
    }

    private let programm: [Schritt]
    /// The program and the atoms' fields once more as raw memory, read per row without
    /// reference counting.
    private let schritte: UnsafeMutablePointer<Schritt>
    private let anzahlSchritte: Int
    private let atomFelder: UnsafeMutablePointer<Int>
    private let atome: [(feld: Int, pruefung: Pruefung)]
    private let zahlTests: [(feld: Int, pruefung: Pruefung)]
    private let alterTests: [Pruefung]
    /// Per atom, per raw value id: 0 unknown, 1 false, 2 true.
    private let cache: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>
    private let kapazitaet: UnsafeMutablePointer<Int>
    /// True when the result depends on the period (age at the Stichtag).
    let haengtVomStichtagAb: Bool
    /// More than 60 intermediate results at once: evaluated with an array stack.
    private let tief: Bool

    init(_ b: Bedingung, zahlenfelder: Set<Int> = []) {
        var programm: [Schritt] = []
        var atome: [(feld: Int, pruefung: Pruefung)] = []
        var zahlTests: [(feld: Int, pruefung: Pruefung)] = []
        var alterTests: [Pruefung] = []
        func baue(_ b: Bedingung) {
            switch b {
            case .atom(let f, let p) where zahlenfelder.contains(f):
                zahlTests.append((f, p))
                programm.append(.zahl(zahlTests.count - 1))
            case .atom(let f, let p):
                atome.append((f, p))
                programm.append(.atom(atome.count - 1))
            case .alter(let p):
                alterTests.append(p)
                programm.append(.alter(alterTests.count - 1))
            case .und(let a, let c): baue(a); baue(c); programm.append(.und)
            case .oder(let a, let c): baue(a); baue(c); programm.append(.oder)
            case .nicht(let a): baue(a); programm.append(.nicht)
            }
        }
        baue(b)
        var tiefe = 0, hoechste = 0
        for s in programm {
            switch s {
            case .atom, .zahl, .alter: tiefe += 1
            case .und, .oder: tiefe -= 1
            case .nicht: break
            }
            hoechste = max(hoechste, tiefe)
        }
        tief = hoechste > 60
        self.programm = programm
        anzahlSchritte = programm.count
        schritte = .allocate(capacity: max(1, programm.count))
        schritte.initialize(from: programm, count: programm.count)
        atomFelder = .allocate(capacity: max(1, atome.count))
        atomFelder.initialize(from: atome.map(\.feld), count: atome.count)
        self.atome = atome
        self.zahlTests = zahlTests
        self.alterTests = alterTests
        cache = .allocate(capacity: max(1, atome.count))
        cache.initialize(repeating: nil, count: max(1, atome.count))
        kapazitaet = .allocate(capacity: max(1, atome.count))
        kapazitaet.initialize(repeating: 0, count: max(1, atome.count))
        haengtVomStichtagAb = b.haengtVomStichtagAb
    }

    deinit {
        schritte.deinitialize(count: programm.count)
        schritte.deallocate()
        atomFelder.deallocate()
        for a in 0..<max(1, atome.count) { cache[a]?.deallocate() }
        cache.deallocate()
        kapazitaet.deallocate()
    }

    /// `stichtag` is needed only when the filter tests the age.
    func passt(_ satz: Datensatz, leser: QuellenWerte, stichtag: Tag?) -> Bool {
        if tief { return passtTief(satz, leser: leser, stichtag: stichtag) }
        // The stack of intermediate results, one bit each (filters are shallow).
        var stapel: UInt64 = 0
        for k in 0..<anzahlSchritte {
            switch schritte[k] {
            case .atom(let a): stapel = (stapel << 1) | (atom(a, satz, leser) ? 1 : 0)
            case .zahl(let z): stapel = (stapel << 1) | (zahl(z, satz) ? 1 : 0)
            case .alter(let t): stapel = (stapel << 1) | (alter(t, satz, stichtag) ? 1 : 0)
            case .und: stapel = (stapel >> 2) << 1 | ((stapel >> 1) & stapel & 1)
            case .oder: stapel = (stapel >> 2) << 1 | (((stapel >> 1) | stapel) & 1)
            case .nicht: stapel ^= 1
            }
        }
        return stapel & 1 == 1
    }

    /// The same for filters nested deeper than the bit stack holds.
    private func passtTief(_ satz: Datensatz, leser: QuellenWerte, stichtag: Tag?) -> Bool {
        var stapel: [Bool] = []
        for s in programm {
            switch s {
            case .atom(let a): stapel.append(atom(a, satz, leser))
            case .zahl(let z): stapel.append(zahl(z, satz))
            case .alter(let t): stapel.append(alter(t, satz, stichtag))
            case .und: let b = stapel.removeLast(); stapel[stapel.count - 1] = stapel[stapel.count - 1] && b
            case .oder: let b = stapel.removeLast(); stapel[stapel.count - 1] = stapel[stapel.count - 1] || b
            case .nicht: stapel[stapel.count - 1].toggle()
            }
        }
        return stapel.last ?? true
    }

    private func atom(_ a: Int, _ satz: Datensatz, _ leser: QuellenWerte) -> Bool {
        let id = Int(satz.werte[atomFelder[a]])
        if id < kapazitaet[a], let c = cache[a] {
            let wert = c[id]
            if wert != 0 { return wert == 2 }
        } else {
            // Grow the cache to cover the id.
            var neu = max(64, kapazitaet[a])
            while neu <= id { neu *= 2 }
            let speicher = UnsafeMutablePointer<UInt8>.allocate(capacity: neu)
            speicher.initialize(repeating: 0, count: neu)
            if let alt = cache[a] {
                speicher.update(from: alt, count: kapazitaet[a])
                alt.deallocate()
            }
            cache[a] = speicher
            kapazitaet[a] = neu
        }
        let ergebnis = Filterauswertung.entscheide(atome[a].pruefung, feld: atome[a].feld, id: Int32(id), leser: leser)
        cache[a]?[id] = ergebnis ? 2 : 1
        return ergebnis
    }

    private func zahl(_ t: Int, _ satz: Datensatz) -> Bool {
        let z = satz.zahlen[zahlTests[t].feld]
        let wert = z == Datensatz.leer ? nil : Bruch(Festkomma(hundertstelCent: z))
        return zahlTests[t].pruefung.gilt(text: wert == nil ? "" : "x", zahl: wert, tag: nil)
    }

    private func alter(_ t: Int, _ satz: Datensatz, _ stichtag: Tag?) -> Bool {
        let alter: Int? = satz.geburt.flatMap { g in stichtag.map { Filterauswertung.alter(geburt: g, am: $0) } }
        return alterTests[t].gilt(text: alter == nil ? "" : "x", zahl: alter.map(Bruch.init), tag: nil)
    }

    /// Age in whole years on a day (a birthday on 29 February counts on 1 March in other years).
    static func alter(geburt: Tag, am tag: Tag) -> Int {
        let g = geburt.bestandteile, t = tag.bestandteile
        var jahre = t.jahr - g.jahr
        if (t.monat, t.tag) < (g.monat, g.tag) { jahre -= 1 }
        return jahre
    }

    static func entscheide(_ p: Pruefung, feld: Int, id: Int32, leser: QuellenWerte) -> Bool {
        p.gilt(
            text: leser.text(feld: feld, id: id), zahl: leser.zahl(feld: feld, id: id).map(Bruch.init),
            tag: leser.tag(feld: feld, id: id))
    }

    package static func vergleiche<T: Comparable>(_ a: T, _ v: Vergleich, _ b: T) -> Bool { v.gilt(a, b) }
}

extension Vergleich {
    /// `a <op> b`.
    func gilt<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .gleich: return a == b
        case .ungleich: return a != b
        case .kleiner: return a < b
        case .kleinerGleich: return a <= b
        case .groesser: return a > b
        case .groesserGleich: return a >= b
        }
    }
}

extension Pruefung {
    /// Whether a value passes the test: `text` is the catalogue text ("" when empty), `zahl` and
    /// `tag` the value read as number or date (nil when empty or not readable). The one
    /// definition of a test's meaning, for the evaluator and for the Geheimhaltung audit.
    package func gilt(text: String, zahl: Bruch?, tag: Tag?) -> Bool {
        switch self {
        case .inMenge(let menge, let negiert):
            return menge.contains(text) != negiert
        case .leer(let negiert):
            return text.isEmpty != negiert
        case .zahl(let v, let grenze):
            guard let z = zahl else { return v == .ungleich }
            return v.gilt(z, grenze)
        case .zahlZwischen(let a, let b):
            guard let z = zahl else { return false }
            return a <= z && z <= b
        case .tag(let v, let grenze):
            guard let t = tag else { return v == .ungleich }
            return v.gilt(t, grenze)
        case .tagZwischen(let a, let b):
            guard let t = tag else { return false }
            return a <= t && t <= b
        }
    }
}
