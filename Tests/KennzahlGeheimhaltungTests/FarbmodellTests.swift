import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlAmpel
@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlDefinition
@testable import KennzahlGeheimhaltung
@testable import KennzahlKommandozeile

/// The colour model is sound: every value a withheld count could take that satisfies the
/// constraints a shown light adds gives that light the same colour, history and reason – the
/// attacker in the model knows at least what the light says, never less – and the true value
/// satisfies them.
@Suite struct FarbmodellTests {
    static let katalog = """
        katalog "Farben" { produkt 1 "Fallzahlen"; produkt 2 "Ampel" ampel; mindestfallzahl 3 }
        sozialraum "A" { codes "A" }
        sozialraum "B" { codes "B" }
        sozialraum "C" { codes "C" }
        sozialraum "D" { codes "D" }
        quelle hilfen "Test" {
          art faelle
          datei "hilfen-{quartal}.csv"
          id "Fall"
          sozialraum "SR"
          beginn "Beginn"
          ende "Ende"
        }
        kennzahl K1 "Wert und Veränderung" { produkt 1; definition "d"; wert anzahl faelle aus hilfen; zeitraum quartal, stichtag
          ampel { grau wenn wert unter 3; gelb wenn anstieg zum vorquartal ueber 20 %; rot wenn veraenderung zum vorjahr ueber 8 } }
        kennzahl K2 "Zielwert und Gesamtstadt" { produkt 1; definition "d"; wert anzahl faelle aus hilfen; zeitraum quartal, stichtag
          zielwert zwischen 10 und 20; richtung niedriger ist besser
          ampel { gelb wenn abstand zum zielwert ueber 2; rot wenn abweichung von der gesamtstadt ueber 30 %; gelb wenn rueckgang zum vorquartal ueber 3 } }
        kennzahl K3 "Verschlechterung" { produkt 1; definition "d"; wert anzahl faelle aus hilfen; zeitraum quartal, stichtag
          richtung hoeher ist besser
          ampel { rot wenn verschlechterung zum vorjahr ueber 25 % seit 2 quartalen; gelb wenn wert mindestens 30; entwarnung wenn wert mindestens 12 } }
        """

    /// Cases per area and quarter (2020-Q4 … 2021-Q4), chosen so the rules fire in many ways.
    static let faelle: [String: [Int]] = [
        "A": [10, 12, 11, 9, 14], "B": [22, 20, 18, 25, 31], "C": [4, 6, 5, 7, 5], "D": [15, 15, 16, 14, 13],
    ]

    @Test func jederWertImModellGibtDieselbeAmpel() throws {
        var dateien: [String: String] = [:]
        let quartale = ["2020-Q4", "2021-Q1", "2021-Q2", "2021-Q3", "2021-Q4"]
        for (q, quartal) in quartale.enumerated() {
            var zeilen = ["Fall;SR;Beginn;Ende"]
            for (raum, reihe) in Self.faelle.sorted(by: { $0.key < $1.key }) {
                for i in 0..<reihe[q] { zeilen.append("\(raum)\(quartal)-\(i);\(raum);01.01.2020;") }
            }
            dateien["hilfen-\(quartal).csv"] = zeilen.joined(separator: "\n") + "\n"
        }
        let definitionen = try Fixture(["k.kz": Self.katalog])
        let daten = try Fixture(dateien)
        var a = Berichtslauf.Auftrag()
        a.definitionen = definitionen.ordner
        a.daten = daten.ordner
        a.periode = Berichtsperiode.parse("2021-Q4")
        let g = try #require(Berichtslauf.berechne(a).0)
        let k = g.katalog
        let periode = try #require(Berichtsperiode.parse("2021-Q4"))
        let n = k.sozialraeume.count
        var lichter = Angreifermodell.lichter(k, periode)
        var zellen = Geheimhaltung.sichtbar(k, periode)
        for l in lichter { zellen.formUnion(Angreifermodell.eingaben(l, sozialraeume: n)) }
        let modell = Angreifermodell(katalog: k, auswertung: g.auswertung, zellen: zellen)
        var geprueft = 0, modelliert = 0
        lichter = lichter.filter { $0.slot != n + 1 }
        for licht in lichter.sorted() {
            // The current value withheld, everything else shown.
            let wert = Geheimhaltung.Zelle(
                kennzahl: licht.kennzahl, zeitraum: licht.zeitraum, slot: licht.slot, teil: .wert)
            let gezeigt: (Geheimhaltung.Zelle) -> Bool = { $0 != wert }
            guard let beziehungen = modell.farbe(licht, gezeigt) else { continue }
            let ausdruck = try #require(modell.ausdruck[wert])
            try #require(ausdruck.terme.count == 1 && ausdruck.terme.first?.value == Bruch(1))
            let variable = try #require(ausdruck.terme.first?.key)
            func erfuellt(_ x: Int) -> Bool {
                beziehungen.allSatisfy { b in
                    var s = b.ausdruck.konstante
                    for (v, c) in b.ausdruck.terme {
                        #expect(v == variable, "eine Bedingung der Ampel liest einen gezeigten Wert als Unbekannte")
                        s = s.plus(c.mal(Bruch(x)) ?? .null) ?? s
                    }
                    switch b.art {
                    case .gleich: return s.istNull
                    case .hoechstens: return !(Bruch.null < s)
                    case .mindestens: return !s.istNegativ
                    }
                }
            }
            let gebiet = Gebiet(slot: licht.slot, sozialraeume: n)
            func ampel(_ x: Int?) -> Licht? {
                Ampelstand.licht(k, licht.kennzahl, gebiet, periode, ManuelleSchaltungen()) { i, z, geb in
                    if let x, i == wert.kennzahl, z == wert.zeitraum, geb == gebiet {
                        return Kennwert(.wert(Bruch(x)))
                    }
                    return modell.sichtKennwert(i, z, geb.slot(sozialraeume: n), gezeigt)
                }
            }
            let wahr = try #require(modell.wahrerWert(wert))
            #expect(erfuellt(Int(wahr.zaehler)), "der wahre Wert verletzt die Bedingungen der Ampel")
            let echt = try #require(ampel(nil))
            if !beziehungen.isEmpty { modelliert += 1 }
            for x in 0...80 where erfuellt(x) {
                let l = try #require(ampel(x))
                #expect(
                    l.farbe == echt.farbe && l.verlauf == echt.verlauf && l.inFolge == echt.inFolge,
                    "\(k.kennzahlen[licht.kennzahl].id) \(gebiet): bei \(x) \(l.farbe), wahr \(wahr) \(echt.farbe)")
                #expect(
                    l.begruendung.text { $0.zeitpunkt == .aktuell && !$0.gesamtstadt }
                        == echt.begruendung.text { $0.zeitpunkt == .aktuell && !$0.gesamtstadt })
                geprueft += 1
            }
        }
        #expect(modelliert >= 8, "\(modelliert) Ampeln mit Bedingungen")
        #expect(geprueft > 50)
    }
}
