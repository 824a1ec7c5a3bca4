import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// The tallies one source feeds, laid out flat for the hot loop: a row first learns in which
/// period windows it counts (once per window, not once per tally), then every counting whose
/// filter it passes adds it to the tallies of those windows.
///
/// A window is a (file range, counting rule, period) triple; many tallies share one (all
/// countings of a source for the same period and rule).
///
/// A class with plain stored arrays read by index: the hot loop neither copies nor reference-
/// counts them, and its stores are not checked for exclusive access at run time (one thread
/// owns an instance).
final class Quellenzaehlung {
    private let art: QuellenArt
    private let anzahlDateien: Int

    // Windows.
    @exclusivity(unchecked) private var fensterUnten: [Int] = []
    @exclusivity(unchecked) private var fensterOben: [Int] = []
    @exclusivity(unchecked) private var fensterRegel: [Zaehlregel] = []
    @exclusivity(unchecked) private var fensterVon: [Int32] = []
    @exclusivity(unchecked) private var fensterStichtag: [Int32] = []
    @exclusivity(unchecked) private var fensterTag: [Tag] = []
    /// Per file: the windows whose file range contains it.
    @exclusivity(unchecked) private var fensterJeDatei: [[Int32]]

    // Countings.
    @exclusivity(unchecked) private var filter: [Filterauswertung?] = []
    /// The same filters, unretained, for the hot loop (`filter` keeps them alive).
    @exclusivity(unchecked) private var filterRoh: [Unmanaged<Filterauswertung>?] = []
    @exclusivity(unchecked) private var jeZeitraum: [Bool] = []
    @exclusivity(unchecked) private var arten: [Zaehlung.Art] = []
    /// Per file: (counting, tally, window) of every tally that file feeds, grouped by counting.
    @exclusivity(unchecked) private var paareJeDatei: [[(zaehler: Int32, auftrag: Int32, fenster: Int32)]]

    /// The tallies of this source (indices as in the evaluation's list of tallies).
    @exclusivity(unchecked) private(set) var werk: Zaehlwerk

    /// Interner of fields that distinct counts read only when a row is counted.
    private let spaeteWerte: SpaeteWerte?

    init(art: QuellenArt, dateien: Int, werk: Zaehlwerk, spaeteWerte: SpaeteWerte? = nil) {
        self.spaeteWerte = spaeteWerte
        self.art = art
        anzahlDateien = dateien
        fensterJeDatei = Array(repeating: [], count: dateien)
        paareJeDatei = Array(repeating: [], count: dateien)
        self.werk = werk
    }

    /// Registers a counting with its tallies: (tally index, file range, period).
    func nimmAuf(
        _ zaehlung: Zaehlung, quelle: Quelle,
        _ auftraege: [(auftrag: Int, bereich: ClosedRange<Int>, zeitraum: Zeitraum)]
    ) {
        let zi = Int32(filter.count)
        let zahlenfelder = Set(quelle.felder.indices.filter { quelle.felder[$0].typ == .zahl })
        let f = zaehlung.bedingung.map { Filterauswertung($0, zahlenfelder: zahlenfelder) }
        filter.append(f)
        filterRoh.append(f.map { Unmanaged.passUnretained($0) })
        jeZeitraum.append(zaehlung.bedingung?.haengtVomStichtagAb ?? false)
        arten.append(zaehlung.art)
        for (a, bereich, zeitraum) in auftraege {
            let w = fenster(bereich, zaehlung.regel, zeitraum)
            for di in bereich where di >= 0 && di < anzahlDateien {
                paareJeDatei[di].append((zi, Int32(a), w))
            }
        }
    }

    private func fenster(_ bereich: ClosedRange<Int>, _ regel: Zaehlregel, _ zeitraum: Zeitraum) -> Int32 {
        for w in fensterOben.indices
        where fensterOben[w] == bereich.upperBound && fensterUnten[w] == bereich.lowerBound
            && fensterRegel[w] == regel && fensterVon[w] == zeitraum.beginn.nummer
            && fensterStichtag[w] == zeitraum.stichtag.nummer
        {
            return Int32(w)
        }
        let w = Int32(fensterOben.count)
        fensterUnten.append(bereich.lowerBound)
        fensterOben.append(bereich.upperBound)
        fensterRegel.append(regel)
        fensterVon.append(zeitraum.beginn.nummer)
        fensterStichtag.append(zeitraum.stichtag.nummer)
        fensterTag.append(zeitraum.stichtag)
        for di in bereich where di >= 0 && di < anzahlDateien { fensterJeDatei[di].append(w) }
        return w
    }

