import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlDefinition

/// The corpus of broken definition files in `Korpus/`: each file names its expected diagnostics in
/// its header (`# erwartet: KZ021 5:3`); `kennzahl check` must print exactly those and exit 1.
@Suite struct KorpusTests {
    static let ordner = Paket.wurzel + "/Tests/KennzahlDefinitionTests/Korpus"
    static let dateien: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: ordner)) ?? []).filter {
        $0.hasSuffix(".kz")
    }.sorted()

    @Test func korpusHatMindestens30Faelle() {
        #expect(KorpusTests.dateien.count >= 30)
    }

    @Test(arguments: dateien)
    func checkMeldetGenauDieErwartetenDiagnosen(_ name: String) throws {
        let pfad = KorpusTests.ordner + "/" + name
        let text = try String(contentsOfFile: pfad, encoding: .utf8)
        var erwartet = Set<String>()
        for zeile in text.split(separator: "\n") where zeile.hasPrefix("# erwartet: ") {
            erwartet.insert(String(zeile.dropFirst("# erwartet: ".count)))
        }
        #expect(!erwartet.isEmpty, "\(name) nennt keine erwarteten Diagnosen")
        let r = lauf(["check", "--definitions", pfad])
        #expect(r.code == 1)
        var gemeldet = Set<String>()
        for zeile in r.fehler.split(separator: "\n") where zeile.hasPrefix(pfad) && zeile.hasSuffix("]") {
            // "<pfad>:<zeile>:<spalte>: Fehler: … [KZnnn]" or "<pfad>: Fehler: … [KZnnn]"
            let rest = zeile.dropFirst(pfad.count)
            guard let code = rest.split(separator: "[").last?.dropLast() else { continue }
            let teile = rest.split(separator: ":", maxSplits: 3)
            if rest.hasPrefix(":"), teile.count >= 2, Int(teile[0]) != nil, Int(teile[1]) != nil {
                gemeldet.insert("\(code) \(teile[0]):\(teile[1])")
            } else {
                gemeldet.insert(String(code))
            }
        }
        #expect(gemeldet == erwartet, "\(name):\n\(r.fehler)")
    }
}
