import Foundation
import KennzahlBasis
import KennzahlDefinition

/// The period one export file covers, read from its name.
package enum Dateiperiode: Hashable, Sendable, Comparable {
    case quartal(Quartal)
    case jahr(Int)
    /// No period in the name: the file covers every period (e.g. a full case history).
    case alle

    /// First and last quarter covered (`alle`: unbounded).
    package var spanne: (von: Int, bis: Int) {
        switch self {
        case .quartal(let q): return (q.index, q.index)
        case .jahr(let j): return (j * 4, j * 4 + 3)
        case .alle: return (Int.min, Int.max)
        }
    }

    package static func < (a: Dateiperiode, b: Dateiperiode) -> Bool {
        a.spanne.von != b.spanne.von ? a.spanne.von < b.spanne.von : a.spanne.bis < b.spanne.bis
    }

    var name: String {
        switch self {
        case .quartal(let q): return q.name
        case .jahr(let j): return String(j)
        case .alle: return "alle Zeiträume"
        }
    }
}

/// One export file found for a source.
package struct Exportdatei: Hashable, Sendable {
    /// Path as shown to users: data folder joined with the relative name.
    package var pfad: String
    package var periode: Dateiperiode

    package init(pfad: String, periode: Dateiperiode) {
        self.pfad = pfad
        self.periode = periode
    }
}

