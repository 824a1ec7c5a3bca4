import KennzahlTesthilfen
import Testing

@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlDefinition

/// Each construct of the definition language on a small hand-made fixture.
@Suite struct SpracheTests {
    static let katalogText = """
        katalog "Sprache" { produkt 1 "Test" }
        sozialraum "Nord"
        sozialraum "Süd"
        quelle hilfen "Test" {
          art faelle
          datei "hilfen-{quartal}.csv"
          id "Fall"
          sozialraum "SR"
          beginn "Beginn"
          ende "Ende"
          geburtsdatum "Geburt"
          feld person "Person"
          feld art "Art" { "27.2" -> "§ 27.2"; "34" -> "§ 34" }
          feld kosten "Kosten" zahl
          feld bemerkung "Bemerkung"
        }
        """

    /// Five cases of four persons; P1 has two cases in different Sozialräume.
    static let daten = """
        Fall;SR;Beginn;Ende;Geburt;Person;Art;Kosten;Bemerkung
        1;Nord;01.01.2021;;15.06.2003;P1;27.2;1.000,10;
        2;Süd;01.02.2021;;15.06.2003;P1;34;2.000,20;Wechsel
        3;Nord;01.03.2021;;01.01.2010;P2;27.2;0,05;
        4;Nord;15.03.2021;;31.12.2003;P3;34;;
        5;;20.03.2021;;;P4;27.2;10;ohne Geburtsdatum
        """

    func auswertung(_ kennzahl: String) throws -> (Auswertung, Int, Zeitraum) {
        let k = try katalog(SpracheTests.katalogText + "\n" + kennzahl)
        let f = try Fixture(["hilfen-2021-Q1.csv": SpracheTests.daten])
        let z = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 1))
        let (a, d) = try werte(k, f, [("T", z)])
        #expect(d.isEmpty, "\(d.map(\.zeile))")
        return (a, try #require(k.kennzahlen.firstIndex { $0.id == "T" }), z)
    }

    func wert(_ formel: String, einheit: String = "anzahl", gebiet: Gebiet = .gesamt) throws -> Kennwert {
        let (a, i, z) = try auswertung(
            "kennzahl T \"t\" { produkt 1; definition \"d\"; \(formel); zeitraum quartal, stichtag; einheit \(einheit) }"
        )
        return a.kennwert(i, z, gebiet)
    }

    @Test(arguments: [
        ("wert anzahl faelle aus hilfen", 5),
        ("wert anzahl verschiedene person aus hilfen", 4),
        ("wert anzahl faelle aus hilfen wo art = \"§ 27.2\"", 3),
        ("wert anzahl faelle aus hilfen wo art != \"§ 27.2\"", 2),
        ("wert anzahl faelle aus hilfen wo art ≠ \"§ 27.2\"", 2),
        ("wert anzahl faelle aus hilfen wo art in [\"§ 27.2\", \"§ 34\"]", 5),
        ("wert anzahl faelle aus hilfen wo art nicht in [\"§ 34\"]", 3),
        ("wert anzahl faelle aus hilfen wo kosten > 1000", 2),
        ("wert anzahl faelle aus hilfen wo kosten >= 10", 3),
        ("wert anzahl faelle aus hilfen wo kosten < 10", 1),
        ("wert anzahl faelle aus hilfen wo kosten <= 10", 2),
        ("wert anzahl faelle aus hilfen wo kosten zwischen 10 und 1500", 2),
        ("wert anzahl faelle aus hilfen wo kosten ist leer", 1),
        ("wert anzahl faelle aus hilfen wo bemerkung ist nicht leer", 2),
        ("wert anzahl faelle aus hilfen wo nicht (art = \"§ 34\" oder bemerkung ist nicht leer)", 2),
        ("wert anzahl faelle aus hilfen wo art = \"§ 27.2\" und (kosten < 1 oder kosten > 5)", 3),
        // Age at the Stichtag 31.03.2021: cases 1, 2 are 17, case 3 is 11, case 4 is 17 (18 on 31.12.2021).
        ("wert anzahl faelle aus hilfen wo alter < 18", 4),
        ("wert anzahl faelle aus hilfen wo alter zwischen 12 und 17", 3),
        ("wert anzahl faelle aus hilfen wo alter ist leer", 1),
        ("wert anzahl verschiedene person aus hilfen wo alter >= 17", 2),
    ])
    func zaehlungenUndFilter(_ fall: (String, Int)) throws {
        #expect(try wert(fall.0).wert == Bruch(fall.1), "\(fall.0)")
    }

    @Test func verschiedenePersonenZaehlenJeGebietUndEinmalInDerStadt() throws {
        // P1 has a case in Nord and one in Süd: one person in each Sozialraum, one in the city.
        #expect(try wert("wert anzahl verschiedene person aus hilfen", gebiet: .sozialraum(0)).wert == Bruch(3))
        #expect(try wert("wert anzahl verschiedene person aus hilfen", gebiet: .sozialraum(1)).wert == Bruch(1))
        #expect(try wert("wert anzahl verschiedene person aus hilfen", gebiet: .ohneZuordnung).wert == Bruch(1))
        #expect(try wert("wert anzahl verschiedene person aus hilfen").wert == Bruch(4))
    }

    @Test func geldWirdAufDenCentGenauSummiert() throws {
        let w = try wert("wert summe kosten aus hilfen", einheit: "euro")
        #expect(w.wert == Bruch(try #require(ZahlLeser.festkomma(aus: "3010,35"))))
        let schnitt = try wert(
            "zaehler summe kosten aus hilfen\n  nenner anzahl faelle aus hilfen wo kosten ist nicht leer",
            einheit: "euro")
        #expect(Zahlformat.deutsch(try #require(schnitt.wert), dezimalen: 2) == "752,59")
    }

    @Test func alterAmStichtagHaengtVomZeitraumAb() throws {
        // Case 4 is born 31.12.2003: 17 on 31.03.2021, 18 on 31.12.2021.
        let k = try katalog(
            SpracheTests.katalogText
                + "\nkennzahl T \"t\" { produkt 1; definition \"d\"; wert anzahl faelle aus hilfen wo alter >= 18; zeitraum quartal, stichtag }"
        )
        let f = try Fixture(["hilfen-2021-Q1.csv": SpracheTests.daten, "hilfen-2021-Q4.csv": SpracheTests.daten])
        let q1 = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 1)), q4 = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 4))
        let (a, _) = try werte(k, f, [("T", q1), ("T", q4)])
        let i = try #require(k.kennzahlen.firstIndex { $0.id == "T" })
        #expect(a.kennwert(i, q1, .gesamt).wert == Bruch(0))
        // 31.12.2021: cases 1, 2 (18 since June) and 4 (18 that day).
        #expect(a.kennwert(i, q4, .gesamt).wert == Bruch(3))
    }

    @Test func alterOhneGeburtsdatumIstEinFehler() {
        let text =
            SpracheTests.katalogText.replacingOccurrences(of: "  geburtsdatum \"Geburt\"\n", with: "")
            + "\nkennzahl T \"t\" { produkt 1; definition \"d\"; wert anzahl faelle aus hilfen wo alter < 18; zeitraum quartal, stichtag }"
        let (_, d) = KatalogLeser.lade(texte: [(pfad: "t.kz", text: text)])
        #expect(d.contains { $0.code == "KZ173" && $0.text.contains("braucht 'geburtsdatum") })
    }
}

