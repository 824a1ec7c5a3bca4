import KennzahlTesthilfen
import Testing

@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlDefinition

@Suite struct AuswertungTests {
    let q1 = Quartal(jahr: 2021, nummer: 1)
    let q2 = Quartal(jahr: 2021, nummer: 2)

    /// Two quarterly exports. Case 1 ends in Q2 (Q1 export still shows it open); case 2 is
    /// stationär and open; case 3 begins in Q2 in Nord; case 4 has no Sozialraum; case 5 ends on
    /// the Stichtag 30.06. (still open that day).
    func fixture() throws -> Fixture {
        try Fixture([
            "hilfen-2021-Q1.csv": """
            Fall;Sozialraum;Form;Beginn;Ende
            1;Nord;a;01.01.2020;
            2;S;s;15.03.2021;
            4;;a;01.02.2021;
            5;Süd;a;01.01.2021;
            """,
            "hilfen-2021-Q2.csv": """
            Fall;Sozialraum;Form;Beginn;Ende
            1;Nord;a;01.01.2020;10.04.2021
            2;S;s;15.03.2021;
            3;Nord;a;2021-05-01;
            4;;a;01.02.2021;
            5;Süd;a;01.01.2021;30.06.2021
            """,
        ])
    }

    @Test func stichtagZaehltOffeneFaelleAmLetztenTag() throws {
        let k = try katalog(kleinerKatalog)
        let f = try fixture()
        let (a, d) = try werte(k, f, [("AMB", .quartal(q1)), ("AMB", .quartal(q2)), ("STAT", .quartal(q2))])
        #expect(d.isEmpty)
        let amb = try #require(k.kennzahlen.firstIndex { $0.id == "AMB" })
        // Q1 at 31.03.: cases 1 (Nord), 4 (none), 5 (Süd) ambulant.
        #expect(a.kennwert(amb, .quartal(q1), .gesamt).wert == Bruch(3))
        #expect(a.kennwert(amb, .quartal(q1), .sozialraum(0)).wert == Bruch(1))
        #expect(a.kennwert(amb, .quartal(q1), .ohneZuordnung).wert == Bruch(1))
        // Q2 at 30.06.: case 1 ended 10.04.; 3 (Nord), 4 (none), 5 (ends on the Stichtag: open).
        #expect(a.kennwert(amb, .quartal(q2), .gesamt).wert == Bruch(3))
        #expect(a.kennwert(amb, .quartal(q2), .sozialraum(0)).wert == Bruch(1))
        #expect(a.kennwert(amb, .quartal(q2), .sozialraum(1)).wert == Bruch(1))
        // The city exceeds the sum of the Sozialräume by the case without a Sozialraum.
        #expect(a.kennwert(amb, .quartal(q2), .ohneZuordnung).wert == Bruch(1))
    }

    @Test func abgeleiteteSummeUndProzent() throws {
        let k = try katalog(kleinerKatalog)
        let f = try fixture()
        let (a, _) = try werte(k, f, [("GES", .quartal(q2)), ("ANTEIL", .quartal(q2))])
        let ges = try #require(k.kennzahlen.firstIndex { $0.id == "GES" })
        let anteil = try #require(k.kennzahlen.firstIndex { $0.id == "ANTEIL" })
        #expect(a.kennwert(ges, .quartal(q2), .gesamt).wert == Bruch(4))
        // 3 of 4 ambulant = 75 % exactly.
        let w = a.kennwert(anteil, .quartal(q2), .gesamt)
        #expect(w.wert == Bruch(75))
        #expect(w.zaehler == Bruch(3))
        #expect(w.nenner == Bruch(4))
        // Nord: 1 ambulant of 1.
        #expect(a.kennwert(anteil, .quartal(q2), .sozialraum(0)).wert == Bruch(100))
    }

