import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// Builds the report of a Kennzahlen Produkt (Ulm's 1–3) for one area: the main table, the
/// Sozialraum comparison (city report), the goal grid (where Kennzahlen name goals), definitions.
package enum KennzahlenBericht {
    package static func baue(_ produkt: Produkt, _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Bericht {
        let kennzahlen = g.katalog.kennzahlen.filter { $0.produkt == produkt.nummer }
        let haupt = haupttabelle(kennzahlen, gebiet, g)
        var abschnitte = [Abschnitt(titel: produkt.titel, tabelle: haupt)]
        let diagramme = balkendiagramme(kennzahlen, gebiet, g) + liniendiagramme(kennzahlen, gebiet, g)
        if !diagramme.isEmpty {
            abschnitte.append(Abschnitt(titel: "Diagramme", diagramme: diagramme))
        }
        // Maps only for ratios (shares, rates, averages): a count would colour large areas dark.
        let karten = kennzahlen.filter(\.istVerhaeltnis).compactMap { Kartenbau.werte($0, gebiet, g) }
        if !karten.isEmpty {
            var a = Abschnitt(titel: "Karten", diagramme: karten)
            a.absaetze = [
                "Anteile und Quoten je Sozialraum; \(gebiet == .gesamt ? "" : "der Sozialraum dieses Berichts ist dick umrandet; ")"
                    + "beim Zeigen auf eine Fläche erscheinen Name und Wert, die Tabelle neben jeder Karte nennt dieselben Werte."
            ]
            abschnitte.append(a)
        }
        if gebiet == .gesamt && !g.katalog.sozialraeume.isEmpty && !kennzahlen.isEmpty {
            abschnitte.append(Abschnitt(titel: "Nach Sozialräumen", tabelle: vergleich(kennzahlen, g)))
        }
        if kennzahlen.contains(where: { $0.ziel != nil }) && !g.katalog.ziele.isEmpty
            && !g.katalog.arbeitsfelder.isEmpty
        {
            abschnitte.append(
                Abschnitt(
                    titel: "Zielsystem: Kennzahl je strategischem Ziel und Arbeitsfeld",
                    tabelle: zielraster(kennzahlen, gebiet, g)))
        }
        abschnitte.append(
            Abschnitt(
                titel: "Definitionen",
                liste: kennzahlen.map { k in
                    "\(k.id) – \(k.name): \(k.definition)" + (k.fussnote.map { " Fußnote: " + $0 } ?? "")
                }))
        abschnitte.append(Datenqualitaet.abschnitt(g))
        return Bericht(
            dateiname: produkt.dateiname, titel: "Produkt \(produkt.nummer) – \(produkt.titel)",
            gebiet: g.gebietTitel(gebiet), kopfzeilen: [g.periodenzeile, g.standzeile, "Katalog: " + g.katalog.name],
            abschnitte: abschnitte, hinweise: Datenqualitaet.hinweise(g), csvTabelle: haupt)
    }

    /// Which optional columns a table of these Kennzahlen has.
    private struct Tabellenform {
        let mitZiel, mitBereich, mitVerhaeltnis, mitZielwert, mitAmpel, mitVorquartal, mitVerlauf: Bool

        init(_ kennzahlen: [Kennzahl], _ g: Berichtsgrundlage) {
            mitZiel = kennzahlen.contains { $0.ziel != nil }
            mitBereich = kennzahlen.contains { $0.bereich != nil }
            mitVerhaeltnis = kennzahlen.contains { $0.istVerhaeltnis }
            mitZielwert = kennzahlen.contains { $0.zielwert != nil }
            mitAmpel = kennzahlen.contains { !$0.ampel.isEmpty }
            mitVorquartal = g.zeigtVorquartal(kennzahlen)
            // Kennzahlen tied to strategic goals get full series charts; the others a trend column.
            mitVerlauf = !mitZiel
        }
    }

    private static func haupttabelle(_ kennzahlen: [Kennzahl], _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Tabelle {
        let form = Tabellenform(kennzahlen, g)
        let spalten = spalten(kennzahlen, form, gebiet, g)
        let zeilen = kennzahlen.map { zeile($0, form, gebiet, g) }
        var t = Tabelle(spalten: spalten, zeilen: zeilen)
        t.fussnoten = quellenzeile(kennzahlen) + g.zeichenerklaerung(t, kennzahlen) + g.unterjaehrigHinweis(kennzahlen)
        if gebiet == .gesamt {
            t.fussnoten.append(
                "\(g.katalog.gesamtName) enthält auch die Fälle ohne Sozialraum; die Spalte „darunter \(g.katalog.ohneZuordnungName)“ zeigt, um wie viel \(g.katalog.gesamtName) bei Anzahlen die Summe der Sozialräume übersteigt."
            )
        }
        return t
    }

    private static func spalten(
        _ kennzahlen: [Kennzahl], _ form: Tabellenform, _ gebiet: Gebiet, _ g: Berichtsgrundlage
    )
        -> [Spalte]
    {
        var spalten: [Spalte] = []
        if form.mitZiel {
            spalten += [
                Spalte("Ziel", rechtsbuendig: true, gruppe: "Kennzahl"), Spalte("Arbeitsfeld", gruppe: "Kennzahl"),
            ]
        }
        if form.mitBereich { spalten.append(Spalte("Bereich", gruppe: "Kennzahl")) }
        spalten += [
            Spalte("Kennung", gruppe: "Kennzahl"), Spalte("Kennzahl", gruppe: "Kennzahl"),
            Spalte("Zeitraum", gruppe: "Kennzahl"),
        ]
        if form.mitVerhaeltnis {
            spalten += [
                Spalte("Zähler", rechtsbuendig: true, gruppe: "Ergebnis"),
                Spalte("Nenner", rechtsbuendig: true, gruppe: "Ergebnis"),
            ]
        }
        spalten += [Spalte("Wert", rechtsbuendig: true, gruppe: "Ergebnis"), Spalte("Einheit", gruppe: "Ergebnis")]
        if form.mitZielwert {
            spalten += [Spalte("Zielwert", gruppe: "Zielwert"), Spalte("Bewertung", gruppe: "Zielwert")]
        }
        if form.mitVorquartal { spalten.append(Spalte("Vorquartal", rechtsbuendig: true, gruppe: "Vergleich")) }
        spalten.append(Spalte(g.vorjahrTitel(kennzahlen), rechtsbuendig: true, gruppe: "Vergleich"))
        spalten.append(
            Spalte(
                gebiet == .gesamt ? "darunter " + g.katalog.ohneZuordnungName : g.katalog.gesamtName,
                rechtsbuendig: true, gruppe: "Vergleich"))
        if form.mitVerlauf {
            spalten.append(Spalte(verlaufTitel(kennzahlen, g), gruppe: "Vergleich", nurLesefassung: true))
        }
        if form.mitAmpel {
            spalten += [Spalte("Ampel", gruppe: "Ampel"), Spalte("Begründung", gruppe: "Ampel", fliesstext: true)]
        }
        spalten.append(Spalte("Quelle"))
        return spalten
    }

    /// One Kennzahl's row: its value, comparison columns, target verdict and light.
    private static func zeile(_ k: Kennzahl, _ form: Tabellenform, _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> [Zelle]
    {
        let i = g.index(k)
        let plan = g.zeitplan(k)
        let w = g.kennwert(i, plan.aktuell, gebiet)
        var z: [Zelle] = []
        if form.mitZiel {
            z.append(k.ziel.map { .zahl(Bruch($0), dezimalen: 0, suffix: "") } ?? .leer)
            z.append(k.arbeitsfeld.map { .text($0) } ?? .leer)
        }
        if form.mitBereich { z.append(k.bereich.map { .text($0) } ?? .leer) }
        z += [
            .verweise([Verweis(k.id, "../katalog.html#" + KatalogBericht.anker(k), nurHtml: true)]), .text(k.name),
            .text(g.zeitraumText(k, plan.aktuell)),
        ]
        if form.mitVerhaeltnis {
            z +=
                k.istVerhaeltnis
                ? [g.teilzelle(w.zaehler, geheim: w.zaehlerGeheim), g.teilzelle(w.nenner, geheim: w.nennerGeheim)]
                : [.leer, .leer]
        }
        z += [g.zelle(w, k), .text(Zahlformat.einheitName(k.einheit))]
        if form.mitZielwert {
            if let ziel = k.zielwert {
                let e = Zielerreichung.bewerte(ziel, w)
                let bewertung: Zelle =
                    w.zustand == .geheim
                    ? .geheim : e == .keinWert ? .symbol(Tabellenzeichen.keinWert) : .text(e.text)
                z += [.text(ziel.text(k.einheit)), bewertung]
            } else {
                z += [.text("kein Zielwert"), .leer]
            }
        }
        if form.mitVorquartal {
            z.append(
                plan.vorquartal.map { g.zelle(g.kennwert(i, $0, gebiet), k) }
                    ?? .symbol(Tabellenzeichen.nichtSinnvoll))
        }
        z.append(g.zelle(g.kennwert(i, plan.vorjahr, gebiet), k))
        z.append(g.zelle(g.kennwert(i, plan.aktuell, gebiet == .gesamt ? .ohneZuordnung : .gesamt), k))
        if form.mitVerlauf {
            z.append(
                .verlauf(
                    plan.verlauf.map { g.kennwert(i, $0, gebiet).wert }, dezimalen: k.dezimalen,
                    suffix: Berichtsgrundlage.suffix(k.einheit)))
        }
        if form.mitAmpel {
            if let l = g.ampel.licht(i, gebiet) {
                z += [.ampel(l.farbe), .text(g.begruendung(l, i, k, gebiet))]
            } else if g.ampel.istVerborgen(i, gebiet) {
                z += [.ampelGeheim, .text(AmpelBericht.geheimText)]
            } else {
                z += [.leer, .leer]
            }
        }
        z.append(k.quelle.map { .text($0) } ?? .leer)
        return z
    }

    private static func verlaufTitel(_ kennzahlen: [Kennzahl], _ g: Berichtsgrundlage) -> String {
        if case .quartal = g.periode, kennzahlen.allSatisfy({ $0.rhythmus == .quartal }) {
            return "Verlauf (8 Quartale)"
        }
        if case .quartal = g.periode, kennzahlen.allSatisfy({ $0.rhythmus == .jahr }) { return "Verlauf (3 Jahre)" }
        return "Verlauf"
    }

    /// A bar chart for every group (`bereich`) of three or more shares: the area against the city.
    private static func balkendiagramme(_ kennzahlen: [Kennzahl], _ gebiet: Gebiet, _ g: Berichtsgrundlage)
        -> [Diagramm]
    {
        var bereiche: [String] = []
        for k in kennzahlen { if let b = k.bereich, !bereiche.contains(b) { bereiche.append(b) } }
        return bereiche.compactMap { bereich in
            let liste = kennzahlen.filter { $0.bereich == bereich }
            guard liste.count >= 3, liste.allSatisfy({ $0.einheit == .prozent }) else { return nil }
            let gebiete: [Gebiet] = gebiet == .gesamt ? [.gesamt] : [gebiet, .gesamt]
            let kennwerte = gebiete.map { geb in liste.map { k in g.kennwert(g.index(k), g.zeitplan(k).aktuell, geb) } }
            let reihen = zip(gebiete, kennwerte).map { geb, w in Reihe(g.name(geb), w.map(\.wert)) }
            let zeitpunkt = liste.first.map { g.zeitraumText($0, g.zeitplan($0).aktuell) } ?? ""
            let werte = liste.enumerated().map { i, k in
                k.name + " " + kennwerte.map { diagrammText($0[i], k) }.joined(separator: " und ")
            }
            let beschreibung =
                "Anteile in " + gebiete.map { g.name($0) }.joined(separator: " und ") + " (\(zeitpunkt)): "
                + werte.joined(separator: "; ") + "." + quellenzeile(liste).map { " " + $0 + "." }.joined()
            return .balken(
                titel: bereich + ": " + gebiete.map { g.name($0) }.joined(separator: " und "),
                beschreibung: beschreibung,
                kategorien: liste.map(\.name), reihen: reihen, einheit: "%", dezimalen: liste.first?.dezimalen ?? 1)
        }
    }

    /// A series chart for every Kennzahl tied to a strategic goal: the area, the city, the Zielwert.
    private static func liniendiagramme(_ kennzahlen: [Kennzahl], _ gebiet: Gebiet, _ g: Berichtsgrundlage)
        -> [Diagramm]
    {
        kennzahlen.filter { $0.ziel != nil }.map { k in
            let i = g.index(k)
            let plan = g.zeitplan(k)
            let gebiete: [Gebiet] = gebiet == .gesamt ? [.gesamt] : [gebiet, .gesamt]
            let kennwerte = gebiete.map { geb in plan.verlauf.map { g.kennwert(i, $0, geb) } }
            let reihen = zip(gebiete, kennwerte).map { geb, w in Reihe(g.name(geb), w.map(\.wert)) }
            let zielwert: Bruch? = {
                switch k.zielwert {
                case .mindestens(let z)?, .hoechstens(let z)?: return z
                case .zwischen(let a, _)?: return a
                case nil: return nil
                }
            }()
            let zeichen = Zahlformat.einheitZeichen(k.einheit)
            let text = zip(reihen, kennwerte).map { r, werte in
                r.name + ": "
                    + zip(plan.verlauf, werte).map { z, w in z.kurz + " " + diagrammText(w, k) }.joined(separator: ", ")
            }.joined(separator: "; ")
            let ziel = k.zielwert.map { "; Zielwert " + $0.text(k.einheit) } ?? "; kein Zielwert"
            return .linien(
                titel: "\(k.id) \(k.name)",
                beschreibung: "Verlauf – " + text + ziel + "." + quellenzeile([k]).map { " " + $0 + "." }.joined(),
                perioden: plan.verlauf.map(\.kurz), reihen: reihen, zielwert: zielwert, einheit: zeichen,
                dezimalen: k.dezimalen)
        }
    }

    /// One value in a chart's description: the number, "nicht ausgewiesen" (public reports) or
    /// "keine Daten".
    private static func diagrammText(_ w: Kennwert, _ k: Kennzahl) -> String {
        if w.zustand == .geheim { return "nicht ausgewiesen" }
        return w.wert.map { Zahlformat.mitEinheit($0, k.einheit, dezimalen: k.dezimalen) } ?? "keine Daten"
    }

    static func quellenzeile(_ kennzahlen: [Kennzahl]) -> [String] {
        var quellen: [String] = []
        for k in kennzahlen {
            for q in (k.quelle ?? "").components(separatedBy: "; ") where !q.isEmpty && !quellen.contains(q) {
                quellen.append(q)
            }
        }
        return quellen.isEmpty ? [] : ["Quelle: " + quellen.joined(separator: "; ")]
    }

    /// City report: every Kennzahl by Sozialraum, with the city and the rows without Sozialraum.
    private static func vergleich(_ kennzahlen: [Kennzahl], _ g: Berichtsgrundlage) -> Tabelle {
        var spalten = [
            Spalte("Kennung"), Spalte("Kennzahl"), Spalte("Einheit"), Spalte(g.katalog.gesamtName, rechtsbuendig: true),
        ]
        spalten += g.katalog.sozialraeume.map { Spalte($0.name, rechtsbuendig: true) }
        spalten.append(Spalte(g.katalog.ohneZuordnungName, rechtsbuendig: true))
        var zeilen: [[Zelle]] = []
        for k in kennzahlen {
            let i = g.index(k)
            let z = g.zeitplan(k).aktuell
            var zeile: [Zelle] = [
                .verweise([Verweis(k.id, "../katalog.html#" + KatalogBericht.anker(k), nurHtml: true)]), .text(k.name),
                .text(Zahlformat.einheitName(k.einheit)),
            ]
            zeile.append(g.zelle(g.kennwert(i, z, .gesamt), k))
            for s in g.katalog.sozialraeume.indices { zeile.append(g.zelle(g.kennwert(i, z, .sozialraum(s)), k)) }
            zeile.append(g.zelle(g.kennwert(i, z, .ohneZuordnung), k))
            zeilen.append(zeile)
        }
        var t = Tabelle(spalten: spalten, zeilen: zeilen)
        t.fussnoten = g.zeichenerklaerung(t, kennzahlen)
        return t
    }

    /// Goals × Arbeitsfelder; an empty cell says so.
    private static func zielraster(_ kennzahlen: [Kennzahl], _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Tabelle {
        var spalten = [Spalte("Ziel", rechtsbuendig: true), Spalte("Strategisches Ziel")]
        spalten += g.katalog.arbeitsfelder.map { Spalte($0.kuerzel + " " + $0.name) }
        var zeilen: [[Zelle]] = []
        for ziel in g.katalog.ziele {
            var zeile: [Zelle] = [.zahl(Bruch(ziel.nummer), dezimalen: 0, suffix: ""), .text(ziel.text)]
            for a in g.katalog.arbeitsfelder {
                let hier = kennzahlen.filter { $0.ziel == ziel.nummer && $0.arbeitsfeld == a.kuerzel }
                if hier.isEmpty {
                    zeile.append(.text("keine Kennzahl festgelegt"))
                } else {
                    zeile.append(
                        .text(
                            hier.map { k in
                                let w = g.kennwert(g.index(k), g.zeitplan(k).aktuell, gebiet)
                                return "\(k.id) \(k.name): \(Datenqualitaet.wortwert(w, k))"
                            }.joined(separator: "; ")))
                }
            }
            zeilen.append(zeile)
        }
        return Tabelle(spalten: spalten, zeilen: zeilen)
    }
}
