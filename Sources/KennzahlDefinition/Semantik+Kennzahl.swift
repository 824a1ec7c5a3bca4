import KennzahlBasis

extension Semantik {
    mutating func pruefeKennzahl(
        _ k: KennzahlSyntax, datei: String, rhythmus: Rhythmus?, geerbteRegel: Zaehlregel?, indexJeId: [String: Int],
        vorlagen: [String: [AmpelRegelSyntax]], katalog: inout Katalog,
        verweise: inout [Int]
    ) -> Kennzahl? {
        let fehlerVorher = fehlerzahl
        let id = k.id.text
        let (produkt, ziel) = pruefeEinordnung(k, datei: datei, katalog: katalog)
        let regel = zaehlregel(k, datei: datei, rhythmus: rhythmus, geerbteRegel: geerbteRegel)
        guard
            let (formel, teile) = pruefeFormel(
                k, datei: datei, regel: regel, indexJeId: indexJeId, katalog: &katalog, verweise: &verweise)
        else { return nil }
        let (einheit, dezimalen) = einheitUndDezimalen(k, formel: formel, datei: datei)
        let zielwert = pruefeZielwert(k, einheit: einheit, datei: datei)
        let r = rhythmus ?? .quartal
        let (regeln, ampel, entwarnung, entwarnungText) = pruefeAmpel(
            k, datei: datei, zielwert: zielwert, rhythmus: r, vorlagen: vorlagen)
        pruefeSchwellen(regeln, datei: datei, kennzahl: id)
        var mindestfallzahl = katalog.mindestfallzahl
        if let m = k.mindestfallzahl, let n = ganzzahl(m, bereich: 1...1000, datei: datei, was: "Mindestfallzahl") {
            mindestfallzahl = n
        }
        guard fehlerzahl == fehlerVorher else { return nil }
        var kz = Kennzahl(
            id: id, name: k.name.text, produkt: produkt, bereich: k.bereich?.text, arbeitsfeld: k.arbeitsfeld?.text,
            ziel: ziel, quelle: k.quelle?.text, definition: Semantik.absatz(k.definition?.text ?? ""),
            verantwortlich: k.verantwortlich?.text, fussnote: k.fussnote.map { Semantik.absatz($0.text) },
            formel: formel, formelText: teile.map { (teil: $0.0, text: $0.1) }, rhythmus: r, regel: regel,
            einheit: einheit, dezimalen: dezimalen, mindestfallzahl: mindestfallzahl, zielwert: zielwert, ampel: ampel,
            ort: ort(datei, k.id.position))
        kz.entwarnung = entwarnung
        kz.entwarnungText = entwarnungText
        if let pos = k.gesamtAlsSumme {
            if case .verhaeltnis = formel {
                melde(.gesamtsummeNurBeiWert, datei, pos)
            }
            kz.gesamtAlsSumme = true
        }
        // Without a declared direction, a Zielwert tells it: "mindestens" means higher is better.
        switch (k.richtung?.0, zielwert) {
        case (let r?, _): kz.richtung = r
        case (nil, .mindestens?): kz.richtung = .hoeherBesser
        case (nil, .hoechstens?): kz.richtung = .niedrigerBesser
        default: kz.richtung = .abweichung
        }
        return kz
    }

    /// Produkt, Arbeitsfeld, Ziel and the written definition of a Kennzahl.
    private mutating func pruefeEinordnung(_ k: KennzahlSyntax, datei: String, katalog: Katalog) -> (Int, Int?) {
        let id = k.id.text
        var produkt = 0
        if let p = k.produkt {
            if let n = ganzzahl(p, bereich: 1...99, datei: datei, was: "Produktnummer") {
                if let pr = katalog.produkt(n), !pr.istAmpel {
                    produkt = n
                } else if katalog.produkt(n)?.istAmpel == true {
                    // Kennzahlen that exist only for the Ampel ("all important figures not in 1–3").
                    produkt = n
                } else {
                    melde(.produktNichtDeklariert(nummer: n), datei, p.position, vorschlag: nil)
                }
            }
        } else {
            melde(.ohneProdukt(id: id), datei, k.id.position)
        }
        if let a = k.arbeitsfeld, katalog.arbeitsfeld(a.text) == nil {
            melde(
                .unbekanntesArbeitsfeld(kuerzel: a.text), datei, a.position,
                vorschlag: Aehnlichkeit.vorschlag(fuer: a.text, aus: katalog.arbeitsfelder.map(\.kuerzel)))
        }
        var ziel: Int?
        if let z = k.ziel, let n = ganzzahl(z, bereich: 1...99, datei: datei, was: "Zielnummer") {
            if katalog.ziele.isEmpty || katalog.ziel(n) != nil {
                ziel = n
            } else {
                melde(.zielNichtDeklariert(nummer: n), datei, z.position)
            }
        }
        if k.definition == nil {
            melde(.ohneDefinitionstext(id: id), datei, k.id.position)
        }
        return (produkt, ziel)
    }

