import KennzahlBasis

/// Recursive-descent parser for definition files.
///
/// Collects every problem as a diagnostic and recovers at the next statement, so one run reports
/// all mistakes of a file. Never traps on input: recursion is bounded by `hoechsteTiefe` levels of
/// brackets, functions and `nicht`, and every tree it builds by `hoechsteGlieder` operands per
/// statement, so no input can exhaust the stack here or in the stages after it.
struct Parser {
    /// Most levels of brackets, function calls and `nicht` one statement may nest.
    static let hoechsteTiefe = 32
    /// Most operands (counts, numbers, Kennzahlen, comparisons) in one statement.
    static let hoechsteGlieder = 256

    private var tokens: [Token]
    private var i = 0
    /// Current nesting and operands of the statement being parsed.
    private var tiefe = 0
    private var glieder = 0
    /// Where the last error was reported: the rest of that statement is not reported again.
    private var letzterFehler: Position?
    private let datei: String
    private let zeilen: [String]
    private(set) var diagnosen: [Diagnose] = []

    static let deklarationsWoerter = ["katalog", "sozialraum", "quelle", "ampel", "kennzahl", "test"]
    static let testWoerter = ["zeitraum", "gebiet", "daten", "erwartet"]
    static let katalogWoerter = ["gesamt", "ohne", "einwohner", "mindestfallzahl", "produkt", "arbeitsfeld", "ziel"]
    static let sozialraumWoerter = ["codes", "stadtviertel"]
    static let quellenWoerter = [
        "art", "datei", "kodierung", "id", "sozialraum", "stadtviertel", "beginn", "ende",
        "datum", "anzahl", "geburtsdatum", "feld",
    ]
    static let kennzahlWoerter = [
        "produkt", "bereich", "arbeitsfeld", "ziel", "quelle", "definition", "verantwortlich",
        "fussnote", "wert", "zaehler", "nenner", "zeitraum", "einheit", "dezimalen",
        "mindestfallzahl", "zielwert", "richtung", "gesamt", "ampel",
    ]

    /// Parses one file's text.
    static func parse(datei: String, quelltext: String) -> (DefinitionsDatei, [Diagnose]) {
        let (tokens, probleme) = Lexer.zerlege(quelltext)
        let zeilen = quelltext.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var p = Parser(tokens: tokens, datei: datei, zeilen: zeilen)
        for (code, text, pos) in probleme { p.fehler(code, text, pos) }
        let deklarationen = p.parseDatei()
        return (DefinitionsDatei(pfad: datei, zeilen: zeilen, deklarationen: deklarationen), p.diagnosen)
    }

    private init(tokens: [Token], datei: String, zeilen: [String]) {
        self.tokens = tokens
        self.datei = datei
        self.zeilen = zeilen
    }

    // MARK: Token access

    private var aktuell: Token { tokens[min(i, tokens.count - 1)] }
    private func vorschau(_ n: Int = 1) -> Token { tokens[min(i + n, tokens.count - 1)] }
    private mutating func naechstes() -> Token {
        let t = aktuell
        if i < tokens.count - 1 { i += 1 }
        return t
    }

    private func istWort(_ s: String) -> Bool { aktuell.art == .wort && aktuell.schluessel == s }
    private func istZeichen(_ s: String) -> Bool { aktuell.art == .zeichen && aktuell.text == s }
    private var amAnweisungsende: Bool {
        aktuell.art == .zeilenende || aktuell.art == .dateiende || istZeichen(";") || istZeichen("}")
    }

    private mutating func ueberspringeZeilenenden() {
        while aktuell.art == .zeilenende || istZeichen(";") { _ = naechstes() }
    }

    /// Continuation lines: a line that starts with `und`, `oder`, `wo`, `+` or `-` continues the
    /// expression above it.
    private mutating func fortsetzungszeile() -> Bool {
        guard aktuell.art == .zeilenende else { return false }
        var j = i
        while j < tokens.count, tokens[j].art == .zeilenende { j += 1 }
        guard j < tokens.count else { return false }
        let t = tokens[j]
        let weiter =
            (t.art == .wort && ["und", "oder", "wo"].contains(t.schluessel))
            || (t.art == .zeichen && ["+", "-", "*", "/"].contains(t.text))
        if weiter { i = j }
        return weiter
    }

    /// True when the next non-empty line starts with a statement keyword or closes a block.
    private func naechsteZeileBeginntAnweisung() -> Bool {
        var j = i
        while j < tokens.count, tokens[j].art == .zeilenende { j += 1 }
        guard j < tokens.count else { return true }
        let t = tokens[j]
        if t.art == .dateiende || (t.art == .zeichen && t.text == "}") { return true }
        return t.art == .wort && (Parser.kennzahlWoerter + Parser.deklarationsWoerter).contains(t.schluessel)
    }

    private mutating func ueberspringeZeilenendenInAusdruck() {
        while aktuell.art == .zeilenende { _ = naechstes() }
    }

    // MARK: Diagnostics

