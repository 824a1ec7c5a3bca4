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

/// The side channels of public reports, each tried as an attacker would: data-quality row
/// counts, more digits than shown (Excel, chart coordinates), ratios of published figures,
/// colours with their rules, and a number the audit never saw.
@Suite struct SeitenkanalTests {
    /// A small city (Nord, Mitte, Süd) with one export per quarter; rows `(Sozialraum, Form)`.
    static func oeffentlich(
        _ katalog: String, _ quartale: [String: [(String, String)]], periode: String = "2021-Q4"
    ) throws -> (Berichtsgrundlage, [Fixture]) {
        var dateien: [String: String] = [:]
        for (quartal, faelle) in quartale {
            var zeilen = ["Fall;SR;Beginn;Ende;Form"]
            for (i, (raum, form)) in faelle.enumerated() { zeilen.append("F\(i);\(raum);01.01.2021;;\(form)") }
            dateien["hilfen-\(quartal).csv"] = zeilen.joined(separator: "\n") + "\n"
        }
        let definitionen = try Fixture(["k.kz": katalog])
        let daten = try Fixture(dateien)
        var a = Berichtslauf.Auftrag()
        a.definitionen = definitionen.ordner
        a.daten = daten.ordner
        a.periode = Berichtsperiode.parse(periode)
        a.oeffentlich = true
        let (g, d) = Berichtslauf.berechne(a)
        return (try #require(g, "\(d.map(\.formatiert))"), [definitionen, daten])
    }

    static func faelle(_ raum: String, amb: Int, stat: Int) -> [(String, String)] {
        Array(repeating: (raum, "a"), count: amb) + Array(repeating: (raum, "s"), count: stat)
    }

    static let kopf = """
        katalog "Seitenkanal" { produkt 1 "Fallzahlen"; produkt 2 "Ampel" ampel; mindestfallzahl 3; ziel 1 "Testziel"; arbeitsfeld T "Test" }
        sozialraum "Nord" { codes "N" }
        sozialraum "Mitte" { codes "M" }
        sozialraum "Süd" { codes "S" }
        quelle hilfen "Test" {
          art faelle
          datei "hilfen-{quartal}.csv"
          id "Fall"
          sozialraum "SR"
          beginn "Beginn"
          ende "Ende"
          feld form "Form" { "a" -> "ambulant"; "s" -> "stationär" }
        }
        kennzahl AMB "ambulant" { produkt 1; definition "d"; wert anzahl faelle aus hilfen wo form = "ambulant"; zeitraum quartal, stichtag }
        kennzahl STAT "stationär" { produkt 1; definition "d"; wert anzahl faelle aus hilfen wo form = "stationär"; zeitraum quartal, stichtag }

        """

    // MARK: 1. Data quality

    /// A source with two cases: the value is withheld, and no table says "übernommen 2".
    @Test func datenqualitaetNenntKeineZeilenzahlen() throws {
        let (g, o) = try Self.oeffentlich(Self.kopf, ["2021-Q4": Self.faelle("N", amb: 2, stat: 0)])
        _ = o
        #expect(try g.wert("AMB", .gesamt).zustand == .geheim)
        for (pfad, inhalt) in Berichtslauf.dateien(g, formate: Berichtslauf.Format.allCases, csv: .excel) {
            let text = try DatenschutzTests.text(pfad, inhalt)
            for wort in ["übernommen", "Zeilen in den Dateien", "verworfen:", "Kopfzeilen"] where text.contains(wort) {
                // Only the sentence naming where the counts are, never a count column.
                #expect(!text.contains(wort + "</th>") && !text.contains("| " + wort + " |"), "\(pfad): \(wort)")
            }
            #expect(!text.contains("alle Datenzeilen übernommen") || !text.contains("| 2 |"), "\(pfad)")
        }
        let b = Berichtslauf.berichte(g).first { $0.slug == "gesamt" }?.bericht
        let tabelle = try #require(b?.abschnitte.first { $0.titel == Datenqualitaet.titel }?.tabelle)
        #expect(tabelle.spalten.map(\.titel) == ["Quelle", "Dateien", "Datenzeilen"])
        #expect(tabelle.zeilen.first?.last == .text("alle Datenzeilen übernommen"))
    }

    // MARK: 2. More digits than shown

    /// `M = (AMB + STAT) / 2` shown without decimals: Nord 2 and 101 give 51.5, printed 52. The
    /// workbook and the chart carry 52 too – with 51.5, AMB = 2·51.5 − 101 = 2 exactly.
    @Test func keineStelleMehrAlsGezeigt() throws {
        let katalog =
            Self.kopf + """
                kennzahl M "Mittel" { produkt 1; arbeitsfeld T; ziel 1; definition "d"; wert (AMB + STAT) / 2; dezimalen 0; zielwert mindestens 1 }
                """
        let (g, o) = try Self.oeffentlich(
            katalog,
            [
                "2021-Q4": Self.faelle("N", amb: 2, stat: 101) + Self.faelle("M", amb: 30, stat: 30)
                    + Self.faelle("S", amb: 40, stat: 40)
            ])
        _ = o
        let nord = try g.sozialraum("Nord")
        #expect(try g.wert("AMB", nord).zustand == .geheim)
        #expect(try g.wert("M", nord).wert == Bruch(52))
        var gesehen = 0
        for (pfad, inhalt) in Berichtslauf.dateien(g, formate: Berichtslauf.Format.allCases, csv: .excel) {
            let text = try DatenschutzTests.text(pfad, inhalt)
            #expect(!text.contains("51.5") && !text.contains("51,5"), "\(pfad) trägt 51,5")
            if pfad == "nord/produkt-1.xlsx" {
                #expect(text.contains("<v>52</v>"))
                gesehen += 1
            }
            if pfad == "nord/produkt-1.html" {
                // The chart's point of M lies on the line through the axis marks at 52.
                #expect(text.contains("52"))
                gesehen += 1
            }
        }
        #expect(gesehen == 2)
    }

    // MARK: 3. Ratios of published figures

    /// `Q = A · 100 / N` with N published: Süd N = 35 and Q = 86 pin A = 30, and then
    /// Nord A = 72 − 40 − 0 − 30 = 2. An independent brute-force attacker over everything the
    /// public view shows must not pin Nord's A nor prove it below 3.
    @Test func verhaeltnisMitVeroeffentlichtemNenner() throws {
        let katalog =
            Self.kopf + """
                kennzahl N "alle" { produkt 1; definition "d"; wert anzahl faelle aus hilfen; zeitraum quartal, stichtag }
                kennzahl Q "Quote" { produkt 1; definition "d"; wert AMB * 100 / N; dezimalen 0 }
                """
        let (g, o) = try Self.oeffentlich(
            katalog,
            [
                "2021-Q4": Self.faelle("N", amb: 2, stat: 9) + Self.faelle("M", amb: 40, stat: 3)
                    + Self.faelle("S", amb: 30, stat: 5)
            ])
        _ = o
        let gebiete = [try g.sozialraum("Nord"), try g.sozialraum("Mitte"), try g.sozialraum("Süd")]
        #expect(try g.wert("AMB", gebiete[0]).zustand == .geheim)
        func gezeigt(_ id: String, _ geb: Gebiet) throws -> Bruch? { try g.wert(id, geb).wert }
        let stadt = try gezeigt("AMB", .gesamt)
        let ohne = try gezeigt("AMB", .ohneZuordnung)
        // Worlds: AMB per area 0…80 where withheld; every shown AMB, Q (with its N) must fit.
        var moeglich = Set<Int>()
        let bereiche = try gebiete.map { geb -> [Int] in
            if let w = try gezeigt("AMB", geb) { return [Int(w.zaehler)] }
            return Array(0...80)
        }
        for a in bereiche[0] {
            for b in bereiche[1] {
                for c in bereiche[2] {
                    let werte = [a, b, c]
                    if let s = stadt, let oz = ohne, Bruch(a + b + c) != s.minus(oz) { continue }
                    var passt = true
                    for (i, geb) in gebiete.enumerated() {
                        guard let q = try gezeigt("Q", geb), let nn = try gezeigt("N", geb), !nn.istNull,
                            let wahr = Bruch(werte[i] * 100).geteilt(durch: nn)
                        else { continue }
                        if Geheimhaltung.gerundet(wahr, try #require(g.katalog.kennzahl(id: "Q")), .wert) != q {
                            passt = false
                        }
                    }
                    if passt { moeglich.insert(a) }
                }
            }
        }
        #expect(moeglich.contains(2))
        #expect(moeglich.contains { $0 >= 3 }, "Nord AMB beweisbar unter 3: \(moeglich.sorted())")
    }

    // MARK: 4. Colours

    /// `zielwert hoechstens 2`, "gelb wenn abstand zum zielwert ueber 0": a withheld 2 with a
    /// green light proves 1 or 2. The light is not shown.
    @Test func gruenBeweistKeinenKleinenWert() throws {
        let katalog =
            Self.kopf + """
                kennzahl K "klein" { produkt 1; definition "d"; wert anzahl faelle aus hilfen wo form = "stationär"; zeitraum quartal, stichtag; zielwert hoechstens 2; ampel { gelb wenn abstand zum zielwert ueber 0 } }
                """
        let (g, o) = try Self.oeffentlich(
            katalog,
            [
                "2021-Q4": Self.faelle("N", amb: 5, stat: 2) + Self.faelle("M", amb: 5, stat: 6)
                    + Self.faelle("S", amb: 5, stat: 7)
            ])
        _ = o
        let nord = try g.sozialraum("Nord")
        #expect(try g.wert("K", nord).zustand == .geheim)
        let k = try #require(g.katalog.index(id: "K"))
        #expect(g.ampel.licht(k, nord) == nil)
        #expect(g.ampel.istVerborgen(k, nord))
        let ampel = Berichtslauf.berichte(g).first { $0.slug == "nord" && $0.bericht.dateiname == "produkt-2" }
        let zeile = ampel?.bericht.csvTabelle?.zeilen.first { $0.contains(.text("klein")) }
        #expect(zeile?.first == .ampelGeheim)
    }

    /// "rot wenn anstieg zum vorquartal ueber 20 %" with Vorquartal 22 shown: a red light says the
    /// withheld value is at least 27 (22 · 1,2 = 26,4). With GES = 29 shown, AMB = 29 − STAT would
    /// be at most 2. Shown red, the light must be in the audit – so it is withheld, or the
    /// attacker's range of AMB still reaches 3.
    @Test func rotMitVorquartalIstEineUngleichung() throws {
        let katalog =
            Self.kopf + """
                kennzahl GES "Gesamt" { produkt 1; definition "d"; wert AMB + STAT }
                kennzahl S2 "stationär mit Ampel" { produkt 1; definition "d"; wert STAT; ampel { rot wenn anstieg zum vorquartal ueber 20 % } }
                """
        let (g, o) = try Self.oeffentlich(
            katalog,
            [
                "2021-Q3": Self.faelle("N", amb: 10, stat: 22) + Self.faelle("M", amb: 20, stat: 20)
                    + Self.faelle("S", amb: 30, stat: 30),
                "2021-Q4": Self.faelle("N", amb: 2, stat: 27) + Self.faelle("M", amb: 20, stat: 20)
                    + Self.faelle("S", amb: 30, stat: 30),
            ])
        _ = o
        let nord = try g.sozialraum("Nord")
        #expect(try g.wert("AMB", nord).zustand == .geheim)
        let geheim = try #require(g.geheimhaltung)
        let protokoll = geheim.protokoll(g.katalog)
        let amb = try #require(
            protokoll.first { $0.kennzahl == "AMB" && $0.gebiet == "Nord" && $0.zeitraum == "Q4/2021" })
        let obere = try #require(amb.bereich.split(separator: " ").last.flatMap { Int($0) })
        #expect(obere >= 3, "\(amb.bereich)")
        let s2 = try #require(g.katalog.index(id: "S2"))
        if let licht = g.ampel.licht(s2, nord), licht.farbe == .rot, try g.wert("S2", nord).zustand == .geheim {
            // Shown red over a withheld value: its range starts at 27.
            let zeile = try #require(
                protokoll.first { $0.kennzahl == "S2" && $0.gebiet == "Nord" && $0.teil == "Wert" })
            #expect(zeile.bereich.hasPrefix("27 bis"), "\(zeile.bereich)")
        }
    }

    // MARK: 5. Fail closed

    /// Every number a whole public set reads passes the audit's view: each was audited, each
    /// shown one is rounded as printed. A number outside the audit is withheld and recorded.
    @Test func jedeZahlIstGeprueft() throws {
        let katalog =
            Self.kopf + """
                kennzahl GES "Gesamt" { produkt 1; definition "d"; wert AMB + STAT }
                kennzahl Q "Anteil ambulant" { produkt 1; arbeitsfeld T; ziel 1; definition "d"; zaehler AMB; nenner GES; einheit prozent; zielwert mindestens 50; ampel { gelb wenn wert unter 50 } }
                """
        var (g, o) = try Self.oeffentlich(
            katalog,
            [
                "2021-Q3": Self.faelle("N", amb: 7, stat: 2) + Self.faelle("M", amb: 21, stat: 13)
                    + Self.faelle("S", amb: 30, stat: 9),
                "2021-Q4": Self.faelle("N", amb: 8, stat: 1) + Self.faelle("M", amb: 19, stat: 11)
                    + Self.faelle("S", amb: 33, stat: 7),
            ])
        _ = o
        let mitschrift = Lesemitschrift()
        g.mitschrift = mitschrift
        let dateien = Berichtslauf.dateien(g, formate: Berichtslauf.Format.allCases, csv: .excel)
        #expect(dateien.count > 20)
        let eintraege = mitschrift.eintraege
        #expect(eintraege.count > 100)
        for e in eintraege {
            #expect(
                e.geprueft, "nicht geprüft: \(g.katalog.kennzahlen[e.kennzahl].id) \(e.zeitraum) \(e.gebiet) \(e.teil)")
        }
        // Numerators of earlier quarters, which no report prints and the audit does not see, are
        // dropped (withheld).
        let q = try #require(g.katalog.index(id: "Q"))
        let vorquartal = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 3))
        #expect(g.auswertung.kennwert(q, vorquartal, .gesamt).zaehler != nil)
        let w = g.kennwert(q, vorquartal, .gesamt)
        #expect(w.zaehler == nil && w.zaehlerGeheim && w.nenner == nil && w.nennerGeheim)
        // A value the audit never saw (a later quarter's, from another evaluation): withheld and
        // recorded as not audited.
        var spaeter = Berichtslauf.Auftrag()
        spaeter.definitionen = o[0].ordner
        spaeter.daten = o[1].ordner
        try Data("Fall;SR;Beginn;Ende;Form\nF1;N;01.01.2022;;a\n".utf8).write(
            to: URL(fileURLWithPath: o[1].ordner + "/hilfen-2022-Q1.csv"))
        spaeter.periode = Berichtsperiode.parse("2022-Q1")
        g.auswertung = try #require(Berichtslauf.berechne(spaeter).0).auswertung
        let amb = try #require(g.katalog.index(id: "AMB"))
        let q1 = Zeitraum.quartal(Quartal(jahr: 2022, nummer: 1))
        #expect(g.auswertung.kennwert(amb, q1, .gesamt).wert == Bruch(1))
        #expect(g.kennwert(amb, q1, .gesamt).zustand == .geheim)
        #expect(
            mitschrift.eintraege.contains { $0.kennzahl == amb && $0.zeitraum == q1 && !$0.geprueft && !$0.gezeigt })
        // Every shown number is rounded as printed (the workbook's cells hold no more).
        for (pfad, inhalt) in dateien where pfad.hasSuffix(".xlsx") {
            let text = try DatenschutzTests.text(pfad, inhalt)
            for m in text.matches(of: try Regex("<v>(-?[0-9]+)\\.([0-9]+)</v>")) {
                let stellen = (m.output[2].substring ?? "").count
                // Shares are stored as fractions of 1 (74,0 % as 0.74): two more places at most.
                #expect(stellen <= 3, "\(pfad): \(m.output[0].substring ?? "")")
            }
        }
    }
}
