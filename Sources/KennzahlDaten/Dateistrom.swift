import Foundation
import KennzahlBasis
import KennzahlDefinition

/// Reads an export file block by block as UTF-8, never holding the whole file in memory.
///
/// The encoding is decided before the first row is read: a UTF-8 BOM, or a file that is valid UTF-8
/// from start to end (checked in a first streaming pass, fast for the ASCII that exports mostly
/// are), means UTF-8; anything else is Windows-1252, the habit of older German systems. A source
/// may declare its encoding instead.
final class Dateistrom {
    package enum Problem: Error {
        case nichtLesbar(Dateisystem.Problem)
        case utf16
        /// Declared UTF-8 but is not.
        case keinUTF8
    }

    let kodierung: Kodierung
    let hatteBOM: Bool
    /// Size of the file in bytes.
    let groesse: Int
    /// Raw bytes read so far (for progress).
    private(set) var gelesen = 0
    private let fd: Int32
    /// Raw bytes awaiting conversion (single-byte encodings only).
    private var roh: UnsafeMutablePointer<UInt8>?
    private var rohKapazitaet = 0
    /// Converted bytes of one character that did not fit into the caller's room (at most two).
    private var uebertrag: [UInt8] = []
    /// Bytes handed out before the file's (a piece of a split file starts with the header line).
    private var vorspann: [UInt8] = []

    private init(fd: Int32, kodierung: Kodierung, hatteBOM: Bool, groesse: Int) {
        self.fd = fd
        self.kodierung = kodierung
        self.hatteBOM = hatteBOM
        self.groesse = groesse
    }

    deinit {
        close(fd)
        roh?.deallocate()
    }

    static func oeffne(_ pfad: String, erklaert: Kodierung?) -> Result<Dateistrom, Problem> {
        let fd: Int32, groesse: Int
        switch Dateisystem.oeffne(pfad) {
        case .failure(let p): return .failure(.nichtLesbar(p))
        case .success(let o): (fd, groesse) = (o.fd, o.groesse)
        }
        // The first bytes tell UTF-16 (with or without BOM) and the BOM, which some tools write
        // twice.
        var anfang = [UInt8](repeating: 0, count: 512)
        let n = anfang.withUnsafeMutableBytes { Dateistrom.liesVoll(fd, $0.baseAddress!, 512) }
        guard n >= 0 else {
            let e = errno
            close(fd)
            return .failure(.nichtLesbar(.system(e)))
        }
        anfang.removeSubrange(n...)
        if Dateistrom.istUTF16(anfang) {
            close(fd)
            return .failure(.utf16)
        }
        var boms = 0
        while anfang.count >= 3 * (boms + 1), anfang[3 * boms] == 0xEF, anfang[3 * boms + 1] == 0xBB,
            anfang[3 * boms + 2] == 0xBF
        { boms += 1 }
        let bom = boms > 0
        let kodierung: Kodierung
        switch erklaert {
        case .utf8?:
            guard let gueltig = pruefeUTF8(fd, ab: 3 * boms), gueltig else {
                close(fd)
                return .failure(.keinUTF8)
            }
            kodierung = .utf8
        case .windows1252?, .iso885915?:
            kodierung = erklaert ?? .windows1252
        case nil:
            if bom {
                kodierung = .utf8
            } else {
                guard let gueltig = pruefeUTF8(fd, ab: 0) else {
                    let e = errno
                    close(fd)
                    return .failure(.nichtLesbar(.system(e)))
                }
                kodierung = gueltig ? .utf8 : .windows1252
            }
        }
        guard lseek(fd, off_t(3 * boms), SEEK_SET) >= 0 else {
            let e = errno
            close(fd)
            return .failure(.nichtLesbar(.system(e)))
        }
        let strom = Dateistrom(fd: fd, kodierung: kodierung, hatteBOM: bom, groesse: groesse)
        strom.gelesen = 3 * boms
        return .success(strom)
    }

    /// A piece of a UTF-8 file already checked (`Dateiteilung`): `vorspann`, then the file from `von`.
    static func oeffne(_ pfad: String, ab von: Int, vorspann: [UInt8]) -> Result<Dateistrom, Problem> {
        switch Dateisystem.oeffne(pfad) {
        case .failure(let p): return .failure(.nichtLesbar(p))
        case .success(let o):
            guard lseek(o.fd, off_t(von), SEEK_SET) >= 0 else {
                let e = errno
                close(o.fd)
                return .failure(.nichtLesbar(.system(e)))
            }
            let strom = Dateistrom(fd: o.fd, kodierung: .utf8, hatteBOM: false, groesse: o.groesse)
            strom.vorspann = vorspann
            strom.gelesen = von
            return .success(strom)
        }
    }

    /// UTF-16 by its BOM, or without one by its zero bytes: text in UTF-16 has a zero in every
    /// other byte (ASCII characters), which no CSV in UTF-8 or a single-byte encoding has.
    static func istUTF16(_ b: [UInt8]) -> Bool {
        if b.count >= 2, (b[0] == 0xFF && b[1] == 0xFE) || (b[0] == 0xFE && b[1] == 0xFF) { return true }
        guard b.count >= 4 else { return false }
        var nullGerade = 0, nullUngerade = 0
        for (i, c) in b.enumerated() where c == 0 {
            if i % 2 == 0 { nullGerade += 1 } else { nullUngerade += 1 }
        }
        let haelfte = b.count / 2
        return nullGerade * 10 >= haelfte * 6 || nullUngerade * 10 >= haelfte * 6
    }

