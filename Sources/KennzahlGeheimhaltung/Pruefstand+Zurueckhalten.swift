import Foundation
import KennzahlBasis

extension Pruefstand {
    /// The withheld cells a check must look at after `zellen` changed: those in the components
    /// of their unknowns and of the constraints they own (a ratio's constraints lie on its
    /// numerator and denominator, not on its own unknown).
    func betroffen(_ zellen: [Zelle]) -> [Zelle] {
        var besucht = Set<Int>(), beziehungBesucht = Set<Int>()
        var stapel: [Int] = []
        // The lights reading them changed their constraints too.
        for c in zellen + lichter(zellen) {
            var vars = Array(modell.ausdruck[c]?.terme.keys ?? [:].keys)
            for i in eigene[c] ?? [] where aktiv[i] { vars += beziehungen[i].ausdruck.terme.keys }
            for v in vars where besucht.insert(v).inserted { stapel.append(v) }
        }
        while let v = stapel.popLast() {
            for i in jeVariable[v] where aktiv[i] && beziehungBesucht.insert(i).inserted {
                for w in beziehungen[i].ausdruck.terme.keys where besucht.insert(w).inserted { stapel.append(w) }
            }
        }
        return status.compactMap { c, s in
            s == .geheim && modell.schutzart[c] != nil && modell.schutzart[c] != .keiner
                && (modell.ausdruck[c]?.terme.keys.contains(where: besucht.contains) ?? false) ? c : nil
        }
    }

    /// Withholds further values of `waehlbar` until none of `ziele` (the small values) is given
    /// away. Returns the values it withheld, in order. For the first value given away, the LP's
    /// proof of the offending bound names the published values it rests on; the smallest of
    /// them is withheld. Withholding only loosens the system, so a range once safe stays safe:
    /// after each choice only the affected component is solved again.
    func sichere(_ ziele: [Zelle], waehlbar: Set<Zelle>) throws(Fehler) -> [Zelle] {
        var hinzu: [Zelle] = []
        var offen = Set(
            ziele.filter { status[$0] == .geheim && modell.schutzart[$0] != nil && modell.schutzart[$0] != .keiner })
        let ziele = offen
        var verletzt = Set<Zelle>()
        while !offen.isEmpty {
            let r = try intervalle(Array(offen))
            verletzt.subtract(offen)
            verletzt.formUnion(verraten(r).intersection(ziele))
            guard !verletzt.isEmpty else { return hinzu }
            // Every value given away in a component solved in this pass gets one choice: the
            // smallest published value its proof rests on (the next pass checks again).
            var gewaehlt = Set<Zelle>()
            var naechste = Set<Zelle>()
            for var k in r.komponenten {
                for x in k.ziele.sorted() where verletzt.contains(x) {
                    let oben = verratOben(x, r.intervalle[x])
                    var kandidaten = Set(
                        beweis(x, &k, oben: oben).filter { waehlbar.contains($0) && status[$0] == .veroeffentlicht })
                    if kandidaten.isEmpty {
                        kandidaten = Set(
                            beweis(x, &k, oben: !oben).filter {
                                waehlbar.contains($0) && status[$0] == .veroeffentlicht
                            })
                    }
                    if let i = r.intervalle[x], verrat(x, i) == nil {
                        // Given away to the integer attacker only: rounded values (a percentage
                        // of whole numbers) cut the integers; they are candidates too.
                        for b in k.beziehungen where beziehungen[b].art != .gleich {
                            kandidaten.formUnion(
                                beziehungen[b].zellen.filter { waehlbar.contains($0) && status[$0] == .veroeffentlicht }
                            )
                        }
                    }
                    kandidaten.subtract(gewaehlt)
                    // A light first: its colour is what gave the value away, and it loses less.
                    let wahl = kandidaten.min { a, b in
                        if (a.teil == .farbe) != (b.teil == .farbe) { return a.teil == .farbe }
                        let wa = modell.wahrerWert(a)?.betrag ?? .null, wb = modell.wahrerWert(b)?.betrag ?? .null
                        if wa.istNull != wb.istNull { return !wa.istNull }
                        return wa != wb ? wa < wb : a < b
                    }
                    guard let wahl else {
                        // Nothing left to choose for x here unless another choice of this pass helps.
                        if gewaehlt.isEmpty { throw .nichtSicherbar(x) }
                        continue
                    }
                    gewaehlt.insert(wahl)
                    naechste.formUnion(k.ziele)
                }
            }
            if gewaehlt.isEmpty {
                // Violations found earlier, in components this pass did not solve.
                offen = verletzt
                continue
            }
            verberge(Array(gewaehlt))
            hinzu += gewaehlt.sorted()
            // Only the targets of the components touched can change.
            offen = naechste.intersection(ziele)
        }
        return hinzu
    }

