import KennzahlBasis

extension Parser {
    mutating func kennzahl() -> KennzahlSyntax? {
        let kopf = naechstes()
        guard let id = name("Kennung der Kennzahl (z. B. JH-Z5)") else { ueberspringeAnweisung(); return nil }
        guard let n = text("Name der Kennzahl") else { ueberspringeAnweisung(); return nil }
        var k = KennzahlSyntax(id: id, name: n, position: kopf.position)
        block("kennzahl", Kennzahlwort.self) { p, wort, t in
            switch wort {
            case .produkt: k.produkt = p.zahl("Nummer des Produkts")
            case .bereich: k.bereich = p.text("Bereich")
            case .arbeitsfeld: k.arbeitsfeld = p.name("Kürzel des Arbeitsfelds")
            case .ziel: k.ziel = p.zahl("Nummer des strategischen Ziels")
            case .quelle: k.quelle = p.langerText("Quellenangabe")
            case .definition: k.definition = p.langerText("Definitionstext")
            case .verantwortlich: k.verantwortlich = p.langerText("verantwortliche Stelle")
            case .fussnote: k.fussnote = p.langerText("Fußnote")
            case .wert: k.wert = p.ausdruckMitText()
            case .zaehler: k.zaehler = p.ausdruckMitText()
            case .nenner: k.nenner = p.ausdruckMitText()
            case .zeitraum: k.zeitraum = p.zeitraum(t)
            case .einheit:
                k.einheit = p.einheit()
                k.einheitUnlesbar = k.einheit == nil
            case .dezimalen: k.dezimalen = p.zahl("Anzahl der Nachkommastellen")
            case .mindestfallzahl: k.mindestfallzahl = p.zahl("Mindestfallzahl für öffentliche Berichte")
            case .zielwert: k.zielwert = p.zielwert()
            case .richtung: k.richtung = p.richtung()
            case .gesamt:
                for wort in ["summe", "der", "sozialraeume"] {
                    guard p.istWort(wort) else { p.erwartet("'gesamt summe der sozialraeume'"); return }
                    _ = p.naechstes()
                }
                k.gesamtAlsSumme = t.position
            case .ampel:
                if p.aktuell.art == .wort {
                    if let v = p.name("Name der Ampelvorlage") { k.ampelVorlagen.append(v) }
                }
                if p.istZeichen("{") { k.ampelRegeln += p.ampelRegeln() }
            }
        }
        return k
    }

    mutating func test() -> TestSyntax? {
        let kopf = naechstes()
        guard let id = name("Kennung der getesteten Kennzahl") else { ueberspringeAnweisung(); return nil }
        guard let n = text("Name des Tests") else { ueberspringeAnweisung(); return nil }
        var t = TestSyntax(kennzahl: id, name: n, position: kopf.position)
        block("test", Testwort.self) { p, wort, w in
            switch wort {
            case .zeitraum: t.zeitraum = p.periode()
            case .gebiet:
                if p.istWort("gesamt") { _ = p.naechstes() } else { t.gebiet = p.text("Sozialraum") }
            case .daten: if let d = p.testdaten() { t.daten.append(d) }
            case .erwartet: if let e = p.erwartung(bei: w.position) { t.erwartungen.append(e) }
            }
        }
        return t
    }

    /// `daten QUELLE [PERIODE] { "zeile" … }`: rows of a planner's test, one text per line.
    mutating func testdaten() -> TestdatenSyntax? {
        guard let q = name("Name der Quelle") else { ueberspringeAnweisung(); return nil }
        var d = TestdatenSyntax(quelle: q, periode: nil, zeilen: [])
        if !istZeichen("{") { d.periode = periode()?.0 }
        ueberspringeZeilenendenInAusdruck()
        guard istZeichen("{") else {
            erwartet("'{' mit Zeilen in Anführungszeichen"); ueberspringeAnweisung(); return nil
        }
        let oeffnend = naechstes()
        while true {
            while aktuell.art == .zeilenende || istZeichen(";") { _ = naechstes() }
            if istZeichen("}") { _ = naechstes(); break }
            if aktuell.art == .dateiende {
                fehler(.blockOhneEnde, oeffnend.position); break
            }
            guard let zeile = text("Zeile der Testdaten") else {
                ueberspringeZeile()
                continue
            }
            d.zeilen.append(zeile)
            // One line per text: anything after it on the line is an error.
            if aktuell.art != .zeilenende && !istZeichen("}") {
                fehler(.testzeileNichtZuEnde(gefunden: beschreibung(aktuell)), aktuell.position)
                ueberspringeZeile()
            }
        }
        return d
    }

