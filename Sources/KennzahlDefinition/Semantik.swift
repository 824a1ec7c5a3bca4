import KennzahlBasis

/// Turns parsed definition files into a checked `Katalog`: resolves every name, checks types,
/// references and cycles, fills documented defaults. Collects all problems.
struct Semantik {
    private var diagnosen: [Diagnose] = []
    /// Errors among `diagnosen` (counted as they come: checking a Kennzahl compares counts).
    private var fehlerzahl = 0
    private var warnteOhneEnde = Set<String>()
    private var zeilenJeDatei: [String: [String]] = [:]

    static func pruefe(_ dateien: [DefinitionsDatei]) -> (Katalog?, [Diagnose]) {
        var s = Semantik()
        for d in dateien { s.zeilenJeDatei[d.pfad] = d.zeilen }
        let k = s.baue(dateien)
        let hatFehler = s.diagnosen.contains { $0.schwere == .fehler }
        return (hatFehler ? nil : k, s.diagnosen)
    }

    // MARK: Diagnostics helpers

    private func ort(_ datei: String, _ pos: Position) -> Ort {
        let zeilen = zeilenJeDatei[datei] ?? []
        let text = pos.zeile >= 1 && pos.zeile <= zeilen.count ? zeilen[pos.zeile - 1] : nil
        return Ort(datei: datei, zeile: pos.zeile, spalte: pos.spalte, laenge: max(1, pos.laenge), quelltext: text)
    }

    private mutating func fehler(
        _ code: String, _ text: String, _ datei: String, _ pos: Position, vorschlag: String? = nil
    ) {
        diagnosen.append(.fehler(code, text, ort: ort(datei, pos), hinweis: vorschlag.map { "meinten Sie '\($0)'?" }))
        fehlerzahl += 1
    }

    private mutating func warnung(_ code: String, _ text: String, _ datei: String, _ pos: Position) {
        diagnosen.append(.warnung(code, text, ort: ort(datei, pos)))
    }

    // MARK: Building

