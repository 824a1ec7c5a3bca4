/// The data-quality note every report carries, and the closing notes.
enum Datenqualitaet {
    static func abschnitt(_ g: Berichtsgrundlage) -> Abschnitt {
        var spalten = [Spalte("Quelle"), Spalte("Dateien", rechtsbuendig: true), Spalte("Zeilen gelesen", rechtsbuendig: true),
                       Spalte("übernommen", rechtsbuendig: true), Spalte("verworfen", rechtsbuendig: true)]
        spalten.append(Spalte("Gründe"))
        var zeilen: [[Zelle]] = []
        var gelesen = 0, uebernommen = 0, verworfen = 0
        for q in g.katalog.quellen {
            let s = g.auswertung.statistik.filter { $0.quelle == q.id }
            let l = s.reduce(0) { $0 + $1.zeilenGelesen }, u = s.reduce(0) { $0 + $1.uebernommen }, v = s.reduce(0) { $0 + $1.verworfenGesamt }
            gelesen += l
            uebernommen += u
            verworfen += v
            var gruende: [String: Int] = [:]
            for d in s { for (k, n) in d.verworfen { gruende[k, default: 0] += n } }
            let text = gruende.keys.sorted().map { "\(gruende[$0] ?? 0) × \($0)" }.joined(separator: ", ")
            zeilen.append([.text(q.titel), .zahl(Bruch(s.count), dezimalen: 0, suffix: ""), .zahl(Bruch(l), dezimalen: 0, suffix: ""),
                           .zahl(Bruch(u), dezimalen: 0, suffix: ""), .zahl(Bruch(v), dezimalen: 0, suffix: ""), .text(text)])
        }
        zeilen.append([.text("Zusammen"), .zahl(Bruch(g.auswertung.statistik.count), dezimalen: 0, suffix: ""),
                       .zahl(Bruch(gelesen), dezimalen: 0, suffix: ""), .zahl(Bruch(uebernommen), dezimalen: 0, suffix: ""),
                       .zahl(Bruch(verworfen), dezimalen: 0, suffix: ""), .leer])
        var a = Abschnitt(titel: "Datenqualität", tabelle: Tabelle(spalten: spalten, zeilen: zeilen))
        a.absaetze = ["Jede Zeile jeder Exportdatei wurde entweder übernommen oder mit Grund verworfen; verworfene Zeilen zählen nicht mit."]
        let grenze = 10
        a.liste = g.datenwarnungen.prefix(grenze).map(g.anzeige)
        if g.datenwarnungen.count > grenze {
            a.liste.append("… und \(g.datenwarnungen.count - grenze) weitere Hinweise; alle zeigt 'kennzahl check --data'.")
        }
        return a
    }

    static func hinweise(_ g: Berichtsgrundlage) -> [String] {
        [g.oeffentlich
            ? "Öffentlicher Bericht: Werte unter \(g.katalog.mindestfallzahl) Fällen (oder der Mindestfallzahl der Kennzahl) und Werte, aus denen sie sich errechnen ließen, sind als „.“ nicht ausgewiesen."
            : "Interner Bericht: kleine Fallzahlen sind nicht unterdrückt (keine Geheimhaltungsprüfung); nicht zur Veröffentlichung bestimmt.",
         "Erstellt mit kennzahl aus dem Katalog „\(g.katalog.name)“. Definitionen, Formeln und Ampelregeln: katalog.html."]
    }

    /// A value as words for running text: "74,0 %", "– (kein Wert)".
    static func wortwert(_ w: Kennwert, _ k: Kennzahl) -> String {
        switch w.zustand {
        case .wert(let b): return Zahlformat.mitEinheit(b, k.einheit, dezimalen: k.dezimalen)
        case .nennerNull: return "– (kein Wert)"
        case .keineDaten, .ueberlauf: return ". (keine Daten)"
        case .nurGesamt: return "x (nur Gesamtstadt)"
        case .geheim: return ". (nicht ausgewiesen)"
        }
    }
}