/// The export files of a data folder, matched to the catalogue's sources by their file patterns.
package struct Datenbestand: Sendable {
    var ordner: String
    /// Per source (catalogue order): its files, sorted by period.
    package var dateien: [[Exportdatei]]
    /// Declared Stand date of the delivery (`stand.txt`), if any.
    package var stand: Tag?

    package init(ordner: String, dateien: [[Exportdatei]], stand: Tag?) {
        self.ordner = ordner
        self.dateien = dateien
        self.stand = stand
    }

    /// Finds the files of every source. Problems (no file for a source, gaps) become diagnostics.
    package static func finde(ordner: String, katalog: Katalog) -> (Datenbestand?, [Diagnose]) {
        guard let modus = Dateisystem.modus(ordner) else {
            return (nil, [Diagnose(DatenMeldung.datenordnerFehlt, ort: Ort(datei: ordner))])
        }
        guard modus & S_IFMT == S_IFDIR else {
            return (
                nil,
                [Diagnose(DatenMeldung.datenordnerKeinOrdner(art: Dateisystem.art(modus)), ort: Ort(datei: ordner))]
            )
        }
        // One error for a folder that cannot be listed, not one per source.
        if case .failure(let p) = Dateisystem.inhalt(ordner) {
            let grund: String
            if case .system(let e) = p { grund = Dateisystem.fehlertext(e) } else { grund = p.text }
            return (nil, [Diagnose(DatenMeldung.datenordnerNichtLesbar(grund: grund), ort: Ort(datei: ordner))])
        }
        var diagnosen: [Diagnose] = []
        var alle: [[Exportdatei]] = []
        var inhalte: [String: [String]] = [:]
        var zugeordnet = Set<String>()
        var unlesbar = Set<String>()
        for q in katalog.quellen {
            let (unterordner, dateimuster) = teile(q.dateimuster)
            let verzeichnis = Pfad.verbinde(ordner, unterordner)
            let namen: [String]
            if let n = inhalte[verzeichnis] {
                namen = n
            } else {
                switch Dateisystem.inhalt(verzeichnis) {
                case .success(let n): namen = n
                case .failure(.fehlt): namen = []
                case .failure(let p):
                    namen = []
                    if unlesbar.insert(verzeichnis).inserted {
                        let grund: String
                        if case .system(let e) = p { grund = Dateisystem.fehlertext(e) } else { grund = p.text }
                        diagnosen.append(
                            Diagnose(DatenMeldung.ordnerNichtLesbar(grund: grund), ort: Ort(datei: verzeichnis)))
                    }
                }
                inhalte[verzeichnis] = namen
            }
            var gefunden: [Exportdatei] = []
            for name in namen {
                guard let periode = passt(name, muster: dateimuster) else { continue }
                let pfad = Pfad.verbinde(verzeichnis, name)
                zugeordnet.insert(pfad)
                // Only regular files: a FIFO would make reading wait forever.
                if let m = Dateisystem.modus(pfad), m & S_IFMT != S_IFREG {
                    diagnosen.append(
                        Diagnose(
                            DatenMeldung.keineGewoehnlicheDatei(
                                grund: Dateisystem.Problem.keineDatei(Dateisystem.art(m)).text),
                            ort: Ort(datei: pfad))
                    )
                    continue
                }
                gefunden.append(Exportdatei(pfad: pfad, periode: periode))
            }
            gefunden.sort { $0.periode < $1.periode }
            if gefunden.isEmpty && !unlesbar.contains(verzeichnis) {
                diagnosen.append(
                    Diagnose(
                        DatenMeldung.keineDatei(quelle: q.id, muster: q.dateimuster), ort: Ort(datei: verzeichnis)))
            }
            diagnosen += luecken(gefunden, quelle: q, verzeichnis: verzeichnis)
            alle.append(gefunden)
        }
        diagnosen += ungelesene(inhalte, zugeordnet: zugeordnet)
        let stand = liesStand(ordner, &diagnosen)
        return (Datenbestand(ordner: ordner, dateien: alle, stand: stand), diagnosen)
    }

    /// The delivery's Stand date from `stand.txt` (`Stand: 15.01.2023`), if the folder has one.
    static func liesStand(_ ordner: String, _ diagnosen: inout [Diagnose]) -> Tag? {
        let standPfad = Pfad.verbinde(ordner, "stand.txt")
        switch Dateisystem.lies(standPfad, grenze: 1 << 20) {
        case .failure(.fehlt): break
        case .failure(let p):
            diagnosen.append(Diagnose(DatenMeldung.standNichtLesbar(grund: p.text), ort: Ort(datei: standPfad)))
        case .success(let daten):
            let text = String(decoding: daten, as: UTF8.self)
            let zeile = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            let datum = zeile.replacingOccurrences(of: "Stand:", with: "").trimmingCharacters(in: .whitespaces)
            if let t = DatumLeser.tag(aus: datum) {
                return t
            } else {
                diagnosen.append(
                    Diagnose(
                        DatenMeldung.standDatumUnlesbar(zeile: zeile), ort: Ort(datei: standPfad, zeile: 1, spalte: 1)))
            }
        }
        return nil
    }

    /// Nothing is lost silently: a CSV file that no source reads is named.
    static func ungelesene(_ inhalte: [String: [String]], zugeordnet: Set<String>) -> [Diagnose] {
        var diagnosen: [Diagnose] = []
        for (verzeichnis, namen) in inhalte.sorted(by: { $0.key < $1.key }) {
            for name in namen
            where name.lowercased().hasSuffix(".csv") && !zugeordnet.contains(Pfad.verbinde(verzeichnis, name)) {
                diagnosen.append(
                    Diagnose(DatenMeldung.dateiUngelesen, ort: Ort(datei: Pfad.verbinde(verzeichnis, name))))
            }
        }
        return diagnosen
    }

    /// The quarters the period-named files cover, first to last (nil: none).
    package var abdeckung: ClosedRange<Int>? {
        var von = Int.max, bis = Int.min
        for liste in dateien {
            for d in liste where d.periode != .alle {
                von = min(von, d.periode.spanne.von)
                bis = max(bis, d.periode.spanne.bis)
            }
        }
        return von <= bis ? von...bis : nil
    }

    /// The latest quarter any quarterly file covers (yearly files count with their 4th quarter).
    package var letztesQuartal: Quartal? {
        var quartale: [Quartal] = []
        var jahre: [Int] = []
        for liste in dateien {
            for d in liste {
                switch d.periode {
                case .quartal(let q): quartale.append(q)
                case .jahr(let j): jahre.append(j)
                case .alle: break
                }
            }
        }
        if let q = quartale.max() { return q }
        return jahre.max().map { Quartal(jahr: $0, nummer: 4) }
    }

    /// Splits `ordner/name-{quartal}.csv` into folder and file pattern.
    static func teile(_ muster: String) -> (String, String) {
        guard let schnitt = muster.lastIndex(of: "/") else { return ("", muster) }
        return (String(muster[..<schnitt]), String(muster[muster.index(after: schnitt)...]))
    }

    /// The period a file name stands for under a pattern, or nil when it does not match.
    static func passt(_ name: String, muster: String) -> Dateiperiode? {
        for (platzhalter, art) in [("{quartal}", 0), ("{jahr}", 1)] {
            guard let r = muster.range(of: platzhalter) else { continue }
            let vor = String(muster[..<r.lowerBound]), nach = String(muster[r.upperBound...])
            guard name.hasPrefix(vor), name.hasSuffix(nach), name.count > vor.count + nach.count else { return nil }
            let mitte = String(name.dropFirst(vor.count).dropLast(nach.count))
            if art == 0 {
                guard mitte.count == 7, let q = Quartal.parse(mitte), q.name == mitte.uppercased() else { return nil }
                return .quartal(q)
            }
            guard mitte.count == 4, mitte.allSatisfy({ $0.isASCII && $0.isNumber }), let j = Int(mitte) else {
                return nil
            }
            return .jahr(j)
        }
        return name == muster ? .alle : nil
    }

    private static func luecken(_ dateien: [Exportdatei], quelle: Quelle, verzeichnis: String) -> [Diagnose] {
        var ergebnis: [Diagnose] = []
        let quartale = dateien.compactMap { d -> Int? in
            if case .quartal(let q) = d.periode { return q.index }; return nil
        }
        if let a = quartale.min(), let b = quartale.max() {
            let vorhanden = Set(quartale)
            for i in a...b where !vorhanden.contains(i) {
                ergebnis.append(
                    Diagnose(
                        DatenMeldung.dateiFehlt(
                            quelle: quelle.id, zeitraum: Quartal(index: i).name, muster: quelle.dateimuster),
                        ort: Ort(datei: verzeichnis)))
            }
        }
        let jahre = dateien.compactMap { d -> Int? in
            if case .jahr(let j) = d.periode { return j }; return nil
        }
        if let a = jahre.min(), let b = jahre.max() {
            let vorhanden = Set(jahre)
            for j in a...b where !vorhanden.contains(j) {
                ergebnis.append(
                    Diagnose(
                        DatenMeldung.dateiFehlt(quelle: quelle.id, zeitraum: "\(j)", muster: quelle.dateimuster),
                        ort: Ort(datei: verzeichnis)))
            }
        }
        return ergebnis
    }
}