    private mutating func baue(_ dateien: [DefinitionsDatei]) -> Katalog? {
        var kataloge: [(String, KatalogSyntax)] = []
        var raeume: [(String, SozialraumSyntax)] = []
        var quellen: [(String, QuelleSyntax)] = []
        var vorlagen: [(String, AmpelVorlageSyntax)] = []
        var kennzahlen: [(String, KennzahlSyntax)] = []
        var tests: [(String, TestSyntax)] = []
        for d in dateien {
            for dekl in d.deklarationen {
                switch dekl {
                case .test(let t): tests.append((d.pfad, t))
                case .katalog(let k): kataloge.append((d.pfad, k))
                case .sozialraum(let s): raeume.append((d.pfad, s))
                case .quelle(let q): quellen.append((d.pfad, q))
                case .ampel(let a): vorlagen.append((d.pfad, a))
                case .kennzahl(let k): kennzahlen.append((d.pfad, k))
                }
            }
        }
        guard let (kDatei, kSyntax) = kataloge.first else {
            fehlerzahl += 1
            diagnosen.append(
                .fehler(
                    "KZ100", "keine Katalog-Deklaration gefunden: eine Datei muss 'katalog \"Name\" { … }' enthalten",
                    ort: Ort(datei: dateien.first?.pfad ?? "Definitionen")))
            return nil
        }
        for (datei, weitere) in kataloge.dropFirst() {
            fehler(
                "KZ101", "zweite Katalog-Deklaration; ein Katalog wird nur einmal deklariert (erste in \(kDatei))",
                datei, weitere.position)
        }
        var katalog = Katalog(
            name: kSyntax.name.text, gesamtName: kSyntax.gesamt?.text ?? "Gesamtstadt",
            ohneZuordnungName: kSyntax.ohneZuordnung?.text ?? "ohne Zuordnung",
            sozialraeume: [], produkte: [], arbeitsfelder: [], ziele: [], quellen: [], zaehlungen: [],
            kennzahlen: [], einwohnerQuelle: nil, mindestfallzahl: 3)
        if let m = kSyntax.mindestfallzahl,
            let n = ganzzahl(m, bereich: 1...1000, datei: kDatei, was: "Mindestfallzahl")
        {
            katalog.mindestfallzahl = n
        }
        pruefeKatalogKopf(kSyntax, datei: kDatei, in: &katalog)
        katalog.sozialraeume = pruefeSozialraeume(raeume)
        if katalog.sozialraeume.isEmpty {
            fehler(
                "KZ110", "keine Sozialräume deklariert: mindestens ein 'sozialraum \"Name\"' ist nötig", kDatei,
                kSyntax.position)
        }
        for (datei, q) in quellen {
            if let index = katalog.quellen.firstIndex(where: { $0.id == q.name.text }) {
                fehler(
                    "KZ120",
                    "Quelle '\(q.name.text)' ist doppelt deklariert (zuerst in \(katalog.quellen[index].ort.kurz))",
                    datei, q.name.position)
                continue
            }
            if let quelle = pruefeQuelle(q, datei: datei) { katalog.quellen.append(quelle) }
        }
        if let e = kSyntax.einwohner {
            if let i = katalog.quellen.firstIndex(where: { $0.id == e.text }) {
                if katalog.quellen[i].art != .zahlen {
                    fehler(
                        "KZ102", "die Bevölkerungsquelle '\(e.text)' muss Zahlen liefern (art zahlen)", kDatei,
                        e.position)
                }
                katalog.einwohnerQuelle = i
            } else {
                fehler(
                    "KZ103", "unbekannte Quelle '\(e.text)' für die Bevölkerung", kDatei, e.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: e.text, aus: katalog.quellen.map(\.id)))
            }
        }
        var ampelVorlagen: [String: [AmpelRegelSyntax]] = [:]
        for (datei, v) in vorlagen {
            if ampelVorlagen[v.name.text] != nil {
                fehler("KZ130", "Ampelvorlage '\(v.name.text)' ist doppelt deklariert", datei, v.name.position)
            }
            ampelVorlagen[v.name.text] = v.regeln
        }
        pruefeKennzahlen(kennzahlen, vorlagen: ampelVorlagen, in: &katalog)
        for (datei, t) in tests {
            if let test = pruefeTest(t, datei: datei, katalog: katalog) { katalog.tests.append(test) }
        }
        return katalog
    }

    private mutating func pruefeKatalogKopf(_ k: KatalogSyntax, datei: String, in katalog: inout Katalog) {
        for p in k.produkte {
            guard let n = ganzzahl(p.nummer, bereich: 1...99, datei: datei, was: "Produktnummer") else { continue }
            if katalog.produkte.contains(where: { $0.nummer == n }) {
                fehler("KZ104", "Produkt \(n) ist doppelt deklariert", datei, p.nummer.position)
                continue
            }
            katalog.produkte.append(Produkt(nummer: n, titel: p.titel.text, istAmpel: p.istAmpel))
        }
        if katalog.produkte.isEmpty {
            fehler("KZ105", "der Katalog deklariert keine Produkte ('produkt 1 \"Titel\"')", datei, k.position)
        }
        if katalog.produkte.filter(\.istAmpel).count > 1 {
            fehler("KZ106", "nur ein Produkt kann die Ampelübersicht sein", datei, k.position)
        }
        for (kuerzel, name) in k.arbeitsfelder {
            if katalog.arbeitsfelder.contains(where: { $0.kuerzel == kuerzel.text }) {
                fehler("KZ107", "Arbeitsfeld '\(kuerzel.text)' ist doppelt deklariert", datei, kuerzel.position)
                continue
            }
            katalog.arbeitsfelder.append(Arbeitsfeld(kuerzel: kuerzel.text, name: name.text))
        }
        for (nummer, text) in k.ziele {
            guard let n = ganzzahl(nummer, bereich: 1...99, datei: datei, was: "Zielnummer") else { continue }
            if katalog.ziele.contains(where: { $0.nummer == n }) {
                fehler("KZ108", "Ziel \(n) ist doppelt deklariert", datei, nummer.position)
                continue
            }
            katalog.ziele.append(Ziel(nummer: n, text: text.text))
        }
    }

    private mutating func ganzzahl(_ z: Zahlwert, bereich: ClosedRange<Int>, datei: String, was: String) -> Int? {
        guard z.wert.nenner == 1, z.wert.zaehler >= Int128(bereich.lowerBound),
            z.wert.zaehler <= Int128(bereich.upperBound)
        else {
            fehler(
                "KZ109",
                "\(was) muss eine ganze Zahl von \(bereich.lowerBound) bis \(bereich.upperBound) sein, ist \(z.geschrieben)",
                datei, z.position)
            return nil
        }
        return Int(z.wert.zaehler)
    }

    private mutating func pruefeSozialraeume(_ raeume: [(String, SozialraumSyntax)]) -> [Sozialraum] {
        var ergebnis: [Sozialraum] = []
        var bekannteNamen: [String: String] = [:]  // normalised name/code → Sozialraum
        var bekannteViertel: [String: String] = [:]
        for (datei, r) in raeume {
            let slug = Slug.aus(r.name.text)
            if slug.isEmpty || slug == "gesamt" {
                fehler(
                    "KZ111", "der Name '\(r.name.text)' ergibt keinen brauchbaren Ordnernamen", datei, r.name.position)
                continue
            }
            if ergebnis.contains(where: { $0.slug == slug }) {
                fehler(
                    "KZ112", "Sozialraum '\(r.name.text)' ist doppelt deklariert (Ordnername '\(slug)')", datei,
                    r.name.position)
                continue
            }
            for t in [r.name] + r.codes {
                let schluessel = Schreibweise.vergleichsform(t.text)
                if let anderer = bekannteNamen[schluessel], anderer != r.name.text {
                    fehler("KZ113", "der Code '\(t.text)' gehört schon zum Sozialraum '\(anderer)'", datei, t.position)
                }
                bekannteNamen[schluessel] = r.name.text
            }
            for v in r.stadtviertel {
                let schluessel = Schreibweise.vergleichsform(v.text)
                if let anderer = bekannteViertel[schluessel] {
                    fehler(
                        "KZ114", "das Stadtviertel '\(v.text)' gehört schon zum Sozialraum '\(anderer)'", datei,
                        v.position)
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

    private mutating func pruefeQuelle(_ q: QuelleSyntax, datei: String) -> Quelle? {
        guard let (art, _) = q.art else {
            fehler("KZ121", "Quelle '\(q.name.text)' braucht 'art faelle' oder 'art zahlen'", datei, q.name.position)
            return nil
        }
        guard let muster = q.datei else {
            fehler(
                "KZ122", "Quelle '\(q.name.text)' braucht ein Dateimuster ('datei \"name-{quartal}.csv\"')", datei,
                q.name.position)
            return nil
        }
        pruefeMuster(muster, datei: datei)
        var kodierung: Kodierung?
        if let k = q.kodierung {
            switch Schreibweise.vergleichsform(k.text).replacingOccurrences(of: "_", with: "-") {
            case "utf-8", "utf8": kodierung = .utf8
            case "windows-1252", "cp1252", "ansi": kodierung = .windows1252
            case "iso-8859-15", "latin-9", "latin9": kodierung = .iso885915
            case "iso-8859-1", "latin-1", "latin1": kodierung = .windows1252
            default:
                fehler(
                    "KZ123", "unbekannte Kodierung '\(k.text)': erlaubt sind utf-8, windows-1252, iso-8859-15", datei,
                    k.position)
            }
        }
        let gebiet: GebietsSpalte
        switch (q.sozialraum, q.stadtviertel) {
        case (let s?, nil): gebiet = .sozialraum(s.text)
        case (nil, let v?): gebiet = .stadtviertel(v.text)
        case (nil, nil): gebiet = .keine
        case (_, let v?):
            fehler(
                "KZ124", "eine Quelle nennt entweder eine Sozialraum- oder eine Stadtviertelspalte, nicht beide", datei,
                v.position)
            return nil
        }
        var beginn = q.beginn?.text, ende = q.ende?.text
        if let d = q.datum {
            if q.beginn != nil || q.ende != nil {
                fehler(
                    "KZ125",
                    "'datum' steht für Ereignisse mit einem Tag; zusammen mit 'beginn'/'ende' ist es widersprüchlich",
                    datei, d.position)
            }
            beginn = d.text
            ende = d.text
        }
        switch art {
        case .faelle:
            if q.id == nil {
                fehler(
                    "KZ126", "Fallliste '\(q.name.text)' braucht die Spalte der Fallnummer ('id \"Fallnummer\"')",
                    datei, q.name.position)
            }
            if beginn == nil {
                fehler(
                    "KZ127",
                    "Fallliste '\(q.name.text)' braucht 'beginn' (oder 'datum' für Ereignisse): ohne Datum lässt sich kein Zeitraum zählen",
                    datei, q.name.position)
            }
            if let a = q.anzahl {
                fehler("KZ128", "'anzahl' gibt es nur bei Quellen der Art 'zahlen'", datei, a.position)
            }
        case .zahlen:
            if q.anzahl == nil {
                fehler(
                    "KZ129",
                    "Quelle '\(q.name.text)' liefert Zahlen und braucht die Spalte der Anzahl ('anzahl \"Anzahl\"')",
                    datei, q.name.position)
            }
            for t in [q.id, q.beginn, q.ende, q.datum, q.geburtsdatum].compactMap({ $0 }) {
                fehler(
                    "KZ128", "Spalten für Fallnummer und Datum gibt es nur bei Fallisten (art faelle)", datei,
                    t.position)
            }
        }
        var felder: [Feld] = []
        let reserviert = ["sozialraum", "stadtviertel", "beginn", "ende", "datum", "id", "anzahl", "geburtsdatum"]
        for f in q.felder {
            if felder.contains(where: { $0.name == f.name.text }) {
                fehler(
                    "KZ131", "Feld '\(f.name.text)' ist in Quelle '\(q.name.text)' doppelt deklariert", datei,
                    f.name.position)
                continue
            }
            if reserviert.contains(Schreibweise.normalisiert(f.name.text)) {
                fehler("KZ132", "'\(f.name.text)' ist ein reserviertes Wort und kein Feldname", datei, f.name.position)
                continue
            }
            var werte: [String: String] = [:]
            var ziele: [String] = []
            for (von, nach) in f.werte {
                if werte[von.text] != nil {
                    fehler("KZ133", "der Exportwert '\(von.text)' ist doppelt zugeordnet", datei, von.position)
                }
                werte[von.text] = nach.text
                if !ziele.contains(nach.text) { ziele.append(nach.text) }
            }
            if !f.werte.isEmpty && f.typ != .text {
                fehler("KZ134", "Wertzuordnungen gibt es nur für Textfelder", datei, f.name.position)
            }
            felder.append(Feld(name: f.name.text, spalte: f.spalte.text, typ: f.typ, werte: werte, zielwerte: ziele))
        }
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

    @discardableResult
    private mutating func pruefeMuster(_ m: Textwert, datei: String) -> Bool {
        let t = m.text
        if t.isEmpty || t.hasPrefix("/") || t.hasPrefix("\\") || t.split(separator: "/").contains("..")
            || t.contains("\\")
        {
            fehler(
                "KZ135",
                "das Dateimuster muss ein Pfad innerhalb des Datenordners sein (ohne '..' und ohne führendes '/')",
                datei, m.position)
            return false
        }
        var rest = t
        var platzhalter = 0
        while let auf = rest.firstIndex(of: "{") {
            guard let zu = rest[auf...].firstIndex(of: "}") else {
                fehler("KZ136", "'{' ohne '}' im Dateimuster", datei, m.position)
                return false
            }
            let name = String(rest[rest.index(after: auf)..<zu])
            if name != "quartal" && name != "jahr" {
                fehler(
                    "KZ137", "unbekannter Platzhalter '{\(name)}' im Dateimuster: erlaubt sind {quartal} und {jahr}",
                    datei, m.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: name, aus: ["quartal", "jahr"]).map { "{\($0)}" })
                return false
            }
            platzhalter += 1
            rest = String(rest[rest.index(after: zu)...])
        }
        if platzhalter > 1 {
            fehler("KZ138", "ein Dateimuster hat höchstens einen Platzhalter", datei, m.position)
            return false
        }
        return true
    }

    // MARK: Kennzahlen

    private mutating func pruefeKennzahlen(
        _ liste: [(String, KennzahlSyntax)], vorlagen: [String: [AmpelRegelSyntax]],
        in katalog: inout Katalog
    ) {
        var indexJeId: [String: Int] = [:]
        var indexJeForm: [String: Int] = [:]
        var gueltig: [(String, KennzahlSyntax)] = []
        for (datei, k) in liste {
            let id = k.id.text
            if let u = id.unicodeScalars.first(where: {
                !($0.isASCII
                    && ($0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "-" || $0 == "_"))
            }) {
                let spalte = k.id.position.spalte + id.unicodeScalars.prefix { $0 != u }.count
                fehler(
                    "KZ139",
                    "Kennung '\(id)' enthält das Zeichen U+\(Semantik.hex(u.value)) – Kennungen bestehen aus ASCII-Buchstaben, Ziffern, '-' und '_'",
                    datei, Position(zeile: k.id.position.zeile, spalte: spalte, laenge: 1))
            }
            // Ids that differ only in case or punctuation are one id: they would share an anchor
            // and a reader could not tell them apart.
            let form = Semantik.kennungsform(id)
            if let erste = indexJeForm[form] {
                let (ersteDatei, ersteSyntax) = gueltig[erste]
                let wie =
                    ersteSyntax.id.text == id
                    ? "ist doppelt deklariert"
                    : "ist dieselbe Kennung wie '\(ersteSyntax.id.text)' (nur Groß-/Kleinschreibung oder Satzzeichen verschieden)"
                fehler(
                    "KZ140", "Kennzahl '\(id)' \(wie); zuerst in \(ort(ersteDatei, ersteSyntax.id.position).kurz)",
                    datei, k.id.position)
                continue
            }
            indexJeForm[form] = gueltig.count
            indexJeId[id] = gueltig.count
            gueltig.append((datei, k))
        }
        // References in dependency order (Kahn's algorithm, no recursion): rhythm and counting
        // rule of derived Kennzahlen come from what they reference; a Kennzahl left over is on a
        // cycle.
        let verweise: [[Int]] = gueltig.map { Semantik.kennzahlVerweise($0.1).compactMap { indexJeId[$0.text] } }
        let reihenfolge = Semantik.topologisch(verweise)
        var rhythmen: [Rhythmus?] = gueltig.map { $0.1.zeitraum?.0 }
        var regeln: [Zaehlregel?] = gueltig.map { $0.1.zeitraum?.1 }
        for i in reihenfolge.geordnet {
            let refs = verweise[i]
            guard !refs.isEmpty else { continue }
            if rhythmen[i] == nil, refs.allSatisfy({ rhythmen[$0] != nil }),
                Set(refs.compactMap { rhythmen[$0] }).count == 1
            {
                rhythmen[i] = rhythmen[refs[0]]
            }
            // A derived Kennzahl without its own counting rule shows the Stichtag only when all it
            // references are stocks; budget minus costs of the year is about the year.
            if regeln[i] == nil, refs.allSatisfy({ regeln[$0] != nil }) {
                regeln[i] = refs.compactMap { regeln[$0] }.first { $0 != .stichtag } ?? .stichtag
            }
        }
        for (i, (datei, k)) in gueltig.enumerated() {
            var verwiesen: [Int] = []
            if let kz = pruefeKennzahl(
                k, datei: datei, rhythmus: rhythmen[i], geerbteRegel: regeln[i], indexJeId: indexJeId,
                vorlagen: vorlagen,
                katalog: &katalog, verweise: &verwiesen)
            {
                katalog.kennzahlen.append(kz)
            } else {
                // Keep indices aligned with `indexJeId`; the catalogue is rejected anyway.
                katalog.kennzahlen.append(Semantik.platzhalter(k, datei: datei))
            }
        }
        katalog.reihenfolge = reihenfolge.geordnet
        katalog.indexJeId = indexJeId
        meldeZyklen(verweise, reihenfolge.imKreis, gueltig)
    }

    /// `0395` for U+0395: four hex digits at least.
    static func hex(_ wert: UInt32) -> String {
        let h = String(wert, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    /// How ids are compared: lower case, letters and digits only (`ZZ-A` = `zz_a`).
    static func kennungsform(_ id: String) -> String {
        String(
            String.UnicodeScalarView(
                id.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }
            ))
    }

    /// The nodes in an order where every node comes after those it refers to (`kanten[i]`: the
    /// nodes `i` refers to), and the nodes on or behind a cycle. Linear, without recursion.
    static func topologisch(_ kanten: [[Int]]) -> (geordnet: [Int], imKreis: [Int]) {
        var offen = kanten.map { Set($0).count }
        var verwendetVon = [[Int]](repeating: [], count: kanten.count)
        for (i, refs) in kanten.enumerated() { for j in Set(refs) { verwendetVon[j].append(i) } }
        var geordnet = kanten.indices.filter { offen[$0] == 0 }
        var k = 0
        while k < geordnet.count {
            for i in verwendetVon[geordnet[k]] {
                offen[i] -= 1
                if offen[i] == 0 { geordnet.append(i) }
            }
            k += 1
        }
        return (geordnet, kanten.indices.filter { offen[$0] > 0 })
    }

    private static func platzhalter(_ k: KennzahlSyntax, datei: String) -> Kennzahl {
        Kennzahl(
            id: k.id.text, name: k.name.text, produkt: 0, definition: "", formel: .wert(.zahl(.null)), formelText: [],
            rhythmus: .quartal, regel: .stichtag, einheit: .anzahl, dezimalen: 0, mindestfallzahl: 3, zielwert: nil,
            ampel: [],
            ort: Ort(datei: datei, zeile: k.position.zeile, spalte: k.position.spalte))
    }

    private static func kennzahlVerweise(_ k: KennzahlSyntax) -> [Name] {
        var namen: [Name] = []
        func sammle(_ a: Ausdruck) {
            switch a {
            case .kennzahl(let n): namen.append(n)
            case .binaer(_, let l, let r, _): sammle(l); sammle(r)
            case .klammer(let x): sammle(x)
            case .funktion(_, let argumente): argumente.forEach(sammle)
            case .zahl, .zaehlung, .anteil: break
            }
        }
        for teil in [k.wert, k.zaehler, k.nenner] { if let (a, _) = teil { sammle(a) } }
        return namen
    }

    private static func hatZaehlung(_ a: Ausdruck) -> Bool {
        switch a {
        case .zaehlung: return true
        case .binaer(_, let l, let r, _): return hatZaehlung(l) || hatZaehlung(r)
        case .klammer(let x): return hatZaehlung(x)
        case .funktion(_, let argumente): return argumente.contains(where: hatZaehlung)
        case .zahl, .kennzahl, .anteil: return false
        }
    }

    private mutating func pruefeKennzahl(
        _ k: KennzahlSyntax, datei: String, rhythmus: Rhythmus?, geerbteRegel: Zaehlregel?, indexJeId: [String: Int],
        vorlagen: [String: [AmpelRegelSyntax]], katalog: inout Katalog,
        verweise: inout [Int]
    ) -> Kennzahl? {
        let fehlerVorher = fehlerzahl
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
                    fehler(
                        "KZ141", "Produkt \(n) ist im Katalog nicht deklariert", datei, p.position,
                        vorschlag: nil)
                }
            }
        } else {
            fehler("KZ142", "Kennzahl '\(id)' nennt kein Produkt ('produkt 2')", datei, k.id.position)
        }
        if let a = k.arbeitsfeld, katalog.arbeitsfeld(a.text) == nil {
            fehler(
                "KZ143", "unbekanntes Arbeitsfeld '\(a.text)'", datei, a.position,
                vorschlag: Aehnlichkeit.vorschlag(fuer: a.text, aus: katalog.arbeitsfelder.map(\.kuerzel)))
        }
        var ziel: Int?
        if let z = k.ziel, let n = ganzzahl(z, bereich: 1...99, datei: datei, was: "Zielnummer") {
            if katalog.ziele.isEmpty || katalog.ziel(n) != nil {
                ziel = n
            } else {
                fehler("KZ144", "Ziel \(n) ist im Katalog nicht deklariert", datei, z.position)
            }
        }
        if k.definition == nil {
            warnung(
                "KZ145",
                "Kennzahl '\(id)' hat keinen Definitionstext; jede Kennzahl braucht eine schriftliche Definition",
                datei, k.id.position)
        }
        // Period rule.
        var regel = geerbteRegel ?? Zaehlregel.stichtag
        let mitZaehlung = [k.wert, k.zaehler, k.nenner].contains { $0.map { Semantik.hatZaehlung($0.0) } ?? false }
        if let (_, r, pos) = k.zeitraum {
            if let r {
                regel = r
            } else if mitZaehlung {
                fehler(
                    "KZ146",
                    "der Zeitraum braucht eine Zählregel: 'zeitraum quartal, stichtag', '…, zugaenge' oder '…, im verlauf'",
                    datei, pos)
            }
        } else if mitZaehlung || rhythmus == nil {
            fehler(
                "KZ147", "Kennzahl '\(id)' nennt keinen Zeitraum ('zeitraum jahr, im verlauf')", datei, k.id.position)
        }
        // Formula.
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
            fehler(
                "KZ148", "Kennzahl '\(id)' hat keine Formel: 'wert …' oder 'zaehler …' und 'nenner …'", datei,
                k.id.position)
            return nil
        case (_?, _, _):
            fehler(
                "KZ149", "Kennzahl '\(id)' hat 'wert' und zugleich 'zaehler'/'nenner'; nur eines von beiden", datei,
                k.id.position)
            return nil
        default:
            fehler("KZ150", "Kennzahl '\(id)' braucht 'zaehler' und 'nenner' zusammen", datei, k.id.position)
            return nil
        }
        // Unit and decimals.
        var einheit = Einheit.anzahl
        if let (e, _) = k.einheit {
            einheit = e
        } else if case .verhaeltnis = formel, !k.einheitUnlesbar {
            fehler(
                "KZ151", "eine Kennzahl mit Zähler und Nenner braucht eine Einheit (prozent, je 1.000 einwohner, …)",
                datei, k.id.position)
        }
        if case .prozent = einheit, case .wert = formel {
            fehler("KZ152", "die Einheit prozent braucht 'zaehler' und 'nenner'", datei, k.einheit?.1 ?? k.id.position)
        }
        if case .je = einheit, case .wert = formel {
            fehler("KZ152", "die Einheit je … braucht 'zaehler' und 'nenner'", datei, k.einheit?.1 ?? k.id.position)
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
        // Target.
        var zielwert: Zielwert?
        if let (z, pos) = k.zielwert {
            switch z {
            case .mindestens(let a): zielwert = .mindestens(a.wert)
            case .hoechstens(let a): zielwert = .hoechstens(a.wert)
            case .zwischen(let a, let b):
                if b.wert < a.wert {
                    fehler(
                        "KZ153", "Zielwert: die untere Grenze \(a.geschrieben) liegt über der oberen \(b.geschrieben)",
                        datei, pos)
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
                    fehler("KZ154", "Zielwert \(g.geschrieben) % liegt außerhalb von 0 bis 100 %", datei, g.position)
                }
            } else {
                for g in grenzen where g.wert < .null {
                    fehler(
                        "KZ154",
                        "Zielwert \(g.geschrieben) ist negativ; \(Zahlformat.einheitName(einheit)) kann nicht negativ sein",
                        datei, g.position)
                }
            }
        }
        // Ampel.
        var regeln: [AmpelRegelSyntax] = []
        for v in k.ampelVorlagen {
            if let r = vorlagen[v.text] {
                regeln += r
            } else {
                fehler(
                    "KZ155", "unbekannte Ampelvorlage '\(v.text)'", datei, v.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: v.text, aus: vorlagen.keys.sorted()))
            }
        }
        regeln += k.ampelRegeln
        let r = rhythmus ?? .quartal
        var ampel: [AmpelRegel] = []
        var entwarnung: [AmpelBedingung] = []
        var entwarnungText: String?
        for regelSyntax in regeln {
            var bedingungen: [AmpelBedingung] = []
            for b in regelSyntax.bedingungen {
                switch b.groesse {
                case .abstandZumZielwert where zielwert == nil:
                    fehler(
                        "KZ156", "die Regel prüft den Abstand zum Zielwert, aber '\(id)' hat keinen Zielwert", datei,
                        b.position)
                case .zaehler where !k.istVerhaeltnisSyntax, .nenner where !k.istVerhaeltnisSyntax:
                    fehler("KZ157", "die Regel prüft Zähler oder Nenner, aber '\(id)' hat keine", datei, b.position)
                case .veraenderung(.vorquartal) where r == .jahr, .anstieg(.vorquartal) where r == .jahr,
                    .rueckgang(.vorquartal) where r == .jahr, .verschlechterung(.vorquartal) where r == .jahr:
                    fehler(
                        "KZ158",
                        "'\(id)' ist jährlich; ein Vergleich mit dem Vorquartal ist nicht möglich (vorjahr verwenden)",
                        datei, b.position)
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
                    fehler(
                        "KZ191",
                        "'\(id)' hat mehr als eine Entwarnungsregel; Bedingungen mit 'und' in einer Regel verbinden",
                        datei, regelSyntax.position)
                }
                if regelSyntax.seit != nil {
                    fehler("KZ192", "'seit' gibt es bei der Entwarnung nicht", datei, regelSyntax.position)
                }
                entwarnung = bedingungen
                entwarnungText = regelSyntax.quelltext
                continue
            }
            ampel.append(
                AmpelRegel(farbe: regelSyntax.farbe, bedingungen: bedingungen, seit: seit, text: regelSyntax.quelltext))
        }
        if entwarnungText != nil && ampel.isEmpty {
            fehler("KZ193", "eine Entwarnung ohne rote oder gelbe Regel hat keine Wirkung", datei, k.id.position)
        }
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
                fehler(
                    "KZ194", "'gesamt summe der sozialraeume' geht nur bei 'wert'; Anteile werden nicht summiert",
                    datei, pos)
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

    private mutating func pruefeTest(_ t: TestSyntax, datei: String, katalog: Katalog) -> Kennzahltest? {
        var gut = true
        let k = katalog.index(id: t.kennzahl.text)
        if k == nil {
            fehler(
                "KZ160", "unbekannte Kennzahl '\(t.kennzahl.text)' im Test", datei, t.kennzahl.position,
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
                fehler(
                    "KZ111", "unbekannter Sozialraum '\(g.text)' im Test", datei, g.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: g.text, aus: katalog.sozialraeume.map(\.name)))
                gut = false
            }
        }
        guard let (periode, _) = t.zeitraum else {
            fehler("KZ052", "Test '\(t.name.text)' nennt keinen Zeitraum ('zeitraum 2021-Q4')", datei, t.name.position)
            return nil
        }
        if t.erwartungen.isEmpty {
            fehler("KZ053", "Test '\(t.name.text)' erwartet nichts ('erwartet wert 74,0')", datei, t.name.position)
            gut = false
        }
        var daten: [Testdaten] = []
        for d in t.daten {
            guard let q = katalog.quellen.firstIndex(where: { $0.id == d.quelle.text }) else {
                fehler(
                    "KZ162", "unbekannte Quelle '\(d.quelle.text)' im Test", datei, d.quelle.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: d.quelle.text, aus: katalog.quellen.map(\.id)))
                gut = false
                continue
            }
            if d.zeilen.isEmpty {
                fehler(
                    "KZ054", "Testdaten ohne Zeilen: die erste Zeile ist die Kopfzeile der Quelle", datei,
                    d.quelle.position)
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
                    fehler(
                        "KZ160", "unbekannte Kennzahl '\(andere.text)' in der Erwartung", datei, andere.position,
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
    private mutating func pruefeSchwellen(_ regeln: [AmpelRegelSyntax], datei: String, kennzahl: String) {
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
                    fehler(
                        "KZ159",
                        "Ampelschwellen in falscher Reihenfolge bei '\(kennzahl)': rot (\(r.schwelle.geschrieben)) ist weniger streng als gelb (\(g.schwelle.geschrieben)); gelb könnte nie erscheinen",
                        datei, r.schwelle.position)
                }
            }
        }
    }

    /// Texts may span lines in the file; in reports they are one paragraph.
    static func absatz(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    private mutating func term(
        _ a: Ausdruck, datei: String, regel: Zaehlregel, indexJeId: [String: Int],
        katalog: inout Katalog, verweise: inout [Int]
    ) -> Term? {
        switch a {
        case .zahl(let z): return .zahl(z.wert)
        case .klammer(let x):
            return term(x, datei: datei, regel: regel, indexJeId: indexJeId, katalog: &katalog, verweise: &verweise)
        case .binaer(let op, let l, let r, _):
            let tl = term(l, datei: datei, regel: regel, indexJeId: indexJeId, katalog: &katalog, verweise: &verweise)
            let tr = term(r, datei: datei, regel: regel, indexJeId: indexJeId, katalog: &katalog, verweise: &verweise)
            guard let tl, let tr else { return nil }
            return .rechnung(op, tl, tr)
        case .kennzahl(let n):
            guard let i = indexJeId[n.text] else {
                fehler(
                    "KZ160", "unbekannte Kennzahl '\(n.text)'", datei, n.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: n.text, aus: indexJeId.keys.sorted()))
                return nil
            }
            verweise.append(i)
            return .kennzahl(i)
        case .zaehlung(let z):
            return zaehlung(z, datei: datei, regel: regel, katalog: &katalog)
        case .anteil(let a, _):
            return .anteil(a)
        case .funktion(let n, let argumente):
            guard let f = Funktion(rawValue: Schreibweise.normalisiert(n.text)) else {
                fehler(
                    "KZ060",
                    "unbekannte Funktion '\(n.text)': erlaubt sind \(Funktion.allCases.map(\.rawValue).joined(separator: ", "))",
                    datei, n.position,
                    vorschlag: Aehnlichkeit.vorschlag(
                        fuer: Schreibweise.normalisiert(n.text), aus: Funktion.allCases.map(\.rawValue)))
                return nil
            }
            if argumente.count < 2 {
                fehler(
                    "KZ061", "'\(f.rawValue)' braucht mindestens zwei Werte, z. B. \(f.rawValue)(REST, 0)", datei,
                    n.position)
                return nil
            }
            var terme: [Term] = []
            for a in argumente {
                guard
                    let t = term(
                        a, datei: datei, regel: regel, indexJeId: indexJeId, katalog: &katalog, verweise: &verweise)
                else { return nil }
                terme.append(t)
            }
            return .funktion(f, terme)
        }
    }

    private mutating func zaehlung(_ z: ZaehlungSyntax, datei: String, regel: Zaehlregel, katalog: inout Katalog)
        -> Term?
    {
        let quellIndex: Int
        var effektiveRegel = regel
        switch z.art {
        case .bevoelkerung:
            guard let e = katalog.einwohnerQuelle else {
                fehler("KZ161", "'bevoelkerung' braucht im Katalog die Angabe 'einwohner <quelle>'", datei, z.position)
                return nil
            }
            quellIndex = e
            effektiveRegel = .stichtag
        case .anzahl, .summe, .verschieden:
            guard let q = z.quelle else { return nil }
            guard let i = katalog.quellen.firstIndex(where: { $0.id == q.text }) else {
                fehler(
                    "KZ162", "unbekannte Quelle '\(q.text)'", datei, q.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: q.text, aus: katalog.quellen.map(\.id)))
                return nil
            }
            quellIndex = i
        }
        let quelle = katalog.quellen[quellIndex]
        let art: Zaehlung.Art
        switch z.art {
        case .anzahl:
            if quelle.art == .zahlen {
                fehler(
                    "KZ163", "Quelle '\(quelle.id)' liefert fertige Zahlen; hier 'summe aus \(quelle.id)' verwenden",
                    datei, z.position)
                return nil
            }
            art = .anzahl
        case .verschieden(let f):
            if quelle.art == .zahlen {
                fehler(
                    "KZ168",
                    "Quelle '\(quelle.id)' liefert fertige Zahlen; verschiedene Werte lassen sich nur in Falllisten zählen",
                    datei, z.position)
                return nil
            }
            guard let fi = quelle.feldIndex(f.text) else {
                fehler(
                    "KZ164", "Quelle '\(quelle.id)' hat kein Feld '\(f.text)'", datei, f.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: f.text, aus: quelle.felder.map(\.name)))
                return nil
            }
            art = .verschieden(fi)
        case .summe(let feld):
            if let f = feld {
                guard let fi = quelle.feldIndex(f.text) else {
                    fehler(
                        "KZ164", "Quelle '\(quelle.id)' hat kein Feld '\(f.text)'", datei, f.position,
                        vorschlag: Aehnlichkeit.vorschlag(fuer: f.text, aus: quelle.felder.map(\.name)))
                    return nil
                }
                if quelle.felder[fi].typ != .zahl {
                    fehler(
                        "KZ165", "Feld '\(f.text)' ist kein Zahlenfeld und lässt sich nicht summieren", datei,
                        f.position)
                    return nil
                }
                art = .summe(fi)
            } else {
                if quelle.art != .zahlen {
                    fehler(
                        "KZ166", "'summe' über eine Fallliste braucht ein Zahlenfeld ('summe betrag aus \(quelle.id)')",
                        datei, z.position)
                    return nil
                }
                art = .summe(nil)
            }
        case .bevoelkerung:
            art = .summe(nil)
        }
        if quelle.art == .faelle && z.art.istZaehlungVonFaellen {
            if quelle.beginnSpalte != nil && quelle.beginnSpalte == quelle.endeSpalte && effektiveRegel == .stichtag {
                fehler(
                    "KZ169",
                    "Quelle '\(quelle.id)' enthält Ereignisse mit einem Datum; am Stichtag liefe nur, was genau an diesem Tag geschah – 'zugaenge' verwenden",
                    datei, z.position)
                return nil
            }
            if quelle.endeSpalte == nil && effektiveRegel != .zugaenge
                && !warnteOhneEnde.contains(quelle.id + "\u{0}" + datei)
            {
                warnteOhneEnde.insert(quelle.id + "\u{0}" + datei)
                warnung(
                    "KZ190", "Quelle '\(quelle.id)' hat keine Spalte 'ende': jeder begonnene Fall gilt als laufend",
                    datei, z.position)
            }
        }
        if quelle.art == .zahlen && effektiveRegel == .imVerlauf {
            fehler(
                "KZ167",
                "Quelle '\(quelle.id)' liefert fertige Zahlen; 'im verlauf' lässt sich daraus nicht zählen (stichtag oder zugaenge)",
                datei, z.position)
            return nil
        }
        var bedingung: Bedingung?
        if let f = z.filter {
            guard let b = self.bedingung(f, quelle: quelle, datei: datei) else { return nil }
            bedingung = b
        }
        katalog.zaehlungen.append(Zaehlung(quelle: quellIndex, art: art, bedingung: bedingung, regel: effektiveRegel))
        return .zaehlung(katalog.zaehlungen.count - 1)
    }

    private mutating func bedingung(_ f: Filter, quelle: Quelle, datei: String) -> Bedingung? {
        switch f {
        case .und(let a, let b):
            let x = bedingung(a, quelle: quelle, datei: datei), y = bedingung(b, quelle: quelle, datei: datei)
            guard let x, let y else { return nil }
            return .und(x, y)
        case .oder(let a, let b):
            let x = bedingung(a, quelle: quelle, datei: datei), y = bedingung(b, quelle: quelle, datei: datei)
            guard let x, let y else { return nil }
            return .oder(x, y)
        case .nicht(let a):
            return bedingung(a, quelle: quelle, datei: datei).map { .nicht($0) }
        case .leer(let n, let negiert):
            if Semantik.istAlterAusGeburtsdatum(n, quelle) { return .alter(.leer(negiert: negiert)) }
            guard let fi = feld(n, quelle: quelle, datei: datei) else { return nil }
            return .atom(feld: fi, .leer(negiert: negiert))
        case .vergleich(let n, let v, let l):
            if Semantik.istAlterAusGeburtsdatum(n, quelle) {
                guard let z = zahlWert(l, feld: Semantik.alterFeld, datei: datei) else { return nil }
                return .alter(.zahl(v, z))
            }
            guard let fi = feld(n, quelle: quelle, datei: datei) else { return nil }
            return vergleich(fi, v, l, quelle: quelle, datei: datei)
        case .liste(let n, let werte, let negiert):
            if Semantik.istAlterAusGeburtsdatum(n, quelle) {
                var teile: [Bedingung] = []
                for w in werte {
                    guard let z = zahlWert(w, feld: Semantik.alterFeld, datei: datei) else { return nil }
                    teile.append(.alter(.zahl(.gleich, z)))
                }
                guard let gesamt = Semantik.oderBalanciert(teile) else { return .alter(.inMenge([], negiert: negiert)) }
                return negiert ? .nicht(gesamt) : gesamt
            }
            guard let fi = feld(n, quelle: quelle, datei: datei) else { return nil }
            let f = quelle.felder[fi]
            if f.typ == .text {
                var texte: [String] = []
                for w in werte {
                    guard let t = textWert(w, feld: f, datei: datei) else { return nil }
                    texte.append(t)
                }
                return .atom(feld: fi, .inMenge(texte, negiert: negiert))
            }
            var teile: [Bedingung] = []
            for w in werte {
                guard let b = vergleich(fi, .gleich, w, quelle: quelle, datei: datei) else { return nil }
                teile.append(b)
            }
            guard let gesamt = Semantik.oderBalanciert(teile) else {
                return .atom(feld: fi, .inMenge([], negiert: negiert))
            }
            return negiert ? .nicht(gesamt) : gesamt
        case .zwischen(let n, let a, let b):
            if Semantik.istAlterAusGeburtsdatum(n, quelle) {
                guard let x = zahlWert(a, feld: Semantik.alterFeld, datei: datei),
                    let y = zahlWert(b, feld: Semantik.alterFeld, datei: datei)
                else { return nil }
                if y < x { fehler("KZ170", "'zwischen': die untere Grenze liegt über der oberen", datei, a.position) }
                return .alter(.zahlZwischen(x, y))
            }
            guard let fi = feld(n, quelle: quelle, datei: datei) else { return nil }
            let f = quelle.felder[fi]
            switch f.typ {
            case .zahl:
                guard let x = zahlWert(a, feld: f, datei: datei), let y = zahlWert(b, feld: f, datei: datei) else {
                    return nil
                }
                if y < x { fehler("KZ170", "'zwischen': die untere Grenze liegt über der oberen", datei, a.position) }
                return .atom(feld: fi, .zahlZwischen(x, y))
            case .datum:
                guard let x = tagWert(a, feld: f, datei: datei), let y = tagWert(b, feld: f, datei: datei) else {
                    return nil
                }
                if y < x { fehler("KZ170", "'zwischen': die untere Grenze liegt über der oberen", datei, a.position) }
                return .atom(feld: fi, .tagZwischen(x, y))
            case .text:
                fehler(
                    "KZ171", "'zwischen' geht nur bei Feldern vom Typ zahl oder datum; '\(f.name)' ist Text", datei,
                    n.position)
                return nil
            }
        }
    }

    /// `a oder b oder …` as a balanced tree (depth log n, not n), built pairwise without recursion.
    static func oderBalanciert(_ teile: [Bedingung]) -> Bedingung? {
        var ebene = teile
        while ebene.count > 1 {
            var naechste: [Bedingung] = []
            var i = 0
            while i < ebene.count {
                naechste.append(i + 1 < ebene.count ? .oder(ebene[i], ebene[i + 1]) : ebene[i])
                i += 2
            }
            ebene = naechste
        }
        return ebene.first
    }

    private mutating func vergleich(_ fi: Int, _ v: Vergleich, _ l: Literal, quelle: Quelle, datei: String)
        -> Bedingung?
    {
        let f = quelle.felder[fi]
        switch f.typ {
        case .text:
            guard v == .gleich || v == .ungleich else {
                fehler(
                    "KZ172", "Größenvergleiche gehen nur bei Feldern vom Typ zahl oder datum; '\(f.name)' ist Text",
                    datei, l.position)
                return nil
            }
            guard let t = textWert(l, feld: f, datei: datei) else { return nil }
            return .atom(feld: fi, .inMenge([t], negiert: v == .ungleich))
        case .zahl:
            guard let z = zahlWert(l, feld: f, datei: datei) else { return nil }
            return .atom(feld: fi, .zahl(v, z))
        case .datum:
            guard let t = tagWert(l, feld: f, datei: datei) else { return nil }
            return .atom(feld: fi, .tag(v, t))
        }
    }

    /// `alter` in a filter means the age at the Stichtag when the source has a birth date column
    /// and no field of its own called `alter`.
    static func istAlterAusGeburtsdatum(_ n: Name, _ q: Quelle) -> Bool {
        Schreibweise.normalisiert(n.text) == "alter" && q.geburtsdatumSpalte != nil && q.feldIndex(n.text) == nil
    }

    static let alterFeld = Feld(name: "alter", spalte: "", typ: .zahl, werte: [:], zielwerte: [])

    private mutating func feld(_ n: Name, quelle: Quelle, datei: String) -> Int? {
        if let i = quelle.feldIndex(n.text) { return i }
        var namen = quelle.felder.map(\.name)
        if quelle.geburtsdatumSpalte != nil { namen.append("alter") }
        let hinweis =
            Schreibweise.normalisiert(n.text) == "alter" && quelle.geburtsdatumSpalte == nil
            ? " (das Alter am Stichtag braucht 'geburtsdatum \"Spalte\"' in der Quelle)" : ""
        fehler(
            "KZ173", "Quelle '\(quelle.id)' hat kein Feld '\(n.text)'" + hinweis, datei, n.position,
            vorschlag: Aehnlichkeit.vorschlag(fuer: n.text, aus: namen))
        return nil
    }

    private mutating func textWert(_ l: Literal, feld: Feld, datei: String) -> String? {
        guard case .text(let t) = l else {
            fehler("KZ174", "Feld '\(feld.name)' ist Text: Wert in Anführungszeichen erwartet", datei, l.position)
            return nil
        }
        if !feld.zielwerte.isEmpty && !feld.zielwerte.contains(t.text) {
            fehler(
                "KZ175",
                "'\(t.text)' kommt unter den Werten von Feld '\(feld.name)' nicht vor (\(feld.zielwerte.joined(separator: ", ")))",
                datei, t.position, vorschlag: Aehnlichkeit.vorschlag(fuer: t.text, aus: feld.zielwerte))
            return nil
        }
        return t.text
    }

    private mutating func zahlWert(_ l: Literal, feld: Feld, datei: String) -> Bruch? {
        guard case .zahl(let z) = l else {
            fehler(
                "KZ176", "Feld '\(feld.name)' ist ein Zahlenfeld: Zahl ohne Anführungszeichen erwartet", datei,
                l.position)
            return nil
        }
        return z.wert
    }

    private mutating func tagWert(_ l: Literal, feld: Feld, datei: String) -> Tag? {
        guard case .text(let t) = l, let tag = DatumLeser.tag(aus: t.text) else {
            fehler("KZ177", "Feld '\(feld.name)' ist ein Datum: Wert wie \"31.12.2021\" erwartet", datei, l.position)
            return nil
        }
        return tag
    }

    /// Reports every cycle among the nodes `imKreis` once, with its path: walks from a node along
    /// references that stay among them until a node repeats (iteratively).
    private mutating func meldeZyklen(_ kanten: [[Int]], _ imKreis: [Int], _ liste: [(String, KennzahlSyntax)]) {
        let kandidat = Set(imKreis)
        var erledigt = Set<Int>()
        for start in imKreis where !erledigt.contains(start) {
            var pfad: [Int] = []
            var stelle: [Int: Int] = [:]
            var k = start
            // A node on a cycle or behind one always has a reference that stays among them.
            while stelle[k] == nil && !erledigt.contains(k) {
                stelle[k] = pfad.count
                pfad.append(k)
                guard let n = kanten[k].first(where: { kandidat.contains($0) }) else { break }
                k = n
            }
            if let anfang = stelle[k], !erledigt.contains(k) {
                let kreis = Array(pfad[anfang...]) + [k]
                let (datei, syntax) = liste[k]
                fehler(
                    "KZ180",
                    "Kennzahlen verweisen im Kreis: \(kreis.map { liste[$0].1.id.text }.joined(separator: " → "))",
                    datei, syntax.id.position)
            }
            erledigt.formUnion(pfad)
        }
    }
}

extension KennzahlSyntax {
    var istVerhaeltnisSyntax: Bool { zaehler != nil && nenner != nil }
}

extension ZaehlArt {
    /// Counts of cases (not sums of delivered figures or population).
    var istZaehlungVonFaellen: Bool {
        switch self {
        case .anzahl, .verschieden: return true
        case .summe, .bevoelkerung: return false
        }
    }
}
