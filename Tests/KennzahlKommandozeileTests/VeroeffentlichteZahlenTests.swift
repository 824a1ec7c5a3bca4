import KennzahlTesthilfen
import Testing

@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlKommandozeile

/// The sample set reproduces every figure published in GD 072/23, computed by the same code path
/// as `kennzahl report` (definitions → exports → evaluation → Ampel).
@Suite struct VeroeffentlichteZahlenTests {
    /// The Erfassungsbogen, SO-Gesamt at 31.12.2021 (DOMAIN.md).
    static let erfassungsbogen: [(String, Int)] = [
        ("P2-JH-AMB", 425), ("P2-JH-STAT", 123),
        ("P2-UMA-GES", 24), ("P2-UMA-AMB", 5), ("P2-UMA-STAT", 19),
        ("P2-HVF", 3853),
        ("P2-EGH-EW", 656), ("P2-EGH-BW", 304), ("P2-EGH-FM", 1094), ("P2-WFBM", 337), ("P2-BLH", 85),
        ("P2-HLU-AMB", 226), ("P2-HLU-STAT", 23),
        ("P2-GSI-GES", 1681), ("P2-GSI-AMB", 1534), ("P2-GSI-STAT", 147),
        ("P2-HZP-AMB", 103), ("P2-HZP-STAT", 415), ("P2-AH-FM", 199),
        ("P2-SGB2", 5460), ("P2-ASYL", 547),
    ]

