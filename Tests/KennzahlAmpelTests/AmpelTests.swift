import KennzahlTesthilfen
import Testing

@testable import KennzahlAmpel
@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlDefinition

@Suite struct AmpelTests {
    func kennzahl(_ regeln: String, einheit: String = "prozent", rhythmus: String = "quartal") throws -> Kennzahl {
        try ampelKennzahl(regeln, einheit: einheit, rhythmus: rhythmus)
    }

    func w(_ x: Int, z: Int = 0, n: Int = 100) -> Kennwert {
        Kennwert(.wert(Bruch(x)), zaehler: Bruch(z), nenner: Bruch(n))
    }

    @Test(arguments: [
        // (rules, current, previous quarter, previous year, expected colour, text in the reason)
        ("rot wenn wert unter 75; gelb wenn wert unter 80", 74, 80, 81, Ampelfarbe.rot, "Wert 74,0 % liegt unter 75 %"),
        ("rot wenn wert unter 75; gelb wenn wert unter 80", 78, 80, 81, .gelb, "Wert 78,0 % liegt unter 80 %"),
        ("rot wenn wert unter 75; gelb wenn wert unter 80", 80, 80, 81, .gruen, "keine Regel ausgelöst"),
        (
            "gelb wenn veraenderung zum vorquartal ueber 10 %", 88, 100, 100, .gelb,
            "Rückgang zum Vorquartal um 12,0 % (von 100,0 % auf 88,0 %)"
        ),
        ("gelb wenn veraenderung zum vorquartal ueber 10 %", 112, 100, 100, .gelb, "Anstieg zum Vorquartal um 12,0 %"),
        ("gelb wenn anstieg zum vorjahr ueber 10 %", 88, 100, 100, .gruen, "keine Regel ausgelöst"),
        (
            "gelb wenn rueckgang zum vorjahr ueber 5 punkte", 88, 100, 100, .gelb,
            "Rückgang zum Vorjahr um 12,0 Prozentpunkte"
        ),
        (
            "gelb wenn abstand zum zielwert ueber 0; rot wenn abstand zum zielwert ueber 10", 69, 70, 70, .rot,
            "Abstand zum Zielwert (mindestens 80 %) 11,0 Prozentpunkte liegt über 10 Prozentpunkte"
        ),
        ("gelb wenn abstand zum zielwert ueber 0", 80, 70, 70, .gruen, "keine Regel ausgelöst"),
        ("grau wenn nenner unter 30; rot wenn wert unter 75", 50, 50, 50, .grau, "zu geringe Fallzahl"),
    ])
    func regelarten(_ fall: (String, Int, Int, Int, Ampelfarbe, String)) throws {
        let k = try kennzahl(fall.0)
        let licht = try #require(
            Ampelschaltung.schalte(k, aktuell: w(fall.1, n: 20), vorquartal: w(fall.2), vorjahr: w(fall.3)))
        #expect(licht.farbe == fall.4, "\(licht.begruendung.text)")
        #expect(licht.begruendung.text.contains(fall.5), "\(licht.begruendung.text)")
    }

    @Test func ohneWertIstDieAmpelGrau() throws {
        let k = try kennzahl("rot wenn wert unter 75")
        for (zustand, text) in [
            (Kennwert.Zustand.keineDaten, "keine Daten"), (.nennerNull, "Nenner ist 0"),
            (.nurGesamt, "nur für die Gesamtstadt"),
        ] {
            let l = try #require(Ampelschaltung.schalte(k, aktuell: Kennwert(zustand), vorquartal: nil, vorjahr: nil))
            #expect(l.farbe == .grau)
            #expect(l.begruendung.text.contains(text))
        }
    }

    @Test func vorquartalsregelEntfaelltOhneVorquartal() throws {
        let k = try kennzahl(
            "gelb wenn veraenderung zum vorquartal ueber 10 %; gelb wenn veraenderung zum vorjahr ueber 50 %")
        let l = try #require(Ampelschaltung.schalte(k, aktuell: w(90), vorquartal: nil, vorjahr: w(88)))
        #expect(l.farbe == .gruen)
        #expect(!l.begruendung.text.contains("nicht prüfbar"))
        // With a previous quarter that has no data, the rule is named as not checkable.
        let m = try #require(
            Ampelschaltung.schalte(k, aktuell: w(90), vorquartal: Kennwert(.keineDaten), vorjahr: w(88)))
        #expect(m.begruendung.text.contains("nicht prüfbar: Vergleich mit dem Vorquartal"))
    }

    @Test func gerundeteZahlenVerdeckenDenVergleichNicht() throws {
        let k = try kennzahl("gelb wenn veraenderung zum vorjahr ueber 10 %")
        // 1000 → 1100,4: +10,04 % must not read "10,0 % liegt über 10 %".
        let aktuell = Kennwert(.wert(try #require(Bruch(zaehler: 11_004, nenner: 10))))
        let l = try #require(Ampelschaltung.schalte(k, aktuell: aktuell, vorquartal: nil, vorjahr: w(1000)))
        #expect(l.begruendung.text.contains("um 10,04 %"), "\(l.begruendung.text)")
    }

    @Test func jahreskennzahlenKoennenNichtMitDemVorquartalVerglichenWerden() {
        #expect(throws: (any Error).self) {
            try kennzahl("gelb wenn veraenderung zum vorquartal ueber 10 %", rhythmus: "jahr")
        }
    }
}
