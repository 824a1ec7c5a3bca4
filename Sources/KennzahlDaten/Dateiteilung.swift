import Foundation
import KennzahlBasis
import KennzahlDefinition

/// Splits one large export into pieces that several cores read at once, with the same result as
/// reading it from start to end.
///
/// Split points are guessed: the first line break after each equal share of the file. Each piece
/// is read by its own `QuellenLeser` with the file's header line put in front, its lines numbered
/// as in the whole file (the line breaks before it are counted first, on all cores, together with
/// the UTF-8 check the file needs anyway). A guess inside a quoted field that spans lines would
/// make a wrong piece; it is caught afterwards: the reader of the piece before stops at the first
/// row that starts at or after the split point and reports where that is – a true row boundary
/// of the whole file. If it is not the split point, that piece is read again from there
/// (`verschiebe`). If anything else differs from a reading from start to end (a case id in two
/// pieces, a problem with the header), the caller reads the file again from start to end.
/// `vereinige` then puts statistics and messages together in file order.
package enum Dateiteilung {
    /// When to split a file and into how many pieces.
    package struct Vorgabe: Sendable {
        /// Files of at least this many bytes are split.
        package var ab: Int
        package var teile: Int

        package init(ab: Int, teile: Int) {
            self.ab = ab
            self.teile = teile
        }

        /// From 16 MB, one piece per core (`KENNZAHL_TEILEN_AB` and `KENNZAHL_TEILE` set others,
        /// so CI can check the pieces on any machine).
        package static var standard: Vorgabe {
            let umgebung = ProcessInfo.processInfo.environment
            let teile = umgebung["KENNZAHL_TEILE"].flatMap { Int($0) }.map { min(max($0, 1), 64) }
            return Vorgabe(ab: mindestgroesse, teile: teile ?? ProcessInfo.processInfo.activeProcessorCount)
        }
    }

    /// One piece: the file from `von` to `bis` (the next piece's start; nil: to the end).
    package final class Stueck: @unchecked Sendable {
        package let pfad: String
        package let von: Int
        package let bis: Int?
        /// The header line (with its line break) in front of every piece but the first.
        let kopf: [UInt8]
        /// The physical line number of the first line the piece's stream gives (the header's).
        let ersteZeile: Int
        /// The file's delimiter (guessed from the header line, as the scanner does).
        let trennzeichen: UInt8
        /// About how many rows the piece holds (from the rows in the file's first 64 KB).
        let zeilenSchaetzung: Int
        /// Set by the reader: the stream offset where it stopped (`grenze` when the split was right).
        var angehaltenBei: Int?
        /// Rows rejected and records spanning lines, in file order, as the reader reported them
        /// (up to `QuellenLeser.detailGrenze` of each; `vereinige` applies the limits to the file).
        var zeilenmeldungen: [(mehrzeilig: Bool, diagnose: Diagnose)] = []

        init(
            pfad: String, von: Int, bis: Int?, kopf: [UInt8], ersteZeile: Int, trennzeichen: UInt8,
            zeilenSchaetzung: Int
        ) {
            self.pfad = pfad
            self.von = von
            self.bis = bis
            self.kopf = kopf
            self.ersteZeile = ersteZeile
            self.trennzeichen = trennzeichen
            self.zeilenSchaetzung = zeilenSchaetzung
        }

        /// The physical line number of the piece's first byte in the file.
        var ersteDatenzeile: Int { kopf.isEmpty ? ersteZeile : ersteZeile + 1 }

        /// Where in the piece's stream (header in front) its reader must stop.
        var grenze: Int? { bis.map { $0 - von + kopf.count } }
        /// Whether the reader stopped exactly at the guessed start of the next piece.
        package var stimmt: Bool { angehaltenBei == grenze }
        /// The bytes of the file this piece stands for.
        package var umfang: Int { (bis ?? Dateigroesse.von(pfad)) - von }
    }

    /// Files smaller than this are read in one piece (`KENNZAHL_TEILEN_AB` sets it, for tests).
    package static let mindestgroesse: Int = {
        if let s = ProcessInfo.processInfo.environment["KENNZAHL_TEILEN_AB"], let n = Int(s), n > 0 { return n }
        return 16 << 20
    }()

    /// How far past a guessed split point to look for a line break.
    static let suchweite = 1 << 16

    /// The pieces of a file, or nil when it is better read in one: too small, not UTF-8 (or
    /// declared otherwise), a header line with quotes or without a line break in its first 64 KB,
    /// rows longer than 64 KB at a split point, or unreadable.
    package static func plane(_ pfad: String, _ vorgabe: Vorgabe, erklaert: Kodierung?) -> [Stueck]? {
        // Pieces of under 2 GB: a row's offset in its piece fits 32 bits (`Fallnummern`).
        let teile = max(vorgabe.teile, vorgabe.teile > 1 ? Dateigroesse.von(pfad) / (1 << 31) + 1 : 1)
        guard teile > 1, erklaert == nil || erklaert == .utf8 else { return nil }
        guard case .success(let o) = Dateisystem.oeffne(pfad) else { return nil }
        defer { close(o.fd) }
        guard o.groesse >= vorgabe.ab else { return nil }
        var anfang = [UInt8](repeating: 0, count: suchweite)
        let n = anfang.withUnsafeMutableBytes { pread(o.fd, $0.baseAddress!, suchweite, 0) }
        guard n > 0 else { return nil }
        anfang.removeSubrange(n...)
        guard !Dateistrom.istUTF16(Array(anfang.prefix(512))) else { return nil }
        var start = 0
        while anfang.count >= start + 3, anfang[start] == 0xEF, anfang[start + 1] == 0xBB, anfang[start + 2] == 0xBF {
            start += 3
        }
        // The header: the first line, plain (no quotes, no lone CR), not blank.
        guard let lf = anfang[start...].firstIndex(of: 0x0A) else { return nil }
        let kopf = Array(anfang[start...lf])
        let inhalt = kopf.dropLast(kopf.count >= 2 && kopf[kopf.count - 2] == 0x0D ? 2 : 1)
        guard !inhalt.contains(0x22), !inhalt.contains(0x0D), inhalt.contains(where: { $0 > 0x20 }) else { return nil }
        // Split points: after the first line break at or after each share.
        var gefunden = [start]
        for j in 1..<teile {
            let soll = max(lf + 1, start + (o.groesse - start) * j / teile)
            var fenster = [UInt8](repeating: 0, count: suchweite)
            let m = fenster.withUnsafeMutableBytes { pread(o.fd, $0.baseAddress!, suchweite, off_t(soll)) }
            guard m > 0, let i = fenster[..<m].firstIndex(of: 0x0A) else { return nil }
            let punkt = soll + i + 1
            guard punkt > gefunden[gefunden.count - 1], punkt < o.groesse else { return nil }
            gefunden.append(punkt)
        }
        // Line breaks per piece and the UTF-8 check, on all cores.
        let punkte = gefunden
        let zaehlung = Ablage<Int?>(anzahl: punkte.count)
        DispatchQueue.concurrentPerform(iterations: punkte.count) { j in
            let bis = j + 1 < punkte.count ? punkte[j + 1] : o.groesse
            zaehlung.setze(j, zeilenumbrueche(o.fd, von: punkte[j], bis: bis))
        }
        let umbrueche = zaehlung.alle.compactMap { $0 }
        guard umbrueche.count == punkte.count else { return nil }
        // Rows per byte in the first 64 KB, for sizing each piece's table of case ids.
        let probe = anfang[(lf + 1)...]
        let dichte = Double(probe.filter { $0 == 0x0A }.count + 1) / Double(max(1, probe.count))
        let trennzeichen = kopf.withUnsafeBufferPointer { CsvZerleger.trennzeichen($0) }
        var vorher = 0
        var stuecke: [Stueck] = []
        for (j, von) in punkte.enumerated() {
            let bis = j + 1 < punkte.count ? punkte[j + 1] : nil
            stuecke.append(
                Stueck(
                    pfad: pfad, von: von, bis: bis, kopf: j == 0 ? [] : kopf, ersteZeile: j == 0 ? 1 : vorher,
                    trennzeichen: trennzeichen, zeilenSchaetzung: Int(Double((bis ?? o.groesse) - von) * dichte * 1.05))
            )
            vorher += umbrueche[j]
        }
        return stuecke
    }

    /// The piece `stueck` again, starting where the piece before it really ended (`ab`, a row
    /// boundary after the guessed start: the guess fell inside a quoted field), or nil when
    /// that is at or past the piece's end or the bytes in between cannot be read.
    package static func verschiebe(_ stueck: Stueck, ab: Int) -> Stueck? {
        let ende = stueck.bis ?? Dateigroesse.von(stueck.pfad)
        guard ab > stueck.von, ab < ende, case .success(let o) = Dateisystem.oeffne(stueck.pfad) else { return nil }
        defer { close(o.fd) }
        guard let dazwischen = zeilenumbrueche(o.fd, von: stueck.von, bis: ab) else { return nil }
        return Stueck(
            pfad: stueck.pfad, von: ab, bis: stueck.bis, kopf: stueck.kopf, ersteZeile: stueck.ersteZeile + dazwischen,
            trennzeichen: stueck.trennzeichen, zeilenSchaetzung: stueck.zeilenSchaetzung)
    }

    /// Whether the pieces cover the file row by row: each reader stopped exactly where the next
    /// piece starts, and the last read to the end.
    package static func luecklos(_ stuecke: [Stueck]) -> Bool {
        zip(stuecke, stuecke.dropFirst()).allSatisfy { halt($0) == $1.von } && stuecke.last?.angehaltenBei == nil
    }

    /// The file offset where a piece's reader stopped, if it did.
    package static func halt(_ stueck: Stueck) -> Int? {
        stueck.angehaltenBei.map { $0 - stueck.kopf.count + stueck.von }
    }

    /// The line breaks in `von..<bis` as the scanner counts them (CRLF, LF or CR, each one), or nil
    /// when the bytes are not valid UTF-8 or cannot be read. `bis` is a row boundary (a planned
    /// piece starts after an LF, a moved one where a reader stopped), so a CRLF never straddles it
    /// and a CR just before it is a line break of its own.
    static func zeilenumbrueche(_ fd: Int32, von: Int, bis: Int) -> Int? {
        let groesse = 1 << 20
        let puffer = UnsafeMutablePointer<UInt8>.allocate(capacity: groesse + 1)
        defer { puffer.deallocate() }
        var pruefung = Utf8Pruefung()
        var anzahl = 0
        var stelle = von
        var nachCR = false
        while stelle < bis {
            let n = pread(fd, puffer, min(groesse, bis - stelle), off_t(stelle))
            guard n > 0, pruefung.weiter(UnsafeBufferPointer(start: puffer, count: n)) else { return nil }
            anzahl += zaehle(puffer, n, nachCR: &nachCR)
            stelle += n
        }
        if nachCR { anzahl += 1 }
        return pruefung.amEnde ? anzahl : nil
    }

    /// Counts LF and CR not followed by LF, eight bytes at a time; `nachCR`: the previous block
    /// ended in a CR (its LF, if any, starts this block).
    static func zaehle(_ p: UnsafeMutablePointer<UInt8>, _ n: Int, nachCR: inout Bool) -> Int {
        let einsen: UInt64 = 0x0101_0101_0101_0101
        let hoch: UInt64 = 0x8080_8080_8080_8080
        let sieben: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        /// Bytes of `w` equal to `b`, exactly (no carries between bytes).
        @inline(__always) func gleich(_ w: UInt64, _ b: UInt8) -> UInt64 {
            let x = w ^ (einsen &* UInt64(b))
            return ~(((x & sieben) &+ sieben) | x | sieben) & hoch
        }
        var anzahl = 0
        var i = 0
        if nachCR, n > 0, p[0] != 0x0A { anzahl += 1 }
        if nachCR, n == 0 { anzahl += 1 }
        nachCR = false
        while i + 8 <= n {
            let w = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
            anzahl += gleich(w, 0x0A).nonzeroBitCount
            if gleich(w, 0x0D) != 0 {
                for k in i..<(i + 8) where p[k] == 0x0D {
                    if k + 1 < n { anzahl += p[k + 1] == 0x0A ? 0 : 1 } else { nachCR = true }
                }
            }
            i += 8
        }
        while i < n {
            if p[i] == 0x0A { anzahl += 1 }
            if p[i] == 0x0D {
                if i + 1 < n { anzahl += p[i + 1] == 0x0A ? 0 : 1 } else { nachCR = true }
            }
            i += 1
        }
        return anzahl
    }

    /// The statistics and messages of the pieces as one reading of the whole file would give them:
    /// counts added (each piece's header line but the first taken off), rows rejected and records
    /// spanning lines shown up to `QuellenLeser.detailGrenze` each, the rest counted in one note.
    package static func vereinige(_ stuecke: [Stueck], _ statistiken: [DateiStatistik]) -> (
        DateiStatistik, [Diagnose]
    ) {
        var gesamt = statistiken[0]
        gesamt.teile = stuecke.count
        for (j, s) in statistiken.enumerated() where j > 0 {
            gesamt.physischeZeilen += s.physischeZeilen - 1
            gesamt.kopfzeilen += s.kopfzeilen - 1
            gesamt.leereZeilen += s.leereZeilen
            gesamt.zeilenGelesen += s.zeilenGelesen
            gesamt.folgezeilen += s.folgezeilen
            gesamt.uebernommen += s.uebernommen
            for (grund, n) in s.verworfen { gesamt.verworfen[grund, default: 0] += n }
        }
        var diagnosen: [Diagnose] = []
        var gezeigt = 0, mehrzeilig = 0
        for m in stuecke.flatMap(\.zeilenmeldungen) {
            if m.mehrzeilig {
                guard mehrzeilig < QuellenLeser.detailGrenze else { continue }
                mehrzeilig += 1
            } else {
                guard gezeigt < QuellenLeser.detailGrenze else { continue }
                gezeigt += 1
            }
            diagnosen.append(m.diagnose)
        }
        let weitere = gesamt.verworfenGesamt - gezeigt
        if weitere > 0 {
            diagnosen.append(
                Diagnose(
                    DatenMeldung.weitereVerworfen(anzahl: weitere, gezeigt: QuellenLeser.detailGrenze),
                    ort: Ort(datei: gesamt.pfad)))
        }
        return (gesamt, diagnosen)
    }
}
