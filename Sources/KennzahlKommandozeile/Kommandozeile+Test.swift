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
    // MARK: test

    static func test(_ args: [String], _ k: Kanaele) throws -> Int32 {
        let o = try parse(args, befehl: "test", mitWert: ["--definitions"], schalter: [])
        if o.hilfe {
            k.aus(testHilfe)
            return 0
        }
        let ordner = o.werte["--definitions"] ?? "Definitions/ulm"
        guard let katalog = ladeKatalog(ordner, k, folge: "; keine Tests ausgeführt") else { return 1 }
        guard !katalog.tests.isEmpty else {
            k.aus("Keine Tests in \(ordner) ('test KENNUNG \"Name\" { … }' neben eine Kennzahl schreiben).")
            return 0
        }
        let ergebnisse = Testlauf.fuehreAus(katalog)
        for e in ergebnisse {
            if e.bestanden {
                k.aus("\(e.test.ort.kurz): bestanden: \(e.kennzahl) „\(e.test.name)“")
            } else {
                for f in e.fehler { k.fehler(f.formatiert) }
            }
        }
        let fehlgeschlagen = ergebnisse.filter { !$0.bestanden }.count
        k.aus(
            "\(ergebnisse.count) Tests: \(ergebnisse.count - fehlgeschlagen) bestanden, \(fehlgeschlagen) fehlgeschlagen."
        )
        return fehlgeschlagen == 0 ? 0 : 1
    }
}
