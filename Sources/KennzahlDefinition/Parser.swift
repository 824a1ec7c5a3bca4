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

    var tokens: [Token]
    var i = 0
    /// Current nesting and operands of the statement being parsed.
    var tiefe = 0
    var glieder = 0
    /// Where the last error was reported: the rest of that statement is not reported again.
    var letzterFehler: Position?
    let datei: String
    let zeilen: [String]
    private(set) var diagnosen: [Diagnose] = []

    /// Parses one file's text.
    static func parse(datei: String, quelltext: String) -> (DefinitionsDatei, [Diagnose]) {
        let (tokens, probleme) = Lexer.zerlege(quelltext)
        let zeilen = quelltext.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        var p = Parser(tokens: tokens, datei: datei, zeilen: zeilen)
        for (meldung, pos) in probleme { p.fehler(meldung, pos) }
        let deklarationen = p.parseDatei()
        return (DefinitionsDatei(pfad: datei, zeilen: zeilen, deklarationen: deklarationen), p.diagnosen)
    }

    init(tokens: [Token], datei: String, zeilen: [String]) {
        self.tokens = tokens
        self.datei = datei
        self.zeilen = zeilen
    }

    // MARK: Token access

    var aktuell: Token { tokens[min(i, tokens.count - 1)] }
    func vorschau(_ n: Int = 1) -> Token { tokens[min(i + n, tokens.count - 1)] }
    mutating func naechstes() -> Token {
        let t = aktuell
        if i < tokens.count - 1 { i += 1 }
        return t
    }

    func istWort(_ s: String) -> Bool { aktuell.art == .wort && aktuell.schluessel == s }
    func istZeichen(_ s: String) -> Bool { aktuell.art == .zeichen && aktuell.text == s }
    var amAnweisungsende: Bool {
        aktuell.art == .zeilenende || aktuell.art == .dateiende || istZeichen(";") || istZeichen("}")
    }

    mutating func ueberspringeZeilenenden() {
        while aktuell.art == .zeilenende || istZeichen(";") { _ = naechstes() }
    }

    /// Continuation lines: a line that starts with `und`, `oder`, `wo`, `+` or `-` continues the
    /// expression above it.
    mutating func fortsetzungszeile() -> Bool {
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
    func naechsteZeileBeginntAnweisung() -> Bool {
        var j = i
        while j < tokens.count, tokens[j].art == .zeilenende { j += 1 }
        guard j < tokens.count else { return true }
        let t = tokens[j]
        if t.art == .dateiende || (t.art == .zeichen && t.text == "}") { return true }
        return t.art == .wort
            && (Kennzahlwort(rawValue: t.schluessel) != nil || Deklarationswort(rawValue: t.schluessel) != nil)
    }

    mutating func ueberspringeZeilenendenInAusdruck() {
        while aktuell.art == .zeilenende { _ = naechstes() }
    }

    // MARK: Diagnostics

    func ort(_ pos: Position) -> Ort {
        let text = pos.zeile >= 1 && pos.zeile <= zeilen.count ? zeilen[pos.zeile - 1] : nil
        return Ort(datei: datei, zeile: pos.zeile, spalte: pos.spalte, laenge: max(1, pos.laenge), quelltext: text)
    }

    mutating func fehler(_ meldung: SyntaxMeldung, _ pos: Position, hinweis: String? = nil) {
        diagnosen.append(Diagnose(meldung, ort: ort(pos), hinweis: hinweis))
        letzterFehler = pos
    }

    func beschreibung(_ t: Token) -> String {
        switch t.art {
        case .wort: return "'\(t.text)'"
        case .text: return "Text \"\(t.text.prefix(30))\""
        case .zahl: return "Zahl \(t.text)"
        case .zeichen: return "'\(t.text)'"
        case .zeilenende: return "Zeilenende"
        case .dateiende: return "Dateiende"
        }
    }

    mutating func erwartet(_ was: String) {
        fehler(.erwartet(was: was, gefunden: beschreibung(aktuell)), aktuell.position)
    }

    /// Skips the rest of the current statement (balanced braces included), leaving `}` in place.
    mutating func ueberspringeAnweisung() {
        var tiefe = 0
        while aktuell.art != .dateiende {
            if tiefe == 0 && (aktuell.art == .zeilenende || istZeichen(";") || istZeichen("}")) { return }
            if istZeichen("{") || istZeichen("(") || istZeichen("[") { tiefe += 1 }
            if istZeichen("}") || istZeichen(")") || istZeichen("]") { tiefe -= 1 }
            _ = naechstes()
        }
    }

    /// Skips to the end of the line (or a closing brace); always makes progress.
    mutating func ueberspringeZeile() {
        if aktuell.art != .zeilenende && !istZeichen("}") && aktuell.art != .dateiende { _ = naechstes() }
        while aktuell.art != .zeilenende && !istZeichen("}") && aktuell.art != .dateiende { _ = naechstes() }
    }

    /// After a statement: anything left on the line is an error.
    mutating func anweisungsende() {
        if amAnweisungsende { return }
        if letzterFehler == aktuell.position {
            ueberspringeAnweisung()
            return
        }
        fehler(.unerwartet(gefunden: beschreibung(aktuell)), aktuell.position)
        ueberspringeAnweisung()
    }

    // MARK: Primitive values

    mutating func text(_ was: String) -> Textwert? {
        guard aktuell.art == .text else {
            erwartet(was + " (in Anführungszeichen)")
            return nil
        }
        let t = naechstes()
        return Textwert(text: t.text, position: t.position)
    }

    /// A long text: one or more pieces `"…" "…"`, also on following lines; joined with spaces.
    mutating func langerText(_ was: String) -> Textwert? {
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

    mutating func name(_ was: String) -> Name? {
        guard aktuell.art == .wort else {
            erwartet(was)
            return nil
        }
        let t = naechstes()
        return Name(text: t.text, position: t.position)
    }

    mutating func zahl(_ was: String) -> Zahlwert? {
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
            fehler(.ungueltigeZahl(text: t.text), t.position)
            return nil
        }
        let wert = negativ ? (Bruch.null.minus(b) ?? b) : b
        let laenge = t.position.spalte + t.position.laenge - start.spalte
        return Zahlwert(
            wert: wert, geschrieben: (negativ ? "-" : "") + t.text,
            position: Position(zeile: start.zeile, spalte: start.spalte, laenge: laenge))
    }

    mutating func textListe(_ was: String) -> [Textwert] {
        var liste: [Textwert] = []
        repeat {
            if istZeichen(",") { _ = naechstes() }
            ueberspringeZeilenendenInAusdruck()
            guard let t = text(was) else { break }
            liste.append(t)
        } while istZeichen(",")
        return liste
    }

}
