import KennzahlBasis

extension Semantik {
    mutating func bedingung(_ f: Filter, quelle: Quelle, datei: String) -> Bedingung? {
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
            return liste(n, werte, negiert: negiert, quelle: quelle, datei: datei)
        case .zwischen(let n, let a, let b):
            return zwischen(n, a, b, quelle: quelle, datei: datei)
        }
    }

    /// `feld in ("a", "b")` or `nicht in`: a set of texts, or equalities joined by `oder`.
    private mutating func liste(_ n: Name, _ werte: [Literal], negiert: Bool, quelle: Quelle, datei: String)
        -> Bedingung?
    {
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
    }

    /// `feld zwischen a und b` for numbers, dates and the age from a birth date.
    private mutating func zwischen(_ n: Name, _ a: Literal, _ b: Literal, quelle: Quelle, datei: String) -> Bedingung? {
        if Semantik.istAlterAusGeburtsdatum(n, quelle) {
            guard let x = zahlWert(a, feld: Semantik.alterFeld, datei: datei),
                let y = zahlWert(b, feld: Semantik.alterFeld, datei: datei)
            else { return nil }
            if y < x { melde(.zwischenGrenzenVertauscht, datei, a.position) }
            return .alter(.zahlZwischen(x, y))
        }
        guard let fi = feld(n, quelle: quelle, datei: datei) else { return nil }
        let f = quelle.felder[fi]
        switch f.typ {
        case .zahl:
            guard let x = zahlWert(a, feld: f, datei: datei), let y = zahlWert(b, feld: f, datei: datei) else {
                return nil
            }
            if y < x { melde(.zwischenGrenzenVertauscht, datei, a.position) }
            return .atom(feld: fi, .zahlZwischen(x, y))
        case .datum:
            guard let x = tagWert(a, feld: f, datei: datei), let y = tagWert(b, feld: f, datei: datei) else {
                return nil
            }
            if y < x { melde(.zwischenGrenzenVertauscht, datei, a.position) }
            return .atom(feld: fi, .tagZwischen(x, y))
        case .text:
            melde(.zwischenBeiText(feld: f.name), datei, n.position)
            return nil
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

    mutating func vergleich(_ fi: Int, _ v: Vergleich, _ l: Literal, quelle: Quelle, datei: String)
        -> Bedingung?
    {
        let f = quelle.felder[fi]
        switch f.typ {
        case .text:
            guard v == .gleich || v == .ungleich else {
                melde(.vergleichBeiText(feld: f.name), datei, l.position)
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

    mutating func feld(_ n: Name, quelle: Quelle, datei: String) -> Int? {
        if let i = quelle.feldIndex(n.text) { return i }
        var namen = quelle.felder.map(\.name)
        if quelle.geburtsdatumSpalte != nil { namen.append("alter") }
        let hinweis =
            Schreibweise.normalisiert(n.text) == "alter" && quelle.geburtsdatumSpalte == nil
            ? " (das Alter am Stichtag braucht 'geburtsdatum \"Spalte\"' in der Quelle)" : ""
        melde(
            .filterfeldFehlt(quelle: quelle.id, feld: n.text, hinweis: hinweis), datei, n.position,
            vorschlag: Aehnlichkeit.vorschlag(fuer: n.text, aus: namen))
        return nil
    }

    mutating func textWert(_ l: Literal, feld: Feld, datei: String) -> String? {
        guard case .text(let t) = l else {
            melde(.textwertErwartet(feld: feld.name), datei, l.position)
            return nil
        }
        if !feld.zielwerte.isEmpty && !feld.zielwerte.contains(t.text) {
            melde(
                .unbekannterWert(wert: t.text, feld: feld.name, werte: feld.zielwerte.joined(separator: ", ")), datei,
                t.position, vorschlag: Aehnlichkeit.vorschlag(fuer: t.text, aus: feld.zielwerte))
            return nil
        }
        return t.text
    }

    mutating func zahlWert(_ l: Literal, feld: Feld, datei: String) -> Bruch? {
        guard case .zahl(let z) = l else {
            melde(.zahlErwartet(feld: feld.name), datei, l.position)
            return nil
        }
        return z.wert
    }

    mutating func tagWert(_ l: Literal, feld: Feld, datei: String) -> Tag? {
        guard case .text(let t) = l, let tag = DatumLeser.tag(aus: t.text) else {
            melde(.datumErwartet(feld: feld.name), datei, l.position)
            return nil
        }
        return tag
    }
}