    @Test func nennerNullGibtKeinenWert() throws {
        let k = try katalog(kleinerKatalog)
        let f = try fixture()
        // Q1: Nord has case 1 only; Süd has 2 (stationär) and 5 (ambulant).
        // Q3 has no export at all: no data, not zero.
        let q3 = Quartal(jahr: 2021, nummer: 3)
        let (a, _) = try werte(k, f, [("ANTEIL", .quartal(q3)), ("ANTEIL", .quartal(q1))])
        let anteil = try #require(k.kennzahlen.firstIndex { $0.id == "ANTEIL" })
        #expect(a.kennwert(anteil, .quartal(q3), .gesamt).zustand == .keineDaten)
        // "ohne Zuordnung" in Q1: case 4 ambulant → 1/1.
        #expect(a.kennwert(anteil, .quartal(q1), .ohneZuordnung).wert == Bruch(100))
    }

    @Test func zugaengeUndImVerlaufZaehlenJedenFallEinmal() throws {
        let k = try katalog(kleinerKatalog)
        let f = try fixture()
        let (a, _) = try werte(k, f, [("ZUG", .quartal(q1)), ("ZUG", .quartal(q2)), ("VERLAUF-J", .jahrBis(q2))])
        let zug = try #require(k.kennzahlen.firstIndex { $0.id == "ZUG" })
        let verlauf = try #require(k.kennzahlen.firstIndex { $0.id == "VERLAUF-J" })
        // Began in Q1 2021: cases 2, 4, 5. In Q2: case 3.
        #expect(a.kennwert(zug, .quartal(q1), .gesamt).wert == Bruch(3))
        #expect(a.kennwert(zug, .quartal(q2), .gesamt).wert == Bruch(1))
        // Open on some day of 01.01.–30.06.2021: cases 1–5, each once although listed twice.
        #expect(a.kennwert(verlauf, .jahrBis(q2), .gesamt).wert == Bruch(5))
    }

    @Test func verworfeneZeilenWerdenGemeldetUndGezaehlt() throws {
        let k = try katalog(kleinerKatalog)
        let f = try Fixture([
            "hilfen-2021-Q1.csv": """
            Fall;Sozialraum;Form;Beginn;Ende
            1;Nord;a;01.01.2020;
            2;Nrod;a;01.01.2020;
            3;Süd;x;01.01.2020;
            4;Süd;a;31.02.2021;
            5;Süd;a;01.03.2021;01.02.2021
            1;Süd;a;01.01.2020;
            6;Süd;a
            """
        ])
        let (a, d) = try werte(k, f, [("AMB", .quartal(q1))])
        let amb = try #require(k.kennzahlen.firstIndex { $0.id == "AMB" })
        #expect(a.kennwert(amb, .quartal(q1), .gesamt).wert == Bruch(1))
        let s = try #require(a.statistik.first)
        #expect(s.zeilenGelesen == 7)
        #expect(s.uebernommen == 1)
        #expect(s.verworfenGesamt == 6)
        #expect(s.uebernommen + s.verworfenGesamt == s.zeilenGelesen)
        let texte = d.map(\.zeile)
        #expect(
            texte.contains {
                $0.contains("hilfen-2021-Q1.csv:3: Warnung: Zeile verworfen: unbekannter Sozialraum 'Nrod'")
                    && $0.contains("meinten Sie 'Nord'?")
            })
        #expect(texte.contains { $0.contains(":4: Warnung: Zeile verworfen: unbekannter Wert 'x'") })
        #expect(texte.contains { $0.contains(":5: Warnung: Zeile verworfen: unlesbares Datum '31.02.2021'") })
        #expect(
            texte.contains {
                $0.contains(":6: Warnung: Zeile verworfen: Ende 01.02.2021 liegt vor dem Beginn 01.03.2021")
            })
        #expect(
            texte.contains { $0.contains(":7: Warnung: Zeile verworfen: doppelte Fallnummer '1' (schon in Zeile 2)") })
        #expect(texte.contains { $0.contains(":8: Warnung: Zeile verworfen: Zeile hat 3 Felder, die Kopfzeile 5") })
    }
}
