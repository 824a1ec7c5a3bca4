import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlAmpel
@testable import KennzahlAuswertung
@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlDefinition
@testable import KennzahlKommandozeile

/// Directions, deviation from the city, persistence, release margin and manual switching.
@Suite struct AmpelReiheTests {
    func kennzahl(_ regeln: String, richtung: String? = nil, ziel: String = "zielwert mindestens 80") throws -> Kennzahl
    {
        try ampelKennzahl(regeln, ziel: ziel, richtung: richtung)
    }

    func w(_ x: Int) -> Kennwert { Kennwert(.wert(Bruch(x)), zaehler: Bruch(x), nenner: Bruch(100)) }

    /// (direction, rule, value, city, previous year, expected colour)
    @Test(arguments: [
        ("hoeher ist besser", "gelb wenn verschlechterung zum vorjahr ueber 5 punkte", 70, 70, 80, Ampelfarbe.gelb),
        ("hoeher ist besser", "gelb wenn verschlechterung zum vorjahr ueber 5 punkte", 90, 70, 80, .gruen),
        ("niedriger ist besser", "gelb wenn verschlechterung zum vorjahr ueber 5 punkte", 90, 70, 80, .gelb),
        ("niedriger ist besser", "gelb wenn verschlechterung zum vorjahr ueber 5 punkte", 70, 70, 80, .gruen),
        ("abweichung", "gelb wenn verschlechterung zum vorjahr ueber 5 punkte", 70, 70, 80, .gelb),
        ("abweichung", "gelb wenn verschlechterung zum vorjahr ueber 5 punkte", 90, 70, 80, .gelb),
        ("hoeher ist besser", "gelb wenn abweichung von der gesamtstadt ueber 5 punkte", 74, 80, 80, .gelb),
        ("hoeher ist besser", "gelb wenn abweichung von der gesamtstadt ueber 5 punkte", 86, 80, 80, .gruen),
        ("niedriger ist besser", "gelb wenn abweichung von der gesamtstadt ueber 5 punkte", 86, 80, 80, .gelb),
        ("niedriger ist besser", "gelb wenn abweichung von der gesamtstadt ueber 5 punkte", 74, 80, 80, .gruen),
        ("abweichung", "gelb wenn abweichung von der gesamtstadt ueber 5 punkte", 74, 80, 80, .gelb),
        ("abweichung", "gelb wenn abweichung von der gesamtstadt ueber 10 %", 89, 80, 80, .gelb),
        ("abweichung", "gelb wenn abweichung von der gesamtstadt ueber 10 %", 87, 80, 80, .gruen),
    ])
    func richtungen(_ fall: (String, String, Int, Int, Int, Ampelfarbe)) throws {
        let k = try kennzahl(fall.1, richtung: fall.0)
        let l = try #require(
            Ampelschaltung.schalte(
                k,
                reihe: [
                    Ampelwerte(aktuell: w(fall.2), vorquartal: w(fall.2), vorjahr: w(fall.4), gesamtstadt: w(fall.3))
                ]))
        #expect(l.farbe == fall.5, "\(fall.0), \(fall.1): \(l.begruendung.text)")
    }

    @Test func ohneRichtungBestimmtDerZielwertSie() throws {
        #expect(try kennzahl("rot wenn wert unter 1").richtung == .hoeherBesser)
        #expect(try kennzahl("rot wenn wert unter 1", ziel: "zielwert hoechstens 20").richtung == .niedrigerBesser)
        #expect(try kennzahl("rot wenn wert unter 1", ziel: "").richtung == .abweichung)
    }

    @Test func abstandZumZielwertRelativ() throws {
        // 72 misses "mindestens 80" by 8 points = 10 % of 80.
        let k = try kennzahl("gelb wenn abstand zum zielwert ueber 9 %; rot wenn abstand zum zielwert ueber 11 %")
        let l = try #require(Ampelschaltung.schalte(k, aktuell: w(72), vorquartal: nil, vorjahr: nil))
        #expect(l.farbe == .gelb)
        #expect(l.begruendung.text.contains("Abstand zum Zielwert (mindestens 80 %) 10,0 % liegt über 9 %"))
    }

    @Test func gesamtstadtWirdNichtMitSichSelbstVerglichen() throws {
        let k = try kennzahl("gelb wenn abweichung von der gesamtstadt ueber 0 punkte")
        let l = try #require(Ampelschaltung.schalte(k, aktuell: w(50), vorquartal: nil, vorjahr: nil, gesamtstadt: nil))
        #expect(l.farbe == .gruen)
    }

    /// Values over quarters, oldest first.
    func reihe(_ werte: [Int]) -> [Ampelwerte] { werte.map { Ampelwerte(aktuell: w($0)) } }

    @Test(arguments: [
        ([70, 90, 70], Ampelfarbe.gelb),  // below 75 now, but not in the quarter before
        ([90, 70, 70], .rot),  // two quarters in a row
        ([70, 70, 90], .gruen),
        ([70], .gelb),  // too short a series for "seit 2"
    ])
    func rotErstNachZweiQuartalen(_ fall: ([Int], Ampelfarbe)) throws {
        let k = try kennzahl("gelb wenn wert unter 80; rot wenn wert unter 75 seit 2 quartalen")
        let l = try #require(Ampelschaltung.schalte(k, reihe: reihe(fall.0), schritt: "Quartalen"))
        #expect(l.farbe == fall.1, "\(fall.0): \(l.begruendung.text)")
        if fall.1 == .rot { #expect(l.begruendung.text.contains("(seit 2 Quartalen in Folge)")) }
    }

    @Test(arguments: [
        ([78, 81], Ampelfarbe.gelb, "noch keine Entwarnung"),  // back above 80, but not yet 82
        ([78, 83], .gruen, "Entwarnung nach gelb"),
        ([74, 81], .rot, "Rot wie im Vorzeitraum"),  // red stays red until 82
        ([85, 81], .gruen, "keine Regel ausgelöst"),  // no earlier warning: no margin needed
        ([78, 81, 81], .gelb, "noch keine Entwarnung"),  // stays until released
    ])
    func hystereseMitEntwarnung(_ fall: ([Int], Ampelfarbe, String)) throws {
        let k = try kennzahl("gelb wenn wert unter 80; rot wenn wert unter 75; entwarnung wenn wert mindestens 82")
        let l = try #require(Ampelschaltung.schalte(k, reihe: reihe(fall.0)))
        #expect(l.farbe == fall.1, "\(fall.0): \(l.begruendung.text)")
        #expect(l.begruendung.text.contains(fall.2), "\(l.begruendung.text)")
    }

    @Test func verlaufUndInFolge() throws {
        let k = try kennzahl("gelb wenn wert unter 80; rot wenn wert unter 75")
        var werte = reihe([90, 85, 78, 74, 70])
        werte.insert(Ampelwerte(aktuell: Kennwert(.keineDaten)), at: 0)
        let l = try #require(Ampelschaltung.schalte(k, reihe: werte))
        #expect(l.verlauf == [.gruen, .gelb, .rot, .rot])
        #expect(l.inFolge == 3)
        let g = try #require(
            Ampelschaltung.schalte(k, reihe: [Ampelwerte(aktuell: Kennwert(.keineDaten))] + reihe([90])))
        #expect(g.verlauf == [nil, .gruen])
        #expect(g.inFolge == 0)
    }

    @Test func entwarnungOhneFarbregelIstEinFehler() {
        #expect(throws: (any Error).self) { try kennzahl("entwarnung wenn wert mindestens 82") }
    }
}

