import KennzahlBasis
import KennzahlDefinition

/// The entry page of a report set (`index.html`): the Ampel of every area and links to all reports.
package enum Uebersicht {
    package static func baue(_ g: Berichtsgrundlage, formate: [String]) -> Bericht {
        let k = g.katalog
        var spalten = [Spalte("Gebiet")]
        spalten += Ampelfarbe.allCases.map { Spalte($0.symbol + " " + $0.wort, rechtsbuendig: true) }
        spalten += k.produkte.map { Spalte("Produkt \($0.nummer)") }
        let ampelProdukt = k.produkte.first { $0.istAmpel } ?? k.produkte.first
        var zeilen: [[Zelle]] = []
        for geb in g.gebiete {
            let slug = g.slug(geb)
            var z: [Zelle] = [
                .verweise([Verweis(g.name(geb), "\(slug)/\(ampelProdukt?.dateiname ?? "produkt-1").html")])
            ]
            var anzahl: [Ampelfarbe: Int] = [:]
            for i in k.kennzahlen.indices { if let l = g.ampel.licht(i, geb) { anzahl[l.farbe, default: 0] += 1 } }
            z += Ampelfarbe.allCases.map { .zahl(Bruch(anzahl[$0] ?? 0), dezimalen: 0, suffix: "") }
            for p in k.produkte {
                z.append(.verweise(formate.map { Verweis($0.uppercased(), "\(slug)/\(p.dateiname).\($0)") }))
            }
            zeilen.append(z)
        }
        var a = Abschnitt(titel: "Ampel nach Gebieten", tabelle: Tabelle(spalten: spalten, zeilen: zeilen))
        a.absaetze = [
            "Anzahl der Kennzahlen je Ampelfarbe; der Gebietsname führt zur Ampel des Gebiets, die Produktspalten zu den Berichten."
        ]
        let katalogAbschnitt = Abschnitt(
            titel: "Katalog",
            tabelle: Tabelle(
                spalten: [Spalte("Dokument")],
                zeilen: [
                    [.verweise([Verweis("Kennzahlenkatalog (HTML)", "katalog.html")])],
                    [.verweise([Verweis("Kennzahlenkatalog (Markdown)", "katalog.md")])],
                ]))
        return Bericht(
            dateiname: "index", titel: "Kennzahlen und Ampel – \(g.periode.deutsch)", gebiet: k.name,
            kopfzeilen: [g.periodenzeile, g.standzeile],
            abschnitte: [a, katalogAbschnitt, Datenqualitaet.abschnitt(g)],
            hinweise: Datenqualitaet.hinweise(g), csvTabelle: nil)
    }
}
