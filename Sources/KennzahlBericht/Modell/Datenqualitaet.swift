import KennzahlAuswertung
import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// The data-quality note every report carries, and the closing notes.
package enum Datenqualitaet {
    /// The section's title, by which formats with parts of their own (a workbook's sheet) find it.
    static let titel = "Datenqualität"

    static func abschnitt(_ g: Berichtsgrundlage) -> Abschnitt {
        g.oeffentlich ? oeffentlich(g) : intern(g)
    }

    /// Public sets count no rows: a row count of a source is a count of cases (a source with two
    /// cases in the period would print "übernommen 2" beside a withheld value), and a rejected
    /// row's line number tells how long a file is. Per source only its files and whether every
    /// data row was taken; the details stay in the internal report and in `kennzahl check`.
    private static func oeffentlich(_ g: Berichtsgrundlage) -> Abschnitt {
        let statistik = g.auswertung.statistik.filter { g.berichtsdateien?.contains($0.pfad) ?? true }
        var zeilen: [[Zelle]] = []
        for q in g.katalog.quellen {
            let s = statistik.filter { $0.quelle == q.id }
            let verworfen = s.contains { $0.verworfenGesamt > 0 }
            zeilen.append([
                .text(q.titel), .zahl(Bruch(s.count), dezimalen: 0, suffix: ""),
                .text(
                    s.isEmpty
                        ? "keine Datei" : verworfen ? "einzelne Zeilen verworfen" : "alle Datenzeilen übernommen"),
            ])
        }
        var a = Abschnitt(
            titel: Self.titel,
            tabelle: Tabelle(
                spalten: [Spalte("Quelle"), Spalte("Dateien", rechtsbuendig: true), Spalte("Datenzeilen")],
                zeilen: zeilen))
        a.absaetze = [
            "Öffentliche Berichte nennen keine Zeilenzahlen: auch sie wären Fallzahlen. Zahl und Gründe verworfener "
                + "Zeilen stehen im internen Bericht und in 'kennzahl check --data'. Verworfene Zeilen zählen nicht mit."
        ]
        return a
    }

    private static func intern(_ g: Berichtsgrundlage) -> Abschnitt {
        let titel = [
            "Zeilen in den Dateien", "Kopfzeilen", "leer", "übernommen", "verworfen", "in mehrzeiligen Feldern",
        ]
        let spalten =
            [Spalte("Quelle"), Spalte("Dateien", rechtsbuendig: true)] + titel.map { Spalte($0, rechtsbuendig: true) }
            + [Spalte("Gründe")]
        /// Per file: physical lines and what became of them (the sum of the last five is the first).
        func bilanz(_ s: DateiStatistik) -> [Int] {
            [s.physischeZeilen, s.kopfzeilen, s.leereZeilen, s.uebernommen, s.verworfenGesamt, s.folgezeilen]
        }
        func anzahl(_ n: Int) -> Zelle { .zahl(Bruch(n), dezimalen: 0, suffix: "") }
        var zeilen: [[Zelle]] = []
        var zusammen = [Int](repeating: 0, count: titel.count)
        let statistik = g.auswertung.statistik.filter { g.berichtsdateien?.contains($0.pfad) ?? true }
        for q in g.katalog.quellen {
            let s = statistik.filter { $0.quelle == q.id }
            var summe = [Int](repeating: 0, count: titel.count)
            var gruende: [String: Int] = [:]
            for d in s {
                for (i, n) in bilanz(d).enumerated() { summe[i] += n }
                for (k, n) in d.verworfen { gruende[k, default: 0] += n }
            }
            for i in summe.indices { zusammen[i] += summe[i] }
            let text = gruende.keys.sorted().map {
                "\(Zahlformat.deutsch(Bruch(gruende[$0] ?? 0), dezimalen: 0)) × \($0)"
            }.joined(separator: ", ")
            zeilen.append([.text(q.titel), anzahl(s.count)] + summe.map(anzahl) + [.text(text)])
        }
        zeilen.append([.text("Zusammen"), anzahl(statistik.count)] + zusammen.map(anzahl) + [.leer])
        var a = Abschnitt(titel: Self.titel, tabelle: Tabelle(spalten: spalten, zeilen: zeilen))
        a.absaetze = [
            "Jede Zeile jeder Exportdatei ist verbucht: als Kopfzeile, als leere Zeile, als übernommene oder als verworfene Datenzeile "
                + "oder als weitere Zeile eines Datensatzes, dessen Feld in Anführungszeichen einen Zeilenumbruch enthält. "
                + "Verworfene Zeilen zählen nicht mit."
        ]
        let grenze = 10
        a.liste = g.datenwarnungen.prefix(grenze).map(g.anzeige)
        if g.datenwarnungen.count > grenze {
            let weitere = g.datenwarnungen.count - grenze
            a.liste.append(
                "… und \(Zahlformat.deutsch(Bruch(weitere), dezimalen: 0)) \(weitere == 1 ? "weiterer Hinweis" : "weitere Hinweise"); "
                    + "'kennzahl check --data' zeigt alle Hinweise, je Datei die ersten \(QuellenLeser.detailGrenze) verworfenen Zeilen einzeln."
            )
        }
        return a
    }

    static func hinweise(_ g: Berichtsgrundlage) -> [String] {
        [
            g.oeffentlich
                ? "Öffentlicher Bericht: Werte unter \(g.katalog.mindestfallzahl) Fällen (oder der Mindestfallzahl der Kennzahl) und Werte, aus denen sie sich errechnen ließen, sind als „.“ nicht ausgewiesen."
                : "Interner Bericht: kleine Fallzahlen sind nicht unterdrückt (keine Geheimhaltungsprüfung); nicht zur Veröffentlichung bestimmt.",
            "Erstellt mit kennzahl aus dem Katalog „\(g.katalog.name)“. Definitionen, Formeln und Ampelregeln: katalog.html.",
        ]
    }

    /// A value as words for running text: "74,0 %", "– (kein Wert)".
    package static func wortwert(_ w: Kennwert, _ k: Kennzahl) -> String {
        switch w.zustand {
        case .wert(let b): return Zahlformat.mitEinheit(b, k.einheit, dezimalen: k.dezimalen)
        case .nennerNull: return "– (kein Wert)"
        case .keineDaten, .ueberlauf: return ". (keine Daten)"
        case .nurGesamt: return "x (nur Gesamtstadt)"
        case .geheim: return ". (nicht ausgewiesen)"
        }
    }
}