    @Test(arguments: erfassungsbogen)
    func produkt2SoGesamtZum31122021(_ zeile: (String, Int)) throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        #expect(try g.wert(zeile.0, .gesamt).wert == Bruch(zeile.1), "\(zeile.0)")
    }

    @Test func summenzeilenSindSummenIhrerTeile() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        for (gesamt, teile) in [
            ("P2-GSI-GES", ["P2-GSI-AMB", "P2-GSI-STAT"]), ("P2-UMA-GES", ["P2-UMA-AMB", "P2-UMA-STAT"]),
            ("P2-JH-GES", ["P2-JH-AMB", "P2-JH-STAT"]), ("P2-HLU-GES", ["P2-HLU-AMB", "P2-HLU-STAT"]),
        ] {
            for gebiet in g.gebiete {
                let summe = try teile.compactMap { try g.wert($0, gebiet).wert }.reduce(Bruch.null) { $0.plus($1)! }
                #expect(try g.wert(gesamt, gebiet).wert == summe, "\(gesamt) in \(gebiet)")
            }
        }
    }

    @Test func sozialraumlosesZaehltNurInSoGesamt() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        // UMA without Sozialraum: the city exceeds the five Sozialräume by exactly those cases.
        let raeume = try g.katalog.sozialraeume.indices.compactMap { try g.wert("P2-UMA-STAT", .sozialraum($0)).wert }
            .reduce(
                Bruch.null
            ) { $0.plus($1)! }
        let ohne = try #require(try g.wert("P2-UMA-STAT", .ohneZuordnung).wert)
        #expect(ohne > .null)
        #expect(raeume.plus(ohne) == Bruch(19))
        // The central Fallmanagement Altenhilfe records no Sozialraum: 'x' in a Sozialraum, never 0.
        #expect(try g.wert("P2-AH-FM", try g.sozialraum("Wiblingen")).zustand == .nurGesamt)
        #expect(try g.wert("P2-AH-FM", .ohneZuordnung).zustand == .nurGesamt)
        // Delivered counts per Sozialraum add up to the city.
        let asyl = try g.katalog.sozialraeume.indices.compactMap { try g.wert("P2-ASYL", .sozialraum($0)).wert }.reduce(
            Bruch.null
        ) { $0.plus($1)! }
        #expect(asyl == Bruch(547))
    }

    @Test func hilfenVorDemFall2020() throws {
        let g = try #require(Ulm.grundlage("2020-Q4"))
        let stadt = try #require(try g.wert("JH-Z5", .gesamt).wert)
        #expect(Zahlformat.deutsch(stadt, dezimalen: 0) == "84")
        for s in g.katalog.sozialraeume.indices {
            let w = try #require(try g.wert("JH-Z5", .sozialraum(s)).wert)
            #expect(w >= Bruch(80), "\(g.katalog.sozialraeume[s].name): \(Zahlformat.deutsch(w, dezimalen: 1)) %")
        }
    }

    @Test func hilfenVorDemFall2021MitWiblingen() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let stadt = try g.wert("JH-Z5", .gesamt)
        #expect(Zahlformat.deutsch(try #require(stadt.wert), dezimalen: 1) == "80,0")
        #expect(Zielerreichung.bewerte(g.katalog.kennzahl(id: "JH-Z5")?.zielwert, stadt) == .erreicht)
        let wiblingen = try g.wert("JH-Z5", try g.sozialraum("Wiblingen"))
        #expect(Zahlformat.deutsch(try #require(wiblingen.wert), dezimalen: 1) == "74,0")
        #expect(Zielerreichung.bewerte(g.katalog.kennzahl(id: "JH-Z5")?.zielwert, wiblingen) == .nichtErreicht)
        let licht = try #require(try g.licht("JH-Z5", try g.sozialraum("Wiblingen")))
        #expect(licht.farbe != .gruen)
        #expect(licht.begruendung.text.contains("74,0 %"))
        // "Die Anzahl an Hilfen vor einer HzE ist in allen Sozialräumen zurückgegangen."
        let vorjahr = try #require(Ulm.grundlage("2020-Q4"))
        for s in g.katalog.sozialraeume.indices {
            let jetzt = try #require(try g.wert("JH-Z5", .sozialraum(s)).zaehler)
            let vorher = try #require(try vorjahr.wert("JH-Z5", .sozialraum(s)).zaehler)
            #expect(jetzt < vorher)
        }
    }

    @Test(arguments: [("2020-Q4", 156, 80, 126_829), ("2021-Q4", 172, 91, 127_431)])
    func wohnraumsicherung(_ fall: (String, Int, Int, Int)) throws {
        let g = try #require(Ulm.grundlage(fall.0))
        let ms = try g.wert("ES-Z5-MS", .gesamt), rk = try g.wert("ES-Z5-RK", .gesamt)
        #expect(ms.zaehler == Bruch(fall.1))
        #expect(rk.zaehler == Bruch(fall.2))
        #expect(ms.nenner == Bruch(fall.3))
        #expect(try g.wert("P1-EW", .gesamt).wert == Bruch(fall.3))
        // 156 of 126.829 = 1,23 per 1.000.
        #expect(ms.wert == Bruch(zaehler: Int128(fall.1 * 1000), nenner: Int128(fall.3)))
    }

    @Test func altersstrukturWiblingenAeltesteBoefingenJuengste() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let alt = try g.katalog.sozialraeume.indices.map {
            (g.katalog.sozialraeume[$0].name, try #require(try g.wert("P1-65", .sozialraum($0)).wert))
        }
        let jung = try g.katalog.sozialraeume.indices.map {
            (g.katalog.sozialraeume[$0].name, try #require(try g.wert("P1-U18", .sozialraum($0)).wert))
        }
        #expect(alt.max { $0.1 < $1.1 }?.0 == "Wiblingen")
        #expect(jung.max { $0.1 < $1.1 }?.0 == "Böfingen")
    }

    @Test func berichtZeigtDieZahlenWieVeroeffentlicht() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let berichte = Berichtslauf.berichte(g)
        let gesamt2 = try #require(
            berichte.first { $0.slug == "gesamt" && $0.bericht.dateiname == "produkt-2" }?.bericht)
        let md = MarkdownRenderer.render(gesamt2)
        for (text, zahl) in [
            ("in eigenem Wohnraum", "656"), ("in Fallmanagement", "1.094"), ("GSI – Gesamt", "1.681"),
            ("SGB II", "5.460"),
        ] {
            let zeile = try #require(md.split(separator: "\n").first { $0.contains(text) })
            #expect(zeile.contains("| \(zahl) |"), "\(zeile)")
        }
        let wib3 = try #require(
            berichte.first { $0.slug == "wiblingen" && $0.bericht.dateiname == "produkt-3" }?.bericht)
        let zeile = try #require(MarkdownRenderer.render(wib3).split(separator: "\n").first { $0.contains("JH-Z5") })
        #expect(zeile.contains("| 74,0 % |"))
        #expect(zeile.contains("nicht erreicht"))
    }
}
