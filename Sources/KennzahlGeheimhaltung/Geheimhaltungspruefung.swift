import Foundation
import KennzahlBasis

/// The audit of public reports: for every withheld value, the range an attacker who solves all
/// published values together (of this set and every public set before it) can prove, computed
/// exactly by linear programming over the `Angreifermodell`. Where a range gives a value away,
/// more values are withheld until none does.
///
/// The state is kept between steps: publishing or withholding a value changes only the
/// constraints it owns, and a range is computed on the component of the system that holds the
/// value (found by a search from its unknowns), so the chain of sets stays cheap.
///
/// Changed by one thread only; `intervalle` reads it from several threads at once (one
/// component each), which is why it is `@unchecked Sendable`.
final class Pruefstand: @unchecked Sendable {
    typealias Zelle = Geheimhaltung.Zelle
    typealias Beziehung = Angreifermodell.Beziehung

    /// An attacker's range for a value; nil bounds are unbounded.
    struct Intervall: Sendable, Equatable {
        var unten: Bruch?
        var oben: Bruch?
        /// Only the upper bound was computed: for a small count that is all a check needs (its
        /// true value lies below the Mindestfallzahl, so an upper bound reaching it also means
        /// the value is not pinned).
        var nurOben = false
    }

    enum Fehler: Error {
        /// The published values contradict the model (a bug: the true values satisfy it).
        case widerspruch
        /// A number outgrew the exact range.
        case ueberlauf
        /// A value cannot be protected: every value around it is already public.
        case nichtSicherbar(Zelle)
    }

    enum Status { case veroeffentlicht, geheim }

    let modell: Angreifermodell
    private(set) var status: [Zelle: Status] = [:]
    var beziehungen: [Beziehung] = []
    var aktiv: [Bool] = []
    /// The constraints each cell owns (a published value, a ratio, a withheld ratio's tie).
    var eigene: [Zelle: [Int]] = [:]
    /// Constraints per unknown.
    var jeVariable: [[Int]]
    /// Published exact quantities by expression, and how many cells publish each.
    var bekannt: [Angreifermodell.Linear.Signatur: Bruch] = [:]
    var bekanntAnzahl: [Angreifermodell.Linear.Signatur: Int] = [:]
    /// Ratio cells whose constraints used a known quantity as a number.
    var nutzer: [Angreifermodell.Linear.Signatur: Set<Zelle>] = [:]
    /// Shown lights by the cells they read: a light's constraints change with their status.
    var lichterJeEingabe: [Zelle: [Zelle]] = [:]
    /// Lights that cannot be shown: a condition of theirs is not linear in the unknowns.
    private(set) var nichtModellierbar: Set<Zelle> = []

    init(modell: Angreifermodell) {
        self.modell = modell
        jeVariable = [[Int]](repeating: [], count: modell.basis.count)
        for b in modell.feste { hinzufuegen(b) }
    }

    // MARK: Status

