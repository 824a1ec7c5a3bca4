import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlBericht
@testable import KennzahlDefinition
@testable import KennzahlGeheimhaltung
@testable import KennzahlKommandozeile

/// Public reports (`--public`): small counts withheld, and nothing withheld can be recomputed.
@Suite struct GeheimhaltungTests {
    /// What a public report shows for a Kennzahl in an area: a number or "." (nil).
    func zeige(_ g: Berichtsgrundlage, _ id: String, _ gebiet: Gebiet) throws -> Bruch?? {
        let i = try #require(g.katalog.kennzahlen.firstIndex { $0.id == id })
        let w = g.kennwert(i, .quartal(Quartal(jahr: 2021, nummer: 4)), gebiet)
        return w.zustand == .geheim ? .some(nil) : .some(w.wert)
    }

    @Test func eineKleineZahlUndIhrKleinsterNachbar() throws {
        // Nord 2: withheld. From the city total 17 it would follow, so the smallest other area
        // goes too (Süd 5, not the empty "ohne Zuordnung"): Nord + Süd = 7, two unknowns.
        let g = try Kleinstadt.grundlage([("Nord", 2, 0), ("Mitte", 10, 0), ("Süd", 5, 0)])
        #expect(try zeige(g, "AMB", .sozialraum(0)) == .some(nil))
        #expect(try zeige(g, "AMB", .sozialraum(2)) == .some(nil))
        #expect(try zeige(g, "AMB", .sozialraum(1)) == Bruch(10))
        #expect(try zeige(g, "AMB", .gesamt) == Bruch(17))
        // Nord's total of 2 is itself small; Nord's 0 stationär stays (0 identifies nobody).
        #expect(try zeige(g, "GES", .sozialraum(0)) == .some(nil))
        #expect(try zeige(g, "STAT", .sozialraum(0)) == Bruch(0))
        let geheim = try #require(g.geheimhaltung)
        #expect(geheim.anzahlPrimaer > 0 && geheim.anzahlSekundaer > 0)
    }