    private func ort(_ pos: Position) -> Ort {
        let text = pos.zeile >= 1 && pos.zeile <= zeilen.count ? zeilen[pos.zeile - 1] : nil
        return Ort(datei: datei, zeile: pos.zeile, spalte: pos.spalte, laenge: max(1, pos.laenge), quelltext: text)
    }

    private mutating func fehler(_ code: String, _ text: String, _ pos: Position, hinweis: String? = nil) {
        diagnosen.append(.fehler(code, text, ort: ort(pos), hinweis: hinweis))
        letzterFehler = pos
    }

    private func beschreibung(_ t: Token) -> String {
        switch t.art {
        case .wort: return "'\(t.text)'"
        case .text: return "Text \"\(t.text.prefix(30))\""
        case .zahl: return "Zahl \(t.text)"
        case .zeichen: return "'\(t.text)'"
        case .zeilenende: return "Zeilenende"
        case .dateiende: return "Dateiende"
        }
    }

    private mutating func erwartet(_ was: String) {
        fehler("KZ010", "\(was) erwartet, gefunden: \(beschreibung(aktuell))", aktuell.position)
    }

    /// Skips the rest of the current statement (balanced braces included), leaving `}` in place.
    private mutating func ueberspringeAnweisung() {
        var tiefe = 0
        while aktuell.art != .dateiende {
            if tiefe == 0 && (aktuell.art == .zeilenende || istZeichen(";") || istZeichen("}")) { return }
            if istZeichen("{") || istZeichen("(") || istZeichen("[") { tiefe += 1 }
            if istZeichen("}") || istZeichen(")") || istZeichen("]") { tiefe -= 1 }
            _ = naechstes()
        }
    }

    /// Skips to the end of the line (or a closing brace); always makes progress.
    private mutating func ueberspringeZeile() {
        if aktuell.art != .zeilenende && !istZeichen("}") && aktuell.art != .dateiende { _ = naechstes() }
        while aktuell.art != .zeilenende && !istZeichen("}") && aktuell.art != .dateiende { _ = naechstes() }
    }

    /// After a statement: anything left on the line is an error.
    private mutating func anweisungsende() {
        if amAnweisungsende { return }
        if letzterFehler == aktuell.position {
            ueberspringeAnweisung()
            return
        }
        fehler("KZ011", "unerwartet: \(beschreibung(aktuell)) – die Anweisung ist hier zu Ende", aktuell.position)
        ueberspringeAnweisung()
    }

    // MARK: Primitive values

    private mutating func text(_ was: String) -> Textwert? {
        guard aktuell.art == .text else {
            erwartet(was + " (in Anführungszeichen)")
            return nil
        }
        let t = naechstes()
        return Textwert(text: t.text, position: t.position)
    }

    /// A long text: one or more pieces `"…" "…"`, also on following lines; joined with spaces.
    private mutating func langerText(_ was: String) -> Textwert? {
        guard var t = text(was) else { return nil }
        while true {
            if aktuell.art == .text {
                t.text += " " + naechstes().text
                continue
            }
            var j = i
            while j < tokens.count, tokens[j].art == .zeilenende { j += 1 }
            guard aktuell.art == .zeilenende, j < tokens.count, tokens[j].art == .text else { return t }
            i = j
        }
    }

    private mutating func name(_ was: String) -> Name? {
        guard aktuell.art == .wort else {
            erwartet(was)
            return nil
        }
        let t = naechstes()
        return Name(text: t.text, position: t.position)
    }

    private mutating func zahl(_ was: String) -> Zahlwert? {
        var negativ = false
        var start = aktuell.position
        if istZeichen("-") {
            negativ = true
            start = aktuell.position
            _ = naechstes()
        }
        guard aktuell.art == .zahl else {
            erwartet(was)
            return nil
        }
        let t = naechstes()
        guard let b = Schreibweise.zahlenwert(t.text) else {
            fehler("KZ012", "ungültige Zahl '\(t.text)'", t.position)
            return nil
        }
        let wert = negativ ? (Bruch.null.minus(b) ?? b) : b
        let laenge = t.position.spalte + t.position.laenge - start.spalte
        return Zahlwert(
            wert: wert, geschrieben: (negativ ? "-" : "") + t.text,
            position: Position(zeile: start.zeile, spalte: start.spalte, laenge: laenge))
    }

