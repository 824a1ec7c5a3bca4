import KennzahlBasis

extension Semantik {
    // MARK: Kennzahlen

    mutating func pruefeKennzahlen(
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
                melde(
                    .kennungZeichen(id: id, hex: Semantik.hex(u.value)), datei,
                    Position(zeile: k.id.position.zeile, spalte: spalte, laenge: 1))
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
                melde(
                    .kennzahlDoppelt(id: id, wie: wie, erste: ort(ersteDatei, ersteSyntax.id.position).kurz), datei,
                    k.id.position)
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

    static func platzhalter(_ k: KennzahlSyntax, datei: String) -> Kennzahl {
        Kennzahl(
            id: k.id.text, name: k.name.text, produkt: 0, definition: "", formel: .wert(.zahl(.null)), formelText: [],
            rhythmus: .quartal, regel: .stichtag, einheit: .anzahl, dezimalen: 0, mindestfallzahl: 3, zielwert: nil,
            ampel: [],
            ort: Ort(datei: datei, zeile: k.position.zeile, spalte: k.position.spalte))
    }

    static func kennzahlVerweise(_ k: KennzahlSyntax) -> [Name] {
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

    static func hatZaehlung(_ a: Ausdruck) -> Bool {
        switch a {
        case .zaehlung: return true
        case .binaer(_, let l, let r, _): return hatZaehlung(l) || hatZaehlung(r)
        case .klammer(let x): return hatZaehlung(x)
        case .funktion(_, let argumente): return argumente.contains(where: hatZaehlung)
        case .zahl, .kennzahl, .anteil: return false
        }
    }

    /// Reports every cycle among the nodes `imKreis` once, with its path: walks from a node along
    /// references that stay among them until a node repeats (iteratively).
    mutating func meldeZyklen(_ kanten: [[Int]], _ imKreis: [Int], _ liste: [(String, KennzahlSyntax)]) {
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
                melde(
                    .verweisKreis(kette: kreis.map { liste[$0].1.id.text }.joined(separator: " → ")), datei,
                    syntax.id.position)
            }
            erledigt.formUnion(pfad)
        }
    }
}
