import KennzahlBasis
import KennzahlDefinition

/// The catalogue as a document (`katalog.md`, `katalog.html`): every Kennzahl with its definition,
/// formula, source, period rule, unit, Zielwert and Ampel rules; the Sozialräume and the sources.
package enum KatalogBericht {
    package static func baue(_ g: Berichtsgrundlage) -> Bericht {
        let k = g.katalog
        var abschnitte: [Abschnitt] = []
        abschnitte.append(
            Abschnitt(
                titel: "Zählregeln",
                liste: [
                    "Stichtag: Fälle, die am letzten Tag des Zeitraums laufen (Beginn am oder vor dem Stichtag, Ende leer oder am/nach dem Stichtag).",
                    "Zugänge: Fälle, die im Zeitraum begonnen haben.",
                    "im Verlauf: Fälle, die an mindestens einem Tag des Zeitraums liefen; jeder Fall zählt einmal, auch wenn er in mehreren Quartalsexporten steht (es gilt sein jüngster Export).",
                    "Ein leeres Ende heißt: der Fall läuft noch. Ein leerer Sozialraum zählt in \(k.gesamtName) als „\(k.ohneZuordnungName)“; ein unbekannter Sozialraum wird als Datenfehler verworfen.",
                    "Jährliche Kennzahlen zeigen im Quartalsbericht das Jahr bis zum Quartalsende; im Bericht zum 4. Quartal also das ganze Jahr.",
                    "Raten je Einwohner beziehen sich auf die Bevölkerung desselben Gebiets und Jahres.",
                ]))
        for p in k.produkte {
            let liste = k.kennzahlen.filter { $0.produkt == p.nummer }
            if p.istAmpel && liste.isEmpty {
                abschnitte.append(
                    Abschnitt(
                        titel: "Produkt \(p.nummer) – \(p.titel)",
                        absaetze: [
                            "Die Ampel schaltet jede Kennzahl mit Ampelregeln; die Regeln stehen bei der jeweiligen Kennzahl."
                        ]))
                continue
            }
            abschnitte.append(
                Abschnitt(
                    titel: "Produkt \(p.nummer) – \(p.titel)",
                    absaetze: ["\(liste.count) Kennzahlen."]))
            for kz in liste {
                var a = Abschnitt(titel: "\(kz.id) – \(kz.name)", tabelle: steckbrief(kz, g))
                a.anker = KatalogBericht.anker(kz)
                abschnitte.append(a)
            }
        }
        abschnitte.append(Abschnitt(titel: "Sozialräume", tabelle: sozialraeume(k)))
        abschnitte.append(Abschnitt(titel: "Quellen", tabelle: quellen(k)))
        return Bericht(
            dateiname: "katalog", titel: "Kennzahlenkatalog – \(k.name)", gebiet: k.gesamtName,
            kopfzeilen: [
                g.periodenzeile,
                "\(k.kennzahlen.count) Kennzahlen in \(k.produkte.count) Produkten, \(k.quellen.count) Quellen",
            ],
            abschnitte: abschnitte, hinweise: [], csvTabelle: nil)
    }

    /// The anchor of a Kennzahl's entry in katalog.html.
    static func anker(_ kz: Kennzahl) -> String { "k-" + Slug.aus(kz.id) }

    private static func steckbrief(_ kz: Kennzahl, _ g: Berichtsgrundlage) -> Tabelle {
        let k = g.katalog
        var z: [(String, String)] = [
            ("Kennung", kz.id), ("Name", kz.name), ("Produkt", "\(kz.produkt) – \(k.produkt(kz.produkt)?.titel ?? "")"),
        ]
        if let b = kz.bereich { z.append(("Bereich", b)) }
        if let a = kz.arbeitsfeld { z.append(("Arbeitsfeld", a + (k.arbeitsfeld(a).map { " – " + $0.name } ?? ""))) }
        if let n = kz.ziel { z.append(("Strategisches Ziel", "\(n)" + (k.ziel(n).map { " – " + $0.text } ?? ""))) }
        z.append(("Definition", kz.definition.isEmpty ? "(keine Definition hinterlegt)" : kz.definition))
        for (teil, text) in kz.formelText {
            let name = teil == "wert" ? "Formel" : teil == "zaehler" ? "Zähler" : "Nenner"
            z.append((name, text))
        }
        let rhythmus = kz.rhythmus == .quartal ? "vierteljährlich" : "jährlich"
        let regel: String
        switch kz.regel {
        case .stichtag: regel = "Stichtag (Fälle am letzten Tag des Zeitraums)"
        case .zugaenge: regel = "Zugänge (im Zeitraum begonnen)"
        case .imVerlauf: regel = "im Verlauf (an mindestens einem Tag des Zeitraums offen)"
        }
        z.append(("Zeitraum", rhythmus + ", " + regel))
        z.append(("Einheit", Zahlformat.einheitName(kz.einheit) + ", \(kz.dezimalen) Nachkommastellen"))
        z.append(("Zielwert", kz.zielwert?.text(kz.einheit) ?? "kein Zielwert festgelegt"))
        z.append(("Ampelregeln", kz.ampel.isEmpty ? "keine" : kz.ampel.map(\.text).joined(separator: "; ")))
        z.append(
            (
                "Mindestfallzahl",
                "\(kz.mindestfallzahl) (öffentliche Berichte weisen Werte unter \(kz.mindestfallzahl) nicht aus)"
            ))
        if let q = kz.quelle { z.append(("Quelle", q)) }
        if let v = kz.verantwortlich { z.append(("Verantwortlich", v)) }
        if let f = kz.fussnote { z.append(("Fußnote", f)) }
        var ort = kz.ort
        ort.datei = g.anzeigepfad(ort.datei)
        z.append(("Festgelegt in", ort.kurz))
        return Tabelle(spalten: [Spalte("Merkmal"), Spalte("Angabe")], zeilen: z.map { [.text($0.0), .text($0.1)] })
    }

    private static func sozialraeume(_ k: Katalog) -> Tabelle {
        Tabelle(
            spalten: [Spalte("Sozialraum"), Spalte("Ordner"), Spalte("weitere Schreibweisen"), Spalte("Stadtviertel")],
            zeilen: k.sozialraeume.map {
                [
                    .text($0.name), .text($0.slug), .text($0.codes.joined(separator: ", ")),
                    .text($0.stadtviertel.joined(separator: ", ")),
                ]
            })
    }

    private static func quellen(_ k: Katalog) -> Tabelle {
        Tabelle(
            spalten: [Spalte("Kennung"), Spalte("Titel"), Spalte("Art"), Spalte("Dateien"), Spalte("Spalten")],
            zeilen: k.quellen.map { q in
                var sp: [String] = []
                if let i = q.idSpalte { sp.append("Fallnummer: \(i)") }
                switch q.gebiet {
                case .sozialraum(let s): sp.append("Sozialraum: \(s)")
                case .stadtviertel(let s): sp.append("Stadtviertel: \(s)")
                case .keine: sp.append("nur Gesamtstadt")
                }
                if let b = q.beginnSpalte {
                    sp.append(q.endeSpalte == b ? "Datum: \(b)" : "Beginn: \(b)")
                }
                if let e = q.endeSpalte, e != q.beginnSpalte { sp.append("Ende: \(e)") }
                if let a = q.anzahlSpalte { sp.append("Anzahl: \(a)") }
                for f in q.felder { sp.append("\(f.name): \(f.spalte)") }
                return [
                    .text(q.id), .text(q.titel), .text(q.art == .faelle ? "Fallliste" : "gelieferte Zahlen"),
                    .text(q.dateimuster), .text(sp.joined(separator: "; ")),
                ]
            })
    }
}
