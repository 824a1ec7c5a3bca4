import Foundation
import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// All values a report needs, exact, per Kennzahl, period and area; plus what happened to every
/// export row.
package struct Auswertung: Sendable {
    let katalog: Katalog
    /// (Kennzahl index, period) → values per slot: Sozialräume in catalogue order, then
    /// "ohne Zuordnung", then the whole city.
    let werte: [Schluessel: [Kennwert]]
    /// One entry per export file read, in source and period order.
    package let statistik: [DateiStatistik]
    /// The tallies of the population source per period and slot (official figures: the public
    /// audit takes them as known).
    var einwohner: [Auswerter.Auftrag: [Bruch?]] = [:]

    struct Schluessel: Hashable {
        var kennzahl: Int
        var zeitraum: Zeitraum
    }

    /// The value of Kennzahl `k` (catalogue index) for a period and area. A period that was not
    /// requested from the evaluator has no data.
    package func kennwert(_ k: Int, _ z: Zeitraum, _ g: Gebiet) -> Kennwert {
        guard let liste = werte[Schluessel(kennzahl: k, zeitraum: z)] else { return Kennwert(.keineDaten) }
        return liste[g.slot(sozialraeume: katalog.sozialraeume.count)]
    }

    /// A tally of the population source (catalogue index of the Zählung) for a period and slot;
    /// nil when it was not tallied or has no number.
    package func einwohner(_ zaehlung: Int, _ z: Zeitraum, slot: Int) -> Bruch? {
        einwohner[Auswerter.Auftrag(zaehlung: zaehlung, zeitraum: z)]?[slot] ?? nil
    }
}

