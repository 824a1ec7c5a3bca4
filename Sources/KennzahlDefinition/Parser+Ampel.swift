import KennzahlBasis

extension Parser {
    mutating func ampelVorlage() -> AmpelVorlageSyntax? {
        let kopf = naechstes()
        guard let n = name("Name der Ampelvorlage") else { ueberspringeAnweisung(); return nil }
        return AmpelVorlageSyntax(name: n, regeln: ampelRegeln(), position: kopf.position)
    }

    mutating func ampelRegeln() -> [AmpelRegelSyntax] {
        var regeln: [AmpelRegelSyntax] = []
        block(
            "der Ampelregel (rot, gelb, grau oder entwarnung)", Regelwort.self,
            meldung: SyntaxMeldung.unbekanntesRegelwort
        ) { p, _, t in
            if let r = p.ampelRegel(farbwort: t) { regeln.append(r) }
        }
        return regeln
    }

    mutating func ampelRegel(farbwort t: Token) -> AmpelRegelSyntax? {
        let farbe: Ampelfarbe
        switch t.schluessel {
        case "rot": farbe = .rot
        case "gelb": farbe = .gelb
        case "grau": farbe = .grau
        case "entwarnung": farbe = .gruen
        default:
            fehler(
                .ampelregelAnfang(gefunden: t.text), t.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: t.schluessel, aus: ["rot", "gelb", "grau"]).map {
                    "meinten Sie '\($0)'?"
                })
            ueberspringeAnweisung()
            return nil
        }
        let start = i
        guard istWort("wenn") else { erwartet("'wenn'"); ueberspringeAnweisung(); return nil }
        _ = naechstes()
        var bedingungen: [BedingungSyntax] = []
        repeat {
            if istWort("und") { _ = naechstes() }
            guard let b = bedingung() else { ueberspringeAnweisung(); return nil }
            bedingungen.append(b)
        } while istWort("und")
        var seit: Zahlwert?
        if istWort("seit") {
            _ = naechstes()
            seit = zahl("Anzahl der Zeiträume in Folge")
            if istWort("quartalen") || istWort("quartal") || istWort("jahren") || istWort("jahr")
                || istWort("zeitraeumen")
            {
                _ = naechstes()
            } else {
                erwartet("'quartalen' oder 'jahren'")
            }
        }
        let text = t.text + " " + quelltext(von: start, bis: i)
        return AmpelRegelSyntax(
            farbe: farbe, bedingungen: bedingungen, seit: seit, istEntwarnung: t.schluessel == "entwarnung",
            position: t.position, quelltext: text)
    }

    mutating func bedingung() -> BedingungSyntax? {
        let start = aktuell.position
        guard aktuell.art == .wort else {
            erwartet("Größe (wert, zaehler, nenner, veraenderung, anstieg, rueckgang, abstand)"); return nil
        }
        let w = naechstes()
        let groesse: Groesse
        switch w.schluessel {
        case "wert": groesse = .wert
        case "zaehler": groesse = .zaehler
        case "nenner": groesse = .nenner
        case "veraenderung", "anstieg", "rueckgang":
            if istWort("zum") || istWort("gegenueber") { _ = naechstes() }
            guard aktuell.art == .wort else { erwartet("'vorquartal' oder 'vorjahr'"); return nil }
            let b = naechstes()
            guard let bezug = Bezug(rawValue: b.schluessel) else {
                fehler(
                    .unbekannterVergleichszeitraum(wort: b.text), b.position,
                    hinweis: Aehnlichkeit.vorschlag(fuer: b.schluessel, aus: ["vorquartal", "vorjahr"]).map {
                        "meinten Sie '\($0)'?"
                    })
                return nil
            }
            groesse =
                w.schluessel == "veraenderung"
                ? .veraenderung(bezug) : w.schluessel == "anstieg" ? .anstieg(bezug) : .rueckgang(bezug)
        case "abstand":
            if istWort("zum") { _ = naechstes() }
            guard istWort("zielwert") else { erwartet("'zielwert'"); return nil }
            _ = naechstes()
            groesse = .abstandZumZielwert
        case "verschlechterung":
            if istWort("zum") || istWort("gegenueber") { _ = naechstes() }
            guard aktuell.art == .wort, let bezug = Bezug(rawValue: aktuell.schluessel) else {
                erwartet("'vorquartal' oder 'vorjahr'"); return nil
            }
            _ = naechstes()
            groesse = .verschlechterung(bezug)
        case "abweichung":
            // abweichung von der gesamtstadt / zur gesamtstadt
            while istWort("von") || istWort("der") || istWort("zur") || istWort("zum") { _ = naechstes() }
            guard istWort("gesamtstadt") || istWort("stadt") else { erwartet("'gesamtstadt'"); return nil }
            _ = naechstes()
            groesse = .abweichungGesamtstadt
        default:
            fehler(
                .unbekannteRegelgroesse(wort: w.text), w.position,
                hinweis: Aehnlichkeit.vorschlag(
                    fuer: w.schluessel,
                    aus: [
                        "wert", "zaehler", "nenner", "veraenderung", "anstieg", "rueckgang", "abstand",
                        "verschlechterung", "abweichung",
                    ]
                )
                .map { "meinten Sie '\($0)'?" })
            return nil
        }
        guard let vergleich = ampelVergleich() else { return nil }
        guard let schwelle = zahl("Schwellenwert") else { return nil }
        var relativ = false
        if istZeichen("%") {
            _ = naechstes()
            relativ = true
        } else if istWort("prozent") {
            _ = naechstes()
            relativ = true
        } else if istWort("punkte") || istWort("prozentpunkte") {
            _ = naechstes()
        }
        let laenge = aktuell.position.zeile == start.zeile ? max(1, aktuell.position.spalte - start.spalte) : 1
        return BedingungSyntax(
            groesse: groesse, vergleich: vergleich, schwelle: schwelle, relativ: relativ,
            position: Position(zeile: start.zeile, spalte: start.spalte, laenge: laenge))
    }

    mutating func ampelVergleich() -> Vergleich? {
        if aktuell.art == .zeichen, let v = Vergleich(rawValue: aktuell.text), v != .gleich, v != .ungleich {
            _ = naechstes()
            return v
        }
        if aktuell.art == .wort {
            switch aktuell.schluessel {
            case "unter": _ = naechstes(); return .kleiner
            case "ueber": _ = naechstes(); return .groesser
            case "mindestens", "ab": _ = naechstes(); return .groesserGleich
            case "hoechstens", "bis": _ = naechstes(); return .kleinerGleich
            default: break
            }
        }
        erwartet("Vergleich (unter, über, mindestens, höchstens, <, <=, >, >=)")
        return nil
    }
}
