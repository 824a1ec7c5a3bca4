import KennzahlBasis

extension Semantik {
    mutating func term(
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
                melde(
                    .unbekannteKennzahl(id: n.text), datei, n.position,
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
                melde(
                    .unbekannteFunktion(
                        name: n.text, erlaubt: Funktion.allCases.map(\.rawValue).joined(separator: ", ")), datei,
                    n.position,
                    vorschlag: Aehnlichkeit.vorschlag(
                        fuer: Schreibweise.normalisiert(n.text), aus: Funktion.allCases.map(\.rawValue)))
                return nil
            }
            if argumente.count < 2 {
                melde(.funktionBrauchtZweiWerte(funktion: f.rawValue), datei, n.position)
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

    mutating func zaehlung(_ z: ZaehlungSyntax, datei: String, regel: Zaehlregel, katalog: inout Katalog)
        -> Term?
    {
        let quellIndex: Int
        var effektiveRegel = regel
        switch z.art {
        case .bevoelkerung:
            guard let e = katalog.einwohnerQuelle else {
                melde(.bevoelkerungOhneQuelle, datei, z.position)
                return nil
            }
            quellIndex = e
            effektiveRegel = .stichtag
        case .anzahl, .summe, .verschieden:
            guard let q = z.quelle else { return nil }
            guard let i = katalog.quellen.firstIndex(where: { $0.id == q.text }) else {
                melde(
                    .unbekannteQuelle(id: q.text), datei, q.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: q.text, aus: katalog.quellen.map(\.id)))
                return nil
            }
            quellIndex = i
        }
        let quelle = katalog.quellen[quellIndex]
        guard let art = zaehlArt(z, quelle: quelle, datei: datei),
            passtZurRegel(z, quelle: quelle, regel: effektiveRegel, datei: datei)
        else { return nil }
        var bedingung: Bedingung?
        if let f = z.filter {
            guard let b = self.bedingung(f, quelle: quelle, datei: datei) else { return nil }
            bedingung = b
        }
        katalog.zaehlungen.append(Zaehlung(quelle: quellIndex, art: art, bedingung: bedingung, regel: effektiveRegel))
        return .zaehlung(katalog.zaehlungen.count - 1)
    }

    /// What a count counts: rows, distinct values of a field, or the sum of a number field.
    private mutating func zaehlArt(_ z: ZaehlungSyntax, quelle: Quelle, datei: String) -> Zaehlung.Art? {
        switch z.art {
        case .anzahl:
            if quelle.art == .zahlen {
                melde(.zahlenquelleSumme(quelle: quelle.id), datei, z.position)
                return nil
            }
            return .anzahl
        case .verschieden(let f):
            if quelle.art == .zahlen {
                melde(.zahlenquelleVerschiedene(quelle: quelle.id), datei, z.position)
                return nil
            }
            guard let fi = quelle.feldIndex(f.text) else {
                melde(
                    .quelleOhneFeld(quelle: quelle.id, feld: f.text), datei, f.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: f.text, aus: quelle.felder.map(\.name)))
                return nil
            }
            return .verschieden(fi)
        case .summe(let feld):
            if let f = feld {
                guard let fi = quelle.feldIndex(f.text) else {
                    melde(
                        .quelleOhneFeld(quelle: quelle.id, feld: f.text), datei, f.position,
                        vorschlag: Aehnlichkeit.vorschlag(fuer: f.text, aus: quelle.felder.map(\.name)))
                    return nil
                }
                if quelle.felder[fi].typ != .zahl {
                    melde(.feldNichtSummierbar(feld: f.text), datei, f.position)
                    return nil
                }
                return .summe(fi)
            } else {
                if quelle.art != .zahlen {
                    melde(.summeOhneZahlenfeld(quelle: quelle.id), datei, z.position)
                    return nil
                }
                return .summe(nil)
            }
        case .bevoelkerung:
            return .summe(nil)
        }
    }

    /// Whether the counting rule fits the source (events, open cases, delivered numbers).
    private mutating func passtZurRegel(
        _ z: ZaehlungSyntax, quelle: Quelle, regel effektiveRegel: Zaehlregel, datei: String
    )
        -> Bool
    {
        if quelle.art == .faelle && z.art.istZaehlungVonFaellen {
            if quelle.beginnSpalte != nil && quelle.beginnSpalte == quelle.endeSpalte && effektiveRegel == .stichtag {
                melde(.ereignisseAmStichtag(quelle: quelle.id), datei, z.position)
                return false
            }
            if quelle.endeSpalte == nil && effektiveRegel != .zugaenge
                && !warnteOhneEnde.contains(quelle.id + "\u{0}" + datei)
            {
                warnteOhneEnde.insert(quelle.id + "\u{0}" + datei)
                melde(.ohneEndeSpalte(quelle: quelle.id), datei, z.position)
            }
        }
        if quelle.art == .zahlen && effektiveRegel == .imVerlauf {
            melde(.zahlenquelleImVerlauf(quelle: quelle.id), datei, z.position)
            return false
        }
        return true
    }
}