@Suite struct ManuelleSchaltungTests {
    func lade(
        _ inhalt: String, name: String = "ampel-2021-Q4.csv", daten: ClosedRange<Int>? = (2020 * 4)...(2022 * 4 + 3)
    )
        throws -> (ManuelleSchaltungen, [Diagnose], Katalog, String)
    {
        let k = try katalog(
            kleinerKatalog
                + "\nampel a { gelb wenn wert unter 1 }\nkennzahl L \"l\" { produkt 2; definition \"d\"; wert AMB; ampel a }"
        )
        let ordner = temporaererOrdner()
        try Data(inhalt.utf8).write(to: URL(fileURLWithPath: ordner + "/" + name))
        let (s, d) = ManuelleSchaltungen.lade(ordner: ordner, katalog: k, daten: daten)
        return (s, d, k, ordner + "/" + name)
    }

    let kopf = "Kennzahl;Sozialraum;Farbe;Begründung;Wer;Datum\n"

    @Test func gueltigeSchaltungWirdGelesen() throws {
        let (s, d, k, _) = try lade(
            kopf
                + "L;Süd;gelb;bekannter Sondereffekt;Fachkoordination;15.01.2022\nL;Stadt;grün;alles gut;FK;15.01.2022\n"
        )
        #expect(d.isEmpty, "\(d.map(\.zeile))")
        let i = try #require(k.kennzahlen.firstIndex { $0.id == "L" })
        let q4 = Berichtsperiode.quartal(Quartal(jahr: 2021, nummer: 4))
        #expect(s.schaltung(q4, i, .sozialraum(1))?.farbe == .gelb)
        #expect(s.schaltung(q4, i, .gesamt)?.farbe == .gruen)
        #expect(s.schaltung(.quartal(Quartal(jahr: 2021, nummer: 3)), i, .sozialraum(1)) == nil)
    }