@Suite struct FunktionenTests {
    func wert(_ formel: String, periode: Zeitraum = .jahrBis(Quartal(jahr: 2021, nummer: 1))) throws -> Kennwert {
        let k = try katalog(
            SpracheTests.katalogText
                + "\nkennzahl T \"t\" { produkt 1; definition \"d\"; \(formel); zeitraum jahr, zugaenge; einheit euro }"
        )
        let f = try Fixture(["hilfen-2021-Q1.csv": SpracheTests.daten])
        let (a, _) = try werte(k, f, [("T", periode)])
        return a.kennwert(try #require(k.kennzahlen.firstIndex { $0.id == "T" }), periode, .gesamt)
    }

    @Test(arguments: [
        ("wert max(100 - summe kosten aus hilfen, 0)", "0"),  // costs 3.010,35 exceed 100: no negative rest
        ("wert max(5000 - summe kosten aus hilfen, 0)", "1989,65"),
        ("wert min(summe kosten aus hilfen, 1000)", "1000"),
        ("wert max(1, 2, 3) + min(4, 5)", "7"),
        ("wert max(5000 - summe kosten aus hilfen, 0) * 0,3", "596,895"),
    ])
    func maxUndMin(_ fall: (String, String)) throws {
        #expect(try wert(fall.0).wert == Schreibweise.zahlenwert(fall.1), "\(fall.0)")
    }

    @Test func jahresanteilFuerEineHochrechnung() throws {
        // Q1 2021: 90 of 365 days; the year: 1.
        #expect(
            Auswerter.anteil(.jahresanteil, .jahrBis(Quartal(jahr: 2021, nummer: 1))) == Bruch(zaehler: 90, nenner: 365)
        )
        #expect(Auswerter.anteil(.jahresanteil, .jahr(2024)) == Bruch(1))
        #expect(
            Auswerter.anteil(.jahresanteil, .quartal(Quartal(jahr: 2024, nummer: 2)))
                == Bruch(zaehler: 182, nenner: 366))
        // The period's own share: Q2 2024 has 91 of 366 days, the year all.
        #expect(
            Auswerter.anteil(.zeitraumanteil, .quartal(Quartal(jahr: 2024, nummer: 2)))
                == Bruch(zaehler: 91, nenner: 366))
        #expect(Auswerter.anteil(.zeitraumanteil, .jahr(2022)) == Bruch(1))
        #expect(
            Auswerter.anteil(.zeitraumanteil, .jahrBis(Quartal(jahr: 2022, nummer: 2)))
                == Bruch(zaehler: 181, nenner: 365))
        // 3.010,35 € booked by 31.03. project to 3.010,35 / (90/365) for the year.
        let w = try wert(
            "wert summe kosten aus hilfen / jahresanteil", periode: .jahrBis(Quartal(jahr: 2021, nummer: 1)))
        #expect(w.wert == Bruch(zaehler: 301_035 * 365, nenner: 100 * 90))
    }

    @Test func unbekannteFunktionMitVorschlag() {
        let (_, d) = KatalogLeser.lade(texte: [
            (
                pfad: "t.kz",
                text: SpracheTests.katalogText
                    + "\nkennzahl T \"t\" { produkt 1; definition \"d\"; wert maxx(1, 2); zeitraum jahr, zugaenge }"
            )
        ])
        #expect(d.contains { $0.code == "KZ060" && $0.hinweis == "meinten Sie 'max'?" })
    }

    @Test func gesamtAlsSummeDerSozialraeume() throws {
        // A bonus per area: Nord 1.500 − 1.000,15; Süd max(1.500 − 2.000,20, 0) = 0; the row
        // without a Sozialraum 1.500 − 10. Applied to the city's costs the formula gives 0.
        let formel = "wert max(1500 - summe kosten aus hilfen, 0)"
        #expect(try wert(formel).wert == Bruch(0))
        let k = try katalog(
            SpracheTests.katalogText
                + "\nkennzahl T \"t\" { produkt 1; definition \"d\"; \(formel); gesamt summe der sozialraeume; zeitraum jahr, zugaenge; einheit euro }"
        )
        let f = try Fixture(["hilfen-2021-Q1.csv": SpracheTests.daten])
        let z = Zeitraum.jahrBis(Quartal(jahr: 2021, nummer: 1))
        let (a, _) = try werte(k, f, [("T", z)])
        let i = try #require(k.kennzahlen.firstIndex { $0.id == "T" })
        #expect(a.kennwert(i, z, .sozialraum(0)).wert == Schreibweise.zahlenwert("499,85"))
        #expect(a.kennwert(i, z, .sozialraum(1)).wert == Bruch(0))
        #expect(a.kennwert(i, z, .gesamt).wert == Schreibweise.zahlenwert("1989,85"))
    }

    @Test func gesamtAlsSummeNichtFuerAnteile() {
        let (_, d) = KatalogLeser.lade(texte: [
            (
                pfad: "t.kz",
                text: SpracheTests.katalogText
                    + "\nkennzahl T \"t\" { produkt 1; definition \"d\"; zaehler anzahl faelle aus hilfen; nenner 10; gesamt summe der sozialraeume; zeitraum jahr, zugaenge; einheit prozent }"
            )
        ])
        #expect(d.contains { $0.code == "KZ194" && $0.ort?.zeile == 17 }, "\(d.map(\.formatiert))")
    }

    @Test func benannteEinheitenUndBezugsgruppen() throws {
        let k = try katalog(
            SpracheTests.katalogText + """

                kennzahl H "Stunden" { produkt 1; definition "d"; wert summe kosten aus hilfen; zeitraum quartal, zugaenge; einheit "Stunden"; dezimalen 1 }
                kennzahl V "Versorgungsgrad" { produkt 1; definition "d"; zaehler anzahl faelle aus hilfen; nenner 200; zeitraum quartal, stichtag; einheit je 1.000 "unter 21-Jährige" }
                """)
        let h = try #require(k.kennzahlen.first { $0.id == "H" })
        let v = try #require(k.kennzahlen.first { $0.id == "V" })
        #expect(h.einheit == .benannt("Stunden"))
        #expect(Zahlformat.einheitName(h.einheit) == "Stunden")
        #expect(
            Zahlformat.mitEinheit(Bruch(zaehler: 3, nenner: 2)!, h.einheit, dezimalen: h.dezimalen) == "1,5 Stunden")
        #expect(v.einheit == .je(1_000, bezug: "unter 21-Jährige"))
        #expect(Zahlformat.einheitName(v.einheit) == "je 1.000 unter 21-Jährige")
        #expect(Zahlformat.einheitName(.je(1_000, bezug: nil)) == "je 1.000 Einwohner")
    }

    /// Derived Kennzahlen show the Stichtag only when all they reference are stocks.
    @Test func abgeleiteteKennzahlErbtDieZaehlregel() throws {
        let k = try katalog(
            SpracheTests.katalogText + """

                kennzahl A "Bestand" { produkt 1; definition "d"; wert anzahl faelle aus hilfen; zeitraum jahr, stichtag }
                kennzahl Z "Zugänge" { produkt 1; definition "d"; wert anzahl faelle aus hilfen; zeitraum jahr, zugaenge }
                kennzahl B "doppelt" { produkt 1; definition "d"; wert A + A }
                kennzahl C "gemischt" { produkt 1; definition "d"; wert Z - A }
                kennzahl D "aus gemischt" { produkt 1; definition "d"; wert C * 2 }
                """)
        let regel = { (id: String) in k.kennzahlen.first { $0.id == id }?.regel }
        #expect(regel("B") == .stichtag)
        #expect(regel("C") == .zugaenge)
        #expect(regel("D") == .zugaenge)
    }
}
