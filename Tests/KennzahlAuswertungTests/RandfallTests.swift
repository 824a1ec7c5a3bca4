import KennzahlTesthilfen
import Testing

@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlDaten
@testable import KennzahlDefinition

@Suite struct RandfallTests {
    @Test func nennerNullInEinemAnteilBleibtKeinWert() throws {
        // "Ost" has no cases: ANTEIL has denominator 0 there, and so has a Kennzahl built on it.
        let k = try katalog(
            kleinerKatalog + """

                sozialraum "Ost"
                kennzahl DOPPELT "Anteil des Anteils" {
                  produkt 3
                  definition "Test."
                  zaehler ANTEIL
                  nenner 100
                  einheit prozent
                  zeitraum quartal, stichtag
                }
                """)
        let f = try Fixture(["hilfen-2021-Q1.csv": "Fall;Sozialraum;Form;Beginn;Ende\n1;Nord;a;01.01.2020;\n"])
        let q = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 1))
        let (a, _) = try werte(k, f, [("DOPPELT", q)])
        let i = try #require(k.kennzahlen.firstIndex { $0.id == "DOPPELT" })
        #expect(a.kennwert(i, q, .sozialraum(2)).zustand == .nennerNull)
        #expect(a.kennwert(i, q, .sozialraum(0)).wert == Bruch(100))
    }

    @Test func zeilenNurAusTrennzeichenSindLeerzeilen() throws {
        let k = try katalog(kleinerKatalog)
        let f = try Fixture([
            "hilfen-2021-Q1.csv": "Fall;Sozialraum;Form;Beginn;Ende\r\n1;Nord;a;01.01.2020;\r\n;;;;\r\n ; ;;;\r\n"
        ])
        let q = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 1))
        let (a, d) = try werte(k, f, [("AMB", q)])
        #expect(d.isEmpty, "\(d.map(\.zeile))")
        #expect(a.statistik.first?.zeilenGelesen == 1)
    }

    @Test func riesigeWerteRundenOhneAbsturz() throws {
        let riesig = try #require(Bruch(zaehler: Int128.max / 3, nenner: 1))
        let text = Zahlformat.deutsch(riesig, dezimalen: 2)
        #expect(text.hasSuffix(",00"))
        #expect(text.hasPrefix("56.713.727"))
    }
}

@Suite struct DatenbestandTests {
    @Test func dateienOhneQuelleWerdenGemeldet() throws {
        let k = try katalog(kleinerKatalog)
        let f = try Fixture([
            "hilfen-2021-Q1.csv": "Fall;Sozialraum;Form;Beginn;Ende\n1;Nord;a;01.01.2020;\n",
            "hilfen-2021-Q5.csv": "Fall;Sozialraum;Form;Beginn;Ende\n",
            "ProSoz_Export_2021Q2.CSV": "x\n",
            "stand.txt": "Stand: 01.04.2021\n",
        ])
        let (bestand, d) = Datenbestand.finde(ordner: f.ordner, katalog: k)
        #expect(bestand?.dateien.first?.count == 1)
        let zeilen = d.map(\.zeile)
        #expect(
            zeilen.contains {
                $0.contains("hilfen-2021-Q5.csv: Warnung: Datei wird nicht gelesen: sie passt zu keinem Dateimuster")
            })
        #expect(zeilen.contains { $0.contains("ProSoz_Export_2021Q2.CSV: Warnung: Datei wird nicht gelesen") })
        #expect(!zeilen.contains { $0.contains("stand.txt") })
        #expect(bestand?.stand?.deutsch == "01.04.2021")
    }
}