    /// The counting rule: the Kennzahl's own, else the one inherited from its parts, else Stichtag.
    private mutating func zaehlregel(
        _ k: KennzahlSyntax, datei: String, rhythmus: Rhythmus?, geerbteRegel: Zaehlregel?
    ) -> Zaehlregel {
        let id = k.id.text
        var regel = geerbteRegel ?? Zaehlregel.stichtag
        let mitZaehlung = [k.wert, k.zaehler, k.nenner].contains { $0.map { Semantik.hatZaehlung($0.0) } ?? false }
        if let (_, r, pos) = k.zeitraum {
            if let r {
                regel = r
            } else if mitZaehlung {
                melde(.zeitraumOhneZaehlregel, datei, pos)
            }
        } else if mitZaehlung || rhythmus == nil {
            melde(.ohneZeitraum(id: id), datei, k.id.position)
        }
        return regel
    }

    /// `wert …` or `zaehler …` with `nenner …`, checked; nil after an error.
    private mutating func pruefeFormel(
        _ k: KennzahlSyntax, datei: String, regel: Zaehlregel, indexJeId: [String: Int], katalog: inout Katalog,
        verweise: inout [Int]
    ) -> (Formel, [(String, String)])? {
        let id = k.id.text
        var teile: [(String, String)] = []
        let formel: Formel
        func term(_ a: Ausdruck, _ s: inout Semantik) -> Term? {
            s.term(a, datei: datei, regel: regel, indexJeId: indexJeId, katalog: &katalog, verweise: &verweise)
        }
        switch (k.wert, k.zaehler, k.nenner) {
        case (let w?, nil, nil):
            teile.append(("wert", w.1))
            guard let t = term(w.0, &self) else { return nil }
            formel = .wert(t)
        case (nil, let z?, let n?):
            teile.append(("zaehler", z.1))
            teile.append(("nenner", n.1))
            let tz = term(z.0, &self), tn = term(n.0, &self)
            guard let tz, let tn else { return nil }
            formel = .verhaeltnis(zaehler: tz, nenner: tn)
        case (nil, nil, nil):
            melde(.ohneFormel(id: id), datei, k.id.position)
            return nil
        case (_?, _, _):
            melde(.wertUndBruch(id: id), datei, k.id.position)
            return nil
        default:
            melde(.bruchUnvollstaendig(id: id), datei, k.id.position)
            return nil
        }
        return (formel, teile)
    }

    /// The unit (declared, or Anzahl) and the decimals shown (declared, or by unit).
    private mutating func einheitUndDezimalen(_ k: KennzahlSyntax, formel: Formel, datei: String) -> (Einheit, Int) {
        var einheit = Einheit.anzahl
        if let (e, _) = k.einheit {
            einheit = e
        } else if case .verhaeltnis = formel, !k.einheitUnlesbar {
            melde(.bruchOhneEinheit, datei, k.id.position)
        }
        if case .prozent = einheit, case .wert = formel {
            melde(.prozentOhneBruch, datei, k.einheit?.1 ?? k.id.position)
        }
        if case .je = einheit, case .wert = formel {
            melde(.jeOhneBruch, datei, k.einheit?.1 ?? k.id.position)
        }
        var dezimalen: Int
        switch einheit {
        case .anzahl, .benannt: dezimalen = 0
        case .prozent: dezimalen = 1
        case .je, .euro: dezimalen = 2
        }
        if case .verhaeltnis = formel, case .anzahl = einheit { dezimalen = 2 }
        if let d = k.dezimalen, let n = ganzzahl(d, bereich: 0...6, datei: datei, was: "Anzahl der Nachkommastellen") {
            dezimalen = n
        }
        return (einheit, dezimalen)
    }