/// Evaluates a catalogue on a data folder: reads every export once and tallies every requested
/// counting of its source in the same pass.
package enum Auswerter {
    /// One tally: a counting for one period.
    struct Auftrag: Hashable {
        var zaehlung: Int
        var zeitraum: Zeitraum
    }

    /// Evaluates the Kennzahlen for the requested periods. Every export file of the data folder is
    /// read and validated, whether or not a requested value needs it.
    package static func werteAus(
        katalog: Katalog, bestand: Datenbestand,
        anfragen: [(kennzahl: Int, zeitraum: Zeitraum)],
        fortschritt: Fortschritt? = nil, teilung: Dateiteilung.Vorgabe = .standard
    ) -> (Auswertung, [Diagnose]) {
        let (benoetigt, auftraege, auftragIndex) = Auswerter.auftraege(katalog: katalog, anfragen: anfragen)
        let (werk, diagnosen, statistik) = Auswerter.zaehle(
            katalog: katalog, bestand: bestand, auftraege: auftraege, fortschritt: fortschritt, teilung: teilung)
        var rechner = Wertrechner(katalog: katalog, werk: werk, auftragIndex: auftragIndex)
        // In dependency order: references first, so no evaluation recurses along a chain.
        var rang = [Int](repeating: Int.max, count: katalog.kennzahlen.count)
        for (r, k) in katalog.reihenfolge.enumerated() { rang[k] = r }
        for s in benoetigt.sorted(by: {
            rang[$0.kennzahl] != rang[$1.kennzahl] ? rang[$0.kennzahl] < rang[$1.kennzahl] : $0.kennzahl < $1.kennzahl
        }) {
            rechner.kennwerte(s.kennzahl, s.zeitraum)
        }
        var auswertung = Auswertung(katalog: katalog, werte: rechner.werte, statistik: statistik)
        if let e = katalog.einwohnerQuelle {
            for a in auftraege where katalog.zaehlungen[a.zaehlung].quelle == e {
                guard let ai = auftragIndex[a] else { continue }
                auswertung.einwohner[a] = (0..<(katalog.sozialraeume.count + 2)).map { slot in
                    if case .wert(let b) = werk.wert(ai, slot: slot, quelle: katalog.quellen[e]) { return b }
                    return nil
                }
            }
        }
        return (auswertung, diagnosen)
    }

    /// The requests closed over referenced Kennzahlen (an explicit stack: chains of references
    /// may be long), and the tallies they need.
    static func auftraege(katalog: Katalog, anfragen: [(kennzahl: Int, zeitraum: Zeitraum)])
        -> (benoetigt: [Auswertung.Schluessel], auftraege: [Auftrag], auftragIndex: [Auftrag: Int])
    {
        var benoetigt: [Auswertung.Schluessel] = []
        var gesehen = Set<Auswertung.Schluessel>()
        var auftraege: [Auftrag] = []
        var auftragIndex: [Auftrag: Int] = [:]
        var stapel = anfragen.reversed().map { Auswertung.Schluessel(kennzahl: $0.kennzahl, zeitraum: $0.zeitraum) }
        while let s = stapel.popLast() {
            guard !gesehen.contains(s) else { continue }
            gesehen.insert(s)
            benoetigt.append(s)
            func sammle(_ t: Term) {
                switch t {
                case .zahl, .anteil: break
                case .kennzahl(let j): stapel.append(Auswertung.Schluessel(kennzahl: j, zeitraum: s.zeitraum))
                case .rechnung(_, let a, let b): sammle(a); sammle(b)
                case .funktion(_, let argumente): argumente.forEach(sammle)
                case .zaehlung(let i):
                    let a = Auftrag(zaehlung: i, zeitraum: s.zeitraum)
                    if auftragIndex[a] == nil {
                        auftragIndex[a] = auftraege.count
                        auftraege.append(a)
                    }
                }
            }
            switch katalog.kennzahlen[s.kennzahl].formel {
            case .wert(let t): sammle(t)
            case .verhaeltnis(let a, let b): sammle(a); sammle(b)
            }
        }

        return (benoetigt, auftraege, auftragIndex)
    }

    /// One pass per source; sources are independent and read in parallel.
    static func zaehle(
        katalog: Katalog, bestand: Datenbestand, auftraege: [Auftrag], fortschritt: Fortschritt?,
        teilung: Dateiteilung.Vorgabe = .standard
    ) -> (Zaehlwerk, [Diagnose], [DateiStatistik]) {
        let n = katalog.sozialraeume.count
        let arten = auftraege.map { katalog.zaehlungen[$0.zaehlung].art }
        let teile = Auswerter.liesQuellen(
            katalog: katalog, bestand: bestand, auftraege: auftraege, arten: arten, fortschritt: fortschritt,
            teilung: teilung)
        var werk = Zaehlwerk(arten: arten, sozialraeume: n)
        var diagnosen: [Diagnose] = []
        var statistik: [DateiStatistik] = []
        for teil in teile {
            werk.uebernimm(teil.werk, teil.auftraege)
            diagnosen += teil.diagnosen
            statistik += teil.statistik
        }
        for (ai, a) in auftraege.enumerated() where werk.ueberlauf[ai] {
            let q = katalog.quellen[katalog.zaehlungen[a.zaehlung].quelle]
            diagnosen.append(
                Diagnose(AuswertungsMeldung.summeZuGross(quelle: q.id, zeitraum: a.zeitraum.kurz), ort: q.ort))
        }

        return (werk, diagnosen, statistik)
    }

    /// What reading one source gave.
    struct Quellenteil: Sendable {
        var werk: Zaehlwerk
        var auftraege: [Int]
        var diagnosen: [Diagnose]
        var statistik: [DateiStatistik]
    }

    /// Reads every source once, the biggest first, on as many threads as there are cores; each
    /// source's files in order, newest first. The result is in catalogue order whatever the timing.
    static func liesQuellen(
        katalog: Katalog, bestand: Datenbestand, auftraege: [Auftrag], arten: [Zaehlung.Art],
        fortschritt: Fortschritt?, teilung: Dateiteilung.Vorgabe
    ) -> [Quellenteil] {
        let n = katalog.sozialraeume.count
        let groessen = bestand.dateien.map { $0.reduce(0) { $0 + Dateigroesse.von($1.pfad) } }
        fortschritt?.beginne(gesamt: groessen.reduce(0, +))
        let reihenfolge = katalog.quellen.indices.sorted {
            groessen[$0] != groessen[$1] ? groessen[$0] > groessen[$1] : $0 < $1
        }
        let ergebnisse = Ablage<Quellenteil>(anzahl: katalog.quellen.count)
        let naechste = Laufnummer()
        let arbeiter = min(max(1, ProcessInfo.processInfo.activeProcessorCount), reihenfolge.count)
        DispatchQueue.concurrentPerform(iterations: max(1, arbeiter)) { _ in
            while let k = naechste.weiter(bis: reihenfolge.count) {
                let qi = reihenfolge[k]
                ergebnisse.setze(
                    qi,
                    liesQuelle(
                        qi, katalog: katalog, dateien: bestand.dateien[qi], auftraege: auftraege,
                        arten: arten, sozialraeume: n, fortschritt: fortschritt, teilung: teilung))
            }
        }
        return ergebnisse.alle
    }

    private static func liesQuelle(
        _ qi: Int, katalog: Katalog, dateien: [Exportdatei], auftraege: [Auftrag], arten: [Zaehlung.Art],
        sozialraeume n: Int, fortschritt: Fortschritt?, teilung: Dateiteilung.Vorgabe
    ) -> Quellenteil {
        let quelle = katalog.quellen[qi]
        let beginn = Date()
        var stueckzahl = 1
        defer {
            let teile = stueckzahl > 1 ? " (\(stueckzahl) Teile)" : ""
            Zeitmessung.melde("  Quelle \(quelle.id)\(teile)", Date().timeIntervalSince(beginn))
        }
        var werk = Zaehlwerk(arten: arten, sozialraeume: n)
        var jeZaehlung: [Int: [(auftrag: Int, bereich: ClosedRange<Int>, zeitraum: Zeitraum)]] = [:]
        var eigene: [Int] = []
        for (ai, a) in auftraege.enumerated() where katalog.zaehlungen[a.zaehlung].quelle == qi {
            eigene.append(ai)
            let z = katalog.zaehlungen[a.zaehlung]
            guard let bereich = dateiBereich(dateien, a.zeitraum, z.regel, quelle.art) else { continue }
            werk.verfuegbar[ai] = true
            jeZaehlung[a.zaehlung, default: []].append((ai, bereich, a.zeitraum))
        }
        let registriert = jeZaehlung
        let werkVorlage = werk
        /// The tallies a reader feeds, with every counting of the source registered.
        let zaehlungFuer = { (leser: QuellenLeser) -> Quellenzaehlung in
            let z = Quellenzaehlung(
                art: quelle.art, dateien: dateien.count, werk: werkVorlage, spaeteWerte: leser.spaeteWerte)
            for zi in registriert.keys.sorted() {
                z.nimmAuf(katalog.zaehlungen[zi], quelle: quelle, registriert[zi] ?? [])
            }
            return z
        }
        // One large file on all cores, when the pieces can be put together exactly: one file (no
        // newer record of a case elsewhere), no distinct counts (their ids are per reader).
        let verschieden = jeZaehlung.keys.contains {
            if case .verschieden = katalog.zaehlungen[$0].art { return true }
            return false
        }
        if dateien.count == 1, !verschieden,
            let stuecke = Dateiteilung.plane(dateien[0].pfad, teilung, erklaert: quelle.kodierung),
            let teil = liesGeteilt(
                dateien[0], stuecke, quelle: quelle, katalog: katalog, eigene: eigene, zaehlungFuer: zaehlungFuer,
                fortschritt: fortschritt)
        {
            stueckzahl = stuecke.count
            return teil
        }
        var leser = QuellenLeser(quelle: quelle, katalog: katalog)
        let zaehlung = zaehlungFuer(leser)
        var diagnosen: [Diagnose] = []
        var jeDatei: [DateiStatistik] = []
        // Newest file first: a case counts with its newest record.
        for di in dateien.indices.reversed() {
            var plan = zaehlung.plan(fuer: di)
            var bisher = 0
            jeDatei.append(
                leser.lies(
                    dateien[di], dateiIndex: di, diagnosen: &diagnosen,
                    fortschritt: { gelesen in
                        fortschritt?.melde(gelesen - bisher)
                        bisher = gelesen
                    }
                ) { satz, werte in
                    zaehlung.zaehle(satz, werte, &plan)
                })
        }
        return Quellenteil(werk: zaehlung.werk, auftraege: eigene, diagnosen: diagnosen, statistik: jeDatei.reversed())
    }

    /// The files of a source that a tally reads, as an index range, or nil when the exports do not
    /// cover the period.
    static func dateiBereich(_ dateien: [Exportdatei], _ z: Zeitraum, _ regel: Zaehlregel, _ art: QuellenArt)
        -> ClosedRange<Int>?
    {
        let von = z.von.index, bis = z.bis.index
        if regel == .stichtag {
            let treffer = dateien.indices.filter {
                let s = dateien[$0].periode.spanne; return s.von <= bis && bis <= s.bis
            }
            guard let a = treffer.first, let b = treffer.last else { return nil }
            return a...b
        }
        let treffer = dateien.indices.filter {
            let s = dateien[$0].periode.spanne; return s.von <= bis && von <= s.bis
        }
        guard let a = treffer.first, let b = treffer.last else { return nil }
        // Every quarter of the period must be covered by some file.
        var gedeckt = von
        for i in treffer {
            let s = dateien[i].periode.spanne
            if s.von > gedeckt { return nil }
            if s.bis >= gedeckt { gedeckt = s.bis == Int.max ? Int.max : s.bis + 1 }
            if gedeckt > bis { break }
        }
        guard gedeckt > bis else { return nil }
        // Delivered counts add up only when the files tile the period exactly.
        if art == .zahlen {
            for i in treffer {
                let s = dateien[i].periode.spanne
                if s.von < von || s.bis > bis { return nil }
            }
        }
        return a...b
    }

    /// A share of the year by days: from 1 January (`jahresanteil`) or from the period's first
    /// day (`zeitraumanteil`) to the Stichtag, over the days of the Stichtag's year. Q4 and the
    /// year give 1 for `jahresanteil`; a quarter about 1/4 for `zeitraumanteil`.
    package static func anteil(_ a: Zeitanteil, _ z: Zeitraum) -> Bruch {
        let stichtag = z.stichtag
        guard let neujahr = Tag(jahr: stichtag.jahr, monat: 1, tag: 1) else { return Bruch(1) }
        let von = a == .jahresanteil ? neujahr : z.beginn
        let tage = Int(stichtag.nummer - von.nummer) + 1
        return Bruch(zaehler: Int128(tage), nenner: Tag.istSchaltjahr(stichtag.jahr) ? 366 : 365) ?? Bruch(1)
    }

    package static func faktor(_ e: Einheit) -> Bruch {
        switch e {
        case .prozent: return Bruch(100)
        case .je(let n, _): return Bruch(n)
        case .anzahl, .euro, .benannt: return Bruch(1)
        }
    }

    static func verhaeltnis(_ z: TermWert, _ n: TermWert, faktor: Bruch) -> Kennwert {
        let zb: Bruch? = {
            if case .wert(let b) = z { return b }; return nil
        }()
        let nb: Bruch? = {
            if case .wert(let b) = n { return b }; return nil
        }()
        guard let zb, let nb else {
            return Kennwert(z.verknuepft(.plus, n).zustand, zaehler: zb, nenner: nb)
        }
        guard !nb.istNull else { return Kennwert(.nennerNull, zaehler: zb, nenner: nb) }
        guard let q = zb.geteilt(durch: nb), let w = q.mal(faktor) else {
            return Kennwert(.ueberlauf, zaehler: zb, nenner: nb)
        }
        return Kennwert(.wert(w), zaehler: zb, nenner: nb)
    }
}