    /// Publishes values (counts and sums first, then ratios, which may use them as numbers) and
    /// lights (last: they read the others' status).
    func veroeffentliche(_ zellen: [Zelle]) {
        func rang(_ c: Zelle) -> Int { c.teil == .farbe ? 2 : istVerhaeltnis(c) ? 1 : 0 }
        let sortiert = zellen.sorted { (rang($0), $0) < (rang($1), $1) }
        var neueLichter: [Zelle] = []
        var nutzen = Set<Zelle>()
        for c in sortiert where status[c] == nil {
            status[c] = .veroeffentlicht
            if c.teil == .farbe {
                neueLichter.append(c)
                for e in modell.eingaben(c) { lichterJeEingabe[e, default: []].append(c) }
            }
            if let s = exakteSignatur(c), let w = modell.wahrerWert(c) {
                // A quantity newly known: the cells that can use it as a number are rebuilt.
                if bekannt[s] == nil { nutzen.formUnion(nutzerVon(s)) }
                bekannt[s] = w
                bekanntAnzahl[s, default: 0] += 1
            }
        }
        for c in sortiert where c.teil != .farbe { erzeuge(c) }
        for c in nutzen.subtracting(sortiert).sorted() { erzeuge(c) }
        // A published denominator ties its withheld ratio to the numerator.
        for c in sortiert where c.teil == .nenner {
            let v = Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .wert)
            if status[v] == .geheim { erzeuge(v) }
        }
        erneuereLichter(sortiert.filter { $0.teil != .farbe }, dazu: neueLichter)
    }

    /// The shown lights reading any of `zellen` (their status changed), and `dazu`, rebuilt; a
    /// light that can no longer be modelled is withheld.
    func erneuereLichter(_ zellen: [Zelle], dazu: [Zelle] = []) {
        var lichter = Set(dazu)
        for c in zellen { lichter.formUnion(lichterJeEingabe[c] ?? []) }
        for l in lichter.sorted() where status[l] == .veroeffentlicht { erzeuge(l) }
    }

    /// The lights reading any of `zellen`.
    func lichter(_ zellen: [Zelle]) -> [Zelle] {
        Array(Set(zellen.flatMap { lichterJeEingabe[$0] ?? [] })).sorted()
    }

    /// Withholds values (new ones, or published ones of the set being decided).
    func verberge(_ zellen: [Zelle]) {
        var neu: Set<Zelle> = []
        for c in zellen.sorted() where status[c] != .geheim {
            if status[c] == .veroeffentlicht, let s = exakteSignatur(c), let anzahl = bekanntAnzahl[s] {
                if anzahl <= 1 {
                    bekannt[s] = nil
                    bekanntAnzahl[s] = nil
                    neu.formUnion(nutzer[s] ?? [])
                    nutzer[s] = nil
                } else {
                    bekanntAnzahl[s] = anzahl - 1
                }
            }
            status[c] = .geheim
            neu.insert(c)
            if c.teil == .nenner {
                neu.insert(Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .wert))
            }
        }
        for c in neu.sorted() where status[c] != nil { erzeuge(c) }
        erneuereLichter(Array(neu))
    }

    /// Publishes a withheld value again (one the system pins anyway: showing it adds nothing).
    func gibFrei(_ c: Zelle) {
        guard status[c] == .geheim else { return }
        status[c] = .veroeffentlicht
        var neu: Set<Zelle> = [c]
        if let s = exakteSignatur(c), let w = modell.wahrerWert(c) {
            if bekannt[s] == nil {
                // The quantity becomes known again: ratios and ties may use it as a number once more.
                neu.formUnion(nutzerVon(s))
            }
            bekannt[s] = w
            bekanntAnzahl[s, default: 0] += 1
        }
        if c.teil == .nenner {
            neu.insert(Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .wert))
        }
        for z in neu.sorted() where status[z] != nil { erzeuge(z) }
        erneuereLichter(Array(neu).filter { $0.teil != .farbe })
    }

    func istVerhaeltnis(_ c: Zelle) -> Bool {
        if case .verhaeltnis = modell.katalog.kennzahlen[c.kennzahl].formel { return c.teil == .wert }
        return false
    }

    /// The signature of a value published exactly (a count), nil otherwise.
    func exakteSignatur(_ c: Zelle) -> Angreifermodell.Linear.Signatur? {
        guard modell.schutzart[c] == .anzahl, let e = modell.ausdruck[c], let w = modell.wahrerWert(c), w.nenner == 1
        else { return nil }
        return e.signatur
    }

    /// (Re)builds the constraints a cell owns in its current status.
    func erzeuge(_ c: Zelle) {
        for i in eigene[c] ?? [] { aktiv[i] = false }
        eigene[c] = []
        let liste: [Beziehung]
        switch status[c] {
        case .veroeffentlicht? where c.teil == .farbe:
            if let b = modell.farbe(c, { status[$0] == .veroeffentlicht }) {
                liste = b
                nichtModellierbar.remove(c)
            } else {
                // Not linear: the light cannot be shown.
                status[c] = .geheim
                nichtModellierbar.insert(c)
                liste = []
            }
        case .veroeffentlicht?:
            if istVerhaeltnis(c) {
                let (b, genutzt) = modell.verhaeltnis(c, bekannt: bekannt)
                for s in genutzt { nutzer[s, default: []].insert(c) }
                liste = b
            } else {
                liste = modell.veroeffentlicht(c)
            }
        case .geheim? where c.teil == .farbe:
            liste = []
        case .geheim?:
            liste =
                istVerhaeltnis(c)
                ? modell.geheimesVerhaeltnis(c, nenner: status[nennerZelle(c)] == .veroeffentlicht) : []
        case nil:
            liste = []
        }
        var alle = liste
        // A product or quotient whose factor is published is tied to its linear parts.
        if status[c] != nil, let (b, genutzt) = modell.bindung(c, bekannt: bekannt) {
            for s in genutzt { nutzer[s, default: []].insert(c) }
            alle.append(b)
        }
        for b in alle { eigene[c, default: []].append(hinzufuegen(b)) }
    }

    /// The cells whose constraints can use a quantity once it is known as a number (ratios
    /// through their numerator or denominator, ties of products and quotients).
    func nutzerVon(_ s: Angreifermodell.Linear.Signatur) -> [Zelle] {
        ((modell.verhaeltnisseJeTeil[s] ?? []) + (modell.bindungenJeTeil[s] ?? [])).filter { status[$0] != nil }
    }

    func nennerZelle(_ c: Zelle) -> Zelle {
        Zelle(kennzahl: c.kennzahl, zeitraum: c.zeitraum, slot: c.slot, teil: .nenner)
    }

    @discardableResult
    func hinzufuegen(_ b: Beziehung) -> Int {
        let i = beziehungen.count
        beziehungen.append(b)
        aktiv.append(true)
        for v in b.ausdruck.terme.keys { jeVariable[v].append(i) }
        return i
    }

    // MARK: Ranges

    /// A connected part of the system: its unknowns and its active constraints.
    struct Komponente {
        var variablen: [Int]
        var beziehungen: [Int]
        var ziele: [Zelle]
    }

    /// The components that hold `ziele` (targets connect their own unknowns too).
    func komponenten(_ ziele: [Zelle]) -> [Komponente] {
        var zielJeVariable: [Int: [Zelle]] = [:]
        for z in ziele {
            for v in modell.ausdruck[z]?.terme.keys ?? [:].keys { zielJeVariable[v, default: []].append(z) }
        }
        var besucht = Set<Int>(), zielBesucht = Set<Zelle>(), beziehungBesucht = Set<Int>()
        var ergebnis: [Komponente] = []
        for start in ziele.sorted() where !zielBesucht.contains(start) {
            var k = Komponente(variablen: [], beziehungen: [], ziele: [])
            var stapel: [Int] = []
            func nimmZiel(_ z: Zelle) {
                guard zielBesucht.insert(z).inserted else { return }
                k.ziele.append(z)
                for v in modell.ausdruck[z]?.terme.keys ?? [:].keys where besucht.insert(v).inserted {
                    stapel.append(v)
                }
            }
            nimmZiel(start)
            while let v = stapel.popLast() {
                k.variablen.append(v)
                for z in zielJeVariable[v] ?? [] { nimmZiel(z) }
                for i in jeVariable[v] where aktiv[i] && beziehungBesucht.insert(i).inserted {
                    k.beziehungen.append(i)
                    for w in beziehungen[i].ausdruck.terme.keys where besucht.insert(w).inserted { stapel.append(w) }
                }
            }
            ergebnis.append(k)
        }
        return ergebnis
    }

    /// A solved component: its targets, constraints and feasible program (reused for proofs).
    struct Geloest {
        var ziele: [Zelle]
        var beziehungen: [Int]
        var simplex: Simplex
        var lokal: [Int: Int]
        var zeilen: [Int]
        var programm: LinearesProgramm
        /// The component's constraints by content (order-independent): the same system again
        /// has the same fingerprint, whichever ids its constraints got.
        var fingerabdruck: Fingerabdruck
        /// Targets whose maximising vertex is an integer point reaching the Mindestfallzahl.
        var ganzeEcke: Set<Zelle>
        /// Those vertices, as witnesses (`Pruefstand+Zeugen`).
        var zeugen: [Zelle: [Int: Bruch]] = [:]
    }

    /// Per system (by fingerprint) the findings per value: a system met again is not solved again.
    var befunde: [Fingerabdruck: [Zelle: Befund]] = [:]
    /// Per small count the last point that showed it safe (`Pruefstand+Zeugen`).
    var zeugen: [Zelle: [Int: Bruch]] = [:]

    /// The attacker's ranges of `ziele`, and the solved components. `vollstaendig`: both bounds
    /// of every value, for the listing (no integer verdicts follow, so a system met before is
    /// not solved again); otherwise a small count gets its upper bound only, which is all a
    /// check needs.
    func intervalle(_ ziele: [Zelle], vollstaendig: Bool = false) throws(Fehler) -> (
        intervalle: [Zelle: Intervall], komponenten: [Geloest]
    ) {
        var ergebnis: [Zelle: Intervall] = [:]
        var teile: [Geloest] = []
        for z in ziele {
            if let e = modell.ausdruck[z], e.terme.isEmpty {
                ergebnis[z] = Intervall(unten: e.konstante, oben: e.konstante)
            }
        }
        // A system solved before, whose values are all safe, is not solved again.
        var offen: [Komponente] = []
        for k in komponenten(ziele.filter { !(modell.ausdruck[$0]?.terme.isEmpty ?? true) }) {
            // Every value small, and each one's witness still holding: safe without solving.
            if !vollstaendig,
                k.ziele.allSatisfy({ x in
                    istKleineAnzahl(x) && (zeugen[x].map { zeugeGilt(x, $0, k.beziehungen) } ?? false)
                })
            {
                for x in k.ziele {
                    ergebnis[x] = Intervall(
                        unten: nil, oben: Bruch(modell.katalog.kennzahlen[x.kennzahl].mindestfallzahl), nurOben: true)
                }
                Pruefzaehler.zaehle("Komponenten durch Zeugen")
                continue
            }
            let f = fingerabdruck(k)
            if let alt = befunde[f],
                k.ziele.allSatisfy({ x in
                    alt[x].map { vollstaendig ? !$0.intervall.nurOben : istSicher($0, x) } ?? false
                })
            {
                for x in k.ziele { ergebnis[x] = alt[x]?.intervall }
                Pruefzaehler.zaehle("Komponenten aus dem Gedächtnis")
                continue
            }
            offen.append(k)
        }
        let liste = offen
        // Components are independent: solved on all cores, collected in order.
        let ablage = Ablage<Result<(Geloest, [Zelle: Intervall]), Fehler>>(anzahl: liste.count)
        let naechste = Laufnummer()
        DispatchQueue.concurrentPerform(
            iterations: min(ProcessInfo.processInfo.activeProcessorCount, max(1, liste.count))
        ) { _ in
            while let n = naechste.weiter(bis: liste.count) { ablage.setze(n, loese(liste[n], voll: vollstaendig)) }
        }
        for r in ablage.alle {
            let (geloest, bereiche) = try r.get()
            teile.append(geloest)
            ergebnis.merge(bereiche) { $1 }
            zeugen.merge(geloest.zeugen) { $1 }
        }
        return (ergebnis, teile)
    }

    /// Solves one component: the range of each of its targets (`voll`: both bounds of every
    /// target; otherwise a small count gets its upper bound only).
    func loese(_ k: Komponente, voll: Bool = true) -> Result<(Geloest, [Zelle: Intervall]), Fehler> {
        Pruefzaehler.zaehle("Komponenten gelöst")
        Pruefzaehler.zaehle("Unbekannte in gelösten Komponenten", k.variablen.count)
        Pruefzaehler.hoechstens("größte Komponente (Unbekannte)", k.variablen.count)
        Pruefzaehler.hoechstens("größte Komponente (Bedingungen)", k.beziehungen.count)
        Pruefzaehler.zaehle("Ziele in gelösten Komponenten", k.ziele.count)
        var simplex: Simplex, lokal: [Int: Int], zeilen: [Int], lp: LinearesProgramm
        do {
            (simplex, lokal, zeilen, lp) = try programm(k)
        } catch {
            return .failure(error)
        }
        var bereiche: [Zelle: Intervall] = [:]
        var ganzeEcke = Set<Zelle>()
        var zeugen: [Zelle: [Int: Bruch]] = [:]
        var ganz = Set<Int>()
        for (v, l) in lokal where istGanzzahlig(v) { ganz.insert(l) }
        for z in k.ziele.sorted() {
            guard let e = modell.ausdruck[z] else { continue }
            let ziel = Pruefstand.ziel(e, lokal)
            let klein = !voll && istKleineAnzahl(z)
            // A small count needs only to reach its Mindestfallzahl: the maximisation stops there.
            let m = Bruch(modell.katalog.kennzahlen[z.kennzahl].mindestfallzahl)
            let oben =
                klein
                ? simplex.maximum(ziel, genug: m.minus(e.konstante) ?? m).flatMap { $0.plus(e.konstante) }
                : simplex.optimum(ziel, maximieren: true).flatMap { $0.plus(e.konstante) }
            // The maximising vertex with whole case counts is an integer point already.
            if let o = oben, !(o < Bruch(modell.katalog.kennzahlen[z.kennzahl].mindestfallzahl)) {
                let x = simplex.loesung()
                if ganz.allSatisfy({ x[$0].istGanz }) {
                    ganzeEcke.insert(z)
                    if klein, let p = zeuge(z, x, lokal) { zeugen[z] = p }
                }
            }
            if klein {
                bereiche[z] = Intervall(unten: nil, oben: oben, nurOben: true)
                continue
            }
            let unten = simplex.optimum(ziel, maximieren: false).flatMap { $0.plus(e.konstante) }
            bereiche[z] = Intervall(unten: unten, oben: oben)
        }
        let fingerabdruck = fingerabdruck(k)
        return .success(
            (
                Geloest(
                    ziele: k.ziele, beziehungen: k.beziehungen, simplex: simplex, lokal: lokal, zeilen: zeilen,
                    programm: lp,
                    fingerabdruck: fingerabdruck, ganzeEcke: ganzeEcke, zeugen: zeugen), bereiche
            ))
    }

    /// The linear program of a component, solved to a feasible basis; the local index of each
    /// unknown; the constraint behind each program row.
    func programm(_ k: Komponente) throws(Fehler) -> (Simplex, [Int: Int], [Int], LinearesProgramm) {
        var lp = LinearesProgramm()
        var lokal: [Int: Int] = [:]
        for v in k.variablen.sorted() { lokal[v] = lp.variable(nichtnegativ: modell.nichtnegativ[v]) }
        // The same constraint from several values (a quantity several Kennzahlen show) once.
        var gesehen = Set<Angreifermodell.Beziehung.Schluessel>()
        let zeilen = k.beziehungen.sorted().filter { gesehen.insert(beziehungen[$0].schluessel).inserted }
        var gesehenTeile = Set<Angreifermodell.Linear.Signatur>()
        for i in zeilen {
            let b = beziehungen[i]
            var a: [Int: Bruch] = [:]
            for (v, c) in b.ausdruck.terme { if let l = lokal[v] { a[l] = c } }
            lp.bedingung(a, b.art, Bruch.null.minus(b.ausdruck.konstante) ?? .null)
            for t in b.teile where t.terme.count > 1 && t.terme.keys.allSatisfy(istGanzzahlig) {
                guard var g = Angreifermodell.ganzzahlig(t) else { continue }
                g.konstante = .null
                guard gesehenTeile.insert(g.signatur).inserted else { continue }
                var e: [Int: Bruch] = [:]
                for (v, c) in g.terme { if let l = lokal[v] { e[l] = c } }
                lp.ausdruecke.append(e)
            }
        }
        do {
            lp.vereinfache()
            return (try Simplex(lp), lokal, zeilen, lp)
        } catch {
            throw .widerspruch
        }
    }

    static func ziel(_ e: Angreifermodell.Linear, _ lokal: [Int: Int]) -> [Int: Bruch] {
        var ziel: [Int: Bruch] = [:]
        for (v, c) in e.terme { if let l = lokal[v] { ziel[l] = c } }
        return ziel
    }

    /// The published values whose constraints prove `x`'s upper (or lower) bound in its solved
    /// component: the constraints with a non-zero dual value at the optimum.
    func beweis(_ x: Zelle, _ k: inout Geloest, oben: Bool) -> [Zelle] {
        guard let e = modell.ausdruck[x] else { return [] }
        // `bedingung` was called once per constraint of the component, in the order of `zeilen`.
        let (_, beweis) = k.simplex.optimumMitBeweis(Pruefstand.ziel(e, k.lokal), maximieren: oben)
        var zellen: [Zelle] = []
        for r in beweis { zellen += beziehungen[k.zeilen[r]].zellen }
        return zellen
    }

    /// Why a range gives a withheld value away, nil when it does not. Counts: provably below the
    /// Mindestfallzahl, or pinned to one value; amounts: narrowed to within 10 % of their value.
    /// Values that are 0 are not protected (reports show 0 openly).
    func verrat(_ c: Zelle, _ i: Intervall) -> String? {
        guard let w = modell.wahrerWert(c), !w.istNull else { return nil }
        let mindestfallzahl = modell.katalog.kennzahlen[c.kennzahl].mindestfallzahl
        switch modell.schutzart[c] ?? .keiner {
        case .keiner:
            return nil
        case .anzahl:
            let oben = i.oben.flatMap { Bruch(zaehler: $0.gerundetAbwaerts, nenner: 1) }
            let unten = i.unten.flatMap { Bruch(zaehler: $0.gerundetAufwaerts, nenner: 1) }
            if let o = oben, o < Bruch(mindestfallzahl) { return "beweisbar unter \(mindestfallzahl)" }
            if let o = oben, let u = unten, o == u { return "genau bestimmbar" }
            return nil
        case .betrag:
            guard let zehntel = Bruch(zaehler: 1, nenner: 10), let spanne = w.betrag.mal(zehntel),
                let tief = w.minus(spanne), let hoch = w.plus(spanne)
            else { return "nicht prüfbar" }
            if let u = i.unten, tief < u { return "auf weniger als ±10 % eingrenzbar" }
            if let o = i.oben, o < hoch { return "auf weniger als ±10 % eingrenzbar" }
            return nil
        }
    }
}
