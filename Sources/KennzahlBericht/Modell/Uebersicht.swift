import KennzahlBasis
import KennzahlDefinition

/// The entry page of a report set (`index.html`): which Kennzahl is red where (the Ampel
/// matrix), the lights counted per area, and links to all reports.
package enum Uebersicht {
    package static func baue(_ g: Berichtsgrundlage, formate: [String]) -> Bericht {
        let k = g.katalog
        var spalten = [Spalte("Gebiet")]
        spalten += Ampelfarbe.allCases.map { Spalte($0.symbol + " " + $0.wort, rechtsbuendig: true) }
        spalten += k.produkte.map { Spalte("Produkt \($0.nummer) – \($0.titel)") }
        let ampelProdukt = k.produkte.first { $0.istAmpel } ?? k.produkte.first
        var zeilen: [[Zelle]] = []
        for geb in g.gebiete {
            let slug = g.slug(geb)
            var z: [Zelle] = [
                .verweise([Verweis(g.name(geb), "\(slug)/\(ampelProdukt?.dateiname ?? "produkt-1").html")])
            ]
            var anzahl: [Ampelfarbe: Int] = [:]
            for i in k.kennzahlen.indices { if let l = g.ampel.licht(i, geb) { anzahl[l.farbe, default: 0] += 1 } }
            z += Ampelfarbe.allCases.map { f in
                let n = anzahl[f] ?? 0
                return n == 0
                    ? .zahl(Bruch(0), dezimalen: 0, suffix: "") : .licht(f, text: "\(n)", ziel: nil, titel: nil)
            }
            for p in k.produkte {
                z.append(.verweise(formate.map { Verweis($0.uppercased(), "\(slug)/\(p.dateiname).\($0)") }))
            }
            zeilen.append(z)
        }
        var anzahlen = Abschnitt(titel: "Ampel nach Gebieten", tabelle: Tabelle(spalten: spalten, zeilen: zeilen))
        anzahlen.absaetze = [
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
        var abschnitte = [anzahlen, katalogAbschnitt, Datenqualitaet.abschnitt(g)]
        if let karte = Kartenbau.roteAmpeln(g) {
            abschnitte.insert(Abschnitt(titel: "Karte", diagramme: [karte]), at: 0)
        }
        if let matrix = matrix(g, k.produkte.first { $0.istAmpel }) { abschnitte.insert(matrix, at: 0) }
        return Bericht(
            dateiname: "index", titel: "Kennzahlen und Ampel – \(g.periode.deutsch)", gebiet: k.name,
            kopfzeilen: [g.periodenzeile, g.standzeile],
            abschnitte: abschnitte, hinweise: Datenqualitaet.hinweise(g), csvTabelle: nil)
    }

    /// One row per Kennzahl with Ampel rules (grouped by Produkt and Bereich), one column per
    /// area; each cell shows symbol, colour word and value, links to the light's row in the
    /// area's Ampel report (when the catalogue has an Ampel Produkt) and carries its reason as
    /// hover text.
    static func matrix(_ g: Berichtsgrundlage, _ ampelProdukt: Produkt?) -> Abschnitt? {
        let k = g.katalog
        let mitAmpel = k.kennzahlen.indices.filter { !k.kennzahlen[$0].ampel.isEmpty }.sorted {
            let a = k.kennzahlen[$0], b = k.kennzahlen[$1]
            return (a.produkt, a.bereich ?? "", $0) < (b.produkt, b.bereich ?? "", $1)
        }
        guard !mitAmpel.isEmpty else { return nil }
        var spalten = [Spalte("Gruppe"), Spalte("Kennzahl")]
        spalten += g.gebiete.map { Spalte(g.name($0)) }
        var zeilen: [[Zelle]] = []
        var gruppe: String?
        for i in mitAmpel {
            let kz = k.kennzahlen[i]
            let produkt = k.produkte.first { $0.nummer == kz.produkt }
            let name =
                "Produkt \(kz.produkt)" + (produkt.map { " " + $0.titel } ?? "") + (kz.bereich.map { " · " + $0 } ?? "")
            var z: [Zelle] = [.text(name == gruppe ? "" : name), .text(kz.name + " (" + kz.id + ")")]
            gruppe = name
            for geb in g.gebiete {
                guard let l = g.ampel.licht(i, geb) else {
                    z.append(g.ampel.istVerborgen(i, geb) ? .ampelGeheim : .leer)
                    continue
                }
                let wert = g.kurzwert(g.kennwert(i, g.zeitplan(kz).aktuell, geb), kz)
                z.append(
                    .licht(
                        l.farbe,
                        text: l.farbe.symbol + " " + l.farbe.wort + (l.schaltung == nil ? "" : " (von Hand)") + "\n"
                            + wert,
                        // Only the Ampel Produkt's rows have anchors; without one the cell links nowhere.
                        ziel: ampelProdukt.map { "\(g.slug(geb))/\($0.dateiname).html#\(AmpelBericht.anker(kz))" },
                        titel: g.begruendung(l, i, kz, geb)))
            }
            zeilen.append(z)
        }
        var tabelle = Tabelle(spalten: spalten, zeilen: zeilen)
        tabelle.fussnoten = Tabellenzeichen.fussnoten(tabelle)
        var a = Abschnitt(titel: "Ampel je Kennzahl und Gebiet", tabelle: tabelle)
        a.absaetze = [
            "Jede Zelle nennt Ampelfarbe und Wert und führt zur Zeile der Kennzahl im Ampelbericht des Gebiets; dort steht die Begründung (hier auch beim Zeigen auf die Zelle)."
        ]
        return a
    }
}
