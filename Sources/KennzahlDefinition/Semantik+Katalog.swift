import KennzahlBasis

extension Semantik {
    mutating func pruefeKatalogKopf(_ k: KatalogSyntax, datei: String, in katalog: inout Katalog) {
        for p in k.produkte {
            guard let n = ganzzahl(p.nummer, bereich: 1...99, datei: datei, was: "Produktnummer") else { continue }
            if katalog.produkte.contains(where: { $0.nummer == n }) {
                melde(.produktDoppelt(nummer: n), datei, p.nummer.position)
                continue
            }
            katalog.produkte.append(Produkt(nummer: n, titel: p.titel.text, istAmpel: p.istAmpel))
        }
        if katalog.produkte.isEmpty {
            melde(.keineProdukte, datei, k.position)
        }
        if katalog.produkte.filter(\.istAmpel).count > 1 {
            melde(.mehrereAmpeluebersichten, datei, k.position)
        }
        for (kuerzel, name) in k.arbeitsfelder {
            if katalog.arbeitsfelder.contains(where: { $0.kuerzel == kuerzel.text }) {
                melde(.arbeitsfeldDoppelt(kuerzel: kuerzel.text), datei, kuerzel.position)
                continue
            }
            katalog.arbeitsfelder.append(Arbeitsfeld(kuerzel: kuerzel.text, name: name.text))
        }
        for (nummer, text) in k.ziele {
            guard let n = ganzzahl(nummer, bereich: 1...99, datei: datei, was: "Zielnummer") else { continue }
            if katalog.ziele.contains(where: { $0.nummer == n }) {
                melde(.zielDoppelt(nummer: n), datei, nummer.position)
                continue
            }
            katalog.ziele.append(Ziel(nummer: n, text: text.text))
        }
    }

    mutating func ganzzahl(_ z: Zahlwert, bereich: ClosedRange<Int>, datei: String, was: String) -> Int? {
        guard z.wert.nenner == 1, z.wert.zaehler >= Int128(bereich.lowerBound),
            z.wert.zaehler <= Int128(bereich.upperBound)
        else {
            melde(
                .zahlAusserhalb(was: was, von: bereich.lowerBound, bis: bereich.upperBound, ist: z.geschrieben), datei,
                z.position)
            return nil
        }
        return Int(z.wert.zaehler)
    }

    mutating func pruefeSozialraeume(_ raeume: [(String, SozialraumSyntax)]) -> [Sozialraum] {
        var ergebnis: [Sozialraum] = []
        var bekannteNamen: [String: String] = [:]  // normalised name/code → Sozialraum
        var bekannteViertel: [String: String] = [:]
        for (datei, r) in raeume {
            let slug = Slug.aus(r.name.text)
            if slug.isEmpty || slug == "gesamt" {
                melde(.nameOhneOrdnernamen(name: r.name.text), datei, r.name.position)
                continue
            }
            if ergebnis.contains(where: { $0.slug == slug }) {
                melde(.sozialraumDoppelt(name: r.name.text, ordner: slug), datei, r.name.position)
                continue
            }
            for t in [r.name] + r.codes {
                let schluessel = Schreibweise.vergleichsform(t.text)
                if let anderer = bekannteNamen[schluessel], anderer != r.name.text {
                    melde(.codeVergeben(code: t.text, sozialraum: anderer), datei, t.position)
                }
                bekannteNamen[schluessel] = r.name.text
            }
            for v in r.stadtviertel {
                let schluessel = Schreibweise.vergleichsform(v.text)
                if let anderer = bekannteViertel[schluessel] {
                    melde(.stadtviertelVergeben(viertel: v.text, sozialraum: anderer), datei, v.position)
                }
                bekannteViertel[schluessel] = r.name.text
            }
            ergebnis.append(
                Sozialraum(
                    name: r.name.text, slug: slug, codes: r.codes.map(\.text), stadtviertel: r.stadtviertel.map(\.text))
            )
        }
        return ergebnis
    }

    mutating func pruefeQuelle(_ q: QuelleSyntax, datei: String) -> Quelle? {
        guard let (art, _) = q.art else {
            melde(.quelleOhneArt(quelle: q.name.text), datei, q.name.position)
            return nil
        }
        guard let muster = q.datei else {
            melde(.quelleOhneDatei(quelle: q.name.text), datei, q.name.position)
            return nil
        }
        pruefeMuster(muster, datei: datei)
        let kodierung = q.kodierung.flatMap { pruefeKodierung($0, datei: datei) }
        let gebiet: GebietsSpalte
        switch (q.sozialraum, q.stadtviertel) {
        case (let s?, nil): gebiet = .sozialraum(s.text)
        case (nil, let v?): gebiet = .stadtviertel(v.text)
        case (nil, nil): gebiet = .keine
        case (_, let v?):
            melde(.raumUndViertelspalte, datei, v.position)
            return nil
        }
        var beginn = q.beginn?.text, ende = q.ende?.text
        if let d = q.datum {
            if q.beginn != nil || q.ende != nil {
                melde(.datumUndBeginn, datei, d.position)
            }
            beginn = d.text
            ende = d.text
        }
        pruefeSpalten(q, art: art, beginn: beginn, datei: datei)
        let felder = pruefeFelder(q, datei: datei)
        // A source with errors is still returned (the catalogue is rejected anyway), so that
        // Kennzahlen using it do not report it as unknown.
        var spaltenOrte: [String: Ort] = [:]
        for t in [q.id, q.sozialraum, q.stadtviertel, q.beginn, q.ende, q.datum, q.anzahl, q.geburtsdatum].compactMap({
            $0
        }) + q.felder.map(\.spalte) {
            spaltenOrte[t.text] = ort(datei, t.position)
        }
        var quelle = Quelle(
            id: q.name.text, titel: q.titel.text, art: art, dateimuster: muster.text, kodierung: kodierung,
            idSpalte: q.id?.text, gebiet: gebiet, beginnSpalte: beginn, endeSpalte: ende,
            anzahlSpalte: q.anzahl?.text, geburtsdatumSpalte: q.geburtsdatum?.text, felder: felder,
            ort: ort(datei, q.position))
        quelle.spaltenOrte = spaltenOrte
        return quelle
    }

