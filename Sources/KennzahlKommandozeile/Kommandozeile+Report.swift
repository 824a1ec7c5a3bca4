import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBeispiele
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung

extension Kommandozeile {
    // MARK: report

    static func report(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(
            args, befehl: "report", mitWert: ["--definitions", "--data", "--out", "--period", "--format", "--csv"],
            schalter: ["--public", "--oeffentlich", "--streng"])
        if o.hilfe {
            k.aus(reportHilfe)
            return 0
        }
        var a = Berichtslauf.Auftrag()
        a.oeffentlich = o.schalter.contains("--public") || o.schalter.contains("--oeffentlich")
        if let d = o.werte["--definitions"] { a.definitionen = d }
        if let d = o.werte["--data"] { a.daten = d }
        if let d = o.werte["--out"] { a.ausgabe = d }
        if let p = o.werte["--period"] { a.periode = try periode(p, befehl: "report") }
        if let f = o.werte["--format"] { a.formate = try formate(f) }
        if let c = o.werte["--csv"] {
            switch c.lowercased() {
            case "excel": a.csv = .excel
            case "rfc4180": a.csv = .rfc4180
            default:
                throw Nutzungsfehler(
                    text: "unbekannte CSV-Variante '\(c)': erlaubt sind excel und rfc4180", befehl: "report")
            }
        }
        a.streng = o.schalter.contains("--streng")
        a.fortschritt = k.fortschritt
        nonisolated(unsafe) let fehler = k.fehler  // called on this thread, before the run blocks
        a.wartet = { ordner in
            fehler("Ein anderer Lauf schreibt gerade nach \(ordner); dieser Lauf wartet, bis er fertig ist …")
        }
        let e = Berichtslauf.run(a)
        k.fortschritt?.beende()
        melde(e.diagnosen, k)
        guard e.exitCode == 0, let ordner = e.ordner, let periode = e.periode else {
            k.fehler("Keine Berichte geschrieben: \(e.diagnosen.filter { $0.schwere == .fehler }.count) Fehler.")
            return e.exitCode
        }
        let berichte = e.dateien.filter { $0.contains("/") }.count
        k.aus(
            "Berichte für \(periode.deutsch) geschrieben nach \(ordner)/ (\(berichte) Berichtsdateien, index.html, katalog.md, katalog.html)."
        )
        zeigeAmpel(e.ampel, k)
        if let geheim = e.geheim {
            let primaer = geheim[.primaer] ?? 0, zusammen = geheim.values.reduce(0, +)
            k.aus(
                "Öffentliche Berichte: \(zusammen) Werte nicht ausgewiesen (\(primaer) mit zu kleiner Fallzahl, \(zusammen - primaer), aus denen sie sich "
                    + "errechnen ließen – \(geheim[.sekundaer] ?? 0) über eine Beziehung, \(geheim[.pruefung] ?? 0) durch die Prüfung als Gleichungssystem, "
                    + "\(geheim[.frueher] ?? 0) schon in früheren Berichtsständen)"
                    + (e.lichterGeheim > 0
                        ? ", dazu \(Zahlformat.anzahl(e.lichterGeheim, "Ampel", "Ampeln"))" : "")
                    + ". Einzelheiten: kennzahl check --public --period \(periode.name)"
            )
        }
        let warnungen = e.diagnosen.filter { $0.schwere == .warnung }.count
        if warnungen > 0 {
            let imBericht = e.hinweiseImBericht
            let davon =
                imBericht == warnungen
                ? "siehe oben und im Abschnitt Datenqualität der Berichte"
                : "siehe oben; \(imBericht) davon \(imBericht == 1 ? "betrifft" : "betreffen") die Dateien dieses Berichtszeitraums "
                    + "und \(imBericht == 1 ? "steht" : "stehen") im Abschnitt Datenqualität der Berichte"
            k.aus("\(warnungen) \(warnungen == 1 ? "Hinweis" : "Hinweise") zu den Daten (\(davon)).")
        }
        return 0
    }

    /// `--format csv,md,html`: the formats in their fixed order, each once.
    static func formate(_ f: String) throws -> [Berichtslauf.Format] {
        var formate: [Berichtslauf.Format] = []
        for teil in f.split(separator: ",", omittingEmptySubsequences: false) {
            let t = teil.trimmingCharacters(in: .whitespaces).lowercased()
            if t == "alle" {
                formate += Berichtslauf.Format.allCases
                continue
            }
            guard let format = Berichtslauf.Format(rawValue: t == "markdown" ? "md" : t) else {
                let bekannt = Berichtslauf.Format.allCases.map(\.rawValue).joined(separator: ", ")
                throw Nutzungsfehler(
                    text: "unbekanntes Format '\(teil)': erlaubt sind \(bekannt) und alle", befehl: "report")
            }
            if !formate.contains(format) { formate.append(format) }
        }
        return Berichtslauf.Format.allCases.filter(formate.contains)
    }

    /// The summary on stdout: per area the count of lights of each colour.
    static func zeigeAmpel(_ ampel: [(gebiet: String, anzahl: [Ampelfarbe: Int])], _ k: Kanaele) {
        let breite = max(12, ampel.map { $0.gebiet.count }.max() ?? 0)
        func spalte(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) + s }
        k.aus(
            "Ampel" + String(repeating: " ", count: breite - 5)
                + Ampelfarbe.allCases.map { spalte($0.wort, 6) }.joined())
        for (gebiet, anzahl) in ampel {
            k.aus(
                gebiet + String(repeating: " ", count: breite - gebiet.count)
                    + Ampelfarbe.allCases.map { spalte(String(anzahl[$0] ?? 0), 6) }.joined())
        }
    }

    static func melde(_ d: [Diagnose], _ k: Kanaele) {
        for x in d.sorted(by: { $0.schwere < $1.schwere }) where x.schwere == .fehler { k.fehler(x.formatiert) }
        for x in d where x.schwere == .warnung { k.fehler(x.formatiert) }
    }

    /// Loads the catalogue and prints its diagnostics; nil (after a summary line) when it has errors.
    static func ladeKatalog(_ ordner: String, _ k: Kanaele, folge: String = "") -> Katalog? {
        let (katalog, d) = KatalogLeser.lade(ordner: ordner)
        melde(d, k)
        if katalog == nil {
            k.fehler("Definitionen fehlerhaft: \(d.filter { $0.schwere == .fehler }.count) Fehler\(folge).")
        }
        return katalog
    }
}
