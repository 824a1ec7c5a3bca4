import Foundation
import KennzahlBasis

/// The case ids of one piece of a split file, in about 17 bytes each: per id its 64-bit hash and
/// where its row starts, in an open-addressing table sized from an estimate of the rows. The ids'
/// bytes are not kept: when two hashes agree, both rows' ids are read again from the file and
/// compared, so a duplicate is exact and a hash collision costs one read. (A `ByteInterner`
/// keeps every id's bytes, about 45 bytes an id; for one large file that would not fit.)
final class Fallnummern: @unchecked Sendable {
    // One thread owns an instance: no exclusivity checks per row.
    /// Hash per slot (0: free; a hash of 0 is taken as 1).
    @exclusivity(unchecked) private var hashes: [UInt64]
    /// Per slot: the row's offset from the piece's start.
    @exclusivity(unchecked) private var versaetze: [UInt32]
    @exclusivity(unchecked) private var maske: Int
    @exclusivity(unchecked) private(set) var anzahl = 0
    let pfad: String
    /// The piece's start in the file and the physical line number of its first byte.
    let von: Int
    let ersteZeile: Int
    let trennzeichen: UInt8
    let spalte: Int
    /// The hash (tests put in one that collides, to exercise the comparison).
    let hashfunktion: (UnsafeBufferPointer<UInt8>) -> UInt64

    /// `erwartet`: about how many ids will come (the table grows if more do).
    init(
        pfad: String, von: Int, ersteZeile: Int, erwartet: Int, trennzeichen: UInt8, spalte: Int,
        hash: @escaping (UnsafeBufferPointer<UInt8>) -> UInt64 = ByteInterner.hash
    ) {
        hashfunktion = hash
        if case .success(let o) = Dateisystem.oeffne(pfad) { fd = o.fd } else { fd = -1 }
        var groesse = 1024
        while groesse * 3 < erwartet * 4 { groesse <<= 1 }
        hashes = [UInt64](repeating: 0, count: groesse)
        versaetze = [UInt32](repeating: 0, count: groesse)
        maske = groesse - 1
        self.pfad = pfad
        self.von = von
        self.ersteZeile = ersteZeile
        self.trennzeichen = trennzeichen
        self.spalte = spalte
    }

    /// Remembers the id of the row at `versatz`; returns the offset of an earlier row with the same id.
    func merke(_ id: UnsafeBufferPointer<UInt8>, versatz: UInt32) -> UInt32? {
        let h = max(1, hashfunktion(id))
        var platz = Int(truncatingIfNeeded: h) & maske
        while true {
            let e = hashes[platz]
            if e == 0 { break }
            if e == h, let frueher = fallnummer(bei: versaetze[platz]), frueher.elementsEqual(id) {
                return versaetze[platz]
            }
            platz = (platz + 1) & maske
        }
        hashes[platz] = h
        versaetze[platz] = versatz
        anzahl += 1
        if anzahl * 20 > hashes.count * 17 { wachse() }
        return nil
    }

    /// Whether an id of this piece is also one of `frueher` (a piece before it); `teil`/`von`:
    /// only every `von`-th slot from `teil` on, so several threads share the work.
    func teiltFallnummer(mit frueher: Fallnummern, teil: Int, von schritt: Int) -> Bool {
        var i = teil
        while i < hashes.count {
            let h = hashes[i]
            if h != 0 {
                var platz = Int(truncatingIfNeeded: h) & frueher.maske
                while frueher.hashes[platz] != 0 {
                    // Equal hashes: compare the ids themselves (read again from the file).
                    if frueher.hashes[platz] == h, let hier = fallnummer(bei: versaetze[i]),
                        frueher.fallnummer(bei: frueher.versaetze[platz]) == hier
                    {
                        return true
                    }
                    platz = (platz + 1) & frueher.maske
                }
            }
            i += schritt
        }
        return false
    }

    /// The physical line of the row at `versatz` (for the message naming the first occurrence).
    func zeile(bei versatz: UInt32) -> Int {
        ersteZeile + (Dateiteilung.zeilenumbrueche(fd, von: von, bis: von + Int(versatz)) ?? 0)
    }

    /// The file, open while the piece is read (ids are read again only on equal hashes).
    private let fd: Int32

    deinit { if fd >= 0 { close(fd) } }

    /// The id of the row at `versatz`, read again from the file (trimmed, quotes undone).
    /// Safe from several threads (pieces check each other at once): buffers are per call.
    func fallnummer(bei versatz: UInt32) -> [UInt8]? {
        guard fd >= 0 else { return nil }
        // Most rows fit a small window; a longer one is read again whole.
        for groesse in [4096, QuellenLeser.standardBlock] {
            let puffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * groesse)
            defer { puffer.deallocate() }
            let n = pread(fd, puffer, groesse, off_t(von + Int(versatz)))
            guard n > 0 else { return nil }
            var ergebnis: [UInt8]?
            let zerleger = CsvZerleger(trennzeichen: trennzeichen)
            zerleger.grenze = 1  // the first row only
            // Not at the end of the file: a row cut off by the window is not handed out.
            _ = zerleger.zerlege(puffer, n, dateiende: n < groesse) { z in
                guard ergebnis == nil, spalte < z.felder.count else { return }
                ergebnis = Array(CsvZerleger.wert(z.felder[spalte], puffer, puffer: puffer + groesse).getrimmt)
            }
            if ergebnis != nil || n < groesse { return ergebnis }
        }
        return nil
    }

    private func wachse() {
        let groesse = hashes.count * 2
        let neueMaske = groesse - 1
        var neu = [UInt64](repeating: 0, count: groesse)
        var neuV = [UInt32](repeating: 0, count: groesse)
        for i in hashes.indices where hashes[i] != 0 {
            var platz = Int(truncatingIfNeeded: hashes[i]) & neueMaske
            while neu[platz] != 0 { platz = (platz + 1) & neueMaske }
            neu[platz] = hashes[i]
            neuV[platz] = versaetze[i]
        }
        hashes = neu
        versaetze = neuV
        maske = neueMaske
    }
}