/// Intermediate result of a formula part; the worst state wins when parts are combined.
enum TermWert {
    case wert(Bruch)
    case nennerNull
    case keineDaten
    case nurGesamt
    case ueberlauf

    init(_ z: Kennwert.Zustand) {
        switch z {
        case .wert(let b): self = .wert(b)
        case .nennerNull: self = .nennerNull
        case .keineDaten, .geheim: self = .keineDaten
        case .nurGesamt: self = .nurGesamt
        case .ueberlauf: self = .ueberlauf
        }
    }

    var zustand: Kennwert.Zustand {
        switch self {
        case .wert(let b): return .wert(b)
        case .nennerNull: return .nennerNull
        case .keineDaten: return .keineDaten
        case .nurGesamt: return .nurGesamt
        case .ueberlauf: return .ueberlauf
        }
    }

    private var rang: Int {
        switch self {
        case .nurGesamt: return 4
        case .keineDaten: return 3
        case .ueberlauf: return 2
        case .nennerNull: return 1
        case .wert: return 0
        }
    }

    /// The larger (max) or smaller (min) of two values; the worse state if either has none.
    func auswahl(_ f: Funktion, _ b: TermWert) -> TermWert {
        guard case .wert(let x) = self, case .wert(let y) = b else { return rang >= b.rang ? self : b }
        switch f {
        case .max: return .wert(x < y ? y : x)
        case .min: return .wert(x < y ? x : y)
        }
    }

