import Foundation
import Testing
@testable import Kennzahlen

/// Deterministic mutations of real inputs: every input must end in a result or in diagnostics,
/// never in a trap or a hang. By default 2000 rounds over the Ulm catalogue and 300 over an export;
/// a longer campaign: `KENNZAHL_MUTATIONEN=30000 swift test --filter MutationsTests` (the
/// catalogue then gets 200000 rounds).
@Suite struct MutationsTests {
    static let runden = Int(ProcessInfo.processInfo.environment["KENNZAHL_MUTATIONEN"] ?? "") ?? 300

    struct Zufall {
        var z: UInt64
        mutating func next(_ n: Int) -> Int {
            z = z &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((z >> 33) % UInt64(max(1, n)))
        }
    }

    static func mutiere(_ b: [UInt8], _ r: inout Zufall) -> [UInt8] {
        var x = b
        let bausteine: [[UInt8]] = [Array("\"".utf8), Array(";".utf8), Array("\n".utf8), Array("{".utf8), Array("}".utf8),
                                    Array("wo".utf8), Array("-".utf8), Array("31.02.2021".utf8), [0xFF], [0xC3], [0x00], Array("ä".utf8)]
        for _ in 0..<(1 + r.next(4)) {
            guard !x.isEmpty else { break }
            let i = r.next(x.count)
            switch r.next(4) {
            case 0: x.remove(at: i)
            case 1: x.insert(contentsOf: bausteine[r.next(bausteine.count)], at: i)
            case 2: x[i] = UInt8(truncatingIfNeeded: r.next(256))
            default:
                let j = min(x.count, i + r.next(40))
                x.removeSubrange(i..<j)
            }
        }
        return x
    }

    /// Each round mutates one file of the Ulm catalogue (2000 rounds by default).
    @Test(.timeLimit(.minutes(2)))
    func definitionenEndenInDiagnosenOderErfolg() throws {
        let namen = try FileManager.default.contentsOfDirectory(atPath: Paket.definitionenUlm).filter { $0.hasSuffix(".kz") }.sorted()
        let originale = try namen.map { try #require(FileManager.default.contents(atPath: Paket.definitionenUlm + "/" + $0)).map { $0 } }
        var r = Zufall(z: 2023)
        for _ in 0..<(MutationsTests.runden * 20 / 3) {
            let opfer = r.next(namen.count)
            var texte = zip(namen, originale).map { (pfad: $0.0, text: String(decoding: $0.1, as: UTF8.self)) }
            texte[opfer].text = String(decoding: MutationsTests.mutiere(originale[opfer], &r), as: UTF8.self)
            let (k, d) = KatalogLeser.lade(texte: texte)
            #expect(k != nil || d.contains { $0.schwere == .fehler })
        }
    }

    @Test(.timeLimit(.minutes(2)))
    func exporteEndenInZeilenOderVerwerfungen() throws {
        let k = try katalog(kleinerKatalog)
        let gut = Array("Fall;Sozialraum;Form;Beginn;Ende\r\n1;Nord;a;01.01.2020;\r\n2;\"Süd\";s;15.03.2021;\r\n3;N;a;01.02.2021;30.03.2021\r\n".utf8)
        var r = Zufall(z: 7)
        let f = try Fixture([:])
        let q = Zeitraum.quartal(Quartal(jahr: 2021, nummer: 1))
        for _ in 0..<MutationsTests.runden {
            try f.schreibe("hilfen-2021-Q1.csv", MutationsTests.mutiere(gut, &r))
            let (a, d) = try werte(k, f, [("AMB", q), ("ANTEIL", q)])
            if let s = a.statistik.first, !d.contains(where: { $0.schwere == .fehler }) {
                #expect(s.uebernommen + s.verworfenGesamt == s.zeilenGelesen)
            }
        }
    }
}
