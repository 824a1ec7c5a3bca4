import KennzahlBasis
import KennzahlDefinition

/// The rows one tally reads: tallies of the same source under the same counting rule and period
/// read the same rows (the same files, the same newest record per case), only their filters
/// differ. A Stichtag count depends on the day alone, so the year and its fourth quarter share
/// their Stichtag window.
struct Fenster: Hashable, Sendable, Comparable {
    var quelle: Int
    var regel: Zaehlregel
    /// First day (days since 1970); 0 for a Stichtag.
    var von: Int32
    var bis: Int32

    init(_ z: Zaehlung, _ zeitraum: Zeitraum) {
        quelle = z.quelle
        regel = z.regel
        von = z.regel == .stichtag ? 0 : zeitraum.beginn.nummer
        bis = zeitraum.stichtag.nummer
    }

    static func < (a: Fenster, b: Fenster) -> Bool {
        (a.quelle, a.regel.rawValue, a.von, a.bis) < (b.quelle, b.regel.rawValue, b.von, b.bis)
    }
}

/// The finest cells of a window: its rows split by every filter the catalogue applies there.
/// Every additive tally of the window (count, sum of a field, sum of delivered counts) is the sum
/// of its cells, per area – so "all cases" = "ohne UMA" + "UMA" holds in the attacker's model
/// without anybody writing it down. Cells that every tally treats alike are one cell.
struct Zerlegung: Sendable {
    /// Number of cells (0 when the window was not split).
    var klassen: Int
    /// Per tally (catalogue index of the Zählung): the cells it sums.
    var enthaelt: [Int: [Int]]
    /// False when the filters allow too many combinations to enumerate; the window's tallies
    /// are then unrelated unknowns (a weaker attacker, stated in the audit).
    var zerlegt: Bool

    /// At most this many combinations of field classes are enumerated per window.
    static let hoechsteKombinationen = 100_000

    /// Splits the rows of a window by the filters of `zaehlungen` (catalogue indices, all on
    /// `quelle`): per field, one sample value for every way the filters can treat a value, then
    /// every combination of samples; combinations with the same outcome for every filter are one
    /// cell. The samples are chosen so that any real value behaves like one of them.
    static func zerlege(_ katalog: Katalog, quelle: Int, zaehlungen: [Int]) -> Zerlegung {
        let q = katalog.quellen[quelle]
        var atome: [Int: [Pruefung]] = [:]
        var alter: [Pruefung] = []
        for i in zaehlungen { katalog.zaehlungen[i].bedingung?.sammle(&atome, &alter) }
        var felder: [(feld: Int?, proben: [Probewert])] = []
        for f in atome.keys.sorted() {
            felder.append((f, Probewert.proben(q.felder[f], atome[f] ?? [])))
        }
        if !alter.isEmpty { felder.append((nil, Probewert.alterProben(alter))) }
        var kombinationen = 1
        for f in felder {
            kombinationen *= f.proben.count
            if kombinationen > hoechsteKombinationen { return Zerlegung(klassen: 0, enthaelt: [:], zerlegt: false) }
        }
        var klasseJeMuster: [[Bool]: Int] = [:]
        var muster: [[Bool]] = []
        var stellen = [Int](repeating: 0, count: felder.count)
        for _ in 0..<kombinationen {
            var belegung: [Int: Probewert] = [:]
            var probeAlter: Probewert?
            for (k, f) in felder.enumerated() {
                if let feld = f.feld {
                    belegung[feld] = f.proben[stellen[k]]
                } else {
                    probeAlter = f.proben[stellen[k]]
                }
            }
            let m = zaehlungen.map { katalog.zaehlungen[$0].bedingung?.gilt(belegung, alter: probeAlter) ?? true }
            if klasseJeMuster[m] == nil {
                klasseJeMuster[m] = muster.count
                muster.append(m)
            }
            // Next combination (odometer).
            var k = 0
            while k < stellen.count {
                stellen[k] += 1
                if stellen[k] < felder[k].proben.count { break }
                stellen[k] = 0
                k += 1
            }
        }
        var enthaelt: [Int: [Int]] = [:]
        for (t, i) in zaehlungen.enumerated() {
            enthaelt[i] = muster.indices.filter { muster[$0][t] }
        }
        return Zerlegung(klassen: muster.count, enthaelt: enthaelt, zerlegt: true)
    }
}

/// A sample value of a field, as the filter evaluation sees it: the catalogue text ("" when
/// empty), and the value read as number or date.
struct Probewert: Sendable {
    var text: String
    var zahl: Bruch?
    var tag: Tag?

    static let leer = Probewert(text: "", zahl: nil, tag: nil)

