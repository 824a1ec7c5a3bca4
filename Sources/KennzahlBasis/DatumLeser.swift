/// Reads dates as exports write them: `31.12.2021`, `1.2.2021`, `2021-12-31`, optionally followed by
/// a time (`31.12.2021 00:00:00`), which is ignored. Two-digit years are refused (ambiguous).
package enum DatumLeser {
    /// Parses bytes `von..<bis` of `p`; surrounding spaces are ignored.
    package static func tag(_ p: UnsafeBufferPointer<UInt8>, _ von: Int, _ bis: Int) -> Tag? {
        guard let basis = p.baseAddress, von < bis else { return nil }
        return tag(UnsafeBufferPointer(start: basis + von, count: bis - von))
    }

    /// Parses the bytes; surrounding spaces are ignored. No allocation: this runs for every date
    /// of every row. `31.12.2021`, the form almost every export writes, takes a short path.
    package static func tag(_ p: UnsafeBufferPointer<UInt8>) -> Tag? {
        if p.count == 10, p[2] == 0x2E, p[5] == 0x2E {
            @inline(__always) func z(_ i: Int) -> Int { Int(p[i]) &- 0x30 }
            let d0 = z(0), d1 = z(1), m0 = z(3), m1 = z(4), j0 = z(6), j1 = z(7), j2 = z(8), j3 = z(9)
            if d0 | d1 | m0 | m1 | j0 | j1 | j2 | j3 >= 0, d0 <= 9, d1 <= 9, m0 <= 9, m1 <= 9, j0 <= 9, j1 <= 9,
                j2 <= 9, j3 <= 9
            {
                return Tag(jahr: j0 * 1000 + j1 * 100 + j2 * 10 + j3, monat: m0 * 10 + m1, tag: d0 * 10 + d1)
            }
        }
        var a = 0, e = p.count
        while a < e, p[a] == 0x20 || p[a] == 0x09 { a += 1 }
        while e > a, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        // Drop a time part after a space or 'T'.
        var i = a
        while i < e, p[i] != 0x20, p[i] != 0x54 { i += 1 }
        e = i
        guard e > a else { return nil }
        // Up to three numbers with their digit counts, in registers (no allocation, no closure).
        var t0 = 0, t1 = 0, t2 = 0, s0 = 0, s1 = 0, s2 = 0
        var anzahl = 0
        var zahl = 0, ziffern = 0
        var trenner: UInt8 = 0
        var j = a
        while true {
            let ende = j == e
            let c: UInt8 = ende ? 0 : p[j]
            if !ende && c >= 0x30 && c <= 0x39 {
                zahl = zahl * 10 + Int(c - 0x30)
                ziffern += 1
                if ziffern > 4 { return nil }
            } else if ende || c == 0x2E || c == 0x2D || c == 0x2F {  // end, . - /
                if !ende {
                    if trenner == 0 { trenner = c } else if trenner != c { return nil }
                }
                guard ziffern > 0 else { return nil }
                switch anzahl {
                case 0: t0 = zahl; s0 = ziffern
                case 1: t1 = zahl; s1 = ziffern
                case 2: t2 = zahl; s2 = ziffern
                default: return nil
                }
                anzahl += 1
                zahl = 0
                ziffern = 0
                if ende { break }
            } else {
                return nil
            }
            j += 1
        }
        guard anzahl == 3 else { return nil }
        if trenner == 0x2D {
            guard s0 == 4, s1 <= 2, s2 <= 2 else { return nil }
            return Tag(jahr: t0, monat: t1, tag: t2)
        }
        guard s2 == 4, s0 <= 2, s1 <= 2 else { return nil }
        return Tag(jahr: t2, monat: t1, tag: t0)
    }

    package static func tag(aus text: String) -> Tag? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { tag($0) }
    }
}