    @Test(arguments: [
        ("L;Süd;gelb;;FK;15.01.2022", "KZ249", ":2: Fehler: Schaltung ohne Begründung"),
        ("LL;Süd;gelb;Grund;FK;15.01.2022", "KZ245", ":2: Fehler: unbekannte Kennzahl 'LL'"),
        ("AMB;Süd;gelb;Grund;FK;15.01.2022", "KZ246", ":2: Fehler: Kennzahl 'AMB' hat keine Ampelregeln"),
        ("L;Sud;gelb;Grund;FK;15.01.2022", "KZ247", ":2: Fehler: unbekannter Sozialraum 'Sud'"),
        ("L;Süd;orange;Grund;FK;15.01.2022", "KZ248", ":2: Fehler: unbekannte Farbe 'orange'"),
        ("L;Süd;gelb;Grund;;15.01.2022", "KZ250", ":2: Fehler: Schaltung ohne Angabe, wer"),
        ("L;Süd;gelb;Grund;FK;31.02.2022", "KZ251", ":2: Fehler: unlesbares Datum '31.02.2022'"),
        (
            "L;Süd;gelb;Grund;FK;15.01.2022\nL;Süd;rot;Grund;FK;15.01.2022", "KZ252",
            ":3: Fehler: 'L' für 'Süd' ist schon in Zeile 2 geschaltet"
        ),
    ])
    func fehlerMitDateiUndZeile(_ fall: (String, String, String)) throws {
        let (_, d, _, pfad) = try lade(kopf + fall.0 + "\n")
        let f = try #require(d.first { $0.code == fall.1 }, "\(d.map(\.zeile))")
        #expect(f.zeile.hasPrefix(pfad + fall.2), "\(f.zeile)")
    }

    @Test func zeitraumOhneDatenIstEinFehler() throws {
        let (_, d, _, pfad) = try lade(kopf + "L;Süd;gelb;Grund;FK;15.01.2024\n", name: "ampel-2023-Q4.csv")
        #expect(
            d.contains {
                $0.code == "KZ241"
                    && $0.zeile.hasPrefix(pfad + ":1: Fehler: für 4. Quartal 2023 liegen keine Daten vor")
            })
    }

    @Test func fehlendeSpalteMitVorschlag() throws {
        let (_, d, _, _) = try lade("Kennzahl;Sozialraum;Farbe;Begruendung;Wer;Datum\nL;Süd;gelb;x;FK;15.01.2022\n")
        #expect(d.contains { $0.code == "KZ243" && $0.hinweis == "meinten Sie 'Begruendung'?" })
    }

    @Test func ulmerSchaltungErscheintImBericht() throws {
        let g = try #require(Ulm.grundlage("2021-Q4"))
        let l = try #require(try g.licht("P2-HZP-STAT", try g.sozialraum("Weststadt")))
        #expect(l.farbe == .gelb)
        #expect(l.berechnet == .rot)
        #expect(l.schaltung?.wer == "Fachplanung Altenhilfe")
        let bericht = try #require(
            Berichtslauf.berichte(g).first { $0.slug == "weststadt" && $0.bericht.dateiname == "produkt-4" }?.bericht)
        let zeile = try #require(
            MarkdownRenderer.render(bericht).split(separator: "\n").first { $0.contains("P2-HZP-STAT") })
        #expect(
            zeile.contains(
                "Von Hand auf gelb gesetzt (Fachplanung Altenhilfe, 18.01.2022): Neues Pflegeheim in Söflingen"))
        #expect(zeile.contains("gelb statt rot: Fachplanung Altenhilfe, 18.01.2022"))
    }
}
