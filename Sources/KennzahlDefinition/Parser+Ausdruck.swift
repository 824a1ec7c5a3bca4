import KennzahlBasis

extension Parser {
    // MARK: Limits

    /// Enters one level of brackets, a function call or `nicht`; false (reported) beyond the limit.
    mutating func tiefer() -> Bool {
        tiefe += 1
        guard tiefe <= Parser.hoechsteTiefe else {
            fehler(.zuTief(hoechstens: Parser.hoechsteTiefe), aktuell.position)
            return false
        }
        return true
    }

    /// Counts one operand; false (reported) beyond the limit.
    mutating func glied() -> Bool {
        glieder += 1
        guard glieder <= Parser.hoechsteGlieder else {
            fehler(.zuLang(hoechstens: Parser.hoechsteGlieder), aktuell.position)
            return false
        }
        return true
    }

    // MARK: Expressions

    mutating func ausdruckMitText() -> (Ausdruck, String)? {
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
    func quelltext(von: Int, bis: Int) -> String {
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
    mutating func kette<T>(_ teil: (inout Parser) -> T?, _ op: (inout Parser) -> ((T, T) -> T)?) -> T? {
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
                        .zweiterTeilFehlt(zeichen: opToken.text),
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

    mutating func ausdruck() -> Ausdruck? {
        kette({ $0.term() }) { p in
            guard p.istZeichen("+") || p.istZeichen("-") else { return nil }
            let op = p.naechstes()
            return { .binaer(op.text == "+" ? .plus : .minus, $0, $1, op.position) }
        }
    }

    mutating func term() -> Ausdruck? {
        kette({ $0.faktor() }) { p in
            guard p.istZeichen("*") || p.istZeichen("/") else { return nil }
            let op = p.naechstes()
            return { .binaer(op.text == "*" ? .mal : .geteilt, $0, $1, op.position) }
        }
    }

    mutating func faktor() -> Ausdruck? {
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

    mutating func zaehlungRest(_ art: ZaehlArt, start: Position) -> Ausdruck? {
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
}
