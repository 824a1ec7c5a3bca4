import KennzahlBasis
import KennzahlDefinition

/// Builds the Ampel Produkt (Ulm's Produkt 4) for one area: every light, red first, with its
/// reason; the city report adds the overview of all Sozialräume.
package enum AmpelBericht {
    package static func baue(_ produkt: Produkt, _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Bericht {
        let mitAmpel = g.katalog.kennzahlen.enumerated().filter {
            !$0.element.ampel.isEmpty || $0.element.produkt == produkt.nummer
        }
        let mitVorquartal = g.zeigtVorquartal(mitAmpel.map(\.element))
        var spalten = [
            Spalte("Ampel"), Spalte("Kennung"), Spalte("Kennzahl"), Spalte("Produkt", rechtsbuendig: true),
            Spalte("Zeitraum"),
            Spalte("Wert", rechtsbuendig: true), Spalte("Einheit"),
        ]
        if mitVorquartal { spalten.append(Spalte("Vorquartal", rechtsbuendig: true)) }
        spalten += [
            Spalte(g.vorjahrTitel(mitAmpel.map(\.element)), rechtsbuendig: true),
            Spalte("Verlauf (berechnet, älteste zuerst)"),
            Spalte("in Folge rot/gelb", rechtsbuendig: true), Spalte("Begründung", fliesstext: true),
            Spalte("von Hand gesetzt"),
        ]
        var zeilen: [(Ampelfarbe?, Int, [Zelle])] = []  // colour, Kennzahl, cells
        var zaehlung: [Ampelfarbe: Int] = [:]
        var geheim = 0
        for (i, k) in mitAmpel {
            let licht = g.ampel.licht(i, gebiet)
            if let f = licht?.farbe { zaehlung[f, default: 0] += 1 }
            if g.ampel.istVerborgen(i, gebiet) { geheim += 1 }
            zeilen.append((licht?.farbe, i, zeile(i, k, gebiet, g, mitVorquartal: mitVorquartal)))
        }
        // Red → yellow → grey → green, then catalogue order.
        zeilen.sort { a, b in
            let ra = a.0?.rang ?? 9, rb = b.0?.rang ?? 9
            return ra != rb ? ra < rb : a.1 < b.1
        }
        var haupt = Tabelle(spalten: spalten, zeilen: zeilen.map(\.2))
        // Each light's row can be linked to from the overview's Ampel matrix.
        haupt.zeilenanker = zeilen.map { anker(g.katalog.kennzahlen[$0.1]) }
        haupt.fussnoten =
            [
                "Ampel: ■ rot = Handlungsbedarf, ▲ gelb = Auffälligkeit, ● grün = erwartungsgemäßer Verlauf, ○ grau = nicht bewertet. Die Regeln jeder Kennzahl stehen im Katalog.",
                "Verlauf: die nach den Regeln berechnete Ampel der letzten vier Zeiträume (Quartale, bei Jahreswerten Jahre), die älteste zuerst; „in Folge“ zählt die Zeiträume bis heute, die rot oder gelb waren. Von Hand gesetzte Ampeln nennen die berechnete Farbe, wer sie gesetzt hat und warum.",
            ]
            + KennzahlenBericht.quellenzeile(mitAmpel.map(\.element))
            + g.zeichenerklaerung(haupt, mitAmpel.map(\.element))
            + g.unterjaehrigHinweis(mitAmpel.map(\.element))
        let zusammenfassung =
            (Ampelfarbe.allCases.map { "\($0.wort): \(zaehlung[$0] ?? 0)" }
            + (geheim > 0 ? ["nicht ausgewiesen: \(geheim)"] : []))
            .joined(separator: " · ")
        var abschnitte = [Abschnitt(titel: produkt.titel, absaetze: [zusammenfassung], tabelle: haupt)]
        if gebiet == .gesamt {
            abschnitte.append(
                Abschnitt(
                    titel: "Übersicht aller Sozialräume", tabelle: matrix(mitAmpel.map { ($0.offset, $0.element) }, g)))
        }
        abschnitte.append(Datenqualitaet.abschnitt(g))
        return Bericht(
            dateiname: produkt.dateiname, titel: "Produkt \(produkt.nummer) – \(produkt.titel)",
            gebiet: g.gebietTitel(gebiet),
            kopfzeilen: [g.periodenzeile, g.standzeile, "Katalog: " + g.katalog.name], abschnitte: abschnitte,
            hinweise: Datenqualitaet.hinweise(g), csvTabelle: haupt)
    }

    /// One light's row: colour, Kennzahl, value and comparisons, history, reason, manual switching.
    private static func zeile(_ i: Int, _ k: Kennzahl, _ gebiet: Gebiet, _ g: Berichtsgrundlage, mitVorquartal: Bool)
        -> [Zelle]
    {
        let plan = g.zeitplan(k)
        let licht = g.ampel.licht(i, gebiet)
        let verborgen = g.ampel.istVerborgen(i, gebiet)
        var z: [Zelle] = [
            licht.map { .ampel($0.farbe) } ?? (verborgen ? .ampelGeheim : .leer),
            .verweise([Verweis(k.id, "../katalog.html#" + KatalogBericht.anker(k), nurHtml: true)]), .text(k.name),
            .zahl(Bruch(k.produkt), dezimalen: 0, suffix: ""), .text(g.zeitraumText(k, plan.aktuell)),
            g.zelle(g.kennwert(i, plan.aktuell, gebiet), k), .text(Zahlformat.einheitName(k.einheit)),
        ]
        if mitVorquartal {
            z.append(
                plan.vorquartal.map { g.zelle(g.kennwert(i, $0, gebiet), k) } ?? .symbol(Tabellenzeichen.nichtSinnvoll))
        }
        z.append(g.zelle(g.kennwert(i, plan.vorjahr, gebiet), k))
        z.append(licht.map { .ampelfolge($0.verlauf) } ?? .leer)
        z.append(licht.flatMap { $0.inFolge > 0 ? .zahl(Bruch($0.inFolge), dezimalen: 0, suffix: "") : nil } ?? .leer)
        z.append(
            .text(
                licht.map { g.begruendung($0, i, k, gebiet) }
                    ?? (verborgen ? geheimText : "keine Ampelregel festgelegt")))
        if let l = licht, let s = l.schaltung {
            z.append(.text("\(s.farbe.wort) statt \(l.berechnet.wort): \(s.wer), \(s.datum.deutsch)"))
        } else {
            z.append(.leer)
        }
        return z
    }

    /// The reason of a light a public report withholds.
    static let geheimText =
        "Ampel aus Gründen des Datenschutzes nicht ausgewiesen: ihre Farbe ließe auf einen zurückgehaltenen Wert schließen."

    /// The anchor of a Kennzahl's row in the Ampel report (`licht-p2-jh-ges`).
    static func anker(_ k: Kennzahl) -> String { "licht-" + Slug.aus(k.id) }

    private static func matrix(_ kennzahlen: [(Int, Kennzahl)], _ g: Berichtsgrundlage) -> Tabelle {
        let gebiete = g.gebiete
        var spalten = [Spalte("Kennung"), Spalte("Kennzahl")]
        spalten += gebiete.map { Spalte(g.name($0)) }
        var zeilen: [[Zelle]] = []
        for (i, k) in kennzahlen {
            var z: [Zelle] = [
                .verweise([Verweis(k.id, "../katalog.html#" + KatalogBericht.anker(k), nurHtml: true)]), .text(k.name),
            ]
            for geb in gebiete {
                guard let l = g.ampel.licht(i, geb) else {
                    z.append(g.ampel.istVerborgen(i, geb) ? .ampelGeheim : .leer)
                    continue
                }
                z.append(
                    l.schaltung == nil
                        ? .ampel(l.farbe)
                        : .text("\(l.farbe.symbol) \(l.farbe.wort) (von Hand; berechnet \(l.berechnet.wort))"))
            }
            zeilen.append(z)
        }
        return Tabelle(spalten: spalten, zeilen: zeilen)
    }
}
