import KennzahlBasis

/// Turns parsed definition files into a checked `Katalog`: resolves every name, checks types,
/// references and cycles, fills documented defaults. Collects all problems.
struct Semantik {
    var diagnosen: [Diagnose] = []
    /// Errors among `diagnosen` (counted as they come: checking a Kennzahl compares counts).
    var fehlerzahl = 0
    var warnteOhneEnde = Set<String>()
    var zeilenJeDatei: [String: [String]] = [:]

    static func pruefe(_ dateien: [DefinitionsDatei]) -> (Katalog?, [Diagnose]) {
        var s = Semantik()
        for d in dateien { s.zeilenJeDatei[d.pfad] = d.zeilen }
        let k = s.baue(dateien)
        let hatFehler = s.diagnosen.contains { $0.schwere == .fehler }
        return (hatFehler ? nil : k, s.diagnosen)
    }

    // MARK: Diagnostics helpers

    func ort(_ datei: String, _ pos: Position) -> Ort {
        let zeilen = zeilenJeDatei[datei] ?? []
        let text = pos.zeile >= 1 && pos.zeile <= zeilen.count ? zeilen[pos.zeile - 1] : nil
        return Ort(datei: datei, zeile: pos.zeile, spalte: pos.spalte, laenge: max(1, pos.laenge), quelltext: text)
    }

    /// Reports a catalogue message at a place; `vorschlag` is a plausible correction.
    mutating func melde(_ meldung: SemantikMeldung, _ datei: String, _ pos: Position, vorschlag: String? = nil) {
        diagnosen.append(Diagnose(meldung, ort: ort(datei, pos), hinweis: vorschlag.map { "meinten Sie '\($0)'?" }))
        if meldung.schwere == .fehler { fehlerzahl += 1 }
    }

    // MARK: Building

    mutating func baue(_ dateien: [DefinitionsDatei]) -> Katalog? {
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
                Diagnose(SemantikMeldung.keinKatalog, ort: Ort(datei: dateien.first?.pfad ?? "Definitionen")))
            return nil
        }
        for (datei, weitere) in kataloge.dropFirst() {
            melde(.katalogDoppelt(erste: kDatei), datei, weitere.position)
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
        if let k = kSyntax.karte {
            // The file is named relative to the catalogue file's folder.
            let ordner = kDatei.lastIndex(of: "/").map { String(kDatei[..<$0]) } ?? "."
            katalog.karte = Kartenangabe(
                datei: k.datei.text.hasPrefix("/") ? k.datei.text : Pfad.verbinde(ordner, k.datei.text),
                eigenschaft: k.eigenschaft?.text ?? "name", schematisch: k.schematisch)
        }
        katalog.sozialraeume = pruefeSozialraeume(raeume)
        if katalog.sozialraeume.isEmpty {
            melde(.keineSozialraeume, kDatei, kSyntax.position)
        }
        pruefeQuellen(quellen, einwohner: kSyntax.einwohner, katalogDatei: kDatei, in: &katalog)
        var ampelVorlagen: [String: [AmpelRegelSyntax]] = [:]
        for (datei, v) in vorlagen {
            if ampelVorlagen[v.name.text] != nil {
                melde(.vorlageDoppelt(name: v.name.text), datei, v.name.position)
            }
            ampelVorlagen[v.name.text] = v.regeln
        }
        pruefeKennzahlen(kennzahlen, vorlagen: ampelVorlagen, in: &katalog)
        for (datei, t) in tests {
            if let test = pruefeTest(t, datei: datei, katalog: katalog) { katalog.tests.append(test) }
        }
        return katalog
    }

    /// The sources, each id once, and the population source the catalogue names.
    private mutating func pruefeQuellen(
        _ quellen: [(String, QuelleSyntax)], einwohner: Name?, katalogDatei kDatei: String, in katalog: inout Katalog
    ) {
        for (datei, q) in quellen {
            if let index = katalog.quellen.firstIndex(where: { $0.id == q.name.text }) {
                melde(
                    .quelleDoppelt(quelle: q.name.text, erste: katalog.quellen[index].ort.kurz), datei, q.name.position)
                continue
            }
            if let quelle = pruefeQuelle(q, datei: datei) { katalog.quellen.append(quelle) }
        }
        if let e = einwohner {
            if let i = katalog.quellen.firstIndex(where: { $0.id == e.text }) {
                if katalog.quellen[i].art != .zahlen {
                    melde(.bevoelkerungKeineZahlen(quelle: e.text), kDatei, e.position)
                }
                katalog.einwohnerQuelle = i
            } else {
                melde(
                    .unbekannteBevoelkerungsquelle(quelle: e.text), kDatei, e.position,
                    vorschlag: Aehnlichkeit.vorschlag(fuer: e.text, aus: katalog.quellen.map(\.id)))
            }
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