    /// The encoding a source declares: its usual names (utf-8, windows-1252, latin-9, …).
    mutating func pruefeKodierung(_ k: Textwert, datei: String) -> Kodierung? {
        switch Schreibweise.vergleichsform(k.text).replacingOccurrences(of: "_", with: "-") {
        case "utf-8", "utf8": return .utf8
        case "windows-1252", "cp1252", "ansi": return .windows1252
        case "iso-8859-15", "latin-9", "latin9": return .iso885915
        case "iso-8859-1", "latin-1", "latin1": return .windows1252
        default:
            melde(.unbekannteKodierung(wort: k.text), datei, k.position)
            return nil
        }
    }

    /// The columns a source of this kind needs, and none that belong to the other kind.
    mutating func pruefeSpalten(_ q: QuelleSyntax, art: QuellenArt, beginn: String?, datei: String) {
        switch art {
        case .faelle:
            if q.id == nil {
                melde(.falllisteOhneId(quelle: q.name.text), datei, q.name.position)
            }
            if beginn == nil {
                melde(.falllisteOhneBeginn(quelle: q.name.text), datei, q.name.position)
            }
            if let a = q.anzahl {
                melde(.anzahlNurBeiZahlen, datei, a.position)
            }
        case .zahlen:
            if q.anzahl == nil {
                melde(.zahlenOhneAnzahl(quelle: q.name.text), datei, q.name.position)
            }
            for t in [q.id, q.beginn, q.ende, q.datum, q.geburtsdatum].compactMap({ $0 }) {
                melde(.fallspaltenNurBeiFalllisten, datei, t.position)
            }
        }
    }

    /// The declared fields: unique, not reserved words, value mappings only for text.
    mutating func pruefeFelder(_ q: QuelleSyntax, datei: String) -> [Feld] {
        var felder: [Feld] = []
        let reserviert = ["sozialraum", "stadtviertel", "beginn", "ende", "datum", "id", "anzahl", "geburtsdatum"]
        for f in q.felder {
            if felder.contains(where: { $0.name == f.name.text }) {
                melde(.feldDoppelt(feld: f.name.text, quelle: q.name.text), datei, f.name.position)
                continue
            }
            if reserviert.contains(Schreibweise.normalisiert(f.name.text)) {
                melde(.reserviertesWort(feld: f.name.text), datei, f.name.position)
                continue
            }
            var werte: [String: String] = [:]
            var ziele: [String] = []
            for (von, nach) in f.werte {
                if werte[von.text] != nil {
                    melde(.exportwertDoppelt(wert: von.text), datei, von.position)
                }
                werte[von.text] = nach.text
                if !ziele.contains(nach.text) { ziele.append(nach.text) }
            }
            if !f.werte.isEmpty && f.typ != .text {
                melde(.zuordnungNurBeiText, datei, f.name.position)
            }
            felder.append(Feld(name: f.name.text, spalte: f.spalte.text, typ: f.typ, werte: werte, zielwerte: ziele))
        }
        return felder
    }

    @discardableResult
    mutating func pruefeMuster(_ m: Textwert, datei: String) -> Bool {
        let t = m.text
        if t.isEmpty || t.hasPrefix("/") || t.hasPrefix("\\") || t.split(separator: "/").contains("..")
            || t.contains("\\")
        {
            melde(.musterAusserhalb, datei, m.position)
            return false
        }
        var rest = t
        var platzhalter = 0
        while let auf = rest.firstIndex(of: "{") {
            guard let zu = rest[auf...].firstIndex(of: "}") else {
                melde(.musterKlammerOffen, datei, m.position)
                return false
            }
            let name = String(rest[rest.index(after: auf)..<zu])
            if name != "quartal" && name != "jahr" {
                melde(
                    .unbekannterPlatzhalter(name: name), datei, m.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: name, aus: ["quartal", "jahr"]).map { "{\($0)}" })
                return false
            }
            platzhalter += 1
            rest = String(rest[rest.index(after: zu)...])
        }
        if platzhalter > 1 {
            melde(.mehrerePlatzhalter, datei, m.position)
            return false
        }
        return true
    }
}