    /// The Zielwert with its bounds checked against the unit.
    private mutating func pruefeZielwert(_ k: KennzahlSyntax, einheit: Einheit, datei: String) -> Zielwert? {
        var zielwert: Zielwert?
        if let (z, pos) = k.zielwert {
            switch z {
            case .mindestens(let a): zielwert = .mindestens(a.wert)
            case .hoechstens(let a): zielwert = .hoechstens(a.wert)
            case .zwischen(let a, let b):
                if b.wert < a.wert {
                    melde(.zielGrenzenVertauscht(unten: a.geschrieben, oben: b.geschrieben), datei, pos)
                }
                zielwert = .zwischen(a.wert, b.wert)
            }
            let grenzen: [Zahlwert]
            switch z {
            case .mindestens(let a), .hoechstens(let a): grenzen = [a]
            case .zwischen(let a, let b): grenzen = [a, b]
            }
            if case .prozent = einheit {
                for g in grenzen where g.wert < .null || Bruch(100) < g.wert {
                    melde(.zielProzentAusserhalb(wert: g.geschrieben), datei, g.position)
                }
            } else {
                for g in grenzen where g.wert < .null {
                    melde(
                        .zielNegativ(wert: g.geschrieben, einheit: Zahlformat.einheitName(einheit)), datei, g.position)
                }
            }
        }
        return zielwert
    }