/// Reads numbers as German exports write them: `1.234,56`, `1234,56`, `-12,5`, `1234` and, where
/// unambiguous, `1234.56`. A single dot followed by exactly three digits (`1.234`) is a thousands
/// separator, as in German. A trailing `€` or `EUR` is allowed.
package enum ZahlLeser {
    package static func festkomma(_ p: UnsafeBufferPointer<UInt8>, _ von: Int, _ bis: Int) -> Festkomma? {
        guard let basis = p.baseAddress, von < bis else { return nil }
        return festkomma(UnsafeBufferPointer(start: basis + von, count: bis - von))
    }

    package static func festkomma(_ p: UnsafeBufferPointer<UInt8>) -> Festkomma? {
        var a = 0, e = p.count
        while a < e, p[a] == 0x20 || p[a] == 0x09 { a += 1 }
        while e > a, p[e - 1] == 0x20 || p[e - 1] == 0x09 { e -= 1 }
        // Trailing currency.
        if e - a >= 3, p[e - 3] == 0x45, p[e - 2] == 0x55, p[e - 1] == 0x52 { e -= 3 }  // EUR
        if e - a >= 3, p[e - 3] == 0xE2, p[e - 2] == 0x82, p[e - 1] == 0xAC { e -= 3 }  // €
        while e > a, p[e - 1] == 0x20 || p[e - 1] == 0xA0 { e -= 1 }
        guard e > a else { return nil }
        var negativ = false
        if p[a] == 0x2D || p[a] == 0x2B {
            negativ = p[a] == 0x2D
            a += 1
        }
        guard e > a else { return nil }
        // Where is the decimal separator?
        var kommas = 0, punkte = 0, letzterPunkt = -1, komma = -1
        for j in a..<e {
            switch p[j] {
            case 0x2C: kommas += 1; komma = j
            case 0x2E: punkte += 1; letzterPunkt = j
            case 0x30...0x39: break
            default: return nil
            }
        }
        var dezimal = -1  // index of the decimal separator, if any
        var tausender: UInt8 = 0
        if kommas > 1 { return nil }
        if kommas == 1 {
            dezimal = komma
            tausender = 0x2E
        } else if punkte == 1 && e - letzterPunkt - 1 != 3 {
            dezimal = letzterPunkt  // 1234.56
        } else if punkte >= 1 {
            tausender = 0x2E  // 1.234 or 1.234.567
        }
        var ganz: Int64 = 0
        var bruch: Int64 = 0
        var bruchStellen = 0
        var gruppe = -1  // digits since last thousands separator (-1: none seen yet)
        var ziffernVorTrenner = 0
        let ende = dezimal >= 0 ? dezimal : e
        for j in a..<ende {
            let c = p[j]
            if c == tausender && tausender != 0 {
                if gruppe == -1 {
                    guard ziffernVorTrenner >= 1 && ziffernVorTrenner <= 3 else { return nil }
                } else if gruppe != 3 {
                    return nil
                }
                gruppe = 0
                continue
            }
            guard c >= 0x30 && c <= 0x39 else { return nil }
            if gruppe >= 0 { gruppe += 1 } else { ziffernVorTrenner += 1 }
            let (m, o1) = ganz.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int64(c - 0x30))
            if o1 || o2 { return nil }
            ganz = s
        }
        if gruppe != -1 && gruppe != 3 { return nil }
        if ziffernVorTrenner == 0 && gruppe == -1 { return nil }
        if dezimal >= 0 {
            guard dezimal + 1 < e else { return nil }
            for j in (dezimal + 1)..<e {
                let c = p[j]
                guard c >= 0x30 && c <= 0x39 else { return nil }
                if bruchStellen < Festkomma.stellen {
                    bruch = bruch * 10 + Int64(c - 0x30)
                    bruchStellen += 1
                } else if c != 0x30 {
                    return nil  // more places than we keep exactly
                }
            }
        }
        while bruchStellen < Festkomma.stellen {
            bruch *= 10
            bruchStellen += 1
        }
        let (m, o1) = ganz.multipliedReportingOverflow(by: Festkomma.skala)
        let (s, o2) = m.addingReportingOverflow(bruch)
        if o1 || o2 { return nil }
        return Festkomma(hundertstelCent: negativ ? -s : s)
    }

    package static func festkomma(aus text: String) -> Festkomma? {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { festkomma($0) }
    }
}