    /// `erwartet [KENNZAHL] wert N | zaehler N | nenner N | ampel FARBE | zielwert [nicht] erreicht | kein wert`.
    mutating func erwartung(bei pos: Position) -> ErwartungSyntax? {
        let arten = ["wert", "zaehler", "nenner", "ampel", "zielwert", "kein"]
        guard aktuell.art == .wort else {
            erwartet("wert, zaehler, nenner, ampel, zielwert oder kein wert"); return nil
        }
        // Optionally another Kennzahl: `erwartet B-JH-REST wert 60000`.
        var andere: Name?
        if !arten.contains(aktuell.schluessel), vorschau().art == .wort {
            let t = naechstes()
            andere = Name(text: t.text, position: t.position)
        }
        let art = naechstes()
        let erwartung: Erwartung?
        switch art.schluessel {
        case "wert": erwartung = zahl("erwarteter Wert").map { .wert($0) }
        case "zaehler": erwartung = zahl("erwarteter Zähler").map { .zaehler($0) }
        case "nenner": erwartung = zahl("erwarteter Nenner").map { .nenner($0) }
        case "ampel":
            guard aktuell.art == .wort, let f = Ampelfarbe(rawValue: Schreibweise.normalisiert(aktuell.text)) else {
                erwartet("Ampelfarbe (rot, gelb, grau, gruen)")
                return nil
            }
            _ = naechstes()
            erwartung = .ampel(f)
        case "zielwert":
            var erreicht = true
            if istWort("nicht") {
                _ = naechstes()
                erreicht = false
            }
            guard istWort("erreicht") else { erwartet("'erreicht' oder 'nicht erreicht'"); return nil }
            _ = naechstes()
            erwartung = .zielwertErreicht(erreicht)
        case "kein":
            guard istWort("wert") else { erwartet("'wert'"); return nil }
            _ = naechstes()
            erwartung = .keinWert
        default:
            fehler(
                .unbekannteErwartung(wort: art.text), art.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: art.schluessel, aus: arten).map { "meinten Sie '\($0)'?" })
            ueberspringeAnweisung()
            return nil
        }
        return erwartung.map { ErwartungSyntax(kennzahl: andere, erwartung: $0, position: pos) }
    }

    /// A period: `2021-Q4`, `2021` or the same in quotes.
    mutating func periode() -> (Berichtsperiode, Position)? {
        let start = aktuell.position
        if aktuell.art == .text {
            let t = naechstes()
            guard let p = Berichtsperiode.parse(t.text) else {
                fehler(.ungueltigerZeitraum(text: t.text), t.position)
                return nil
            }
            return (p, start)
        }
        guard aktuell.art == .zahl else { erwartet("Zeitraum (2021-Q4 oder 2021)"); return nil }
        let jahr = naechstes()
        var text = jahr.text
        if istZeichen("-"), vorschau().art == .wort {
            _ = naechstes()
            text += "-" + naechstes().text
        }
        guard let p = Berichtsperiode.parse(text) else {
            fehler(.ungueltigerZeitraum(text: text), start)
            return nil
        }
        return (p, start)
    }

    mutating func zeitraum(_ t: Token) -> (Rhythmus, Zaehlregel?, Position)? {
        guard aktuell.art == .wort else { erwartet("'quartal' oder 'jahr'"); return nil }
        let r = naechstes()
        guard let rhythmus = Rhythmus(rawValue: r.schluessel) else {
            fehler(
                .unbekannterZeitraum(wort: r.text), r.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: r.schluessel, aus: ["quartal", "jahr"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
        var regel: Zaehlregel?
        if istZeichen(",") {
            _ = naechstes()
            guard aktuell.art == .wort else { erwartet("Zählregel (stichtag, zugaenge, im verlauf)"); return nil }
            let w = naechstes()
            switch w.schluessel {
            case "stichtag": regel = .stichtag
            case "zugaenge", "zugang": regel = .zugaenge
            case "im":
                if istWort("verlauf") { _ = naechstes(); regel = .imVerlauf } else { erwartet("'verlauf'"); return nil }
            case "imverlauf", "verlauf": regel = .imVerlauf
            default:
                fehler(
                    .unbekannteZaehlregel(wort: w.text), w.position,
                    hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["stichtag", "zugaenge", "im verlauf"]).map
                    { "meinten Sie '\($0)'?" })
                return nil
            }
        }
        return (rhythmus, regel, t.position)
    }

    mutating func einheit() -> (Einheit, Position)? {
        if aktuell.art == .text {
            // A named unit: `einheit "Stunden"`.
            let t = naechstes()
            guard t.text.contains(where: { $0 != " " }) else {
                fehler(.einheitOhneName, t.position)
                return nil
            }
            return (.benannt(t.text), t.position)
        }
        guard aktuell.art == .wort else {
            erwartet("Einheit (anzahl, prozent, euro, je 1.000 einwohner, \"Stunden\")"); return nil
        }
        let w = naechstes()
        switch w.schluessel {
        case "anzahl": return (.anzahl, w.position)
        case "prozent": return (.prozent, w.position)
        case "euro": return (.euro, w.position)
        case "je":
            guard let z = zahl("Bezugsgröße (z. B. 1.000)") else { return nil }
            guard z.wert.nenner == 1, z.wert.zaehler > 0, z.wert.zaehler <= 1_000_000 else {
                fehler(.bezugsgroesseUngueltig, z.position)
                return nil
            }
            if istWort("einwohner") || istWort("ew") || istWort("einwohnerinnen") {
                _ = naechstes()
                return (.je(Int(z.wert.zaehler), bezug: nil), w.position)
            }
            // A named base: `je 1.000 "unter 21-Jährige"`.
            guard aktuell.art == .text else {
                erwartet("'einwohner' oder die Bezugsgruppe in Anführungszeichen (\"unter 21-Jährige\")")
                return nil
            }
            let bezug = naechstes().text
            return (.je(Int(z.wert.zaehler), bezug: bezug), w.position)
        default:
            fehler(
                .unbekannteEinheit(wort: w.text), w.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["anzahl", "prozent", "euro", "je"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
    }

    /// `höher ist besser`, `niedriger ist besser`, `abweichung` (any deviation counts).
    mutating func richtung() -> (Richtung, Position)? {
        let start = aktuell.position
        guard aktuell.art == .wort else {
            erwartet("'hoeher ist besser', 'niedriger ist besser' oder 'abweichung'"); return nil
        }
        let w = naechstes()
        switch w.schluessel {
        case "hoeher", "niedriger":
            if istWort("ist") { _ = naechstes() }
            guard istWort("besser") else { erwartet("'besser'"); return nil }
            _ = naechstes()
            return (w.schluessel == "hoeher" ? .hoeherBesser : .niedrigerBesser, start)
        case "abweichung", "jede":
            while istWort("abweichung") || istWort("zaehlt") { _ = naechstes() }
            return (.abweichung, start)
        default:
            fehler(
                .unbekannteRichtung(wort: w.text), w.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["hoeher", "niedriger", "abweichung"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
    }

    mutating func zielwert() -> (ZielRichtung, Position)? {
        guard aktuell.art == .wort else { erwartet("'mindestens', 'hoechstens' oder 'zwischen'"); return nil }
        let w = naechstes()
        let ergebnis: ZielRichtung
        switch w.schluessel {
        case "mindestens":
            guard let z = zahl("Zielwert") else { return nil }
            ergebnis = .mindestens(z)
        case "hoechstens":
            guard let z = zahl("Zielwert") else { return nil }
            ergebnis = .hoechstens(z)
        case "zwischen":
            guard let a = zahl("untere Grenze") else { return nil }
            guard istWort("und") else { erwartet("'und'"); return nil }
            _ = naechstes()
            guard let b = zahl("obere Grenze") else { return nil }
            ergebnis = .zwischen(a, b)
        default:
            fehler(
                .unbekannteZielrichtung(wort: w.text), w.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["mindestens", "hoechstens", "zwischen"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
        if istZeichen("%") || istWort("prozent") { _ = naechstes() }
        return (ergebnis, w.position)
    }
}
