import KennzahlBasis

extension Parser {
    // MARK: File and declarations

    mutating func parseDatei() -> [Deklaration] {
        var deklarationen: [Deklaration] = []
        while true {
            ueberspringeZeilenenden()
            if aktuell.art == .dateiende { break }
            guard aktuell.art == .wort else {
                erwartet("Deklaration (katalog, sozialraum, quelle, ampel oder kennzahl)")
                ueberspringeAnweisung()
                if istZeichen("}") { _ = naechstes() }
                continue
            }
            var start = aktuell
            if !Deklarationswort.woerter.contains(start.schluessel),
                let v = Aehnlichkeit.vorschlag(fuer: start.schluessel, aus: Deklarationswort.woerter)
            {
                fehler(.unbekannteDeklaration(wort: start.text), start.position, hinweis: "meinten Sie '\(v)'?")
                start = Token(art: .wort, text: v, position: start.position)
                // Parse it as the suggested declaration, so later references still resolve.
                tokens[i] = start
            }
            switch Deklarationswort(rawValue: start.schluessel) {
            case .katalog?: if let k = katalog() { deklarationen.append(.katalog(k)) }
            case .sozialraum?: if let s = sozialraum() { deklarationen.append(.sozialraum(s)) }
            case .quelle?: if let q = quelle() { deklarationen.append(.quelle(q)) }
            case .ampel?: if let a = ampelVorlage() { deklarationen.append(.ampel(a)) }
            case .kennzahl?: if let k = kennzahl() { deklarationen.append(.kennzahl(k)) }
            case .test?: if let t = test() { deklarationen.append(.test(t)) }
            case nil:
                fehler(
                    .unbekannteDeklaration(wort: start.text), start.position,
                    hinweis: Aehnlichkeit.vorschlag(fuer: start.schluessel, aus: Deklarationswort.woerter)
                        .map { "meinten Sie '\($0)'?" })
                _ = naechstes()
                ueberspringeAnweisung()
                if istZeichen("}") { _ = naechstes() }
            }
        }
        return deklarationen
    }

    /// Parses `{ statement* }`, calling `anweisung` with each statement's keyword and token. A word
    /// that is not a keyword of `W` is reported; when it is a plausible typo, the statement is
    /// parsed as the suggested keyword, so one typo does not cause further errors.
    mutating func block<W: Schluesselwort>(
        _ name: String, _: W.Type, meldung: (String, String) -> SyntaxMeldung = SyntaxMeldung.unbekanntesBlockfeld,
        _ anweisung: (inout Parser, W, Token) -> Void
    ) {
        let erlaubt = W.woerter
        ueberspringeZeilenendenInAusdruck()
        guard istZeichen("{") else {
            erwartet("'{'")
            ueberspringeAnweisung()
            return
        }
        let oeffnend = naechstes()
        while true {
            ueberspringeZeilenenden()
            if istZeichen("}") {
                _ = naechstes()
                return
            }
            if aktuell.art == .dateiende {
                fehler(.blockOhneEnde, oeffnend.position)
                return
            }
            guard aktuell.art == .wort else {
                erwartet("Anweisung")
                ueberspringeAnweisung()
                continue
            }
            var t = naechstes()
            if !erlaubt.contains(t.schluessel) {
                let vorschlag = Aehnlichkeit.vorschlag(fuer: t.schluessel, aus: erlaubt)
                fehler(
                    meldung(t.text, name), t.position,
                    hinweis: vorschlag.map { "meinten Sie '\($0)'?" })
                guard let v = vorschlag else {
                    ueberspringeAnweisung()
                    continue
                }
                t = Token(art: .wort, text: v, position: t.position)
            }
            guard let wort = W(rawValue: t.schluessel) else {
                ueberspringeAnweisung()
                continue
            }
            anweisung(&self, wort, t)
            anweisungsende()
        }
    }

    mutating func katalog() -> KatalogSyntax? {
        let kopf = naechstes()
        guard let name = text("Name des Katalogs") else { ueberspringeAnweisung(); return nil }
        var k = KatalogSyntax(name: name, position: kopf.position)
        block("katalog", Katalogwort.self) { p, wort, t in
            switch wort {
            case .gesamt: k.gesamt = p.text("Bezeichnung der Gesamtstadt")
            case .ohne:
                if p.istWort("zuordnung") { _ = p.naechstes() } else { p.erwartet("'zuordnung'") }
                k.ohneZuordnung = p.text("Bezeichnung für Fälle ohne Sozialraum")
            case .einwohner: k.einwohner = p.name("Name der Bevölkerungsquelle")
            case .karte:
                guard let datei = p.text("Geometriedatei der Sozialräume (GeoJSON)") else {
                    p.ueberspringeAnweisung()
                    return
                }
                var eigenschaft: Textwert?
                if p.istWort("eigenschaft") {
                    _ = p.naechstes()
                    eigenschaft = p.text("Eigenschaft mit dem Namen des Sozialraums")
                }
                var schematisch = false
                if p.istWort("schematisch") {
                    _ = p.naechstes()
                    schematisch = true
                }
                k.karte = (datei, eigenschaft, schematisch)
            case .mindestfallzahl: k.mindestfallzahl = p.zahl("Mindestfallzahl für öffentliche Berichte")
            case .produkt:
                guard let n = p.zahl("Nummer des Produkts"), let titel = p.text("Titel des Produkts") else {
                    p.ueberspringeAnweisung()
                    return
                }
                var ampel = false
                if p.istWort("ampel") {
                    _ = p.naechstes()
                    ampel = true
                }
                k.produkte.append(ProduktSyntax(nummer: n, titel: titel, istAmpel: ampel))
            case .arbeitsfeld:
                guard let kz = p.name("Kürzel des Arbeitsfelds"), let n = p.text("Name des Arbeitsfelds") else {
                    p.ueberspringeAnweisung()
                    return
                }
                k.arbeitsfelder.append((kz, n))
            case .ziel:
                guard let n = p.zahl("Nummer des Ziels"), let text = p.text("Text des Ziels") else {
                    p.ueberspringeAnweisung()
                    return
                }
                k.ziele.append((n, text))
            }
        }
        return k
    }