    /// Tries to show each of `zellen` again, last first; keeps it shown when no value of
    /// `ziele` is then given away (a greedy choice made early may be covered by later ones).
    /// Returns the values shown again.
    func lichte(_ zellen: [Zelle], ziele: Set<Zelle>, ganzzahlig: Bool = true) throws(Fehler) -> [Zelle] {
        var frei: [Zelle] = []
        for c in zellen.reversed() where status[c] == .geheim {
            gibFrei(c)
            let betroffen = betroffen([c]).filter(ziele.contains)
            let r = try intervalle(betroffen)
            let verraten = ganzzahlig ? verraten(r) : Set(r.intervalle.filter { verrat($0.key, $0.value) != nil }.keys)
            if !verraten.isEmpty {
                verberge([c])
            } else {
                frei.append(c)
            }
        }
        return frei
    }

    /// The active constraints, for the export of the attacker's system.
    var aktiveBeziehungen: [Beziehung] { beziehungen.indices.filter { aktiv[$0] }.map { beziehungen[$0] } }

    /// Whether an attacker who also uses that case counts are whole numbers can prove a small
    /// count `x` below its Mindestfallzahl m: there is no integer point of its component with
    /// x ≥ m (branch and bound over the case counts). Undecided within the node limit counts as
    /// given away. Only asked where the linear range does not already give it away.
    func ganzzahligVerraten(_ x: Zelle, _ k: Geloest, _ neueZeugen: Zeugenablage = Zeugenablage()) -> String? {
        guard modell.schutzart[x] == .anzahl, let e = modell.ausdruck[x], let w = modell.wahrerWert(x), !w.istNull
        else { return nil }
        let m = modell.katalog.kennzahlen[x.kennzahl].mindestfallzahl
        var lp = k.programm
        var ziel: [Int: Bruch] = [:]
        for (v, c) in e.terme {
            guard let l = k.lokal[v] else { return nil }
            ziel[l] = c
        }
        lp.bedingung(ziel, .mindestens, Bruch(m).minus(e.konstante) ?? Bruch(m))
        var ganz = Set<Int>()
        for (v, l) in k.lokal where istGanzzahlig(v) { ganz.insert(l) }
        // Branch and bound from the component's solved tableau, the bound x ≥ m added as a row.
        var wurzel = k.simplex
        guard wurzel.begrenze(ziel, oben: false, ExakteZahl(Bruch(m).minus(e.konstante) ?? Bruch(m))) else {
            Pruefzaehler.zaehle("ganzzahlig: verraten")
            return "ganzzahlig beweisbar unter \(m)"
        }
        switch Simplex.ganzzahligLoesbar(lp, ganz: ganz, wurzel: wurzel) {
        case .punkt(let p):
            Pruefzaehler.zaehle("ganzzahlig: sicher")
            if let z = zeuge(x, p, k.lokal) { neueZeugen.setze(x, z) }
            return nil
        case .keiner:
            Pruefzaehler.zaehle("ganzzahlig: verraten")
            return "ganzzahlig beweisbar unter \(m)"
        case .unentschieden:
            Pruefzaehler.zaehle("ganzzahlig: unentschieden")
            return "ganzzahlig nicht entscheidbar"
        }
    }