    /// The plan for one file: built once before its rows. A row first decides its windows, then
    /// visits only the tallies of the windows it falls in (a case that began in one quarter
    /// touches one quarter's tallies, not those of the whole history).
    struct Dateiplan {
        let fenster: [Int32]
        /// Per window: (counting, tally) of every tally of this file in that window.
        let jeFenster: [[(zaehler: Int32, auftrag: Int32)]]
        var anzahlPaare: Int
        /// Per counting: the row whose filter result `bestanden` holds (rows numbered by `zeile`).
        var geprueft: [Int]
        var bestanden: [Bool]
        var zeile = 0
    }

    func plan(fuer di: Int) -> Dateiplan {
        var jeFenster = [[(zaehler: Int32, auftrag: Int32)]](repeating: [], count: fensterOben.count)
        for p in paareJeDatei[di] { jeFenster[Int(p.fenster)].append((p.zaehler, p.auftrag)) }
        return Dateiplan(
            fenster: fensterJeDatei[di], jeFenster: jeFenster, anzahlPaare: paareJeDatei[di].count,
            geprueft: Array(repeating: -1, count: filter.count), bestanden: Array(repeating: false, count: filter.count)
        )
    }

    /// Adds one accepted row of file `di` to every tally it belongs to. Runs for every row.
    func zaehle(_ satz: Datensatz, _ werte: QuellenWerte, _ plan: inout Dateiplan) {
        guard plan.anzahlPaare > 0 else { return }
        var beginn: Int32 = 0, ende: Int32 = 0
        if art == .faelle {
            guard let b = satz.beginn?.nummer else { return }
            beginn = b
            ende = satz.ende?.nummer ?? Int32.max
        }
        plan.zeile &+= 1
        let zeile = plan.zeile
        let neuere = satz.naechsteDatei
        // A late field's id, interned at most once per row.
        var spaeteID: Int32 = -2
        for k in 0..<plan.fenster.count {
            let i = Int(plan.fenster[k])
            if art == .faelle {
                guard neuere > fensterOben[i] else { continue }
                let ja: Bool
                switch fensterRegel[i] {
                case .stichtag: ja = beginn <= fensterStichtag[i] && ende >= fensterStichtag[i]
                case .zugaenge: ja = beginn >= fensterVon[i] && beginn <= fensterStichtag[i]
                case .imVerlauf: ja = beginn <= fensterStichtag[i] && ende >= fensterVon[i]
                }
                guard ja else { continue }
            }
            for (zaehler, auftrag) in plan.jeFenster[i] {
                let zi = Int(zaehler)
                // A filter that does not depend on the window is asked once per row.
                if plan.geprueft[zi] != zeile {
                    plan.geprueft[zi] = zeile
                    plan.bestanden[zi] =
                        jeZeitraum[zi]
                        || filterRoh[zi]?._withUnsafeGuaranteedRef { $0.passt(satz, leser: werte, stichtag: nil) }
                            != false
                }
                guard plan.bestanden[zi] else { continue }
                if jeZeitraum[zi],
                    filterRoh[zi]?._withUnsafeGuaranteedRef({ $0.passt(satz, leser: werte, stichtag: fensterTag[i]) })
                        == false
                {
                    continue
                }
                let a = Int(auftrag)
                switch arten[zi] {
                case .anzahl: werk.addiere(a, satz.gebiet, 1)
                case .summe(let f?):
                    let z = satz.zahlen[f]
                    if z != Datensatz.leer { werk.addiereFeld(a, satz.gebiet, z) }
                case .summe(nil): werk.addiere(a, satz.gebiet, art == .zahlen ? satz.anzahl : 0)
                case .verschieden(let f):
                    // Id 0 is the empty value; other ids are empty only where a code maps to "".
                    let id = satz.werte[f]
                    if id == -1 {
                        let r = satz.roh[f]
                        guard !r.isEmpty, let spaet = spaeteWerte else { continue }
                        if spaeteID == -2 { spaeteID = spaet.id(f, r) }
                        werk.merke(a, satz.gebiet, spaeteID)
                    } else if id != 0 && (!werte.hatLeereWerte(feld: f) || !werte.text(feld: f, id: id).isEmpty) {
                        werk.merke(a, satz.gebiet, id)
                    }
                }
            }
        }
    }
}
