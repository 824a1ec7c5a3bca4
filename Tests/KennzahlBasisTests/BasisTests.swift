import Foundation
import Testing

@testable import KennzahlBasis

/// The base types checked against independent references: Foundation's Gregorian calendar for
/// days, cross-multiplication for fractions, integer arithmetic on decimal strings for rounding.
@Suite struct BasisTests {
    /// Every day from 1900 to 2100 as exports write it (`31.12.2021`, `2021-12-31`): read back as
    /// the day Foundation's calendar says, one apart from its neighbour; impossible days rejected.
    @Test func tageWieDerKalender() throws {
        var kalender = Calendar(identifier: .gregorian)
        kalender.timeZone = try #require(TimeZone(identifier: "UTC"))
        var datum = try #require(kalender.date(from: DateComponents(year: 1900, month: 1, day: 1)))
        var vorher: KennzahlBasis.Tag?
        var tage = 0
        while kalender.component(.year, from: datum) <= 2100 {
            let t = kalender.dateComponents([.year, .month, .day], from: datum)
            let (j, m, d) = (try #require(t.year), try #require(t.month), try #require(t.day))
            let deutsch = String(format: "%02d.%02d.%04d", d, m, j)
            let tag = try #require(DatumLeser.tag(aus: deutsch), "\(deutsch)")
            #expect(tag.bestandteile == (j, m, d), "\(deutsch)")
            #expect(DatumLeser.tag(aus: String(format: "%04d-%02d-%02d", j, m, d)) == tag)
            #expect(tag.deutsch == deutsch)
            #expect(tag.quartal == Quartal(jahr: j, nummer: (m - 1) / 3 + 1))
            if let v = vorher { #expect(v.plus(tage: 1) == tag && v < tag, "\(deutsch)") }
            vorher = tag
            tage += 1
            datum = try #require(kalender.date(byAdding: .day, value: 1, to: datum))
        }
        #expect(tage == 73_414)
        for falsch in [
            "29.02.1900", "29.02.2023", "31.04.2021", "00.01.2021", "32.01.2021", "01.13.2021", "1.1.21", "",
        ] {
            #expect(DatumLeser.tag(aus: falsch) == nil, "\(falsch)")
        }
        #expect(DatumLeser.tag(aus: "29.02.2000") != nil && DatumLeser.tag(aus: "29.02.2024") != nil)
    }

    /// Sums, differences, products and quotients of many fractions agree with cross-multiplying
    /// by hand; what does not fit in 128 bits is nil, never a wrong number.
    @Test func bruecheExaktOderNil() throws {
        var zufall = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let (a, b, c, d) = (
                Int128(Int.random(in: -999...999, using: &zufall)), Int128(Int.random(in: 1...999, using: &zufall)),
                Int128(Int.random(in: -999...999, using: &zufall)), Int128(Int.random(in: 1...999, using: &zufall))
            )
            let x = try #require(Bruch(zaehler: a, nenner: b)), y = try #require(Bruch(zaehler: c, nenner: d))
            func gleich(_ r: Bruch?, _ z: Int128, _ n: Int128) -> Bool {
                guard let r else { return false }
                return r.zaehler * n == z * r.nenner && r.nenner > 0
            }
            #expect(gleich(x.plus(y), a * d + c * b, b * d))
            #expect(gleich(x.minus(y), a * d - c * b, b * d))
            #expect(gleich(x.mal(y), a * c, b * d))
            if c != 0 {
                #expect(gleich(x.geteilt(durch: y), a * d * (c < 0 ? -1 : 1), b * c.magnitude.alsInt128))
            } else {
                #expect(x.geteilt(durch: y) == nil)
            }
            #expect((x < y) == (a * d < c * b))
        }
        let riesig = try #require(Bruch(zaehler: Int128.max, nenner: 1))
        #expect(riesig.plus(Bruch(1)) == nil)
        #expect(riesig.mal(Bruch(2)) == nil)
        #expect(Bruch(zaehler: 1, nenner: 0) == nil)
    }

    /// German rounding half away from zero, checked against rounding the exact decimal expansion
    /// by hand; no "-0,0", thousands separated by dots.
    @Test func deutscheZahlenRundenHalbWegVonNull() throws {
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: 1, nenner: 20)), dezimalen: 1) == "0,1")
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: -1, nenner: 20)), dezimalen: 1) == "-0,1")
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: -1, nenner: 25)), dezimalen: 1) == "0,0")
        #expect(Zahlformat.deutsch(try #require(Bruch(zaehler: 5, nenner: 2)), dezimalen: 0) == "3")
        #expect(
            Zahlformat.deutsch(try #require(Bruch(zaehler: 1_234_567_891, nenner: 1000)), dezimalen: 2)
                == "1.234.567,89")
        var zufall = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let z = Int128(Int.random(in: -10_000_000...10_000_000, using: &zufall))
            let n = Int128(Int.random(in: 1...4000, using: &zufall))
            let dezimalen = Int.random(in: 0...3, using: &zufall)
            let b = try #require(Bruch(zaehler: z, nenner: n))
            // By hand: |z| * 10^d / n, rounded half up on the magnitude, then the sign.
            var faktor: Int128 = 1
            for _ in 0..<dezimalen { faktor *= 10 }
            let skaliert = z.magnitude.alsInt128 * faktor
            var q = skaliert / n
            if (skaliert % n) * 2 >= n { q += 1 }
            var ziffern = String(q)
            while ziffern.count <= dezimalen { ziffern = "0" + ziffern }
            let ganz = String(ziffern.dropLast(dezimalen)), teil = String(ziffern.suffix(dezimalen))
            var gruppen: [String] = []
            var rest = Substring(ganz)
            while rest.count > 3 {
                gruppen.insert(String(rest.suffix(3)), at: 0)
                rest = rest.dropLast(3)
            }
            gruppen.insert(String(rest), at: 0)
            let erwartet =
                (z < 0 && q != 0 ? "-" : "") + gruppen.joined(separator: ".") + (dezimalen > 0 ? "," + teil : "")
            #expect(Zahlformat.deutsch(b, dezimalen: dezimalen) == erwartet, "\(z)/\(n), \(dezimalen)")
        }
    }

    /// Quarters and periods: names, parsing, shifting across years, first and last days.
    @Test func quartaleUndZeitraeume() throws {
        let q = try #require(Quartal.parse("2021-Q4"))
        #expect(q == Quartal(jahr: 2021, nummer: 4) && q.name == "2021-Q4" && q.kurz == "Q4/2021")
        #expect(q.verschoben(um: 1) == Quartal(jahr: 2022, nummer: 1))
        #expect(q.verschoben(um: -8) == Quartal(jahr: 2019, nummer: 4))
        #expect(q.ersterTag.deutsch == "01.10.2021" && q.letzterTag.deutsch == "31.12.2021")
        for falsch in ["2021-Q5", "2021-Q0", "21-Q4", "2021Q4x", ""] {
            #expect(Quartal.parse(falsch) == nil, "\(falsch)")
        }
        for index in -20...20 {
            let r = Quartal(index: 2021 * 4 + index)
            #expect(Quartal(jahr: r.jahr, nummer: r.nummer) == r && (1...4).contains(r.nummer))
        }
        #expect(Berichtsperiode.parse("2021") == .jahr(2021))
        #expect(Berichtsperiode.parse("2021-Q4") == .quartal(q))
        #expect(Zeitraum.jahr(2021).istJahr && Zeitraum.jahr(2021).stichtag.deutsch == "31.12.2021")
    }

    /// Folder names from any name stay inside the output folder and are plain ASCII.
    @Test func slugsBleibenImOrdner() {
        #expect(Slug.aus("Böfingen") == "boefingen")
        #expect(Slug.aus("Mitte/Ost") == "mitte-ost")
        #expect(Slug.aus("../../etc/passwd") == "etc-passwd")
        for name in ["..", "/", "a/../b", String(repeating: "x", count: 500), "\u{202E}evil", "Straße 12 – Süd"] {
            let s = Slug.aus(name)
            #expect(!s.contains("/") && !s.contains("..") && s.count <= 64, "\(name) → \(s)")
            #expect(s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }, "\(name) → \(s)")
        }
    }
}

extension UInt128 {
    fileprivate var alsInt128: Int128 { Int128(self) }
}
