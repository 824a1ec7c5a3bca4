/// The tallies one source feeds, laid out flat for the hot loop: a row first learns in which
/// period windows it counts (once per window, not once per tally), then every counting whose
/// filter it passes adds it to the tallies of those windows.
///
/// A window is a (file range, counting rule, period) triple; many tallies share one (all
/// countings of a source for the same period and rule).
struct Quellenzaehlung {
    private let art: QuellenArt
    private let anzahlDateien: Int

    // Windows.
    private var fensterUnten: [Int] = []
    private var fensterOben: [Int] = []
    private var fensterRegel: [Zaehlregel] = []
    private var fensterVon: [Int32] = []
    private var fensterStichtag: [Int32] = []
    private var fensterTag: [Tag] = []
    /// Per file: the windows whose file range contains it.
    private var fensterJeDatei: [[Int32]]

    // Countings.
    private var filter: [Filterauswertung?] = []
    /// The same filters, unretained, for the hot loop (`filter` keeps them alive).
    private var filterRoh: [Unmanaged<Filterauswertung>?] = []
    private var jeZeitraum: [Bool] = []
    private var arten: [Zaehlung.Art] = []
    /// Per file: (counting, tally, window) of every tally that file feeds, grouped by counting.
    private var paareJeDatei: [[(zaehler: Int32, auftrag: Int32, fenster: Int32)]]

    /// The tallies of this source (indices as in the evaluation's list of tallies).
    private(set) var werk: Zaehlwerk

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
    mutating func nimmAuf(_ zaehlung: Zaehlung, quelle: Quelle, _ auftraege: [(auftrag: Int, bereich: ClosedRange<Int>, zeitraum: Zeitraum)]) {
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

    private mutating func fenster(_ bereich: ClosedRange<Int>, _ regel: Zaehlregel, _ zeitraum: Zeitraum) -> Int32 {
        for w in fensterOben.indices where fensterOben[w] == bereich.upperBound && fensterUnten[w] == bereich.lowerBound
            && fensterRegel[w] == regel && fensterVon[w] == zeitraum.beginn.nummer && fensterStichtag[w] == zeitraum.stichtag.nummer {
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

    /// Whether any tally reads file `di`.
    func liest(_ di: Int) -> Bool { !paareJeDatei[di].isEmpty }

    /// The plan for one file: built once before its rows.
    struct Dateiplan {
        let fenster: [Int32]
        let paare: [(zaehler: Int32, auftrag: Int32, fenster: Int32)]
        var trifft: [Bool]
    }

    func plan(fuer di: Int) -> Dateiplan {
        Dateiplan(fenster: fensterJeDatei[di], paare: paareJeDatei[di], trifft: Array(repeating: false, count: fensterOben.count))
    }

    /// Adds one accepted row of file `di` to every tally it belongs to. Runs for every row: the
    /// plan's arrays are walked through buffer pointers, without reference counting per row.
    mutating func zaehle(_ satz: Datensatz, _ werte: QuellenWerte, _ plan: inout Dateiplan) {
        guard !plan.paare.isEmpty else { return }
        plan.trifft.withUnsafeMutableBufferPointer { trifft in
            plan.fenster.withUnsafeBufferPointer { fenster in
                if art == .faelle {
                    guard let beginn = satz.beginn?.nummer else {
                        for w in fenster { trifft[Int(w)] = false }
                        return
                    }
                    let ende = satz.ende?.nummer ?? Int32.max
                    let neuere = satz.naechsteDatei
                    fensterOben.withUnsafeBufferPointer { oben in
                        fensterRegel.withUnsafeBufferPointer { regel in
                            fensterVon.withUnsafeBufferPointer { von in
                                fensterStichtag.withUnsafeBufferPointer { stichtag in
                                    for w in fenster {
                                        let i = Int(w)
                                        var ja = false
                                        if neuere > oben[i] {
                                            switch regel[i] {
                                            case .stichtag: ja = beginn <= stichtag[i] && ende >= stichtag[i]
                                            case .zugaenge: ja = beginn >= von[i] && beginn <= stichtag[i]
                                            case .imVerlauf: ja = beginn <= stichtag[i] && ende >= von[i]
                                            }
                                        }
                                        trifft[i] = ja
                                    }
                                }
                            }
                        }
                    }
                } else {
                    for w in fenster { trifft[Int(w)] = true }
                }
            }
            plan.paare.withUnsafeBufferPointer { paare in
                // A late field's id, interned at most once per row.
                var spaeteID: Int32 = -2
                var geprueft: Int32 = -1
                var bestanden = false
                for k in 0..<paare.count {
                    let (zaehler, auftrag, w) = paare[k]
                    let zi = Int(zaehler)
                    if zaehler != geprueft {
                        geprueft = zaehler
                        bestanden = jeZeitraum[zi] || filterRoh[zi]?._withUnsafeGuaranteedRef { $0.passt(satz, leser: werte, stichtag: nil) } != false
                    }
                    guard bestanden, trifft[Int(w)] else { continue }
                    if jeZeitraum[zi], filterRoh[zi]?._withUnsafeGuaranteedRef({ $0.passt(satz, leser: werte, stichtag: fensterTag[Int(w)]) }) == false { continue }
                    let a = Int(auftrag)
                    switch arten[zi] {
                    case .anzahl: werk.addiere(a, satz.gebiet, 1)
                    case .summe(let f?):
                        let z = satz.zahlen[f]
                        if z != Datensatz.leer { werk.addiere(a, satz.gebiet, z) }
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
}
