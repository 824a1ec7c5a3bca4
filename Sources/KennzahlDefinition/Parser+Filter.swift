import KennzahlBasis

extension Parser {
    // MARK: Filters

    mutating func filterAusdruck() -> Filter? {
        kette({ $0.filterUnd() }) { p in
            guard p.istWort("oder") else { return nil }
            _ = p.naechstes()
            return { .oder($0, $1) }
        }
    }

    mutating func filterUnd() -> Filter? {
        kette({ $0.filterNicht() }) { p in
            guard p.istWort("und") else { return nil }
            _ = p.naechstes()
            return { .und($0, $1) }
        }
    }

    mutating func filterNicht() -> Filter? {
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

    mutating func filterAtom() -> Filter? {
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

    mutating func literal() -> Literal? {
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

    mutating func liste() -> [Literal]? {
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
