/// Builds the report of a Kennzahlen Produkt (Ulm's 1–3) for one area: the main table, the
/// Sozialraum comparison (city report), the goal grid (where Kennzahlen name goals), definitions.
enum KennzahlenBericht {
    static func baue(_ produkt: Produkt, _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Bericht {
        let kennzahlen = g.katalog.kennzahlen.filter { $0.produkt == produkt.nummer }
        let haupt = haupttabelle(kennzahlen, gebiet, g)
        var abschnitte = [Abschnitt(titel: produkt.titel, tabelle: haupt)]
        if gebiet == .gesamt && !g.katalog.sozialraeume.isEmpty && !kennzahlen.isEmpty {
            abschnitte.append(Abschnitt(titel: "Nach Sozialräumen", tabelle: vergleich(kennzahlen, g)))
        }
        if kennzahlen.contains(where: { $0.ziel != nil }) && !g.katalog.ziele.isEmpty && !g.katalog.arbeitsfelder.isEmpty {
            abschnitte.append(Abschnitt(titel: "Zielsystem: Kennzahl je strategischem Ziel und Arbeitsfeld",
                                        tabelle: zielraster(kennzahlen, gebiet, g)))
        }
        abschnitte.append(Abschnitt(titel: "Definitionen", liste: kennzahlen.map { k in
            "\(k.id) – \(k.name): \(k.definition)" + (k.fussnote.map { " Fußnote: " + $0 } ?? "")
        }))
        abschnitte.append(Datenqualitaet.abschnitt(g))
        return Bericht(dateiname: produkt.dateiname, titel: "Produkt \(produkt.nummer) – \(produkt.titel)",
                       gebiet: g.gebietTitel(gebiet), kopfzeilen: [g.periodenzeile, g.standzeile, "Katalog: " + g.katalog.name],
                       abschnitte: abschnitte, hinweise: Datenqualitaet.hinweise(g), csvTabelle: haupt)
    }

    private static func haupttabelle(_ kennzahlen: [Kennzahl], _ gebiet: Gebiet, _ g: Berichtsgrundlage) -> Tabelle {
        let mitZiel = kennzahlen.contains { $0.ziel != nil }
        let mitBereich = kennzahlen.contains { $0.bereich != nil }
        let mitVerhaeltnis = kennzahlen.contains { $0.istVerhaeltnis }
        let mitZielwert = kennzahlen.contains { $0.zielwert != nil }
        let mitAmpel = kennzahlen.contains { !$0.ampel.isEmpty }
        let mitVorquartal = g.zeigtVorquartal(kennzahlen)
        var spalten: [Spalte] = []
        if mitZiel { spalten += [Spalte("Ziel", rechtsbuendig: true), Spalte("Arbeitsfeld")] }
        if mitBereich { spalten.append(Spalte("Bereich")) }
        spalten += [Spalte("Kennung"), Spalte("Kennzahl"), Spalte("Zeitraum")]
        if mitVerhaeltnis { spalten += [Spalte("Zähler", rechtsbuendig: true), Spalte("Nenner", rechtsbuendig: true)] }
        spalten += [Spalte("Wert", rechtsbuendig: true), Spalte("Einheit")]
        if mitZielwert { spalten += [Spalte("Zielwert"), Spalte("Bewertung")] }
        if mitVorquartal { spalten.append(Spalte("Vorquartal", rechtsbuendig: true)) }
        spalten.append(Spalte(g.vorjahrTitel(kennzahlen), rechtsbuendig: true))
        spalten.append(Spalte(gebiet == .gesamt ? "darunter " + g.katalog.ohneZuordnungName : g.katalog.gesamtName, rechtsbuendig: true))
        if mitAmpel { spalten += [Spalte("Ampel"), Spalte("Begründung")] }
        spalten.append(Spalte("Quelle"))

        var zeilen: [[Zelle]] = []
        for k in kennzahlen {
            let i = g.index(k)
            let plan = g.zeitplan(k)
            let w = g.kennwert(i, plan.aktuell, gebiet)
            var z: [Zelle] = []
            if mitZiel {
                z.append(k.ziel.map { .zahl(Bruch($0), dezimalen: 0, suffix: "") } ?? .leer)
                z.append(k.arbeitsfeld.map { .text($0) } ?? .leer)
            }
            if mitBereich { z.append(k.bereich.map { .text($0) } ?? .leer) }
            z += [.text(k.id), .text(k.name), .text(g.zeitraumText(k, plan.aktuell))]
            if mitVerhaeltnis {
                z += k.istVerhaeltnis ? [g.teilzelle(w.zaehler), g.teilzelle(w.nenner)] : [.leer, .leer]
            }
            z += [g.zelle(w, k), .text(Zahlformat.einheitName(k.einheit))]
            if mitZielwert {
                if let ziel = k.zielwert {
                    let e = Zielerreichung.bewerte(ziel, w)
                    z += [.text(ziel.text(k.einheit)), e == .keinWert ? .symbol(Tabellenzeichen.keinWert) : .text(e.text)]
                } else {
                    z += [.text("kein Zielwert"), .leer]
                }
            }
            if mitVorquartal {
                z.append(plan.vorquartal.map { g.zelle(g.kennwert(i, $0, gebiet), k) } ?? .symbol(Tabellenzeichen.nichtSinnvoll))
            }
            z.append(g.zelle(g.kennwert(i, plan.vorjahr, gebiet), k))
            z.append(g.zelle(g.kennwert(i, plan.aktuell, gebiet == .gesamt ? .ohneZuordnung : .gesamt), k))
            if mitAmpel {
                if let l = g.ampel.licht(i, gebiet) {
                    z += [.ampel(l.farbe), .text(l.begruendung)]
                } else {
                    z += [.leer, .leer]
                }
            }
            z.append(k.quelle.map { .text($0) } ?? .leer)
            zeilen.append(z)
        }
        var t = Tabelle(spalten: spalten, zeilen: zeilen)
        t.fussnoten = quellenzeile(kennzahlen) + Tabellenzeichen.fussnoten(t) + g.unterjaehrigHinweis(kennzahlen)
        if gebiet == .gesamt {
            t.fussnoten.append("\(g.katalog.gesamtName) enthält auch die Fälle ohne Sozialraum; die Spalte „darunter \(g.katalog.ohneZuordnungName)“ zeigt, um wie viel \(g.katalog.gesamtName) bei Anzahlen die Summe der Sozialräume übersteigt.")
        }
        return t
    }

    static func quellenzeile(_ kennzahlen: [Kennzahl]) -> [String] {
        var quellen: [String] = []
        for k in kennzahlen {
            for q in (k.quelle ?? "").components(separatedBy: "; ") where !q.isEmpty && !quellen.contains(q) { quellen.append(q) }
        }
        return quellen.isEmpty ? [] : ["Quelle: " + quellen.joined(separator: "; ")]
    }

    /// City report: every Kennzahl by Sozialraum, with the city and the rows without Sozialraum.
    private static func vergleich(_ kennzahlen: [Kennzahl], _ g: Berichtsgrundlage) -> Tabelle {
        var spalten = [Spalte("Kennung"), Spalte("Kennzahl"), Spalte("Einheit"), Spalte(g.katalog.gesamtName, rechtsbuendig: true)]
        spalten += g.katalog.sozialraeume.map { Spalte($0.name, rechtsbuendig: true) }
        spalten.append(Spalte(g.katalog.ohneZuordnungName, rechtsbuendig: true))
        var zeilen: [[Zelle]] = []
        for k in kennzahlen {
            let i = g.index(k)
            let z = g.zeitplan(k).aktuell
            var zeile: [Zelle] = [.text(k.id), .text(k.name), .text(Zahlformat.einheitName(k.einheit))]
            zeile.append(g.zelle(g.kennwert(i, z, .gesamt), k))
            for s in g.katalog.sozialraeume.indices { zeile.append(g.zelle(g.kennwert(i, z, .sozialraum(s)), k)) }
            zeile.append(g.zelle(g.kennwert(i, z, .ohneZuordnung), k))
            zeilen.append(zeile)
        }
        var t = Tabelle(spalten: spalten, zeilen: zeilen)
        t.fussnoten = Tabellenzeichen.fussnoten(t)
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
                    zeile.append(.text(hier.map { k in
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