    /// Unknowns that count cases (whole numbers), see `Angreifermodell.ganzzahlig`.
    func istGanzzahlig(_ v: Int) -> Bool { modell.ganzzahlig(v) }

    /// Checks `ziele` in their solved components: the linear range, then for small counts whose
    /// range holds, the integer attacker. Returns the ones given away.
    func verraten(_ r: (intervalle: [Zelle: Intervall], komponenten: [Geloest])) -> Set<Zelle> {
        var ergebnis = Set<Zelle>()
        var offen: [(Zelle, Geloest)] = []
        for k in r.komponenten {
            for x in k.ziele {
                guard let i = r.intervalle[x] else { continue }
                if verrat(x, i) != nil {
                    ergebnis.insert(x)
                    continue
                }
                if k.ganzeEcke.contains(x) { continue }
                if let alt = befunde[k.fingerabdruck]?[x]?.ganzVerraten {
                    if alt { ergebnis.insert(x) }
                    continue
                }
                offen.append((x, k))
            }
        }
        // The integer checks are independent: on all cores, collected in order.
        let pruefen = offen
        let neueZeugen = Zeugenablage()
        let ablage = Ablage<Bool>(anzahl: pruefen.count)
        let naechste = Laufnummer()
        DispatchQueue.concurrentPerform(
            iterations: min(ProcessInfo.processInfo.activeProcessorCount, max(1, pruefen.count))
        ) { _ in
            while let n = naechste.weiter(bis: pruefen.count) {
                ablage.setze(n, ganzzahligVerraten(pruefen[n].0, pruefen[n].1, neueZeugen) != nil)
            }
        }
        zeugen.merge(neueZeugen.alle) { $1 }
        var ganzVerraten: [Zelle: Bool] = [:]
        for ((x, _), verraten) in zip(offen, ablage.alle) {
            ganzVerraten[x] = verraten
            if verraten { ergebnis.insert(x) }
        }
        // Remembered for the next time the same system comes up.
        for k in r.komponenten {
            for x in k.ziele {
                guard let i = r.intervalle[x] else { continue }
                let alt = befunde[k.fingerabdruck]?[x]
                befunde[k.fingerabdruck, default: [:]][x] = Befund(
                    intervall: i, ganzeEcke: k.ganzeEcke.contains(x),
                    ganzVerraten: ganzVerraten[x] ?? alt?.ganzVerraten)
            }
        }
        for (x, i) in r.intervalle where verrat(x, i) != nil { ergebnis.insert(x) }
        return ergebnis
    }

    /// Whether a finding says the value is safe: its range gives nothing away, and the integer
    /// attacker was asked (or the maximising vertex is an integer point) and found nothing.
    func istSicher(_ b: Befund, _ x: Zelle) -> Bool {
        guard verrat(x, b.intervall) == nil else { return false }
        guard modell.schutzart[x] == .anzahl, let w = modell.wahrerWert(x), !w.istNull else { return true }
        return b.ganzeEcke || b.ganzVerraten == false
    }

    /// Whether the upper bound gives the value away (else the lower one).
    func verratOben(_ x: Zelle, _ i: Intervall?) -> Bool {
        guard let i, let w = modell.wahrerWert(x) else { return true }
        switch modell.schutzart[x] ?? .keiner {
        case .anzahl: return true
        case .betrag, .keiner:
            // The side that is closer to the value than 10 % of it.
            guard let u = i.unten, let zehntel = Bruch(zaehler: 1, nenner: 10), let spanne = w.betrag.mal(zehntel),
                let tief = w.minus(spanne)
            else { return true }
            return !(tief < u)
        }
    }
}
