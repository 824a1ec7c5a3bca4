/// Detects and converts the character encoding of an export to UTF-8.
///
/// A UTF-8 BOM or valid UTF-8 means UTF-8; anything else is read as Windows-1252 (the habit of
/// older German systems), unless the source declares its encoding.
public enum Textkodierung {
    public struct Ergebnis {
        public var bytes: [UInt8]
        public var kodierung: Kodierung
        public var hatteBOM: Bool
    }

    public enum Problem: Error {
        case utf16
        case keinUTF8
    }

    public static func nachUTF8(_ roh: [UInt8], erklaert: Kodierung?) -> Result<Ergebnis, Problem> {
        if roh.count >= 2, (roh[0] == 0xFF && roh[1] == 0xFE) || (roh[0] == 0xFE && roh[1] == 0xFF) {
            return .failure(.utf16)
        }
        let bom = roh.count >= 3 && roh[0] == 0xEF && roh[1] == 0xBB && roh[2] == 0xBF
        let ohneBOM = bom ? Array(roh[3...]) : roh
        switch erklaert {
        case .utf8?:
            return istUTF8(ohneBOM) ? .success(Ergebnis(bytes: ohneBOM, kodierung: .utf8, hatteBOM: bom)) : .failure(.keinUTF8)
        case .windows1252?, .iso885915?:
            return .success(Ergebnis(bytes: umwandeln(ohneBOM, erklaert ?? .windows1252), kodierung: erklaert ?? .windows1252, hatteBOM: bom))
        case nil:
            if bom || istUTF8(ohneBOM) { return .success(Ergebnis(bytes: ohneBOM, kodierung: .utf8, hatteBOM: bom)) }
            return .success(Ergebnis(bytes: umwandeln(ohneBOM, .windows1252), kodierung: .windows1252, hatteBOM: false))
        }
    }

    /// Strict UTF-8 validation (no overlongs, no surrogates), with an ASCII fast path.
    public static func istUTF8(_ b: [UInt8]) -> Bool {
        b.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let c = p[i]
                if c < 0x80 {
                    i += 1
                    continue
                }
                let laenge: Int
                var minimum: UInt32
                var wert: UInt32
                if c & 0xE0 == 0xC0 { laenge = 2; minimum = 0x80; wert = UInt32(c & 0x1F) } else if c & 0xF0 == 0xE0 { laenge = 3; minimum = 0x800; wert = UInt32(c & 0x0F) } else if c & 0xF8 == 0xF0 { laenge = 4; minimum = 0x10000; wert = UInt32(c & 0x07) } else { return false }
                guard i + laenge <= n else { return false }
                for j in 1..<laenge {
                    let f = p[i + j]
                    guard f & 0xC0 == 0x80 else { return false }
                    wert = (wert << 6) | UInt32(f & 0x3F)
                }
                if wert < minimum || wert > 0x10FFFF || (wert >= 0xD800 && wert <= 0xDFFF) { return false }
                i += laenge
            }
            return true
        }
    }

    /// Windows-1252 code points for 0x80–0x9F (0xA0–0xFF equal Latin-1).
    private static let cp1252: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
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
        var aus: [UInt8] = []
        aus.reserveCapacity(b.count + b.count / 16)
        for c in b {
            if c < 0x80 {
                aus.append(c)
                continue
            }
            let u = codepunkt(c, k)
            if u < 0x800 {
                aus.append(UInt8(0xC0 | (u >> 6)))
                aus.append(UInt8(0x80 | (u & 0x3F)))
            } else {
                aus.append(UInt8(0xE0 | (u >> 12)))
                aus.append(UInt8(0x80 | ((u >> 6) & 0x3F)))
                aus.append(UInt8(0x80 | (u & 0x3F)))
            }
        }
        return aus
    }
}
