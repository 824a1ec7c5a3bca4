import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// Which values a public report withholds (`kennzahl report --public`).
///
/// **Primary**: a value resting on fewer cases than the Mindestfallzahl (1 or 2 cases by default;
/// 0 is shown), and every part of a ratio whose numerator or denominator does.
/// **Secondary**: values from which a withheld one could be recomputed. The reports show totals
/// and their parts – the city and its Sozialräume (and the cases without one), a Gesamt row and
/// the rows it adds up, a ratio with its numerator and denominator. In each such relation, either
/// no value or at least two are withheld; where exactly one would be, another is withheld too:
/// first wherever a relation leaves only one choice, then the smallest other part (it loses the
/// least information), the total only when no part is left.
///
/// Decided once per Kennzahl, period and area over everything the report set shows, so the same
/// value is withheld in every report that shows it: no report can be set against another.
package struct Geheimhaltung: Sendable {
    package enum Teil: Int, Sendable, Hashable {
        case wert, zaehler, nenner
        /// A shown Ampel light (its colour, history and reason).
        case farbe
    }

    struct Zelle: Hashable, Sendable {
        var kennzahl: Int
        var zeitraum: Zeitraum
        var slot: Int
        var teil: Teil
    }

    /// Why a value is withheld.
    package enum Grund: String, Sendable, CaseIterable {
        /// Too few cases behind it.
        case primaer = "primär"
        /// It would give a withheld value away through a relation the reports show.
        case sekundaer = "sekundär"
        /// The audit found that the whole public set, solved as a system, gave a value away.
        case pruefung = "Prüfung"
        /// An earlier public set withheld it (the same value may not appear later).
        case frueher = "früher"
        /// A light whose conditions are not linear in what is withheld (a change between two
        /// withheld ratios): the audit cannot model it, so it is not shown.
        case ampel = "Ampel nicht prüfbar"
    }

    /// Why each withheld value of this set and its predecessors is withheld.
    private(set) var gruende: [Zelle: Grund] = [:]
    /// The values this set shows (numbers or `.`).
    private(set) var sichtbar: Set<Zelle> = []
    /// For each withheld value of this set: the attacker's range after the audit.
    private(set) var intervalle: [Zelle: Pruefstand.Intervall] = [:]
    /// The public sets the audit took together, oldest first (for the notes).
    package private(set) var kette: [Berichtsperiode] = []
    /// The attacker's system of this set, when asked for (`check --public --pruefsystem`).
    package private(set) var system: Pruefsystem?
    /// The set's lights, switched on the values as the set shows them; the ones it withholds
    /// are marked (`Ampelstand.istVerborgen`).
    package private(set) var ampel = Ampelstand()
    private let sozialraeume: Int

    init(sozialraeume: Int) { self.sozialraeume = sozialraeume }

    /// How many values of this set are withheld for a reason (lights not counted).
    package func anzahl(_ grund: Grund) -> Int {
        sichtbar.filter { $0.teil != .farbe && gruende[$0] == grund }.count
    }
    /// How many lights of this set are withheld.
    package var anzahlLichter: Int { sichtbar.filter { $0.teil == .farbe && gruende[$0] != nil }.count }
    /// Cells withheld because they rest on too few cases.
    var anzahlPrimaer: Int { anzahl(.primaer) }
    /// Cells withheld so the others cannot be recomputed (relations and audit).
    var anzahlSekundaer: Int { anzahl(.sekundaer) + anzahl(.pruefung) + anzahl(.frueher) }

    /// Whether a public set shows a number: the audit saw it and does not withhold it. Anything
    /// else is withheld (fail closed).
    package func gezeigt(_ k: Int, _ z: Zeitraum, _ g: Gebiet, _ teil: Teil) -> Bool {
        let c = Zelle(kennzahl: k, zeitraum: z, slot: g.slot(sozialraeume: sozialraeume), teil: teil)
        return sichtbar.contains(c) && gruende[c] == nil
    }

    /// Whether the audit saw a number at all (it is shown or withheld for a reason).
    package func geprueft(_ k: Int, _ z: Zeitraum, _ g: Gebiet, _ teil: Teil) -> Bool {
        sichtbar.contains(Zelle(kennzahl: k, zeitraum: z, slot: g.slot(sozialraeume: sozialraeume), teil: teil))
    }

    /// A number as a public set shows it and as the audit models it: rounded (half away from
    /// zero) to the places it is printed with – a value to its Kennzahl's, a numerator or
    /// denominator whole or to two places. Excel cells and chart coordinates get this, never more.
    package static func gerundet(_ w: Bruch, _ kz: Kennzahl, _ teil: Teil) -> Bruch {
        let dezimalen = teil == .wert ? kz.dezimalen : (w.nenner == 1 ? 0 : 2)
        let (negativ, ziffern) = w.gerundet(dezimalen: dezimalen)
        var zehn: Int128 = 1
        for _ in 0..<dezimalen { zehn *= 10 }
        return Bruch(zaehler: (Int128(ziffern) ?? 0) * (negativ ? -1 : 1), nenner: zehn) ?? w
    }

    /// Whether a part of a value is withheld.
    package func geheim(_ k: Int, _ z: Zeitraum, _ g: Gebiet, _ teil: Teil) -> Bool {
        gruende[Zelle(kennzahl: k, zeitraum: z, slot: g.slot(sozialraeume: sozialraeume), teil: teil)] != nil
    }

    /// One withheld value of the set, as the audit listing shows it.
    package struct Protokollzeile: Sendable {
        package var kennzahl: String
        package var gebiet: String
        package var zeitraum: String
        package var teil: String
        package var grund: Grund
        /// The attacker's range in German notation (`0 bis 4`, `12 bis unbegrenzt`).
        package var bereich: String
    }

    /// Every withheld value this set shows, with its reason and the attacker's range, in
    /// catalogue order.
    package func protokoll(_ katalog: Katalog) -> [Protokollzeile] {
        let n = katalog.sozialraeume.count
        return gruende.keys.filter(sichtbar.contains).sorted().map { c in
            let kz = katalog.kennzahlen[c.kennzahl]
            let gebiet: String
            switch Gebiet(slot: c.slot, sozialraeume: n) {
            case .gesamt: gebiet = katalog.gesamtName
            case .sozialraum(let i): gebiet = katalog.sozialraeume[i].name
            case .ohneZuordnung: gebiet = katalog.ohneZuordnungName
            }
            let teil: String
            switch c.teil {
            case .wert: teil = "Wert"
            case .zaehler: teil = "Zähler"
            case .nenner: teil = "Nenner"
            case .farbe: teil = "Ampel"
            }
            return Protokollzeile(
                kennzahl: kz.id, gebiet: gebiet, zeitraum: c.zeitraum.kurz, teil: teil, grund: gruende[c] ?? .pruefung,
                bereich: c.teil == .farbe
                    ? "Farbe nicht ausgewiesen"
                    : Geheimhaltung.bereich(intervalle[c], ganzzahlig: kz.einheit == .anzahl || c.teil != .wert))
        }
    }

    /// `0 bis 4`; whole numbers for counts (the attacker knows counts are whole), two decimals
    /// otherwise; `unbegrenzt` where the attacker has no bound.
    static func bereich(_ i: Pruefstand.Intervall?, ganzzahlig: Bool) -> String {
        guard let i else { return "nicht geprüft (Verhältnis oder nicht linear; geschützt über Zähler und Nenner)" }
        func zahl(_ b: Bruch?, oben: Bool) -> String {
            guard let b else { return oben ? "unbegrenzt" : "unbegrenzt" }
            if ganzzahlig, let g = Bruch(zaehler: oben ? b.gerundetAbwaerts : b.gerundetAufwaerts, nenner: 1) {
                return Zahlformat.deutsch(g, dezimalen: 0)
            }
            return Zahlformat.deutsch(b, dezimalen: 2)
        }
        return "\(zahl(i.unten, oben: false)) bis \(zahl(i.oben, oben: true))"
    }

    /// A relation among shown values: `summe` (a total and its parts: `zellen[0]` is the total)
    /// or `verhaeltnis` (value, numerator, denominator: any two give the third).
    struct Beziehung {
        package enum Art { case summe, verhaeltnis }
        var art: Art
        var zellen: [Zelle]
    }

    package enum Fehler: Error, Sendable {
        /// The audit cannot protect a value (no public set is written then).
        case nichtSicherbar(String)
    }

    /// The public set for `periode`, decided together with the public sets an attacker already
    /// holds: every quarter from `ab` (the first quarter of the data, at most 24 quarters back) on
    /// is decided in turn, each audited together with every set before it (a yearly set after
    /// the quarters of its year). A value withheld before stays withheld; a value published
    /// before is known.
    package static func berechne(
        katalog: Katalog, auswertung: Auswertung, periode: Berichtsperiode, ab: Quartal? = nil,
        schaltungen: ManuelleSchaltungen = ManuelleSchaltungen(), mitSystem: Bool = false
    ) throws(Fehler) -> Geheimhaltung {
        let perioden = kette(periode, ab: ab)
        let n = katalog.sozialraeume.count
        var alle = Set<Zelle>()
        var sichtbarJe: [Set<Zelle>] = []
        var lichterJe: [Set<Zelle>] = []
        for p in perioden {
            let s = sichtbar(katalog, p)
            let l = Angreifermodell.lichter(katalog, p)
            sichtbarJe.append(s)
            lichterJe.append(l)
            alle.formUnion(s)
            for licht in l { alle.formUnion(Angreifermodell.eingaben(licht, sozialraeume: n)) }
        }
        let stand = Pruefstand(modell: Angreifermodell(katalog: katalog, auswertung: auswertung, zellen: alle))
        var ergebnis = Geheimhaltung(sozialraeume: katalog.sozialraeume.count)
        /// Every value withheld for resting on too few cases, in any set of the chain.
        var klein = Set<Zelle>()
        for (i, p) in perioden.enumerated() {
            // What the attacker already holds: every earlier set of the chain.
            var bekannt = Set<Zelle>(), frueher = Set<Zelle>()
            for (c, s) in stand.status { if s == .veroeffentlicht { bekannt.insert(c) } else { frueher.insert(c) } }
            let sicht = sichtbarJe[i]
            var jetzt = stufe(
                katalog: katalog, auswertung: auswertung, periode: p, sichtbar: sicht, bekannt: bekannt,
                frueher: frueher)
            let neuWerte = sicht.subtracting(bekannt).subtracting(frueher)
            let neuWerteGeheim = neuWerte.filter { jetzt[$0] != nil }
            stand.verberge(Array(neuWerteGeheim))
            stand.veroeffentliche(Array(neuWerte.subtracting(neuWerteGeheim)))
            // The lights, switched on the values as shown; one that cannot be modelled stays dark.
            let neueLichter = lichterJe[i].subtracting(bekannt).subtracting(frueher)
            stand.veroeffentliche(Array(neueLichter))
            for l in neueLichter where stand.status[l] == .geheim { jetzt[l] = .ampel }
            let neu = neuWerte.union(neueLichter)
            let neuGeheim = neu.filter { stand.status[$0] == .geheim }
            for (c, g) in jetzt where g == .primaer { klein.insert(c) }
            // The audit: this set together with the earlier ones, solved as one system; only
            // components that this set's values touch can have changed. It protects the small
            // values, then shows again the larger ones the system pins anyway.
            do throws(Pruefstand.Fehler) {
                try sichere(stand, neu: neu, neuGeheim: neuGeheim, klein: klein, jetzt: &jetzt)
                let bereiche = try zeigeFestgelegte(stand, sicht, klein: klein, jetzt: &jetzt)
                if i == perioden.count - 1 {
                    try schliesseAb(
                        &ergebnis, stand: stand, periode: p, sichtbar: sicht.union(lichterJe[i]), bereiche: bereiche,
                        jetzt: jetzt, frueher: frueher, klein: klein, mitSystem: mitSystem)
                }
            } catch {
                throw .nichtSicherbar(Geheimhaltung.beschreibe(error, katalog))
            }
            if i == perioden.count - 1 {
                ergebnis.sichtbar = sicht.union(lichterJe[i])
                ergebnis.gruende = gruendeDesStands(stand, ergebnis.sichtbar, jetzt: jetzt, frueher: frueher)
            }
        }
        ergebnis.kette = perioden
        Pruefzaehler.melde()
        ergebnis.ampel = oeffentlicheAmpel(stand, katalog, periode, schaltungen, lichterJe.last ?? [])
        let gebiete = [Gebiet.gesamt] + katalog.sozialraeume.indices.map(Gebiet.sozialraum)
        ergebnis.system?.setzeFarben { id, slug in
            guard let k = katalog.index(id: id), let g = gebiete.first(where: { katalog.slug($0) == slug }) else {
                return nil
            }
            return ergebnis.ampel.licht(k, g)?.farbe.wort
        }
        return ergebnis
    }

    /// Why each withheld value of the reported set is withheld: this set's own reasons first
    /// (a light that cannot be modelled, primary, earlier, then secondary and audit).
    private static func gruendeDesStands(
        _ stand: Pruefstand, _ sicht: Set<Zelle>, jetzt: [Zelle: Grund], frueher: Set<Zelle>
    ) -> [Zelle: Grund] {
        var eigene: [Zelle: Grund] = [:]
        for c in sicht where stand.status[c] == .geheim {
            if stand.nichtModellierbar.contains(c) {
                eigene[c] = .ampel
            } else if jetzt[c] == .primaer {
                eigene[c] = .primaer
            } else if frueher.contains(c) {
                eigene[c] = .frueher
            } else {
                eigene[c] = jetzt[c] ?? .pruefung
            }
        }
        return eigene
    }

    /// Shows again every withheld larger value of the set that the system pins exactly (its
    /// constraint is implied: showing it tells an attacker nothing new). Returns the ranges of
    /// the withheld larger values when none was shown again (they stay valid), else none.
    private static func zeigeFestgelegte(
        _ stand: Pruefstand, _ sicht: Set<Zelle>, klein: Set<Zelle>, jetzt: inout [Zelle: Grund]
    ) throws(Pruefstand.Fehler) -> [Zelle: Pruefstand.Intervall] {
        let gross = sicht.filter { stand.status[$0] == .geheim && !klein.contains($0) }
        let bereiche = try stand.intervalle(Array(gross), vollstaendig: true).intervalle
        var freigegeben = false
        for c in gross.sorted() {
            guard let b = bereiche[c], let u = b.unten, let o = b.oben, u == o else { continue }
            stand.gibFrei(c)
            jetzt[c] = nil
            freigegeben = true
        }
        return freigegeben ? [:] : bereiche
    }

    /// The lights of the reported set as it shows them: switched on the values as shown (a
    /// published value rounded, a withheld one as it is – the audit modelled what its colour
    /// says), the withheld ones marked.
    private static func oeffentlicheAmpel(
        _ stand: Pruefstand, _ katalog: Katalog, _ periode: Berichtsperiode, _ schaltungen: ManuelleSchaltungen,
        _ lichter: Set<Zelle>
    ) -> Ampelstand {
        let n = katalog.sozialraeume.count
        let modell = stand.modell
        let gezeigt = Set(stand.status.filter { $0.value == .veroeffentlicht }.keys)
        let ampel = Ampelstand.schalte(katalog: katalog, periode: periode, schaltungen: schaltungen) { k, z, g in
            modell.sichtKennwert(k, z, g.slot(sozialraeume: n), gezeigt.contains)
        }
        let verborgen = lichter.filter { stand.status[$0] == .geheim }.map {
            Ampelstand.Gebietslicht(kennzahl: $0.kennzahl, gebiet: Gebiet(slot: $0.slot, sozialraeume: n))
        }
        return ampel.ohne(Set(verborgen))
    }

    /// The audit of one set of the chain: withholds what keeps every small value safe, then
    /// shows again what the rest already protects (backward elimination over this set's own
    /// choices: the simple stage's secondary values first, then the audit's). Decided by linear
    /// programs; then the integer attacker's repair puts back what whole numbers need, and only
    /// those are pruned again with integer checks.
    private static func sichere(
        _ stand: Pruefstand, neu: Set<Zelle>, neuGeheim: Set<Zelle>, klein: Set<Zelle>, jetzt: inout [Zelle: Grund]
    ) throws(Pruefstand.Fehler) {
        let ziele = stand.betroffen(Array(neu)).filter(klein.contains)
        let hinzu = try stand.sichere(ziele, waehlbar: neu.subtracting(neuGeheim))
        for c in hinzu { jetzt[c] = .pruefung }
        let sekundaer = neuGeheim.filter { jetzt[$0] == .sekundaer }.sorted()
        let gelichtet = try stand.lichte(sekundaer + hinzu, ziele: klein, ganzzahlig: false)
        for c in gelichtet { jetzt[c] = nil }
        let nachziele = stand.betroffen(gelichtet).filter(klein.contains)
        let zurueck = try stand.sichere(nachziele, waehlbar: neu.subtracting(neuGeheim).union(sekundaer))
        for c in zurueck { jetzt[c] = .pruefung }
        for c in try stand.lichte(zurueck, ziele: klein) { jetzt[c] = nil }
    }

    /// For the reported set: the ranges of every value it withholds (those of the larger ones
    /// are still valid unless one was shown again) and, on request, the attacker's system.
    private static func schliesseAb(
        _ ergebnis: inout Geheimhaltung, stand: Pruefstand, periode p: Berichtsperiode, sichtbar sicht: Set<Zelle>,
        bereiche: [Zelle: Pruefstand.Intervall], jetzt: [Zelle: Grund], frueher: Set<Zelle>, klein: Set<Zelle>,
        mitSystem: Bool
    ) throws(Pruefstand.Fehler) {
        let geheim = sicht.filter { stand.status[$0] == .geheim }
        let fehlen = geheim.filter { bereiche[$0] == nil }
        ergebnis.intervalle = bereiche.filter { geheim.contains($0.key) }.merging(
            try stand.intervalle(Array(fehlen), vollstaendig: true).intervalle
        ) { $1 }
        if mitSystem {
            var gruendeJetzt: [Zelle: Grund] = [:]
            for c in geheim {
                gruendeJetzt[c] =
                    jetzt[c] == .primaer ? .primaer : frueher.contains(c) ? .frueher : jetzt[c] ?? .pruefung
            }
            ergebnis.system = stand.system(
                periode: p, ziele: gruendeJetzt, klein: klein, intervalle: ergebnis.intervalle,
                sichtbar: sicht)
        }
    }

    /// The periods decided in turn for `periode`: quarters from `ab` (at most 24 before) to the
    /// report's last quarter, then the year for a yearly report.
    package static func kette(_ periode: Berichtsperiode, ab: Quartal?) -> [Berichtsperiode] {
        let letztes = periode.letztesQuartal
        let start = max(ab ?? letztes.verschoben(um: -4), letztes.verschoben(um: -24))
        var liste: [Berichtsperiode] = []
        var q = min(start, letztes)
        while q <= letztes {
            liste.append(.quartal(q))
            q = q.verschoben(um: 1)
        }
        if case .jahr = periode { liste.append(periode) }
        return liste
    }

    private static func beschreibe(_ f: Pruefstand.Fehler, _ k: Katalog) -> String {
        switch f {
        case .widerspruch:
            return "die veröffentlichten Werte widersprechen dem Modell der Prüfung (interner Fehler, bitte melden)"
        case .ueberlauf: return "eine Zahl der Prüfung übersteigt den exakten Zahlenbereich"
        case .nichtSicherbar(let c):
            return
                "der Wert von \(k.kennzahlen[c.kennzahl].id) für \(c.zeitraum.kurz) lässt sich nicht schützen: alle Werte um ihn herum sind schon veröffentlicht"
        }
    }

    /// What a report set for `periode` shows: every period of a Kennzahl's plan, numerator and
    /// denominator only for the current one; all areas, the city and the cases without an area.
    static func sichtbar(_ katalog: Katalog, _ periode: Berichtsperiode) -> Set<Zelle> {
        let n = katalog.sozialraeume.count
        var sichtbar = Set<Zelle>()
        for (k, kz) in katalog.kennzahlen.enumerated() {
            let plan = Zeitplan(rhythmus: kz.rhythmus, periode: periode)
            for z in Set(plan.alle) {
                for slot in 0...(n + 1) {
                    sichtbar.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .wert))
                    if kz.istVerhaeltnis && z == plan.aktuell {
                        sichtbar.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .zaehler))
                        sichtbar.insert(Zelle(kennzahl: k, zeitraum: z, slot: slot, teil: .nenner))
                    }
                }
            }
        }
        return sichtbar
    }
}
