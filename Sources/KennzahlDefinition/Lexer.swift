/// Splits a definition file into tokens; problems become diagnostics, never traps.
struct Lexer {
    private let zeichen: [Character]
    private var i = 0
    private var zeile = 1
    private var spalte = 1
    private(set) var tokens: [Token] = []
    private(set) var probleme: [(SyntaxMeldung, Position)] = []

    init(_ quelltext: String) {
        zeichen = Array(quelltext)
    }

    static func zerlege(_ quelltext: String) -> (tokens: [Token], probleme: [(SyntaxMeldung, Position)]) {
        var l = Lexer(quelltext)
        l.lies()
        return (l.tokens, l.probleme)
    }

    private mutating func lies() {
        if zeichen.first == "\u{FEFF}" { i = 1 }
        while i < zeichen.count {
            let c = zeichen[i]
            if c == "\n" || c == "\r\n" || c == "\r" {
                tokens.append(
                    Token(art: .zeilenende, text: "\n", position: Position(zeile: zeile, spalte: spalte, laenge: 1)))
                weiter()
                continue
            }
            if c == " " || c == "\t" || c == "\u{00A0}" {
                weiter()
                continue
            }
            if c == "#" {
                while i < zeichen.count, !istZeilenende(zeichen[i]) { weiter() }
                continue
            }
            if c == "\"" || c == "„" || c == "“" {
                liesText()
                continue
            }
            if c.isNumber && c.isASCII {
                liesZahl()
                continue
            }
            if c.isLetter || c == "_" || c == "§" {
                liesWort()
                continue
            }
            liesZeichen()
        }
        tokens.append(Token(art: .dateiende, text: "", position: Position(zeile: zeile, spalte: spalte, laenge: 1)))
    }

    private func istZeilenende(_ c: Character) -> Bool { c == "\n" || c == "\r\n" || c == "\r" }

    private mutating func weiter() {
        if istZeilenende(zeichen[i]) {
            zeile += 1
            spalte = 1
        } else {
            spalte += 1
        }
        i += 1
    }

    private mutating func liesWort() {
        let start = Position(zeile: zeile, spalte: spalte, laenge: 0)
        var s = ""
        while i < zeichen.count {
            let c = zeichen[i]
            if c.isLetter || c.isNumber || c == "_" || c == "§" {
                s.append(c)
                weiter()
            } else if c == "-", i + 1 < zeichen.count, zeichen[i + 1].isLetter || zeichen[i + 1].isNumber {
                // Hyphens join words (`JH-Z5`); a minus needs spaces around it.
                s.append(c)
                weiter()
            } else {
                break
            }
        }
        tokens.append(
            Token(art: .wort, text: s, position: Position(zeile: start.zeile, spalte: start.spalte, laenge: s.count)))
    }

    private mutating func liesZahl() {
        let start = Position(zeile: zeile, spalte: spalte, laenge: 0)
        var s = ""
        while i < zeichen.count {
            let c = zeichen[i]
            if c.isASCII && c.isNumber {
                s.append(c)
                weiter()
            } else if c == "," || c == ".", i + 1 < zeichen.count, zeichen[i + 1].isASCII, zeichen[i + 1].isNumber {
                s.append(c)
                weiter()
            } else {
                break
            }
        }
        tokens.append(
            Token(art: .zahl, text: s, position: Position(zeile: start.zeile, spalte: start.spalte, laenge: s.count)))
    }

    private mutating func liesText() {
        let startZeile = zeile, startSpalte = spalte
        let oeffnend = zeichen[i]
        let schliessend: Set<Character> = oeffnend == "\"" ? ["\""] : ["“", "\"", "”"]
        weiter()
        var s = ""
        var laenge = 1
        while i < zeichen.count {
            let c = zeichen[i]
            if schliessend.contains(c) {
                weiter()
                laenge += 1
                let ende = zeile == startZeile ? laenge : 1
                tokens.append(
                    Token(art: .text, text: s, position: Position(zeile: startZeile, spalte: startSpalte, laenge: ende))
                )
                return
            }
            if c == "\\", i + 1 < zeichen.count {
                let n = zeichen[i + 1]
                if n == "\"" || n == "\\" {
                    s.append(n)
                    weiter()
                    weiter()
                    laenge += 2
                    continue
                }
            }
            // A text ends on its line; long texts are written as several pieces "…" "…".
            if istZeilenende(c) { break }
            s.append(c)
            weiter()
            laenge += 1
        }
        probleme.append(
            (SyntaxMeldung.textOhneEnde, Position(zeile: startZeile, spalte: startSpalte, laenge: 1)))
        tokens.append(Token(art: .text, text: s, position: Position(zeile: startZeile, spalte: startSpalte, laenge: 1)))
    }

    private mutating func liesZeichen() {
        let pos = Position(zeile: zeile, spalte: spalte, laenge: 1)
        let c = zeichen[i]
        let naechstes: Character? = i + 1 < zeichen.count ? zeichen[i + 1] : nil
        func zwei(_ t: String) {
            weiter()
            weiter()
            tokens.append(
                Token(art: .zeichen, text: t, position: Position(zeile: pos.zeile, spalte: pos.spalte, laenge: 2)))
        }
        func eins(_ t: String) {
            weiter()
            tokens.append(Token(art: .zeichen, text: t, position: pos))
        }
        switch c {
        case "<" where naechstes == "=": zwei("<=")
        case ">" where naechstes == "=": zwei(">=")
        case "!" where naechstes == "=": zwei("!=")
        case "-" where naechstes == ">": zwei("->")
        case "=" where naechstes == "=": zwei("=")
        case "≤": eins("<=")
        case "≥": eins(">=")
        case "≠": eins("!=")
        case "→": eins("->")
        case "–", "−": eins("-")
        case "{", "}", "(", ")", "[", "]", ",", ";", "=", "<", ">", "+", "-", "*", "/", "%": eins(String(c))
        default:
            probleme.append((SyntaxMeldung.unerwartetesZeichen(zeichen: c), pos))
            weiter()
        }
    }
}