    /// Reads up to `maximal` (> 0) bytes of UTF-8 into `ziel`; 0 at the end of the file, -1 on a
    /// read error. Never writes more than `maximal` bytes: a converted character that does not fit
    /// is handed out in the next call.
    func lies(_ ziel: UnsafeMutablePointer<UInt8>, maximal: Int) -> Int {
        precondition(maximal > 0, "Dateistrom.lies braucht Platz für mindestens ein Byte")
        if !vorspann.isEmpty {
            let n = min(maximal, vorspann.count)
            vorspann.withUnsafeBufferPointer { ziel.update(from: $0.baseAddress!, count: n) }
            vorspann.removeFirst(n)
            return n
        }
        if kodierung == .utf8 {
            let n = Dateistrom.liesVoll(fd, UnsafeMutableRawPointer(ziel), maximal)
            if n > 0 { gelesen += n }
            return n
        }
        // First the rest of a character that did not fit last time.
        var j = 0
        while j < maximal && !uebertrag.isEmpty {
            ziel[j] = uebertrag.removeFirst()
            j += 1
        }
        if j == maximal { return j }
        // One byte becomes at most three in UTF-8.
        let rohMaximal = max(1, (maximal - j) / 3)
        if rohKapazitaet < rohMaximal {
            roh?.deallocate()
            roh = .allocate(capacity: rohMaximal)
            rohKapazitaet = rohMaximal
        }
        guard let roh else { return -1 }
        let n = Dateistrom.liesVoll(fd, UnsafeMutableRawPointer(roh), rohMaximal)
        guard n > 0 else { return j > 0 ? j : n }
        gelesen += n
        if (maximal - j) >= 3 * n {
            return j + Textkodierung.umwandeln(UnsafeBufferPointer(start: roh, count: n), kodierung, nach: ziel + j)
        }
        // Less than three bytes of room: one raw byte through a small buffer (n == 1 here).
        var zeichen: (UInt8, UInt8, UInt8) = (0, 0, 0)
        let laenge = withUnsafeMutableBytes(of: &zeichen) {
            Textkodierung.umwandeln(
                UnsafeBufferPointer(start: roh, count: n), kodierung,
                nach: $0.baseAddress!.assumingMemoryBound(to: UInt8.self))
        }
        withUnsafeBytes(of: zeichen) { z in
            for i in 0..<laenge {
                if j < maximal {
                    ziel[j] = z[i]
                    j += 1
                } else {
                    uebertrag.append(z[i])
                }
            }
        }
        return j
    }

    /// `read` until `anzahl` bytes or the end of the file; -1 on an error.
    private static func liesVoll(_ fd: Int32, _ ziel: UnsafeMutableRawPointer, _ anzahl: Int) -> Int {
        var gesamt = 0
        while gesamt < anzahl {
            let n = read(fd, ziel + gesamt, anzahl - gesamt)
            if n < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if n == 0 { break }
            gesamt += n
        }
        return gesamt
    }

    /// Whether the file is valid UTF-8 from `ab` to its end; nil on a read error.
    private static func pruefeUTF8(_ fd: Int32, ab: Int) -> Bool? {
        guard lseek(fd, off_t(ab), SEEK_SET) >= 0 else { return nil }
        let groesse = 1 << 20
        let puffer = UnsafeMutablePointer<UInt8>.allocate(capacity: groesse)
        defer { puffer.deallocate() }
        var pruefung = Utf8Pruefung()
        while true {
            let n = liesVoll(fd, UnsafeMutableRawPointer(puffer), groesse)
            if n < 0 { return nil }
            if n == 0 { return pruefung.amEnde }
            if !pruefung.weiter(UnsafeBufferPointer(start: puffer, count: n)) { return false }
        }
    }
}

/// Strict UTF-8 validation (no overlong forms, no surrogates) over a stream of blocks: a
/// character may straddle two blocks.
struct Utf8Pruefung {
    private var offen = 0
    private var wert: UInt32 = 0
    private var minimum: UInt32 = 0

    /// Checks the next block; false as soon as the bytes cannot be UTF-8.
    mutating func weiter(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let basis = p.baseAddress else { return true }
        let n = p.count
        var i = 0
        while i < n {
            if offen > 0 {
                let f = basis[i]
                guard f & 0xC0 == 0x80 else { return false }
                wert = (wert << 6) | UInt32(f & 0x3F)
                offen -= 1
                i += 1
                if offen == 0, wert < minimum || wert > 0x10FFFF || (wert >= 0xD800 && wert <= 0xDFFF) { return false }
                continue
            }
            // ASCII fast path: eight bytes at a time.
            while i + 8 <= n, UnsafeRawPointer(basis + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
            }
            guard i < n else { break }
            let c = basis[i]
            i += 1
            if c < 0x80 { continue }
            if c & 0xE0 == 0xC0 {
                offen = 1; minimum = 0x80; wert = UInt32(c & 0x1F)
            } else if c & 0xF0 == 0xE0 {
                offen = 2; minimum = 0x800; wert = UInt32(c & 0x0F)
            } else if c & 0xF8 == 0xF0 {
                offen = 3; minimum = 0x10000; wert = UInt32(c & 0x07)
            } else {
                return false
            }
        }
        return true
    }

    /// True when no character was left incomplete at the end.
    var amEnde: Bool { offen == 0 }
}
