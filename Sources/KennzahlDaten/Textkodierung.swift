import KennzahlDefinition

/// Detects and converts the character encoding of an export to UTF-8.
///
/// A UTF-8 BOM or valid UTF-8 means UTF-8; anything else is read as Windows-1252 (the habit of
/// older German systems), unless the source declares its encoding.
package enum Textkodierung {
    package struct Ergebnis {
        package var bytes: [UInt8]
        var kodierung: Kodierung
        var hatteBOM: Bool
    }

    package enum Problem: Error {
        case utf16
        case keinUTF8
    }

    package static func nachUTF8(_ roh: [UInt8], erklaert: Kodierung?) -> Result<Ergebnis, Problem> {
        if Dateistrom.istUTF16(Array(roh.prefix(512))) { return .failure(.utf16) }
        var boms = 0
        while roh.count >= 3 * (boms + 1), roh[3 * boms] == 0xEF, roh[3 * boms + 1] == 0xBB, roh[3 * boms + 2] == 0xBF {
            boms += 1
        }
        let bom = boms > 0
        let ohneBOM = bom ? Array(roh[(3 * boms)...]) : roh
        switch erklaert {
        case .utf8?:
            return istUTF8(ohneBOM)
                ? .success(Ergebnis(bytes: ohneBOM, kodierung: .utf8, hatteBOM: bom)) : .failure(.keinUTF8)
        case .windows1252?, .iso885915?:
            return .success(
                Ergebnis(
                    bytes: umwandeln(ohneBOM, erklaert ?? .windows1252), kodierung: erklaert ?? .windows1252,
                    hatteBOM: bom))
        case nil:
            if bom || istUTF8(ohneBOM) { return .success(Ergebnis(bytes: ohneBOM, kodierung: .utf8, hatteBOM: bom)) }
            return .success(Ergebnis(bytes: umwandeln(ohneBOM, .windows1252), kodierung: .windows1252, hatteBOM: false))
        }
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates), with an ASCII fast path.
    static func istUTF8(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { p in
            var pruefung = Utf8Pruefung()
            return pruefung.weiter(p) && pruefung.amEnde
        }
    }

    /// Windows-1252 code points for 0x80–0x9F (0xA0–0xFF equal Latin-1).
    private static let cp1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D,
        0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D,
        0x017E, 0x0178,
    ]

    private static func codepunkt(_ c: UInt8, _ k: Kodierung) -> UInt32 {
        if k == .iso885915 {
            switch c {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x0160
            case 0xA8: return 0x0161
            case 0xB4: return 0x017D
            case 0xB8: return 0x017E
            case 0xBC: return 0x0152
            case 0xBD: return 0x0153
            case 0xBE: return 0x0178
            default: return UInt32(c)
            }
        }
        if c >= 0x80 && c <= 0x9F { return cp1252[Int(c - 0x80)] }
        return UInt32(c)
    }

    static func umwandeln(_ b: [UInt8], _ k: Kodierung) -> [UInt8] {
        guard !b.isEmpty else { return [] }
        var aus = [UInt8](repeating: 0, count: b.count * 3)
        let n = b.withUnsafeBufferPointer { q in
            aus.withUnsafeMutableBufferPointer { umwandeln(q, k, nach: $0.baseAddress!) }
        }
        aus.removeSubrange(n...)
        return aus
    }

    /// Converts single-byte text to UTF-8 at `ziel` (room for three bytes per input byte); returns
    /// the number of bytes written.
    static func umwandeln(_ b: UnsafeBufferPointer<UInt8>, _ k: Kodierung, nach ziel: UnsafeMutablePointer<UInt8>)
        -> Int
    {
        var j = 0
        for c in b {
            if c < 0x80 {
                ziel[j] = c
                j += 1
                continue
            }
            let u = codepunkt(c, k)
            if u < 0x800 {
                ziel[j] = UInt8(0xC0 | (u >> 6))
                ziel[j + 1] = UInt8(0x80 | (u & 0x3F))
                j += 2
            } else {
                ziel[j] = UInt8(0xE0 | (u >> 12))
                ziel[j + 1] = UInt8(0x80 | ((u >> 6) & 0x3F))
                ziel[j + 2] = UInt8(0x80 | (u & 0x3F))
                j += 3
            }
        }
        return j
    }
}
