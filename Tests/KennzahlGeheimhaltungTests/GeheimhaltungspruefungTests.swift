import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlGeheimhaltung

/// The audit of the public Ulm sets: what an attacker who solves every published value at once
/// (of this set and the sets before it) can prove about each withheld value.
@Suite(.serialized) struct GeheimhaltungspruefungTests {
    static let oeffentlich2021Q4 = Ulm.berechne("2021-Q4", oeffentlich: true)

    static func zelle(
        _ g: Berichtsgrundlage, _ id: String, _ gebiet: Gebiet, _ z: Zeitraum, _ teil: Geheimhaltung.Teil = .wert
    ) throws -> Geheimhaltung.Zelle {
        Geheimhaltung.Zelle(
            kennzahl: try #require(g.katalog.index(id: id)), zeitraum: z,
            slot: gebiet.slot(sozialraeume: g.katalog.sozialraeume.count), teil: teil)
    }

    static let q4 = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 4))

    /// The findings, relation by relation (the first step alone): UMA ambulant Mitte/Ost
    /// lies in [0, 2] (city 5 minus "ohne Zuordnung" 3), UMA Gesamt Weststadt is exactly 2 (all
    /// cases 125 in JH-Z4 minus "ohne UMA" 123). After the audit neither holds.
    @Test func dieBeispieleDerAufgabe() throws {
        let g = try #require(GeheimhaltungspruefungTests.oeffentlich2021Q4)
        let geheim = try #require(g.geheimhaltung)
        let mitteOst = try g.sozialraum("Mitte/Ost"), weststadt = try g.sozialraum("Weststadt")
        let uma = try GeheimhaltungspruefungTests.zelle(g, "P2-UMA-AMB", mitteOst, GeheimhaltungspruefungTests.q4)
        let umaGes = try GeheimhaltungspruefungTests.zelle(g, "P2-UMA-GES", weststadt, GeheimhaltungspruefungTests.q4)
        // Before: the first step alone, solved as a system (this set only).
        let sichtbar = Geheimhaltung.sichtbar(g.katalog, g.periode)
        let erster = Geheimhaltung.stufe(
            katalog: g.katalog, auswertung: g.auswertung, periode: g.periode, sichtbar: sichtbar)
        let stand = Pruefstand(modell: Angreifermodell(katalog: g.katalog, auswertung: g.auswertung, zellen: sichtbar))
        stand.verberge(Array(erster.keys))
        stand.veroeffentliche(Array(sichtbar.subtracting(erster.keys)))
        let kleine = erster.filter { $0.value == .primaer }.keys.filter { stand.modell.schutzart[$0] == .anzahl }
        let vorher = try stand.intervalle(Array(kleine) + [uma, umaGes], vollstaendig: true).intervalle
        #expect(vorher[uma] == Pruefstand.Intervall(unten: .null, oben: Bruch(2)), "\(String(describing: vorher[uma]))")
        #expect(
            vorher[umaGes] == Pruefstand.Intervall(unten: Bruch(2), oben: Bruch(2)),
            "\(String(describing: vorher[umaGes]))")
        let verratenVorher = kleine.filter { c in vorher[c].map { stand.verrat(c, $0) != nil } ?? false }
        #expect(verratenVorher.count >= 5, "\(verratenVorher.count) kleine Werte verraten")
        // After: the audited public set.
        for c in [uma, umaGes] {
            let i = try #require(geheim.intervalle[c])
            #expect(i.oben.map { !($0 < Bruch(3)) } ?? true, "\(i)")
            #expect(i.unten != i.oben)
        }
    }

    /// Every small value of the audited set and of the sets before it: an attacker holding all
    /// of them proves none below the Mindestfallzahl and pins none.
    @Test func keinKleinerWertVerraten() throws {
        let g = try #require(GeheimhaltungspruefungTests.oeffentlich2021Q4)
        let geheim = try #require(g.geheimhaltung)
        #expect(geheim.kette.first == .quartal(Quartal(jahr: 2020, nummer: 1)))
        #expect(geheim.kette.count == 8)
        var geprueft = 0
        for (c, grund) in geheim.gruende where grund == .primaer {
            guard let i = geheim.intervalle[c],
                let w = g.auswertung.kennwert(c.kennzahl, c.zeitraum, Gebiet(slot: c.slot, sozialraeume: 5)).wert
            else { continue }
            guard g.katalog.kennzahlen[c.kennzahl].einheit == .anzahl, c.teil == .wert else { continue }
            #expect(
                i.oben.map { !($0 < Bruch(3)) } ?? true,
                "\(g.katalog.kennzahlen[c.kennzahl].id) \(c.zeitraum.kurz) \(c.slot): \(i), wahr \(w)")
            geprueft += 1
        }
        #expect(geprueft > 40)
    }

    /// Across quarters: a value the 2021-Q3 public set withholds is withheld in the 2021-Q4 set
    /// wherever that shows it, and the Q3 set the Q4 run decides along the way is the Q3 set.
    @Test func ueberQuartaleHinweg() throws {
        let q4 = try #require(GeheimhaltungspruefungTests.oeffentlich2021Q4?.geheimhaltung)
        let g3 = try #require(Ulm.berechne("2021-Q3", oeffentlich: true))
        let q3 = try #require(g3.geheimhaltung)
        var gezeigtInBeiden = 0
        for c in q3.sichtbar where q4.sichtbar.contains(c) {
            gezeigtInBeiden += 1
            if q3.gruende[c] != nil {
                #expect(
                    q4.gruende[c] != nil,
                    "\(g3.katalog.kennzahlen[c.kennzahl].id) \(c.zeitraum.kurz) \(c.slot) \(c.teil)")
            }
        }
        #expect(gezeigtInBeiden > 1000)
    }

    /// Internal reports are not touched by any of this.
    @Test func interneBerichteUnveraendert() throws {
        let intern = try #require(Ulm.grundlage("2021-Q4"))
        #expect(intern.geheimhaltung == nil)
        #expect(try intern.wert("P2-UMA-AMB", try intern.sozialraum("Mitte/Ost")).wert == Bruch(1))
    }
}