    func verknuepft(_ op: Rechenart, _ b: TermWert) -> TermWert {
        guard case .wert(let x) = self, case .wert(let y) = b else { return rang >= b.rang ? self : b }
        let r: Bruch?
        switch op {
        case .plus: r = x.plus(y)
        case .minus: r = x.minus(y)
        case .mal: r = x.mal(y)
        case .geteilt:
            if y.istNull { return .nennerNull }
            r = x.geteilt(durch: y)
        }
        return r.map { .wert($0) } ?? .ueberlauf
    }
}

/// The values per Kennzahl, period and area, computed from the tallies in dependency order.
struct Wertrechner {
    let katalog: Katalog
    let werk: Zaehlwerk
    let auftragIndex: [Auswerter.Auftrag: Int]
    var n: Int { katalog.sozialraeume.count }
    private(set) var werte: [Auswertung.Schluessel: [Kennwert]] = [:]

    init(katalog: Katalog, werk: Zaehlwerk, auftragIndex: [Auswerter.Auftrag: Int]) {
        self.katalog = katalog
        self.werk = werk
        self.auftragIndex = auftragIndex
    }

    func term(_ t: Term, _ z: Zeitraum, _ slot: Int) -> TermWert {
        switch t {
        case .zahl(let b): return .wert(b)
        case .zaehlung(let i):
            guard let ai = auftragIndex[Auswerter.Auftrag(zaehlung: i, zeitraum: z)] else { return .keineDaten }
            return werk.wert(ai, slot: slot, quelle: katalog.quellen[katalog.zaehlungen[i].quelle])
        case .kennzahl(let j):
            return TermWert(berechnet(j, z)[slot].zustand)
        case .rechnung(let op, let a, let b):
            return term(a, z, slot).verknuepft(op, term(b, z, slot))
        case .funktion(let f, let argumente):
            return argumente.map { term($0, z, slot) }.reduce(nil as TermWert?) { bisher, neu in
                guard let bisher else { return neu }
                return bisher.auswahl(f, neu)
            } ?? .keineDaten
        case .anteil(let a):
            return .wert(Auswerter.anteil(a, z))
        }
    }
    /// The number of cases behind a formula part (see `Kennwert.basis`): sums and
    /// differences add their parts' bases, scaling keeps it, choices take the smallest.
    func basis(_ t: Term, _ z: Zeitraum, _ slot: Int) -> Int64? {
        switch t {
        case .zahl, .anteil: return nil
        case .zaehlung(let i):
            guard let ai = auftragIndex[Auswerter.Auftrag(zaehlung: i, zeitraum: z)] else { return nil }
            let zaehlung = katalog.zaehlungen[i]
            return werk.basis(
                ai, slot: slot, quelle: katalog.quellen[zaehlung.quelle],
                bevoelkerung: zaehlung.quelle == katalog.einwohnerQuelle)
        case .kennzahl(let j):
            let w = berechnet(j, z)[slot]
            if let b = w.basis { return b }
            return [w.zaehlerBasis, w.nennerBasis].compactMap { $0 }.min()
        case .rechnung(let op, let a, let b):
            let x = basis(a, z, slot), y = basis(b, z, slot)
            guard let x, let y else { return x ?? y }
            return op == .plus || op == .minus ? x &+ y : min(x, y)
        case .funktion(_, let argumente):
            return argumente.compactMap { basis($0, z, slot) }.min()
        }
    }
    /// The values of a Kennzahl this evaluation computed before (every reference is computed
    /// before what refers to it).
    func berechnet(_ k: Int, _ z: Zeitraum) -> [Kennwert] {
        werte[Auswertung.Schluessel(kennzahl: k, zeitraum: z)]
            ?? Array(repeating: Kennwert(.keineDaten), count: n + 2)
    }
    mutating func kennwerte(_ k: Int, _ z: Zeitraum) {
        let s = Auswertung.Schluessel(kennzahl: k, zeitraum: z)
        let kz = katalog.kennzahlen[k]
        var liste: [Kennwert] = (0...(n + 1)).map { slot in
            switch kz.formel {
            case .wert(let t):
                var w = Kennwert(term(t, z, slot).zustand)
                w.basis = basis(t, z, slot)
                return w
            case .verhaeltnis(let zt, let nt):
                var w = Auswerter.verhaeltnis(
                    term(zt, z, slot), term(nt, z, slot), faktor: Auswerter.faktor(kz.einheit))
                w.zaehlerBasis = basis(zt, z, slot)
                w.nennerBasis = basis(nt, z, slot)
                return w
            }
        }
        if kz.gesamtAlsSumme, !liste[0...n].contains(where: { $0.zustand == .nurGesamt }) {
            // The city as the sum of the Sozialräume and the rows without one.
            let summe = liste[0...n].map { TermWert($0.zustand) }.reduce(TermWert.wert(Bruch.null)) {
                $0.verknuepft(Rechenart.plus, $1)
            }
            var gesamt = Kennwert(summe.zustand)
            let basen = liste[0...n].compactMap(\.basis)
            gesamt.basis = basen.isEmpty ? nil : basen.reduce(0, &+)
            liste[n + 1] = gesamt
        }
        werte[s] = liste
    }
}
