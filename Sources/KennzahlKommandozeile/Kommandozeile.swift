import Foundation
import KennzahlAmpel
import KennzahlAuswertung
import KennzahlBasis
import KennzahlBeispiele
import KennzahlBericht
import KennzahlDaten
import KennzahlDefinition
import KennzahlGeheimhaltung

/// The command line: `report`, `check`, `samples`, help and version. Returns exit codes
/// 0 (success), 1 (input errors), 2 (usage errors); never traps on arguments.
package enum Kommandozeile {
    static let version = "kennzahl 0.1.0"

    /// Where output goes; tests capture it.
    package struct Kanaele {
        var aus: (String) -> Void
        var fehler: (String) -> Void
        /// Progress while reading exports; only where a person watches (stderr is a terminal).
        var fortschritt: Fortschritt?

        package init(
            aus: @escaping (String) -> Void, fehler: @escaping (String) -> Void, fortschritt: Fortschritt? = nil
        ) {
            self.aus = aus
            self.fehler = fehler
            self.fortschritt = fortschritt
        }

        static var standard: Kanaele {
            let terminal = isatty(STDERR_FILENO) == 1
            // Whatever a definition or an export contains, the terminal gets no control characters.
            return Kanaele(
                aus: { print($0.ohneSteuerzeichen) },
                fehler: { FileHandle.standardError.write(Data(($0.ohneSteuerzeichen + "\n").utf8)) },
                fortschritt: terminal ? Fortschritt { FileHandle.standardError.write(Data($0.utf8)) } : nil)
        }
    }

    package struct Nutzungsfehler: Error {
        var text: String
        var befehl: String?
    }

    package static func fuehreAus(_ argumente: [String], _ k: Kanaele = .standard) -> Int32 {
        do {
            return try verteile(argumente, k)
        } catch let f as Nutzungsfehler {
            k.fehler("kennzahl: Fehler: \(f.text)")
            k.fehler("Hilfe: kennzahl \(f.befehl.map { $0 + " " } ?? "")--help")
            return 2
        } catch {
            k.fehler("kennzahl: Fehler: \(error)")
            return 2
        }
    }

    static let befehle = ["report", "check", "test", "samples"]

    static func verteile(_ argumente: [String], _ k: Kanaele) throws -> Int32 {
        guard let erstes = argumente.first else {
            k.aus(hilfe)
            return 0
        }
        let rest = Array(argumente.dropFirst())
        switch erstes {
        case "--help", "-h", "hilfe", "help":
            k.aus(hilfe)
            return 0
        case "--version", "-V":
            k.aus(version)
            return 0
        case "report":
            return try report(rest, k)
        case "check":
            return try check(rest, k)
        case "samples":
            return try samples(rest, k)
        case "test":
            return try test(rest, k)
        default:
            let vorschlag = Aehnlichkeit.vorschlag(fuer: erstes, aus: befehle).map { " – meinten Sie '\($0)'?" } ?? ""
            throw Nutzungsfehler(text: "unbekannter Befehl '\(erstes)'\(vorschlag)")
        }
    }

    /// `--period 2021-Q4` or `--period 2021`; anything else is a usage error.
    static func periode(_ text: String, befehl: String) throws -> Berichtsperiode {
        guard let periode = Berichtsperiode.parse(text) else {
            throw Nutzungsfehler(
                text: "ungültiger Zeitraum '\(text)': erwartet wird ein Quartal wie 2021-Q4 oder ein Jahr wie 2021",
                befehl: befehl)
        }
        return periode
    }

    // MARK: Option parsing

    struct Optionen {
        var werte: [String: String] = [:]
        var schalter: Set<String> = []
        var positionell: [String] = []
        var hilfe = false
    }

    /// `mitWert`: options that take a value; `schalter`: flags. `--name=wert` and `--name wert`.
    static func parse(_ args: [String], befehl: String, mitWert: [String], schalter: [String], positionell: Int = 0)
        throws -> Optionen
    {
        var o = Optionen()
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--help" || a == "-h" {
                o.hilfe = true
                i += 1
                continue
            }
            if a.hasPrefix("-") && a.count > 1 {
                var name = a
                var wert: String?
                if let gleich = a.firstIndex(of: "=") {
                    name = String(a[..<gleich])
                    wert = String(a[a.index(after: gleich)...])
                }
                if mitWert.contains(name) {
                    if wert == nil {
                        guard i + 1 < args.count, !args[i + 1].hasPrefix("--") else {
                            throw Nutzungsfehler(text: "der Option \(name) fehlt ein Wert", befehl: befehl)
                        }
                        wert = args[i + 1]
                        i += 1
                    }
                    if wert?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
                        throw Nutzungsfehler(text: "der Option \(name) fehlt ein Wert", befehl: befehl)
                    }
                    if o.werte[name] != nil {
                        throw Nutzungsfehler(text: "die Option \(name) ist doppelt angegeben", befehl: befehl)
                    }
                    o.werte[name] = wert
                } else if schalter.contains(name) {
                    if wert != nil {
                        throw Nutzungsfehler(text: "die Option \(name) nimmt keinen Wert", befehl: befehl)
                    }
                    o.schalter.insert(name)
                } else {
                    let vorschlag =
                        Aehnlichkeit.vorschlag(fuer: name, aus: mitWert + schalter).map { " – meinten Sie '\($0)'?" }
                        ?? ""
                    throw Nutzungsfehler(
                        text: "unbekannte Option '\(name)' für '\(befehl)'\(vorschlag)", befehl: befehl)
                }
            } else {
                guard o.positionell.count < positionell else {
                    throw Nutzungsfehler(text: "unerwartetes Argument '\(a)'", befehl: befehl)
                }
                o.positionell.append(a)
            }
            i += 1
        }
        return o
    }

}
