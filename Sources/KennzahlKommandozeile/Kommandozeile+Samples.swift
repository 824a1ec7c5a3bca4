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
    // MARK: samples

    static func samples(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(
            args, befehl: "samples", mitWert: ["--out", "--rows", "--seed"], schalter: [], positionell: 1)
        if o.hilfe {
            k.aus(samplesHilfe)
            return 0
        }
        let name = o.positionell.first ?? "ulm"
        guard let satz = Beispiele.satz(name) else {
            throw Nutzungsfehler(
                text:
                    "unbekannter Beispieldatensatz '\(name)'; verfügbar: \(Beispiele.alle.map(\.name).joined(separator: ", "))",
                befehl: "samples")
        }
        var grosseZeilen: Int?
        if let r = o.werte["--rows"] {
            guard let n = Int(r.replacingOccurrences(of: "_", with: "")), n >= 1_000, n <= 100_000_000 else {
                throw Nutzungsfehler(
                    text: "--rows erwartet eine Zeilenzahl zwischen 1000 und 100000000, nicht '\(r)'", befehl: "samples"
                )
            }
            guard satz.name == "ulm" else {
                throw Nutzungsfehler(
                    text:
                        "--rows gibt es für den Beispieldatensatz 'ulm' (großer Datensatz für Messungen), nicht für '\(satz.name)'",
                    befehl: "samples")
            }
            grosseZeilen = n
        }
        var seed = satz.standardSeed
        if let s = o.werte["--seed"] {
            guard let n = UInt64(s) else {
                throw Nutzungsfehler(text: "--seed erwartet eine ganze Zahl ≥ 0, nicht '\(s)'", befehl: "samples")
            }
            seed = n
        }
        let ziel = o.werte["--out"] ?? satz.ordner
        // The set replaces its folder: only an empty folder or an earlier sample set may go.
        let fm = FileManager.default
        if let vorhanden = try? fm.contentsOfDirectory(atPath: ziel), !vorhanden.isEmpty {
            let liesmich =
                fm.contents(atPath: Pfad.verbinde(ziel, "LIESMICH.txt")).map { String(decoding: $0, as: UTF8.self) }
                ?? ""
            guard liesmich.hasPrefix(Beispiele.kennzeichen) else {
                k.fehler(
                    "\(ziel): Fehler: der Ordner enthält andere Dateien als einen Beispieldatensatz und wird nicht überschrieben; bitte einen leeren oder neuen Ordner angeben"
                )
                return 1
            }
        }
        if let grosseZeilen {
            do {
                let e = try Massendaten.schreibe(zeilen: grosseZeilen, seed: seed, nach: ziel)
                let mb = Zahlformat.deutsch(Bruch(zaehler: Int128(e.bytes), nenner: 1_000_000) ?? .null, dezimalen: 1)
                k.aus(
                    "Großer Datensatz geschrieben nach \(ziel)/: \(e.dateien) Dateien, \(Zahlformat.deutsch(Bruch(e.zeilen), dezimalen: 0)) Zeilen, \(mb) MB (Seed \(seed))."
                )
                return 0
            } catch {
                k.fehler("\(error)")
                return 1
            }
        }
        let dateien = satz.dateien(seed: seed)
        let namen = Set(dateien.map(\.pfad))
        do {
            try Ausgabe.schreibe(dateien, nach: ziel, stamm: false, eigene: { namen.contains($0) })
        } catch {
            k.fehler("\(error)")
            return 1
        }
        let zeilen = dateien.reduce(0) { $0 + $1.inhalt.filter { $0 == 0x0A }.count }
        k.aus(
            "Beispieldaten '\(satz.name)' geschrieben nach \(ziel)/: \(dateien.count) Dateien, \(Zahlformat.deutsch(Bruch(zeilen), dezimalen: 0)) Zeilen (Seed \(seed))."
        )
        return 0
    }
}
