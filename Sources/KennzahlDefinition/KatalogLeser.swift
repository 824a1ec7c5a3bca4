import Foundation
import KennzahlBasis

/// Reads every `*.kz` file of a definitions folder (in file-name order) into a checked `Katalog`.
package enum KatalogLeser {
    /// Parses and checks a whole folder (or a single `.kz` file). Returns the catalogue only when
    /// there is no error.
    package static func lade(ordner: String) -> (Katalog?, [Diagnose]) {
        guard let modus = Dateisystem.modus(ordner) else {
            return (nil, [Diagnose(SyntaxMeldung.ordnerFehlt, ort: Ort(datei: ordner))])
        }
        let pfade: [String]
        if modus & S_IFMT == S_IFDIR {
            guard case .success(let namen) = Dateisystem.inhalt(ordner) else {
                return (nil, [Diagnose(SyntaxMeldung.ordnerNichtLesbar, ort: Ort(datei: ordner))])
            }
            pfade = namen.filter { $0.hasSuffix(".kz") }.map { Pfad.verbinde(ordner, $0) }
            guard !pfade.isEmpty else {
                return (nil, [Diagnose(SyntaxMeldung.ordnerOhneDefinitionen, ort: Ort(datei: ordner))])
            }
        } else {
            guard ordner.hasSuffix(".kz") else {
                return (
                    nil,
                    [
                        Diagnose(SyntaxMeldung.keineDefinitionsdatei, ort: Ort(datei: ordner))
                    ]
                )
            }
            pfade = [ordner]
        }
        var texte: [(String, String)] = []
        var diagnosen: [Diagnose] = []
        for pfad in pfade {
            switch Dateisystem.lies(pfad, grenze: 16 << 20) {
            case .failure(let p):
                diagnosen.append(Diagnose(SyntaxMeldung.dateiNichtLesbar(grund: p.text), ort: Ort(datei: pfad)))
            case .success(let daten):
                guard let text = String(validating: daten, as: UTF8.self) else {
                    diagnosen.append(
                        Diagnose(SyntaxMeldung.keinUtf8, ort: Ort(datei: pfad)))
                    continue
                }
                texte.append((pfad, text))
            }
        }
        let (katalog, weitere) = lade(texte: texte)
        return (diagnosen.isEmpty ? katalog : nil, diagnosen + weitere)
    }

    /// Parses and checks definition texts given as (path, text) pairs; used by tests and fuzzing.
    package static func lade(texte: [(pfad: String, text: String)]) -> (Katalog?, [Diagnose]) {
        var dateien: [DefinitionsDatei] = []
        var diagnosen: [Diagnose] = []
        for (pfad, text) in texte {
            let (datei, d) = Parser.parse(datei: pfad, quelltext: text)
            dateien.append(datei)
            diagnosen += d
        }
        if diagnosen.contains(where: { $0.schwere == .fehler }) {
            // Still run the checks on what parsed, so all problems show at once.
            let (_, semantisch) = Semantik.pruefe(dateien)
            return (nil, diagnosen + semantisch)
        }
        let (katalog, semantisch) = Semantik.pruefe(dateien)
        return (katalog, diagnosen + semantisch)
    }
}
