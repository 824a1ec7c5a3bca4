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
    // MARK: check

    static func check(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(
            args, befehl: "check", mitWert: ["--definitions", "--data", "--period", "--pruefsystem"],
            schalter: ["--public", "--oeffentlich"])
        if o.hilfe {
            k.aus(checkHilfe)
            return 0
        }
        if o.schalter.contains("--public") || o.schalter.contains("--oeffentlich") {
            return try pruefeOeffentlich(o, k)
        }
        for option in ["--period", "--pruefsystem"] where o.werte[option] != nil {
            throw Nutzungsfehler(text: "\(option) gibt es bei 'check' nur zusammen mit --public", befehl: "check")
        }
        let ordner = o.werte["--definitions"] ?? "Definitions/ulm"
        guard let katalog = ladeKatalog(ordner, k) else { return 1 }
        if let angabe = katalog.karte {
            let (_, d) = Kartenleser.lies(angabe, katalog: katalog)
            melde(d, k)
            if d.contains(where: { $0.schwere == .fehler }) { return 1 }
        }
        guard let daten = o.werte["--data"] else {
            let (s, ds) = ManuelleSchaltungen.lade(ordner: ordner, katalog: katalog, daten: nil)
            melde(ds, k)
            if ds.contains(where: { $0.schwere == .fehler }) { return 1 }
            k.aus(
                "Definitionen in Ordnung: " + umfang(katalog)
                    + (s.perioden.isEmpty
                        ? "." : ", Ampelschaltungen für \(s.perioden.map(\.name).joined(separator: ", "))."))
            return 0
        }
        k.aus("Definitionen in Ordnung: " + umfang(katalog) + ".")
        // The same stages as `report`, up to the evaluation: files, rows, manual switchings.
        var a = Berichtslauf.Auftrag()
        a.definitionen = ordner
        a.daten = daten
        a.fortschritt = k.fortschritt
        let (bestandOpt, d2) = Datenbestand.finde(ordner: daten, katalog: katalog)
        guard let bestand = bestandOpt, !d2.contains(where: { $0.schwere == .fehler }) else {
            melde(d2, k)
            return 1
        }
        let (ergebnis, d3) = Berichtslauf.lies(katalog, bestand, anfragen: [], a)
        k.fortschritt?.beende()
        melde(d2 + d3, k)
        guard let (auswertung, _) = ergebnis else {
            k.fehler("Eingaben fehlerhaft: \((d2 + d3).filter { $0.schwere == .fehler }.count) Fehler.")
            return 1
        }
        let s = auswertung.statistik
        let zeilen = s.reduce(0) { $0 + $1.zeilenGelesen }, verworfen = s.reduce(0) { $0 + $1.verworfenGesamt }
        k.aus(
            "Daten gelesen: \(Zahlformat.anzahl(s.count, "Datei", "Dateien")), \(Zahlformat.anzahl(zeilen, "Zeile", "Zeilen")), davon \(Zahlformat.deutsch(Bruch(verworfen), dezimalen: 0)) verworfen."
        )
        return 0
    }

    /// "59 Kennzahlen, 13 Quellen, 5 Sozialräume" (singular where there is one).
    static func umfang(_ k: Katalog) -> String {
        [
            Zahlformat.anzahl(k.kennzahlen.count, "Kennzahl", "Kennzahlen"),
            Zahlformat.anzahl(k.quellen.count, "Quelle", "Quellen"),
            Zahlformat.anzahl(k.sozialraeume.count, "Sozialraum", "Sozialräume"),
        ].joined(separator: ", ")
    }

    /// `check --public`: the audit of the public set, for the data-protection officer – every
    /// withheld value with its reason and the range an attacker can prove for it.
    static func pruefeOeffentlich(_ o: Optionen, _ k: Kanaele) throws -> Int32 {
        var a = Berichtslauf.Auftrag()
        a.oeffentlich = true
        if let d = o.werte["--definitions"] { a.definitionen = d }
        if let d = o.werte["--data"] { a.daten = d }
        if let p = o.werte["--period"] { a.periode = try periode(p, befehl: "check") }
        a.fortschritt = k.fortschritt
        a.mitPruefsystem = o.werte["--pruefsystem"] != nil
        if let datei = o.werte["--pruefsystem"] { try pruefeSystemziel(datei, a) }
        let (grundlage, diagnosen) = Berichtslauf.berechne(a)
        k.fortschritt?.beende()
        melde(diagnosen, k)
        guard let g = grundlage, let geheim = g.geheimhaltung else {
            k.fehler("Prüfung nicht möglich: \(diagnosen.filter { $0.schwere == .fehler }.count) Fehler.")
            return 1
        }
        let zeilen = geheim.protokoll(g.katalog)
        let zaehlung = Geheimhaltung.Grund.allCases.filter { $0 != .ampel }.map {
            "\(geheim.anzahl($0)) \($0.rawValue)"
        }.joined(separator: ", ")
        let werte = zeilen.count - geheim.anzahlLichter
        let lichter =
            geheim.anzahlLichter > 0 ? ", dazu \(Zahlformat.anzahl(geheim.anzahlLichter, "Ampel", "Ampeln"))" : ""
        k.aus("Öffentliche Berichte \(g.periode.deutsch): \(werte) Werte nicht ausgewiesen (\(zaehlung))\(lichter).")
        if let erste = geheim.kette.first, geheim.kette.count > 1 {
            k.aus(
                "Geprüft zusammen mit den öffentlichen Berichten von \(erste.deutsch) an (\(geheim.kette.count - 1) frühere Berichtsstände, aus denselben Daten neu berechnet)."
            )
        }
        k.aus(
            "Bereich: was ein Angreifer, der alle veröffentlichten Werte als Gleichungssystem löst, über den Wert beweisen kann."
        )
        let kopf = ["Kennzahl", "Gebiet", "Zeitraum", "Teil", "Grund", "Bereich"]
        let tabelle =
            [kopf] + zeilen.map { [$0.kennzahl, $0.gebiet, $0.zeitraum, $0.teil, $0.grund.rawValue, $0.bereich] }
        let breiten = kopf.indices.map { i in tabelle.map { $0[i].count }.max() ?? 0 }
        for z in tabelle {
            k.aus(
                z.enumerated().map { i, t in
                    i == z.count - 1 ? t : t + String(repeating: " ", count: breiten[i] - t.count)
                }.joined(separator: "  "))
        }
        if let datei = o.werte["--pruefsystem"], let system = geheim.system {
            do {
                try Dateisystem.schreibeAtomar(system.json(), nach: datei)
            } catch {
                melde(
                    [Diagnose(LaufMeldung.schreibenFehlgeschlagen(grund: error.grund), ort: Ort(datei: error.pfad))], k)
                return 1
            }
            k.aus(
                "Gleichungssystem des Angreifers geschrieben nach \(datei) (\(system.variablen.count) Unbekannte, \(system.bedingungen.count) Bedingungen, \(system.ziele.count) zurückgehaltene Werte)."
            )
        }
        return 0
    }

    /// The file `--pruefsystem` names holds the true small values; it may be new or an earlier
    /// system file, never an input (an export, a catalogue file) nor any other file. Checked
    /// before the audit runs.
    static func pruefeSystemziel(_ datei: String, _ a: Berichtslauf.Auftrag) throws {
        func abgelehnt(_ grund: String) -> Nutzungsfehler {
            Nutzungsfehler(
                text: "--pruefsystem \(datei): \(grund); das Gleichungssystem wird dort nicht geschrieben",
                befehl: "check")
        }
        var info = stat()
        if lstat(datei, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw abgelehnt("ist ein symbolischer Verweis")
        }
        guard let ziel = Dateisystem.kanonisch(datei) else { throw abgelehnt("der Ordner existiert nicht") }
        for (ordner, name) in [(a.daten, "im Datenordner"), (a.definitionen, "im Definitionsordner")] {
            if let o = Dateisystem.kanonisch(ordner), ziel.hasPrefix(o + "/") || ziel == o {
                throw abgelehnt("liegt \(name) (eine Eingabe)")
            }
        }
        guard Dateisystem.modus(ziel) != nil else { return }
        guard case .success(let bytes) = Dateisystem.lies(ziel, grenze: 1 << 30),
            let json = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
            ["variablen", "bedingungen", "ziele", "aktuell"].allSatisfy({ json[$0] != nil })
        else {
            throw abgelehnt("die Datei gibt es schon, und sie stammt nicht von --pruefsystem")
        }
    }
}