    mutating func sozialraum() -> SozialraumSyntax? {
        let kopf = naechstes()
        guard let name = text("Name des Sozialraums") else { ueberspringeAnweisung(); return nil }
        var s = SozialraumSyntax(name: name, position: kopf.position)
        if !istZeichen("{") && amAnweisungsende && !fortsetzungMitBlock() { return s }
        block("sozialraum", Sozialraumwort.self) { p, wort, t in
            switch wort {
            case .codes: s.codes += p.textListe("Code")
            case .stadtviertel: s.stadtviertel += p.textListe("Stadtviertel")
            }
        }
        return s
    }

    /// True when the next non-empty line opens a block.
    func fortsetzungMitBlock() -> Bool {
        var j = i
        while j < tokens.count, tokens[j].art == .zeilenende { j += 1 }
        return j < tokens.count && tokens[j].art == .zeichen && tokens[j].text == "{"
    }

    mutating func quelle() -> QuelleSyntax? {
        let kopf = naechstes()
        guard let name = name("Name der Quelle") else { ueberspringeAnweisung(); return nil }
        guard let titel = text("Titel der Quelle") else { ueberspringeAnweisung(); return nil }
        var q = QuelleSyntax(name: name, titel: titel, position: kopf.position)
        block("quelle", Quellenwort.self) { p, wort, t in
            switch wort {
            case .art:
                guard let n = p.name("'faelle' oder 'zahlen'") else { return }
                switch Schreibweise.normalisiert(n.text) {
                case "faelle": q.art = (.faelle, n.position)
                case "zahlen": q.art = (.zahlen, n.position)
                default:
                    p.fehler(
                        .unbekannteQuellenart(wort: n.text), n.position,
                        hinweis: Aehnlichkeit.vorschlag(
                            fuer: Schreibweise.normalisiert(n.text), aus: ["faelle", "zahlen"]
                        )
                        .map { "meinten Sie '\($0)'?" })
                }
            case .datei: q.datei = p.text("Dateimuster")
            case .kodierung: q.kodierung = p.text("Zeichenkodierung")
            case .id: q.id = p.text("Spalte der Fallnummer")
            case .sozialraum: q.sozialraum = p.text("Spalte des Sozialraums")
            case .stadtviertel: q.stadtviertel = p.text("Spalte des Stadtviertels")
            case .beginn: q.beginn = p.text("Spalte des Beginns")
            case .ende: q.ende = p.text("Spalte des Endes")
            case .datum: q.datum = p.text("Spalte des Datums")
            case .anzahl: q.anzahl = p.text("Spalte der Anzahl")
            case .geburtsdatum: q.geburtsdatum = p.text("Spalte des Geburtsdatums")
            case .feld: if let f = p.feld() { q.felder.append(f) }
            }
        }
        return q
    }

    mutating func feld() -> FeldSyntax? {
        guard let n = name("Name des Felds"), let spalte = text("Spalte des Felds") else {
            ueberspringeAnweisung()
            return nil
        }
        var typ = FeldTyp.text
        if aktuell.art == .wort {
            let t = naechstes()
            if let ft = FeldTyp(rawValue: t.schluessel) {
                typ = ft
            } else {
                fehler(
                    .unbekannterFeldtyp(wort: t.text), t.position,
                    hinweis: Aehnlichkeit.vorschlag(fuer: t.schluessel, aus: ["text", "zahl", "datum"])
                        .map { "meinten Sie '\($0)'?" })
            }
        }
        var werte: [(Textwert, Textwert)] = []
        if istZeichen("{") {
            let oeffnend = naechstes()
            while true {
                while aktuell.art == .zeilenende || istZeichen(";") || istZeichen(",") { _ = naechstes() }
                if istZeichen("}") {
                    _ = naechstes()
                    break
                }
                if aktuell.art == .dateiende {
                    fehler(.blockOhneEnde, oeffnend.position)
                    break
                }
                guard let von = text("Wert im Export") else { ueberspringeAnweisung(); continue }
                guard istZeichen("->") else { erwartet("'->'"); ueberspringeAnweisung(); continue }
                _ = naechstes()
                guard let nach = text("Wert im Katalog") else { ueberspringeAnweisung(); continue }
                werte.append((von, nach))
            }
        }
        return FeldSyntax(name: n, spalte: spalte, typ: typ, werte: werte)
    }
}