    private mutating func textListe(_ was: String) -> [Textwert] {
        var liste: [Textwert] = []
        repeat {
            if istZeichen(",") { _ = naechstes() }
            ueberspringeZeilenendenInAusdruck()
            guard let t = text(was) else { break }
            liste.append(t)
        } while istZeichen(",")
        return liste
    }

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
            if !Parser.deklarationsWoerter.contains(start.schluessel),
                let v = Aehnlichkeit.vorschlag(fuer: start.schluessel, aus: Parser.deklarationsWoerter)
            {
                fehler(
                    "KZ020", "unbekannte Deklaration '\(start.text)'", start.position, hinweis: "meinten Sie '\(v)'?")
                start = Token(art: .wort, text: v, position: start.position)
                // Parse it as the suggested declaration, so later references still resolve.
                tokens[i] = start
            }
            switch start.schluessel {
            case "katalog": if let k = katalog() { deklarationen.append(.katalog(k)) }
            case "sozialraum": if let s = sozialraum() { deklarationen.append(.sozialraum(s)) }
            case "quelle": if let q = quelle() { deklarationen.append(.quelle(q)) }
            case "ampel": if let a = ampelVorlage() { deklarationen.append(.ampel(a)) }
            case "kennzahl": if let k = kennzahl() { deklarationen.append(.kennzahl(k)) }
            case "test": if let t = test() { deklarationen.append(.test(t)) }
            default:
                fehler(
                    "KZ020", "unbekannte Deklaration '\(start.text)'", start.position,
                    hinweis: Aehnlichkeit.vorschlag(fuer: start.schluessel, aus: Parser.deklarationsWoerter)
                        .map { "meinten Sie '\($0)'?" })
                _ = naechstes()
                ueberspringeAnweisung()
                if istZeichen("}") { _ = naechstes() }
            }
        }
        return deklarationen
    }

    /// Parses `{ statement* }`, calling `anweisung` with each statement's keyword token.
    /// Parses `{ statement* }`, calling `anweisung` with each statement's keyword token. A keyword
    /// not in `erlaubt` is reported; when it is a plausible typo, the statement is parsed as the
    /// suggested keyword, so one typo does not cause further errors.
    private mutating func block(
        _ name: String, erlaubt: [String], code: String = "KZ021",
        _ anweisung: (inout Parser, Token) -> Void
    ) {
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
                fehler("KZ013", "Block ohne schließende Klammer '}'", oeffnend.position)
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
                    code, "unbekanntes Feld '\(t.text)' in \(name)", t.position,
                    hinweis: vorschlag.map { "meinten Sie '\($0)'?" })
                guard let v = vorschlag else {
                    ueberspringeAnweisung()
                    continue
                }
                t = Token(art: .wort, text: v, position: t.position)
            }
            anweisung(&self, t)
            anweisungsende()
        }
    }

    /// Only for keywords a block lets through but does not handle (cannot happen with a correct
    /// `erlaubt` list); skips the statement.
    private mutating func unbekannt(_ t: Token, in block: String, erlaubt: [String]) {
        ueberspringeAnweisung()
    }

    private mutating func katalog() -> KatalogSyntax? {
        let kopf = naechstes()
        guard let name = text("Name des Katalogs") else { ueberspringeAnweisung(); return nil }
        var k = KatalogSyntax(name: name, position: kopf.position)
        block("katalog", erlaubt: Parser.katalogWoerter) { p, t in
            switch t.schluessel {
            case "gesamt": k.gesamt = p.text("Bezeichnung der Gesamtstadt")
            case "ohne":
                if p.istWort("zuordnung") { _ = p.naechstes() } else { p.erwartet("'zuordnung'") }
                k.ohneZuordnung = p.text("Bezeichnung für Fälle ohne Sozialraum")
            case "einwohner": k.einwohner = p.name("Name der Bevölkerungsquelle")
            case "mindestfallzahl": k.mindestfallzahl = p.zahl("Mindestfallzahl für öffentliche Berichte")
            case "produkt":
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
            case "arbeitsfeld":
                guard let kz = p.name("Kürzel des Arbeitsfelds"), let n = p.text("Name des Arbeitsfelds") else {
                    p.ueberspringeAnweisung()
                    return
                }
                k.arbeitsfelder.append((kz, n))
            case "ziel":
                guard let n = p.zahl("Nummer des Ziels"), let text = p.text("Text des Ziels") else {
                    p.ueberspringeAnweisung()
                    return
                }
                k.ziele.append((n, text))
            default: p.unbekannt(t, in: "katalog", erlaubt: Parser.katalogWoerter)
            }
        }
        return k
    }

    private mutating func sozialraum() -> SozialraumSyntax? {
        let kopf = naechstes()
        guard let name = text("Name des Sozialraums") else { ueberspringeAnweisung(); return nil }
        var s = SozialraumSyntax(name: name, position: kopf.position)
        if !istZeichen("{") && amAnweisungsende && !fortsetzungMitBlock() { return s }
        block("sozialraum", erlaubt: Parser.sozialraumWoerter) { p, t in
            switch t.schluessel {
            case "codes": s.codes += p.textListe("Code")
            case "stadtviertel": s.stadtviertel += p.textListe("Stadtviertel")
            default: p.unbekannt(t, in: "sozialraum", erlaubt: Parser.sozialraumWoerter)
            }
        }
        return s
    }

    /// True when the next non-empty line opens a block.
    private func fortsetzungMitBlock() -> Bool {
        var j = i
        while j < tokens.count, tokens[j].art == .zeilenende { j += 1 }
        return j < tokens.count && tokens[j].art == .zeichen && tokens[j].text == "{"
    }

    private mutating func quelle() -> QuelleSyntax? {
        let kopf = naechstes()
        guard let name = name("Name der Quelle") else { ueberspringeAnweisung(); return nil }
        guard let titel = text("Titel der Quelle") else { ueberspringeAnweisung(); return nil }
        var q = QuelleSyntax(name: name, titel: titel, position: kopf.position)
        block("quelle", erlaubt: Parser.quellenWoerter) { p, t in
            switch t.schluessel {
            case "art":
                guard let n = p.name("'faelle' oder 'zahlen'") else { return }
                switch Schreibweise.normalisiert(n.text) {
                case "faelle": q.art = (.faelle, n.position)
                case "zahlen": q.art = (.zahlen, n.position)
                default:
                    p.fehler(
                        "KZ022", "unbekannte Quellenart '\(n.text)': erlaubt sind 'faelle' und 'zahlen'", n.position,
                        hinweis: Aehnlichkeit.vorschlag(
                            fuer: Schreibweise.normalisiert(n.text), aus: ["faelle", "zahlen"]
                        )
                        .map { "meinten Sie '\($0)'?" })
                }
            case "datei": q.datei = p.text("Dateimuster")
            case "kodierung": q.kodierung = p.text("Zeichenkodierung")
            case "id": q.id = p.text("Spalte der Fallnummer")
            case "sozialraum": q.sozialraum = p.text("Spalte des Sozialraums")
            case "stadtviertel": q.stadtviertel = p.text("Spalte des Stadtviertels")
            case "beginn": q.beginn = p.text("Spalte des Beginns")
            case "ende": q.ende = p.text("Spalte des Endes")
            case "datum": q.datum = p.text("Spalte des Datums")
            case "anzahl": q.anzahl = p.text("Spalte der Anzahl")
            case "geburtsdatum": q.geburtsdatum = p.text("Spalte des Geburtsdatums")
            case "feld": if let f = p.feld() { q.felder.append(f) }
            default: p.unbekannt(t, in: "quelle", erlaubt: Parser.quellenWoerter)
            }
        }
        return q
    }

    private mutating func feld() -> FeldSyntax? {
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
                    "KZ023", "unbekannter Feldtyp '\(t.text)': erlaubt sind text, zahl, datum", t.position,
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
                    fehler("KZ013", "Block ohne schließende Klammer '}'", oeffnend.position)
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

    private mutating func ampelVorlage() -> AmpelVorlageSyntax? {
        let kopf = naechstes()
        guard let n = name("Name der Ampelvorlage") else { ueberspringeAnweisung(); return nil }
        return AmpelVorlageSyntax(name: n, regeln: ampelRegeln(), position: kopf.position)
    }

    private mutating func ampelRegeln() -> [AmpelRegelSyntax] {
        var regeln: [AmpelRegelSyntax] = []
        block(
            "der Ampelregel (rot, gelb, grau oder entwarnung)", erlaubt: ["rot", "gelb", "grau", "entwarnung"],
            code: "KZ030"
        ) { p, t in
            if let r = p.ampelRegel(farbwort: t) { regeln.append(r) }
        }
        return regeln
    }

    private mutating func ampelRegel(farbwort t: Token) -> AmpelRegelSyntax? {
        let farbe: Ampelfarbe
        switch t.schluessel {
        case "rot": farbe = .rot
        case "gelb": farbe = .gelb
        case "grau": farbe = .grau
        case "entwarnung": farbe = .gruen
        default:
            fehler(
                "KZ030", "Ampelregel muss mit rot, gelb oder grau beginnen, gefunden: '\(t.text)'", t.position,
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

    private mutating func bedingung() -> BedingungSyntax? {
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
                    "KZ031", "unbekannter Vergleichszeitraum '\(b.text)': erlaubt sind vorquartal und vorjahr",
                    b.position,
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
                "KZ032", "unbekannte Größe '\(w.text)' in der Ampelregel", w.position,
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

    private mutating func ampelVergleich() -> Vergleich? {
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

    private mutating func kennzahl() -> KennzahlSyntax? {
        let kopf = naechstes()
        guard let id = name("Kennung der Kennzahl (z. B. JH-Z5)") else { ueberspringeAnweisung(); return nil }
        guard let n = text("Name der Kennzahl") else { ueberspringeAnweisung(); return nil }
        var k = KennzahlSyntax(id: id, name: n, position: kopf.position)
        block("kennzahl", erlaubt: Parser.kennzahlWoerter) { p, t in
            switch t.schluessel {
            case "produkt": k.produkt = p.zahl("Nummer des Produkts")
            case "bereich": k.bereich = p.text("Bereich")
            case "arbeitsfeld": k.arbeitsfeld = p.name("Kürzel des Arbeitsfelds")
            case "ziel": k.ziel = p.zahl("Nummer des strategischen Ziels")
            case "quelle": k.quelle = p.langerText("Quellenangabe")
            case "definition": k.definition = p.langerText("Definitionstext")
            case "verantwortlich": k.verantwortlich = p.langerText("verantwortliche Stelle")
            case "fussnote": k.fussnote = p.langerText("Fußnote")
            case "wert": k.wert = p.ausdruckMitText()
            case "zaehler": k.zaehler = p.ausdruckMitText()
            case "nenner": k.nenner = p.ausdruckMitText()
            case "zeitraum": k.zeitraum = p.zeitraum(t)
            case "einheit":
                k.einheit = p.einheit()
                k.einheitUnlesbar = k.einheit == nil
            case "dezimalen": k.dezimalen = p.zahl("Anzahl der Nachkommastellen")
            case "mindestfallzahl": k.mindestfallzahl = p.zahl("Mindestfallzahl für öffentliche Berichte")
            case "zielwert": k.zielwert = p.zielwert()
            case "richtung": k.richtung = p.richtung()
            case "gesamt":
                for wort in ["summe", "der", "sozialraeume"] {
                    guard p.istWort(wort) else { p.erwartet("'gesamt summe der sozialraeume'"); return }
                    _ = p.naechstes()
                }
                k.gesamtAlsSumme = t.position
            case "ampel":
                if p.aktuell.art == .wort {
                    if let v = p.name("Name der Ampelvorlage") { k.ampelVorlagen.append(v) }
                }
                if p.istZeichen("{") { k.ampelRegeln += p.ampelRegeln() }
            default: p.unbekannt(t, in: "kennzahl", erlaubt: Parser.kennzahlWoerter)
            }
        }
        return k
    }

    private mutating func test() -> TestSyntax? {
        let kopf = naechstes()
        guard let id = name("Kennung der getesteten Kennzahl") else { ueberspringeAnweisung(); return nil }
        guard let n = text("Name des Tests") else { ueberspringeAnweisung(); return nil }
        var t = TestSyntax(kennzahl: id, name: n, position: kopf.position)
        block("test", erlaubt: Parser.testWoerter) { p, w in
            switch w.schluessel {
            case "zeitraum": t.zeitraum = p.periode()
            case "gebiet":
                if p.istWort("gesamt") { _ = p.naechstes() } else { t.gebiet = p.text("Sozialraum") }
            case "daten":
                guard let q = p.name("Name der Quelle") else { p.ueberspringeAnweisung(); return }
                var d = TestdatenSyntax(quelle: q, periode: nil, zeilen: [])
                if !p.istZeichen("{") { d.periode = p.periode()?.0 }
                p.ueberspringeZeilenendenInAusdruck()
                guard p.istZeichen("{") else {
                    p.erwartet("'{' mit Zeilen in Anführungszeichen"); p.ueberspringeAnweisung(); return
                }
                let oeffnend = p.naechstes()
                while true {
                    while p.aktuell.art == .zeilenende || p.istZeichen(";") { _ = p.naechstes() }
                    if p.istZeichen("}") { _ = p.naechstes(); break }
                    if p.aktuell.art == .dateiende {
                        p.fehler("KZ013", "Block ohne schließende Klammer '}'", oeffnend.position); break
                    }
                    guard let zeile = p.text("Zeile der Testdaten") else {
                        p.ueberspringeZeile()
                        continue
                    }
                    d.zeilen.append(zeile)
                    // One line per text: anything after it on the line is an error.
                    if p.aktuell.art != .zeilenende && !p.istZeichen("}") {
                        p.fehler(
                            "KZ010",
                            "nach einer Zeile der Testdaten erwartet: Zeilenende, gefunden: \(p.beschreibung(p.aktuell))",
                            p.aktuell.position)
                        p.ueberspringeZeile()
                    }
                }
                t.daten.append(d)
            case "erwartet":
                let pos = w.position
                guard p.aktuell.art == .wort else {
                    p.erwartet("wert, zaehler, nenner, ampel, zielwert oder kein wert"); return
                }
                // Optionally another Kennzahl: `erwartet B-JH-REST wert 60000`.
                var andere: Name?
                if !["wert", "zaehler", "nenner", "ampel", "zielwert", "kein"].contains(p.aktuell.schluessel),
                    p.vorschau().art == .wort
                {
                    let t = p.naechstes()
                    andere = Name(text: t.text, position: t.position)
                }
                var erwartung: Erwartung?
                defer {
                    if let e = erwartung {
                        t.erwartungen.append(ErwartungSyntax(kennzahl: andere, erwartung: e, position: pos))
                    }
                }
                let art = p.naechstes()
                switch art.schluessel {
                case "wert": erwartung = p.zahl("erwarteter Wert").map { .wert($0) }
                case "zaehler": erwartung = p.zahl("erwarteter Zähler").map { .zaehler($0) }
                case "nenner": erwartung = p.zahl("erwarteter Nenner").map { .nenner($0) }
                case "ampel":
                    guard p.aktuell.art == .wort,
                        let f = Ampelfarbe(rawValue: Schreibweise.normalisiert(p.aktuell.text))
                    else {
                        p.erwartet("Ampelfarbe (rot, gelb, grau, gruen)")
                        return
                    }
                    _ = p.naechstes()
                    erwartung = .ampel(f)
                case "zielwert":
                    var erreicht = true
                    if p.istWort("nicht") {
                        _ = p.naechstes()
                        erreicht = false
                    }
                    guard p.istWort("erreicht") else { p.erwartet("'erreicht' oder 'nicht erreicht'"); return }
                    _ = p.naechstes()
                    erwartung = .zielwertErreicht(erreicht)
                case "kein":
                    guard p.istWort("wert") else { p.erwartet("'wert'"); return }
                    _ = p.naechstes()
                    erwartung = .keinWert
                default:
                    p.fehler(
                        "KZ050", "unbekannte Erwartung '\(art.text)'", art.position,
                        hinweis: Aehnlichkeit.vorschlag(
                            fuer: art.schluessel, aus: ["wert", "zaehler", "nenner", "ampel", "zielwert", "kein"]
                        )
                        .map { "meinten Sie '\($0)'?" })
                    p.ueberspringeAnweisung()
                }
            default: p.unbekannt(w, in: "test", erlaubt: Parser.testWoerter)
            }
        }
        return t
    }

    /// A period: `2021-Q4`, `2021` or the same in quotes.
    private mutating func periode() -> (Berichtsperiode, Position)? {
        let start = aktuell.position
        if aktuell.art == .text {
            let t = naechstes()
            guard let p = Berichtsperiode.parse(t.text) else {
                fehler("KZ051", "ungültiger Zeitraum '\(t.text)': erwartet wird 2021-Q4 oder 2021", t.position)
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
            fehler("KZ051", "ungültiger Zeitraum '\(text)': erwartet wird 2021-Q4 oder 2021", start)
            return nil
        }
        return (p, start)
    }

    private mutating func zeitraum(_ t: Token) -> (Rhythmus, Zaehlregel?, Position)? {
        guard aktuell.art == .wort else { erwartet("'quartal' oder 'jahr'"); return nil }
        let r = naechstes()
        guard let rhythmus = Rhythmus(rawValue: r.schluessel) else {
            fehler(
                "KZ040", "unbekannter Zeitraum '\(r.text)': erlaubt sind quartal und jahr", r.position,
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
                    "KZ041", "unbekannte Zählregel '\(w.text)': erlaubt sind stichtag, zugaenge, im verlauf",
                    w.position,
                    hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["stichtag", "zugaenge", "im verlauf"]).map
                    { "meinten Sie '\($0)'?" })
                return nil
            }
        }
        return (rhythmus, regel, t.position)
    }

    private mutating func einheit() -> (Einheit, Position)? {
        if aktuell.art == .text {
            // A named unit: `einheit "Stunden"`.
            let t = naechstes()
            guard t.text.contains(where: { $0 != " " }) else {
                fehler("KZ046", "der Name der Einheit ist leer", t.position)
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
                fehler("KZ042", "Bezugsgröße muss eine ganze Zahl zwischen 1 und 1.000.000 sein", z.position)
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
                "KZ043", "unbekannte Einheit '\(w.text)'", w.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["anzahl", "prozent", "euro", "je"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
    }

    /// `höher ist besser`, `niedriger ist besser`, `abweichung` (any deviation counts).
    private mutating func richtung() -> (Richtung, Position)? {
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
                "KZ045",
                "unbekannte Richtung '\(w.text)': erlaubt sind 'hoeher ist besser', 'niedriger ist besser', 'abweichung'",
                w.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["hoeher", "niedriger", "abweichung"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
    }

    private mutating func zielwert() -> (ZielRichtung, Position)? {
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
                "KZ044", "unbekannte Zielrichtung '\(w.text)': erlaubt sind mindestens, hoechstens, zwischen",
                w.position,
                hinweis: Aehnlichkeit.vorschlag(fuer: w.schluessel, aus: ["mindestens", "hoechstens", "zwischen"]).map {
                    "meinten Sie '\($0)'?"
                })
            return nil
        }
        if istZeichen("%") || istWort("prozent") { _ = naechstes() }
        return (ergebnis, w.position)
    }

    // MARK: Limits

    /// Enters one level of brackets, a function call or `nicht`; false (reported) beyond the limit.
    private mutating func tiefer() -> Bool {
        tiefe += 1
        guard tiefe <= Parser.hoechsteTiefe else {
            fehler(
                "KZ015",
                "zu tief verschachtelt: höchstens \(Parser.hoechsteTiefe) Ebenen aus Klammern, Funktionen und 'nicht' in einer Anweisung",
                aktuell.position)
            return false
        }
        return true
    }

    /// Counts one operand; false (reported) beyond the limit.
    private mutating func glied() -> Bool {
        glieder += 1
        guard glieder <= Parser.hoechsteGlieder else {
            fehler(
                "KZ016",
                "zu lang: höchstens \(Parser.hoechsteGlieder) Glieder (Zählungen, Zahlen, Kennzahlen, Vergleiche) in einer Anweisung; "
                    + "lange Summen in Zwischenkennzahlen aufteilen", aktuell.position)
            return false
        }
        return true
    }

    // MARK: Expressions

    private mutating func ausdruckMitText() -> (Ausdruck, String)? {
        let start = i
        tiefe = 0
        glieder = 0
        guard let a = ausdruck() else {
            // The error is reported; a stand-in keeps the part present, so the checks that follow
            // do not also report it as missing.
            ueberspringeAnweisung()
            let pos = tokens[min(start, tokens.count - 1)].position
            return (.zahl(Zahlwert(wert: Bruch(1), geschrieben: "1", position: pos)), "")
        }
        return (a, quelltext(von: start, bis: i))
    }

    /// The tokens `von..<bis` as one line of text, for the catalogue.
    private func quelltext(von: Int, bis: Int) -> String {
        var s = ""
        var vorher: Token?
        for t in tokens[von..<min(bis, tokens.count)] where t.art != .zeilenende {
            let teil: String
            switch t.art {
            case .text: teil = "\"" + t.text + "\""
            default: teil = t.text
            }
            if let v = vorher {
                let ohneLuecke =
                    (v.art == .zeichen && ["(", "["].contains(v.text))
                    || (t.art == .zeichen && [")", "]", ",", "%"].contains(t.text))
                if !ohneLuecke { s += " " }
            }
            s += teil
            vorher = t
        }
        return s
    }

    /// A left-associative chain `teil (op teil)*`, which may go on on the next line. `op` reads an
    /// operator (or returns nil when the chain ends) and says how to join both sides.
    private mutating func kette<T>(_ teil: (inout Parser) -> T?, _ op: (inout Parser) -> ((T, T) -> T)?) -> T? {
        guard var links = teil(&self) else { return nil }
        while true {
            _ = fortsetzungszeile()
            let opToken = aktuell
            guard let verbinde = op(&self) else { return links }
            // An operator at the end of a line continues on the next line, unless that line starts
            // a new statement: then the second operand is missing.
            if aktuell.art == .zeilenende {
                if naechsteZeileBeginntAnweisung() {
                    fehler(
                        "KZ014", "nach '\(opToken.text)' fehlt der zweite Teil",
                        Position(
                            zeile: opToken.position.zeile,
                            spalte: opToken.position.spalte + opToken.position.laenge, laenge: 1))
                    return nil
                }
                ueberspringeZeilenendenInAusdruck()
            }
            guard let rechts = teil(&self) else { return nil }
            links = verbinde(links, rechts)
        }
    }

    private mutating func ausdruck() -> Ausdruck? {
        kette({ $0.term() }) { p in
            guard p.istZeichen("+") || p.istZeichen("-") else { return nil }
            let op = p.naechstes()
            return { .binaer(op.text == "+" ? .plus : .minus, $0, $1, op.position) }
        }
    }

    private mutating func term() -> Ausdruck? {
        kette({ $0.faktor() }) { p in
            guard p.istZeichen("*") || p.istZeichen("/") else { return nil }
            let op = p.naechstes()
            return { .binaer(op.text == "*" ? .mal : .geteilt, $0, $1, op.position) }
        }
    }

    private mutating func faktor() -> Ausdruck? {
        if aktuell.art == .zahl || istZeichen("-") {
            guard glied(), let z = zahl("Zahl") else { return nil }
            return .zahl(z)
        }
        if istZeichen("(") {
            guard tiefer() else { return nil }
            defer { tiefe -= 1 }
            _ = naechstes()
            ueberspringeZeilenendenInAusdruck()
            guard let a = ausdruck() else { return nil }
            ueberspringeZeilenendenInAusdruck()
            guard istZeichen(")") else { erwartet("')'"); return nil }
            _ = naechstes()
            return .klammer(a)
        }
        guard aktuell.art == .wort else {
            erwartet("Zählung (anzahl, summe, bevoelkerung), Kennzahl oder Zahl")
            return nil
        }
        guard glied() else { return nil }
        let w = aktuell
        switch w.schluessel {
        case "anzahl":
            _ = naechstes()
            if istWort("verschiedene") || istWort("verschiedener") {
                _ = naechstes()
                guard let feld = name("Feld, dessen verschiedene Werte gezählt werden") else { return nil }
                return zaehlungRest(.verschieden(feld), start: w.position)
            }
            if istWort("faelle") || istWort("fall") { _ = naechstes() }
            return zaehlungRest(.anzahl, start: w.position)
        case "summe":
            _ = naechstes()
            var feld: Name?
            if aktuell.art == .wort && !istWort("aus") { feld = name("Feld") }
            return zaehlungRest(.summe(feld), start: w.position)
        case "jahresanteil", "zeitraumanteil":
            _ = naechstes()
            return .anteil(w.schluessel == "jahresanteil" ? .jahresanteil : .zeitraumanteil, w.position)
        case _ where vorschau().art == .zeichen && vorschau().text == "(":
            // A function call: max(a, b), min(a, b).
            guard tiefer() else { return nil }
            defer { tiefe -= 1 }
            let n = Name(text: w.text, position: w.position)
            _ = naechstes()
            _ = naechstes()
            var argumente: [Ausdruck] = []
            while true {
                ueberspringeZeilenendenInAusdruck()
                guard let a = ausdruck() else { return nil }
                argumente.append(a)
                ueberspringeZeilenendenInAusdruck()
                if istZeichen(",") { _ = naechstes(); continue }
                guard istZeichen(")") else { erwartet("',' oder ')'"); return nil }
                _ = naechstes()
                break
            }
            return .funktion(n, argumente)
        case "bevoelkerung", "einwohner":
            _ = naechstes()
            var filter: Filter?
            if fortsetzungszeile() || istWort("wo") {
                guard istWort("wo") else { erwartet("'wo'"); return nil }
                _ = naechstes()
                guard let f = filterAusdruck() else { return nil }
                filter = f
            }
            return .zaehlung(ZaehlungSyntax(art: .bevoelkerung, quelle: nil, filter: filter, position: w.position))
        default:
            _ = naechstes()
            return .kennzahl(Name(text: w.text, position: w.position))
        }
    }

    private mutating func zaehlungRest(_ art: ZaehlArt, start: Position) -> Ausdruck? {
        guard istWort("aus") else { erwartet("'aus'"); return nil }
        _ = naechstes()
        guard let q = name("Name der Quelle") else { return nil }
        var filter: Filter?
        if fortsetzungszeile() || istWort("wo") {
            guard istWort("wo") else { erwartet("'wo'"); return nil }
            _ = naechstes()
            guard let f = filterAusdruck() else { return nil }
            filter = f
        }
        return .zaehlung(ZaehlungSyntax(art: art, quelle: q, filter: filter, position: start))
    }

    // MARK: Filters

    private mutating func filterAusdruck() -> Filter? {
        kette({ $0.filterUnd() }) { p in
            guard p.istWort("oder") else { return nil }
            _ = p.naechstes()
            return { .oder($0, $1) }
        }
    }

    private mutating func filterUnd() -> Filter? {
        kette({ $0.filterNicht() }) { p in
            guard p.istWort("und") else { return nil }
            _ = p.naechstes()
            return { .und($0, $1) }
        }
    }

    private mutating func filterNicht() -> Filter? {
        if istWort("nicht") {
            guard tiefer() else { return nil }
            defer { tiefe -= 1 }
            _ = naechstes()
            guard let f = filterNicht() else { return nil }
            return .nicht(f)
        }
        if istZeichen("(") {
            guard tiefer() else { return nil }
            defer { tiefe -= 1 }
            _ = naechstes()
            ueberspringeZeilenendenInAusdruck()
            guard let f = filterAusdruck() else { return nil }
            ueberspringeZeilenendenInAusdruck()
            guard istZeichen(")") else { erwartet("')'"); return nil }
            _ = naechstes()
            return f
        }
        return filterAtom()
    }

    private mutating func filterAtom() -> Filter? {
        guard glied(), let feld = name("Feldname") else { return nil }
        if aktuell.art == .zeichen, let v = Vergleich(rawValue: aktuell.text) {
            _ = naechstes()
            guard let l = literal() else { return nil }
            return .vergleich(feld, v, l)
        }
        guard aktuell.art == .wort else {
            erwartet("Vergleich (=, !=, <, <=, >, >=, in, zwischen, ist leer)")
            return nil
        }
        switch aktuell.schluessel {
        case "in":
            _ = naechstes()
            guard let l = liste() else { return nil }
            return .liste(feld, l, negiert: false)
        case "nicht":
            _ = naechstes()
            guard istWort("in") else { erwartet("'in'"); return nil }
            _ = naechstes()
            guard let l = liste() else { return nil }
            return .liste(feld, l, negiert: true)
        case "zwischen":
            _ = naechstes()
            guard let a = literal() else { return nil }
            guard istWort("und") else { erwartet("'und'"); return nil }
            _ = naechstes()
            guard let b = literal() else { return nil }
            return .zwischen(feld, a, b)
        case "ist":
            _ = naechstes()
            var negiert = false
            if istWort("nicht") {
                _ = naechstes()
                negiert = true
            }
            guard istWort("leer") else { erwartet("'leer'"); return nil }
            _ = naechstes()
            return .leer(feld, negiert: negiert)
        default:
            erwartet("Vergleich (=, !=, <, <=, >, >=, in, zwischen, ist leer)")
            return nil
        }
    }

    private mutating func literal() -> Literal? {
        if aktuell.art == .text {
            let t = naechstes()
            return .text(Textwert(text: t.text, position: t.position))
        }
        if aktuell.art == .zahl || istZeichen("-") {
            guard let z = zahl("Zahl") else { return nil }
            return .zahl(z)
        }
        erwartet("Wert (Text in Anführungszeichen oder Zahl)")
        return nil
    }

    private mutating func liste() -> [Literal]? {
        guard istZeichen("[") else { erwartet("'['"); return nil }
        _ = naechstes()
        var werte: [Literal] = []
        while true {
            ueberspringeZeilenendenInAusdruck()
            if istZeichen("]") {
                _ = naechstes()
                return werte
            }
            guard glied(), let l = literal() else { return nil }
            werte.append(l)
            ueberspringeZeilenendenInAusdruck()
            if istZeichen(",") {
                _ = naechstes()
            } else if !istZeichen("]") {
                erwartet("',' oder ']'")
                return nil
            }
        }
    }
}