    /// The Ampel rules (templates first, then the Kennzahl's own), each condition checked against
    /// what the Kennzahl has; the Entwarnung apart.
    private mutating func pruefeAmpel(
        _ k: KennzahlSyntax, datei: String, zielwert: Zielwert?, rhythmus r: Rhythmus,
        vorlagen: [String: [AmpelRegelSyntax]]
    ) -> ([AmpelRegelSyntax], [AmpelRegel], [AmpelBedingung], String?) {
        let id = k.id.text
        var regeln: [AmpelRegelSyntax] = []
        for v in k.ampelVorlagen {
            if let r = vorlagen[v.text] {
                regeln += r
            } else {
                melde(
                    .unbekannteAmpelvorlage(name: v.text), datei, v.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: v.text, aus: vorlagen.keys.sorted()))
            }
        }
        regeln += k.ampelRegeln
        var ampel: [AmpelRegel] = []
        var entwarnung: [AmpelBedingung] = []
        var entwarnungText: String?
        for regelSyntax in regeln {
            var bedingungen: [AmpelBedingung] = []
            for b in regelSyntax.bedingungen {
                switch b.groesse {
                case .abstandZumZielwert where zielwert == nil:
                    melde(.regelOhneZielwert(id: id), datei, b.position)
                case .zaehler where !k.istVerhaeltnisSyntax, .nenner where !k.istVerhaeltnisSyntax:
                    melde(.regelOhneBruch(id: id), datei, b.position)
                case .veraenderung(.vorquartal) where r == .jahr, .anstieg(.vorquartal) where r == .jahr,
                    .rueckgang(.vorquartal) where r == .jahr, .verschlechterung(.vorquartal) where r == .jahr:
                    melde(.vorquartalBeiJahr(id: id), datei, b.position)
                default: break
                }
                bedingungen.append(
                    AmpelBedingung(
                        groesse: b.groesse, vergleich: b.vergleich, schwelle: b.schwelle.wert, relativ: b.relativ))
            }
            var seit = 1
            if let z = regelSyntax.seit,
                let n = ganzzahl(z, bereich: 1...8, datei: datei, was: "Anzahl der Zeiträume in Folge")
            {
                seit = n
            }
            if regelSyntax.istEntwarnung {
                if entwarnungText != nil {
                    melde(.mehrereEntwarnungen(id: id), datei, regelSyntax.position)
                }
                if regelSyntax.seit != nil {
                    melde(.seitBeiEntwarnung, datei, regelSyntax.position)
                }
                entwarnung = bedingungen
                entwarnungText = regelSyntax.quelltext
                continue
            }
            ampel.append(
                AmpelRegel(farbe: regelSyntax.farbe, bedingungen: bedingungen, seit: seit, text: regelSyntax.quelltext))
        }
        if entwarnungText != nil && ampel.isEmpty {
            melde(.entwarnungOhneWirkung, datei, k.id.position)
        }
        return (regeln, ampel, entwarnung, entwarnungText)
    }

    mutating func pruefeTest(_ t: TestSyntax, datei: String, katalog: Katalog) -> Kennzahltest? {
        var gut = true
        let k = katalog.index(id: t.kennzahl.text)
        if k == nil {
            melde(
                .unbekannteKennzahlImTest(id: t.kennzahl.text), datei, t.kennzahl.position,
                vorschlag: Aehnlichkeit.vorschlag(fuer: t.kennzahl.text, aus: katalog.kennzahlen.map(\.id)))
            gut = false
        }
        var gebiet = Gebiet.gesamt
        if let g = t.gebiet {
            if let i = katalog.sozialraeume.firstIndex(where: {
                Schreibweise.vergleichsform($0.name) == Schreibweise.vergleichsform(g.text)
            }) {
                gebiet = .sozialraum(i)
            } else {
                melde(
                    .unbekannterSozialraumImTest(name: g.text), datei, g.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: g.text, aus: katalog.sozialraeume.map(\.name)))
                gut = false
            }
        }
        guard let (periode, _) = t.zeitraum else {
            melde(.testOhneZeitraum(name: t.name.text), datei, t.name.position)
            return nil
        }
        if t.erwartungen.isEmpty {
            melde(.testOhneErwartung(name: t.name.text), datei, t.name.position)
            gut = false
        }
        var daten: [Testdaten] = []
        for d in t.daten {
            guard let q = katalog.quellen.firstIndex(where: { $0.id == d.quelle.text }) else {
                melde(
                    .unbekannteQuelleImTest(id: d.quelle.text), datei, d.quelle.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: d.quelle.text, aus: katalog.quellen.map(\.id)))
                gut = false
                continue
            }
            if d.zeilen.isEmpty {
                melde(.testdatenOhneZeilen, datei, d.quelle.position)
                gut = false
            }
            daten.append(
                Testdaten(
                    quelle: q, periode: d.periode, zeilen: d.zeilen.map(\.text), ort: ort(datei, d.quelle.position)))
        }
        var erwartungen: [(kennzahl: Int, erwartung: Erwartung, ort: Ort)] = []
        for e in t.erwartungen {
            var ziel = k
            if let andere = e.kennzahl {
                ziel = katalog.index(id: andere.text)
                if ziel == nil {
                    melde(
                        .unbekannteKennzahlInErwartung(id: andere.text), datei, andere.position,
                        vorschlag: Aehnlichkeit.vorschlag(fuer: andere.text, aus: katalog.kennzahlen.map(\.id)))
                    gut = false
                }
            }
            if let z = ziel { erwartungen.append((z, e.erwartung, ort(datei, e.position))) }
        }
        guard gut, let k else { return nil }
        return Kennzahltest(
            kennzahl: k, name: t.name.text, periode: periode, gebiet: gebiet, daten: daten,
            erwartungen: erwartungen, ort: ort(datei, t.position))
    }

    /// Red must be the more extreme threshold: with "rot wenn wert unter 80; gelb wenn wert unter
    /// 75" yellow could never show. Compares single-condition rules on the same measure.
    mutating func pruefeSchwellen(_ regeln: [AmpelRegelSyntax], datei: String, kennzahl: String) {
        let einfach = regeln.filter { $0.bedingungen.count == 1 && $0.farbe != .grau }
        for rot in einfach where rot.farbe == .rot {
            for gelb in einfach where gelb.farbe == .gelb {
                let r = rot.bedingungen[0], g = gelb.bedingungen[0]
                guard r.groesse == g.groesse, r.relativ == g.relativ else { continue }
                let abwaerts = [Vergleich.kleiner, .kleinerGleich]
                let aufwaerts = [Vergleich.groesser, .groesserGleich]
                let falsch =
                    (abwaerts.contains(r.vergleich) && abwaerts.contains(g.vergleich)
                        && g.schwelle.wert < r.schwelle.wert)
                    || (aufwaerts.contains(r.vergleich) && aufwaerts.contains(g.vergleich)
                        && r.schwelle.wert < g.schwelle.wert)
                if falsch {
                    melde(
                        .schwellenVertauscht(
                            kennzahl: kennzahl, rot: r.schwelle.geschrieben, gelb: g.schwelle.geschrieben), datei,
                        r.schwelle.position)
                }
            }
        }
    }

    /// Texts may span lines in the file; in reports they are one paragraph.
    static func absatz(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
