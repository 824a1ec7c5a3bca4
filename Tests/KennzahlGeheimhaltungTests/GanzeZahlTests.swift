import Foundation
import KennzahlTesthilfen
import Testing

@testable import KennzahlBasis
@testable import KennzahlGeheimhaltung

@Suite struct GanzeZahlTests {
    /// Random 32-, 64- and 120-bit values: sums, products, quotients and remainders agree with
    /// Int128 wherever Int128 holds them.
    @Test func wieInt128() throws {
        var zufall = SystemRandomNumberGenerator()
        func zahl(_ bits: Int) -> Int128 {
            let hoch = Int128(Int64.random(in: Int64.min...Int64.max, using: &zufall)),
                tief = Int128(UInt64.random(in: 0...UInt64.max, using: &zufall))
            let w = hoch << 64 | tief
            return bits >= 127 ? w : w >> (127 - bits)
        }
        for _ in 0..<3000 {
            let a = zahl([31, 63, 120].randomElement(using: &zufall)!),
                b = zahl([31, 63, 100].randomElement(using: &zufall)!)
            let ga = GanzeZahl(a), gb = GanzeZahl(b)
            #expect(ga.int128 == a)
            #expect((ga + gb).int128 == a + b)
            #expect((ga - gb).int128 == a - b)
            #expect(ga.description == String(a))
            if let p = Optional(a.multipliedReportingOverflow(by: b)), !p.overflow {
                #expect((ga * gb).int128 == p.partialValue)
            }
            if b != 0 {
                let (q, r) = GanzeZahl.teile(ga, gb)
                #expect(q.int128 == a / b, "\(a) / \(b)")
                #expect(r.int128 == a % b, "\(a) % \(b)")
            }
            #expect((ga < gb) == (a < b))
        }
    }

    /// Far beyond 128 bits: a = q·b + r with |r| < |b|, and (a·b) / b = a.
    @Test func grosseZahlen() throws {
        var zufall = SystemRandomNumberGenerator()
        func gross(_ teile: Int) -> GanzeZahl {
            var z = GanzeZahl(1)
            for _ in 0..<teile {
                z =
                    z * GanzeZahl(Int128(Int64.random(in: 2...Int64.max, using: &zufall)))
                    + GanzeZahl(Int128(Int.random(in: -9...9, using: &zufall)))
            }
            return Bool.random(using: &zufall) ? -z : z
        }
        for _ in 0..<500 {
            let a = gross(Int.random(in: 1...8, using: &zufall)), b = gross(Int.random(in: 1...5, using: &zufall))
            guard !b.istNull else { continue }
            let (q, r) = GanzeZahl.teile(a, b)
            #expect(q * b + r == a)
            let betragR = r < .null ? -r : r, betragB = b < .null ? -b : b
            #expect(betragR < betragB)
            #expect(GanzeZahl.teile(a * b, b).0 == a)
            #expect(GanzeZahl.teile(a * b, b).1 == .null)
            let g = GanzeZahl.ggT(a * b, b)
            #expect(GanzeZahl.teile(b, g).1 == .null)
        }
        // A known value: 2^200 = 1606938044258990275541962092341162602522202993782792835301376.
        var p = GanzeZahl(1)
        for _ in 0..<200 { p = p * GanzeZahl(2) }
        #expect(p.description == "1606938044258990275541962092341162602522202993782792835301376")
    }

    /// Exact numbers leave 128 bits and come back: (big · x) / big = x exactly.
    @Test func exakteZahlGrossUndZurueck() throws {
        let x = ExakteZahl(Bruch(zaehler: 1977, nenner: 20)!)
        var g = ExakteZahl(Bruch(zaehler: Int128.max / 3, nenner: 7)!)
        g = g * g * g
        #expect(g.istGross, "sollte groß sein")
        #expect(!((g * x) / g).istGross)
        #expect((g * x) / g == x)
        #expect(((g + x) - g) == x)
        #expect(ExakteZahl(Bruch(1)) < g)
        #expect(-g < ExakteZahl.null)
        let rund = (g / (g + ExakteZahl(Bruch(1)))).bruch(gerundet: 1)
        #expect(rund == Bruch(1))
        #expect((g / (g + ExakteZahl(Bruch(1)))).bruch(gerundet: -1) == Bruch(zaehler: 999_999, nenner: 1_000_000))
    }
}