    /// One sample per way the tests can treat a value of the field.
    static func proben(_ feld: Feld, _ tests: [Pruefung]) -> [Probewert] {
        switch feld.typ {
        case .text:
            var texte: [String] = []
            for t in tests { if case .inMenge(let menge, _) = t { texte += menge } }
            // A closed vocabulary has only its catalogue values; an open one any other text.
            let andere =
                feld.werte.isEmpty
                ? ["\u{1}andere"] : feld.zielwerte.filter { !texte.contains($0) }.prefix(1).map { $0 }
            var gesehen = Set<String>()
            return ([""] + texte + andere).filter { gesehen.insert($0).inserted }.map {
                Probewert(text: $0, zahl: nil, tag: nil)
            }
        case .zahl:
            let punkte = stuetzstellen(tests.flatMap(\.zahlGrenzen), ganzzahlig: false)
            return [leer] + punkte.map { Probewert(text: "x", zahl: $0, tag: nil) }
        case .datum:
            let grenzen = tests.flatMap(\.tagGrenzen).map { Bruch(Int($0.nummer)) }
            return [leer]
                + stuetzstellen(grenzen, ganzzahlig: true).map {
                    Probewert(text: "x", zahl: nil, tag: Tag(nummer: Int32(clamping: $0.zaehler)))
                }
        }
    }

    /// Samples of the age at the Stichtag: no birth date, or whole years around every threshold.
    static func alterProben(_ tests: [Pruefung]) -> [Probewert] {
        [leer]
            + stuetzstellen(tests.flatMap(\.zahlGrenzen), ganzzahlig: true).map {
                Probewert(text: "x", zahl: $0, tag: nil)
            }
    }

    /// Points that meet every threshold and fall between and beyond them: the value of any
    /// comparison with the thresholds changes only at them.
    static func stuetzstellen(_ grenzen: [Bruch], ganzzahlig: Bool) -> [Bruch] {
        var punkte = Set<Bruch>()
        let eins = Bruch(1)
        let sortiert = Array(Set(grenzen)).sorted()
        for g in sortiert {
            if ganzzahlig {
                guard let unten = Bruch(zaehler: g.gerundetAbwaerts, nenner: 1),
                    let oben = Bruch(zaehler: g.gerundetAufwaerts, nenner: 1)
                else { continue }
                for p in [unten.minus(eins), unten, oben, oben.plus(eins)] { if let p { punkte.insert(p) } }
            } else {
                for p in [g.minus(eins), g, g.plus(eins)] { if let p { punkte.insert(p) } }
            }
        }
        if !ganzzahlig {
            for (a, b) in zip(sortiert, sortiert.dropFirst()) {
                if let s = a.plus(b), let m = s.geteilt(durch: Bruch(2)) { punkte.insert(m) }
            }
        }
        if punkte.isEmpty { punkte.insert(.null) }
        return punkte.sorted()
    }
}

extension Pruefung {
    /// The numbers a test compares with.
    var zahlGrenzen: [Bruch] {
        switch self {
        case .zahl(_, let g): return [g]
        case .zahlZwischen(let a, let b): return [a, b]
        default: return []
        }
    }

    var tagGrenzen: [Tag] {
        switch self {
        case .tag(_, let g): return [g]
        case .tagZwischen(let a, let b): return [a, b]
        default: return []
        }
    }
}

extension Bedingung {
    /// Collects the tests per field and the tests of the age.
    func sammle(_ atome: inout [Int: [Pruefung]], _ alter: inout [Pruefung]) {
        switch self {
        case .atom(let f, let p): atome[f, default: []].append(p)
        case .alter(let p): alter.append(p)
        case .und(let a, let b), .oder(let a, let b): a.sammle(&atome, &alter); b.sammle(&atome, &alter)
        case .nicht(let a): a.sammle(&atome, &alter)
        }
    }

    /// The filter on sample values (fields without a sample count as empty).
    func gilt(_ belegung: [Int: Probewert], alter: Probewert?) -> Bool {
        switch self {
        case .atom(let f, let p):
            let w = belegung[f] ?? .leer
            return p.gilt(text: w.text, zahl: w.zahl, tag: w.tag)
        case .alter(let p):
            let w = alter ?? .leer
            return p.gilt(text: w.text, zahl: w.zahl, tag: nil)
        case .und(let a, let b): return a.gilt(belegung, alter: alter) && b.gilt(belegung, alter: alter)
        case .oder(let a, let b): return a.gilt(belegung, alter: alter) || b.gilt(belegung, alter: alter)
        case .nicht(let a): return !a.gilt(belegung, alter: alter)
        }
    }
}