    @Test func summenzeileUndAnteilVerratenNichts() throws {
        let g = try Kleinstadt.grundlage([("Nord", 2, 10), ("Mitte", 6, 7), ("Süd", 8, 9)])
        // Primary: ambulant in Nord (2). Area total: the next smallest ambulant part (Mitte 6).
        // Gesamt row = ambulant + stationär: in Nord and Mitte the stationär part goes too.
        for (id, raum) in [("AMB", 0), ("AMB", 1), ("STAT", 0), ("STAT", 1)] {
            #expect(try zeige(g, id, .sozialraum(raum)) == .some(nil), "\(id) \(raum)")
        }
        #expect(try zeige(g, "AMB", .sozialraum(2)) == Bruch(8))
        #expect(try zeige(g, "STAT", .sozialraum(2)) == Bruch(9))
        for raum in 0..<3 { #expect(try zeige(g, "GES", .sozialraum(raum)) != .some(nil)) }
        // The share: numerator withheld with its value, where the numerator is withheld.
        let q = try #require(g.katalog.kennzahlen.firstIndex { $0.id == "Q" })
        let z = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 4))
        let nord = g.kennwert(q, z, .sozialraum(0))
        #expect(nord.zustand == .geheim && nord.zaehlerGeheim && !nord.nennerGeheim && nord.nenner == Bruch(12))
        #expect(g.kennwert(q, z, .sozialraum(2)).wert != nil)
        // Internal reports show everything.
        let intern = try Kleinstadt.grundlage([("Nord", 2, 10), ("Mitte", 6, 7), ("Süd", 8, 9)], oeffentlich: false)
        #expect(intern.kennwert(q, z, .sozialraum(0)).wert != nil)
        #expect(try zeige(intern, "AMB", .sozialraum(0)) == Bruch(2))
    }

    /// The Ulm HLU pattern planted: stationär Nord 2 is withheld. Suppression relation by
    /// relation (Nord's Gesamt row, the city's rows) withholds ambulant Nord and the cases
    /// without an area – and an attacker who solves all rows at once still proves stationär Nord
    /// to lie in [0, 2]. The audit withholds more until he cannot.
    @Test func einzelneBeziehungenReichenNichtDiePruefungSchon() throws {
        // The Gesamt row first in the catalogue, as Ulm's rows are.
        let gesamtZuerst = Kleinstadt.katalog.replacingOccurrences(
            of: "kennzahl GES \"Gesamt\" { produkt 1; definition \"d\"; wert AMB + STAT }\n", with: ""
        )
        .replacingOccurrences(
            of: "kennzahl AMB ",
            with: "kennzahl GES \"Gesamt\" { produkt 1; definition \"d\"; wert AMB + STAT }\nkennzahl AMB ")
        #expect(gesamtZuerst.components(separatedBy: "kennzahl GES").count == 2)
        let g = try Kleinstadt.grundlage(
            [("Nord", 18, 2), ("Mitte", 39, 5), ("Süd", 53, 4), ("", 6, 0)], katalog: gesamtZuerst)
        let geheim = try #require(g.geheimhaltung)
        let stat = try #require(g.katalog.index(id: "STAT"))
        let q4 = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 4))
        let zelle = Geheimhaltung.Zelle(kennzahl: stat, zeitraum: q4, slot: 0, teil: .wert)
        // Relation by relation only (the first step alone), solved as a system.
        let sichtbar = Geheimhaltung.sichtbar(g.katalog, g.periode)
        let ersterSchritt = Geheimhaltung.stufe(
            katalog: g.katalog, auswertung: g.auswertung, periode: g.periode, sichtbar: sichtbar)
        let stand = Pruefstand(modell: Angreifermodell(katalog: g.katalog, auswertung: g.auswertung, zellen: sichtbar))
        stand.verberge(Array(ersterSchritt.keys))
        stand.veroeffentliche(Array(sichtbar.subtracting(ersterSchritt.keys)))
        let vorher = try #require(try stand.intervalle([zelle]).intervalle[zelle])
        #expect(vorher.oben == Bruch(2), "Angreifer: \(vorher)")
        #expect(stand.verrat(zelle, vorher) == "beweisbar unter 3")
        // The audited set: no longer provable below 3.
        let nachher = try #require(geheim.intervalle[zelle])
        #expect(nachher.oben.map { !($0 < Bruch(3)) } ?? true, "Angreifer: \(nachher)")
        #expect(try zeige(g, "STAT", .sozialraum(0)) == .some(nil))
        #expect(geheim.anzahl(.pruefung) > 0)
    }

    /// "Total minus known parts": AMB city 5, without an area 3, Süd 0 – Nord and Mitte (1 each,
    /// withheld) add up to 2 and each lies in [0, 2] unless more is withheld.
    @Test func summeMinusBekannteTeile() throws {
        let g = try Kleinstadt.grundlage([("Nord", 1, 9), ("Mitte", 1, 8), ("Süd", 0, 7), ("", 3, 6)])
        let geheim = try #require(g.geheimhaltung)
        let amb = try #require(g.katalog.index(id: "AMB"))
        let q4 = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 4))
        for slot in [0, 1] {
            let zelle = Geheimhaltung.Zelle(kennzahl: amb, zeitraum: q4, slot: slot, teil: .wert)
            let i = try #require(geheim.intervalle[zelle])
            #expect(i.oben.map { !($0 < Bruch(3)) } ?? true, "Slot \(slot): \(i)")
        }
    }

    /// Zeros are shown and not protected: a Kennzahl that is 0 everywhere withholds nothing.
    @Test func nullenWerdenGezeigt() throws {
        let g = try Kleinstadt.grundlage([("Nord", 9, 0), ("Mitte", 10, 0), ("Süd", 8, 0), ("", 5, 0)])
        for (raum, gebiet) in [
            ("Nord", Gebiet.sozialraum(0)), ("Mitte", .sozialraum(1)), ("Süd", .sozialraum(2)), ("Stadt", .gesamt),
        ] {
            #expect(try zeige(g, "STAT", gebiet) == Bruch(0), "\(raum)")
        }
        #expect(g.geheimhaltung?.protokoll(g.katalog).isEmpty == true)
    }

    @Test func berichtZeigtPunktUndFussnote() throws {
        let g = try Kleinstadt.grundlage([("Nord", 2, 10), ("Mitte", 6, 7), ("Süd", 8, 9)])
        let b = try #require(Berichtslauf.berichte(g).first { $0.slug == "nord" }?.bericht)
        let md = MarkdownRenderer.render(b)
        #expect(md.contains(". = Werte unter 3 werden aus Gründen des Datenschutzes nicht ausgewiesen"))
        #expect(md.contains("Öffentlicher Bericht"))
        #expect(!md.contains("Interner Bericht"))
        let csv = try #require(CsvRenderer.render(b, .excel))
        #expect(csv.contains("\nAMB;ambulant;Stichtag 31.12.2021;;;.;Anzahl;"), "\(csv)")
    }

    /// Chart descriptions say "nicht ausgewiesen" for a withheld value, not "keine Daten" (which
    /// would tell the reader there were no cases).
    @Test func diagrammeNennenZurueckgehalteneWerteNichtKeineDaten() throws {
        func beschreibungen(_ oeffentlich: Bool) throws -> [String: [String]] {
            let g = try #require(Ulm.berechne("2021-Q4", oeffentlich: oeffentlich))
            var texte: [String: [String]] = [:]
            for (slug, b) in Berichtslauf.berichte(g) {
                for d in b.abschnitte.flatMap(\.diagramme) {
                    switch d {
                    case .balken(_, let text, _, _, _, _), .linien(_, let text, _, _, _, _, _),
                        .karte(_, let text, _, _, _, _, _):
                        texte[slug + b.titel, default: []].append(text)
                    }
                }
            }
            return texte
        }
        let intern = try beschreibungen(false), oeffentlich = try beschreibungen(true)
        var zurueckgehalten = 0
        for (bericht, texte) in oeffentlich {
            let vorher = try #require(intern[bericht])
            for (o, i) in zip(texte, vorher) {
                #expect(
                    o.components(separatedBy: "keine Daten").count == i.components(separatedBy: "keine Daten").count,
                    "\(bericht): \(o)")
                zurueckgehalten += o.components(separatedBy: "nicht ausgewiesen").count - 1
            }
        }
        #expect(zurueckgehalten > 0)
    }

    /// A sum over a field rests on the rows summed, not on its amount: 1.834,50 € from one case
    /// is a single case. Rows with an empty amount do not count.
    @Test func summeEinesFeldesRuhtAufDenSummiertenZeilen() throws {
        let text = """
            katalog "Kosten" { produkt 1 "Kosten"; mindestfallzahl 3 }
            sozialraum "Nord"
            sozialraum "Süd"
            quelle hilfen "Test" {
              art faelle
              datei "hilfen-{quartal}.csv"
              id "Fall"
              sozialraum "SR"
              beginn "Beginn"
              ende "Ende"
              feld kosten "Kosten" zahl
            }
            kennzahl K "Kosten" { produkt 1; definition "d"; wert summe kosten aus hilfen; zeitraum quartal, stichtag; einheit euro }
            """
        let definitionen = try Fixture(["k.kz": text])
        let daten = try Fixture([
            "hilfen-2021-Q4.csv": """
            Fall;SR;Beginn;Ende;Kosten
            1;Nord;01.10.2021;;1.834,50
            2;Nord;01.10.2021;;
            3;Nord;01.10.2021;;
            4;Süd;01.10.2021;;10,00
            5;Süd;01.10.2021;;20,00
            6;Süd;01.10.2021;;30,00

            """
        ])
        var a = Berichtslauf.Auftrag()
        a.definitionen = definitionen.ordner
        a.daten = daten.ordner
        a.periode = .quartal(Quartal(jahr: 2021, nummer: 4))
        let (intern, d) = Berichtslauf.berechne(a)
        let z = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 4))
        let i = try #require(intern, "\(d.map(\.formatiert))")
        #expect(i.auswertung.kennwert(0, z, .sozialraum(0)).basis == 1)
        #expect(i.auswertung.kennwert(0, z, .sozialraum(1)).basis == 3)
        #expect(i.auswertung.kennwert(0, z, .gesamt).basis == 4)
        a.oeffentlich = true
        let g = try #require(Berichtslauf.berechne(a).0)
        #expect(g.kennwert(0, z, .sozialraum(0)).zustand == .geheim)
        #expect(g.geheimhaltung?.anzahlPrimaer == 1)
    }

    /// A Kennzahl with its own Mindestfallzahl: withheld by its own threshold, and the footnote
    /// of its table and the catalogue say so.
    @Test func eigeneMindestfallzahlEinerKennzahl() throws {
        let streng = Kleinstadt.katalog.replacingOccurrences(
            of: "wo form = \"stationär\"; zeitraum quartal, stichtag }",
            with: "wo form = \"stationär\"; zeitraum quartal, stichtag; mindestfallzahl 5 }")
        #expect(streng != Kleinstadt.katalog)
        let g = try Kleinstadt.grundlage(
            [("Nord", 9, 4), ("Mitte", 10, 7), ("Süd", 8, 9), ("", 5, 6)], katalog: streng)
        #expect(try zeige(g, "STAT", .sozialraum(0)) == .some(nil))  // 4 < 5
        #expect(try zeige(g, "GES", .sozialraum(0)) == Bruch(13))
        #expect(g.geheimhaltung?.anzahlPrimaer == 1)
        // With the catalogue's 3 alone, nothing would be withheld.
        #expect(
            try Kleinstadt.grundlage([("Nord", 9, 4), ("Mitte", 10, 7), ("Süd", 8, 9), ("", 5, 6)]).geheimhaltung?
                .anzahlPrimaer
                == 0)
        let b = try #require(Berichtslauf.berichte(g).first { $0.slug == "nord" }?.bericht)
        let md = MarkdownRenderer.render(b)
        #expect(
            md.contains(". = Werte unter 3 (STAT: unter 5) werden aus Gründen des Datenschutzes nicht ausgewiesen"),
            "\(md)")
        let katalog = MarkdownRenderer.render(KatalogBericht.baue(g))
        #expect(
            katalog.contains("| Mindestfallzahl | 5 (öffentliche Berichte weisen Werte unter 5 nicht aus) |"),
            "\(katalog)")
    }

    // MARK: Brute force over the public Ulm run

    /// A number, a withheld value, a value not shown at all (not confidential), or no number.
    enum Inhalt: Equatable {
        case zahl(Bruch)
        case geheim
        case verdeckt
        case nichts
    }

    static func inhalt(_ z: Zelle) -> Inhalt {
        switch z {
        case .zahl(let b, _, _): return .zahl(b)
        case .geheim: return .geheim
        default: return .nichts
        }
    }

    static func kennung(_ zeile: [Zelle]) -> String? {
        for z in zeile { if case .verweise(let v) = z, let erster = v.first { return erster.text } }
        return nil
    }

    /// The Kennzahlen a formula adds up (+1) or subtracts (−1), when it is nothing else.
    static func summanden(_ t: Term, _ vorzeichen: Int = 1) -> [(Int, Int)]? {
        switch t {
        case .kennzahl(let j): return [(j, vorzeichen)]
        case .rechnung(.plus, let a, let b):
            guard let x = summanden(a, vorzeichen), let y = summanden(b, vorzeichen) else { return nil }
            return x + y
        case .rechnung(.minus, let a, let b):
            guard let x = summanden(a, vorzeichen), let y = summanden(b, -vorzeichen) else { return nil }
            return x + y
        default: return nil
        }
    }

    /// Every report of the public 2021-Q4 Ulm run, tried against all totals and differences an
    /// outsider can form: per table the Gesamt rows and their parts and each ratio with its
    /// numerator and denominator; across the set the city and its Sozialräume. Wherever exactly
    /// one value of a relation is withheld, it is computed from the others and compared with the
    /// true value: it must never come out.
    @Test func keinVerborgenerWertLaesstSichErrechnen() throws {
        let g = try #require(Ulm.berechne("2021-Q4", oeffentlich: true))
        let geheim = try #require(g.geheimhaltung)
        #expect(geheim.anzahlPrimaer > 10 && geheim.anzahlSekundaer > 5)
        let k = g.katalog
        var gefunden: [String] = []
        var versuche = 0
        // Per area and column: the values shown, by Kennzahl.
        var jeGebiet: [String: [String: [String: Inhalt]]] = [:]
        var pruefungen: [(was: String, zellen: [Inhalt], wahr: [Bruch], vorzeichen: [Int])] = []
        for (slug, b) in Berichtslauf.berichte(g) {
            for abschnitt in b.abschnitte {
                guard let t = abschnitt.tabelle else { continue }
                let titel = t.spalten.map(\.titel)
                for zeile in t.zeilen {
                    guard let id = GeheimhaltungTests.kennung(zeile),
                        let i = k.kennzahlen.firstIndex(where: { $0.id == id })
                    else { continue }
                    let kz = k.kennzahlen[i]
                    let plan = g.zeitplan(kz)
                    // The ratio with its numerator and denominator.
                    if let zi = titel.firstIndex(of: "Zähler"), let ni = titel.firstIndex(of: "Nenner"),
                        let wi = titel.firstIndex(of: "Wert"), kz.istVerhaeltnis
                    {
                        let drei = [zeile[wi], zeile[zi], zeile[ni]].map(GeheimhaltungTests.inhalt)
                        if drei.filter({ $0 == .geheim }).count == 1 && drei.allSatisfy({ $0 != .nichts }),
                            GeheimhaltungTests.errechenbar(drei, kz)
                        {
                            gefunden.append("\(slug) \(id): Wert, Zähler, Nenner mit genau einer Lücke, errechenbar")
                        }
                        versuche += 1
                    }
                    for (spalte, zeitraum) in [
                        ("Wert", plan.aktuell), ("Vorquartal", plan.vorquartal), ("Vorjahr", plan.vorjahr),
                    ] {
                        guard let zeitraum,
                            let s = titel.firstIndex(where: {
                                $0 == spalte || ($0.hasPrefix("Vorjahr") && spalte == "Vorjahr")
                            })
                        else { continue }
                        jeGebiet["\(slug)|\(spalte)|\(zeitraum.kurz)", default: [:]]["main", default: [:]][id] =
                            GeheimhaltungTests.inhalt(zeile[s])
                    }
                    // "Nach Sozialräumen": the city, each Sozialraum, the rows without one.
                    if titel.contains(k.gesamtName), titel.contains(k.ohneZuordnungName),
                        let gi = titel.firstIndex(of: k.gesamtName)
                    {
                        let zellen = (gi..<(gi + k.sozialraeume.count + 2)).map { GeheimhaltungTests.inhalt(zeile[$0]) }
                        let gebiete: [Gebiet] =
                            [.gesamt] + k.sozialraeume.indices.map { .sozialraum($0) } + [.ohneZuordnung]
                        let wahr = gebiete.map { g.auswertung.kennwert(i, plan.aktuell, $0).wert }
                        if let w = wahr as? [Bruch], wahr.allSatisfy({ $0 != nil }) {
                            pruefungen.append(
                                ("\(id) nach Sozialräumen", zellen, w, [1] + Array(repeating: -1, count: w.count - 1)))
                        }
                    }
                }
            }
        }
        // Gesamt rows within each area's table, per column.
        for (schluessel, tabellen) in jeGebiet {
            guard let zeilen = tabellen["main"] else { continue }
            let teile = schluessel.split(separator: "|").map(String.init)
            let slug = teile[0]
            let gebiet: Gebiet =
                slug == "gesamt" ? .gesamt : .sozialraum(try #require(k.sozialraeume.firstIndex { $0.slug == slug }))
            for (id, inhalt) in zeilen {
                let i = try #require(k.kennzahlen.firstIndex { $0.id == id })
                guard case .wert(let t) = k.kennzahlen[i].formel, let summe = GeheimhaltungTests.summanden(t) else {
                    continue
                }
                let plan = g.zeitplan(k.kennzahlen[i])
                let z = teile[1] == "Wert" ? plan.aktuell : teile[1] == "Vorquartal" ? plan.vorquartal! : plan.vorjahr
                var zellen = [inhalt]
                var wahr = [g.auswertung.kennwert(i, z, gebiet).wert]
                var vorzeichen = [1]
                for (j, v) in summe {
                    zellen.append(zeilen[k.kennzahlen[j].id] ?? .nichts)
                    wahr.append(g.auswertung.kennwert(j, z, gebiet).wert)
                    vorzeichen.append(-v)
                }
                if let w = wahr as? [Bruch], wahr.allSatisfy({ $0 != nil }) {
                    pruefungen.append(("\(slug) \(teile[1]) \(id) = Summe", zellen, w, vorzeichen))
                }
            }
        }
        // The city and its Sozialräume across the report set, per column (the rows without a
        // Sozialraum are shown only as "darunter" in the city report's current column).
        for kz in k.kennzahlen where !kz.istVerhaeltnis {
            let i = try #require(k.kennzahlen.firstIndex { $0.id == kz.id })
            let plan = g.zeitplan(kz)
            for (spalte, zeitraum) in [
                ("Wert", plan.aktuell), ("Vorquartal", plan.vorquartal), ("Vorjahr", plan.vorjahr),
            ] {
                guard let zeitraum else { continue }
                func gezeigt(_ slug: String) -> Inhalt {
                    jeGebiet["\(slug)|\(spalte)|\(zeitraum.kurz)"]?["main"]?[kz.id] ?? .nichts
                }
                let slugs = ["gesamt"] + k.sozialraeume.map(\.slug)
                guard gezeigt("gesamt") != .nichts else { continue }
                var zellen = slugs.map(gezeigt)
                let gebiete: [Gebiet] = [.gesamt] + k.sozialraeume.indices.map { .sozialraum($0) } + [.ohneZuordnung]
                let ohne = g.kennwert(i, zeitraum, .ohneZuordnung)
                if ohne.zustand == .geheim {
                    zellen.append(.geheim)
                } else {
                    zellen.append(spalte == "Wert" ? ohne.wert.map { .zahl($0) } ?? .nichts : .verdeckt)
                }
                let wahr = gebiete.map { g.auswertung.kennwert(i, zeitraum, $0).wert }
                if let w = wahr as? [Bruch], wahr.allSatisfy({ $0 != nil }) {
                    pruefungen.append(
                        (
                            "\(kz.id) \(spalte) über alle Gebiete", zellen, w,
                            [1] + Array(repeating: -1, count: w.count - 1)
                        ))
                }
            }
        }
        // Try each relation that holds in the data: one gap is computed and compared.
        for p in pruefungen {
            var summe = Bruch.null
            for (w, v) in zip(p.wahr, p.vorzeichen) { summe = (v > 0 ? summe.plus(w) : summe.minus(w)) ?? summe }
            guard summe.istNull else { continue }  // no such relation in the data
            versuche += 1
            let luecken = p.zellen.indices.filter { p.zellen[$0] != .zahl(p.wahr[$0]) }
            guard luecken.count == 1, let l = luecken.first, p.zellen[l] == .geheim else { continue }
            var rest = Bruch.null
            for (j, (w, v)) in zip(p.wahr, p.vorzeichen).enumerated() where j != l {
                rest = (v > 0 ? rest.plus(w) : rest.minus(w)) ?? rest
            }
            let errechnet = p.vorzeichen[l] > 0 ? Bruch.null.minus(rest) : rest
            if errechnet == p.wahr[l] { gefunden.append("\(p.was): verborgener Wert \(p.wahr[l]) errechenbar") }
        }
        #expect(versuche > 300, "\(versuche) Beziehungen geprüft")
        #expect(gefunden.isEmpty, "\(gefunden.prefix(10))")
    }

    /// Whether the one withheld part of a ratio follows from the two shown: the value exactly
    /// from numerator and denominator; a count from the rounded value and the other count when
    /// the rounding leaves one whole number.
    static func errechenbar(_ drei: [Inhalt], _ kz: Kennzahl) -> Bool {
        let f: Bruch
        switch kz.einheit {
        case .prozent: f = Bruch(100)
        case .je(let n, _): f = Bruch(n)
        case .anzahl, .euro, .benannt: f = Bruch(1)
        }
        guard case .zahl(let v) = drei[0] else { return true }
        // Shown v (positive) stands for [lo, hi): n in (f·z/hi, f·z/lo], z in [lo·n/f, hi·n/f).
        let (lo, hi) = Angreifermodell.rundung(v, kz.dezimalen)
        if case .zahl(let z) = drei[1], drei[2] == .geheim {
            guard let fz = f.mal(z), let a = fz.geteilt(durch: hi), !lo.istNull, let b = fz.geteilt(durch: lo)
            else { return false }
            return b.gerundetAbwaerts - a.gerundetAbwaerts == 1
        }
        if case .zahl(let n) = drei[2], drei[1] == .geheim {
            guard let a = lo.mal(n)?.geteilt(durch: f), let b = hi.mal(n)?.geteilt(durch: f) else { return false }
            return b.gerundetAufwaerts - a.gerundetAufwaerts == 1
        }
        return false
    }
}
