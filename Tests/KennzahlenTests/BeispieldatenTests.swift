import Foundation
import Testing
@testable import Kennzahlen

@Suite struct BeispieldatenTests {
    /// The committed sample set is exactly what `kennzahl samples` writes with the default seed.
    @Test func eingecheckteBeispieleSindAktuell() throws {
        let erzeugt = UlmBeispiel.dateien()
        let vorhanden = try FileManager.default.contentsOfDirectory(atPath: Paket.beispieleUlm).sorted()
        #expect(vorhanden == erzeugt.map(\.pfad).sorted(), "Samples/ulm neu schreiben: swift run kennzahl samples ulm")
        for d in erzeugt {
            let inhalt = FileManager.default.contents(atPath: Paket.beispieleUlm + "/" + d.pfad).map { [UInt8]($0) }
            #expect(inhalt == d.inhalt, "\(d.pfad) weicht ab: swift run kennzahl samples ulm")
        }
    }

    @Test func gleicherSeedGleicheBytesAndererSeedAndereDaten() {
        let a = UlmBeispiel.dateien(seed: 1), b = UlmBeispiel.dateien(seed: 1), c = UlmBeispiel.dateien(seed: 2)
        #expect(a.map(\.inhalt) == b.map(\.inhalt))
        #expect(a.map(\.inhalt) != c.map(\.inhalt))
    }

    @Test func exporteSehenAusWieEchte() throws {
        let dateien = UlmBeispiel.dateien()
        let prosoz = try #require(dateien.first { $0.pfad == "prosoz-jugendhilfe-2021-Q4.csv" }?.inhalt)
        #expect(Array(prosoz.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: prosoz, as: UTF8.self)
        #expect(text.contains("\r\n"))
        #expect(text.contains("\"Hilfeplan fortgeschrieben; nächstes Gespräch im Herbst\""))
        // BW SD-F writes Windows-1252: "Böfingen" with the single byte 0xF6.
        let hvf = try #require(dateien.first { $0.pfad == "bwsdf-hilfen-vor-dem-fall-2021-Q4.csv" }?.inhalt)
        #expect(hvf.contains(0xF6))
        #expect(!Textkodierung.istUTF8(hvf))
    }
}
