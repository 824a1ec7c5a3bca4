/// A zip container (PKWARE APPNOTE 6.3), as Office files need it: stored entries, CRC-32, UTF-8
/// names, a fixed timestamp and the entries in the order given, so the same input gives the same
/// bytes. No compression: the files stay a few hundred KB, and nothing can go wrong in a deflater.
package enum Zip {
    /// CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), as zip and PNG use it.
    package static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in bytes { crc = tabelle[Int((crc ^ UInt32(b)) & 0xFF)] ^ (crc >> 8) }
        return crc ^ 0xFFFF_FFFF
    }

    private static let tabelle: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 == 1 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    /// The container of `eintraege` (path, contents), each stored, stamped with `jahr`-`monat`-`tag`
    /// 00:00 (the data's Stand, so a re-run with the same data gives the same bytes).
    package static func packe(_ eintraege: [(pfad: String, inhalt: [UInt8])], jahr: Int, monat: Int, tag: Int)
        -> [UInt8]
    {
        var aus: [UInt8] = []
        var verzeichnis: [UInt8] = []
        // MS-DOS date: years since 1980 (clamped to its range), month, day; time 00:00.
        let datum = UInt16(min(max(jahr - 1980, 0), 127) << 9 | (monat & 0xF) << 5 | (tag & 0x1F))
        for e in eintraege {
            let name = Array(e.pfad.utf8)
            let crc = crc32(e.inhalt)
            let versatz = UInt32(aus.count)
            // Local file header.
            aus += le32(0x0403_4B50) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(datum)
            aus += le32(crc) + le32(UInt32(e.inhalt.count)) + le32(UInt32(e.inhalt.count))
            aus += le16(UInt16(name.count)) + le16(0) + name + e.inhalt
            // Central directory entry.
            verzeichnis += le32(0x0201_4B50) + le16(20) + le16(20) + le16(0x0800) + le16(0) + le16(0) + le16(datum)
            verzeichnis += le32(crc) + le32(UInt32(e.inhalt.count)) + le32(UInt32(e.inhalt.count))
            verzeichnis += le16(UInt16(name.count)) + le16(0) + le16(0) + le16(0) + le16(0) + le32(0) + le32(versatz)
            verzeichnis += name
        }
        let start = UInt32(aus.count)
        aus += verzeichnis
        aus += le32(0x0605_4B50) + le16(0) + le16(0) + le16(UInt16(eintraege.count)) + le16(UInt16(eintraege.count))
        aus += le32(UInt32(verzeichnis.count)) + le32(start) + le16(0)
        return aus
    }

    /// The entries of a container written by `packe` (or any zip of stored entries), each checked
    /// against its CRC; nil when the container is not sound. For tests reading files back.
    package static func entpacke(_ z: [UInt8]) -> [(pfad: String, inhalt: [UInt8])]? {
        guard z.count >= 22 else { return nil }
        let ende = z.count - 22
        guard lies32(z, ende) == 0x0605_4B50 else { return nil }
        let anzahl = Int(lies16(z, ende + 10))
        var p = Int(lies32(z, ende + 16))
        var eintraege: [(String, [UInt8])] = []
        for _ in 0..<anzahl {
            guard p + 46 <= z.count, lies32(z, p) == 0x0201_4B50, lies16(z, p + 10) == 0 else { return nil }
            let crc = lies32(z, p + 16), groesse = Int(lies32(z, p + 20))
            let namenslaenge = Int(lies16(z, p + 28)), extra = Int(lies16(z, p + 30)),
                kommentar = Int(lies16(z, p + 32))
            let lokal = Int(lies32(z, p + 42))
            guard p + 46 + namenslaenge <= z.count, lokal + 30 <= z.count, lies32(z, lokal) == 0x0403_4B50 else {
                return nil
            }
            let name = String(decoding: z[(p + 46)..<(p + 46 + namenslaenge)], as: UTF8.self)
            let daten = lokal + 30 + Int(lies16(z, lokal + 26)) + Int(lies16(z, lokal + 28))
            guard daten + groesse <= z.count else { return nil }
            let inhalt = Array(z[daten..<(daten + groesse)])
            guard crc32(inhalt) == crc else { return nil }
            eintraege.append((name, inhalt))
            p += 46 + namenslaenge + extra + kommentar
        }
        return eintraege
    }

    private static func le16(_ x: UInt16) -> [UInt8] { [UInt8(x & 0xFF), UInt8(x >> 8)] }
    private static func le32(_ x: UInt32) -> [UInt8] { (0..<4).map { UInt8((x >> (8 * UInt32($0))) & 0xFF) } }
    private static func lies16(_ z: [UInt8], _ i: Int) -> UInt16 { UInt16(z[i]) | UInt16(z[i + 1]) << 8 }
    private static func lies32(_ z: [UInt8], _ i: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(z[i + $1]) << (8 * UInt32($1)) }
    }
}
