import KennzahlBasis

/// One field of a CSV row as bytes of the current block: for a quoted field without doubled quotes
/// the range inside the quotes; a field that needs unescaping (`maskiert`) keeps its raw bytes,
/// quotes included, and is unescaped on access (`CsvZeile.wert`).
struct CsvFeld: Sendable {
    var von: Int
    var bis: Int
    var maskiert: Bool
}

/// Why the scanner could not make a row of a line.
enum CsvProblem: Sendable, Equatable {
    /// An opening quote that is not closed before the end of the file.
    case nichtGeschlossen
    /// A line longer than the buffer (`grenze`, e.g. "1 MB"); `anfuehrungszeichen`: it was an
    /// opening quote that did not close within the buffer.
    case zuLang(grenze: String, anfuehrungszeichen: Bool)
    /// A quoted field spans lines up to `bis`, and the record then has `felder` fields instead
    /// of `erwartet`.
    case falscheFeldzahl(bis: Int, felder: Int, erwartet: Int)
    /// A quoted field spans lines up to `bis` and swallows lines that are complete rows themselves
    /// (the first is `beispiel`).
    case verschluckt(bis: Int, beispiel: Int)

    /// The full German message for the planner, about the row starting on line `zeile`.
    func text(zeile: Int) -> String {
        let weiter = "Zeile \(zeile) verworfen, ab Zeile \(zeile + 1) wird einzeln weitergelesen"
        switch self {
        case .nichtGeschlossen:
            return "Anführungszeichen in Zeile \(zeile) wird nicht geschlossen"
        case .zuLang(let grenze, let anf):
            return anf
                ? "Anführungszeichen in Zeile \(zeile) wird nicht geschlossen (Zeile länger als \(grenze))"
                : "Zeile \(zeile) ist länger als \(grenze)"
        case .falscheFeldzahl(let bis, let felder, let erwartet):
            return
                "Feld in Anführungszeichen reicht von Zeile \(zeile) bis Zeile \(bis); der Datensatz hat dann \(felder) statt \(erwartet) Felder"
                + " – wahrscheinlich ein einzelnes Anführungszeichen in Zeile \(zeile). " + weiter
        case .verschluckt(let bis, let beispiel):
            return
                "Feld in Anführungszeichen reicht von Zeile \(zeile) bis Zeile \(bis) und enthält vollständige Datenzeilen (Zeile \(beispiel))"
                + " – wahrscheinlich ein einzelnes Anführungszeichen in Zeile \(zeile). " + weiter
        }
    }

    /// The short reason for reports and the data-quality table.
    var grund: String {
        switch self {
        case .nichtGeschlossen: return "Anführungszeichen nicht geschlossen"
        case .zuLang(let grenze, let anf):
            return anf
                ? "Anführungszeichen nicht geschlossen (Zeile länger als \(grenze))" : "Zeile länger als \(grenze)"
        case .falscheFeldzahl: return "Anführungszeichen über mehrere Zeilen, falsche Anzahl Felder"
        case .verschluckt: return "Anführungszeichen über mehrere Zeilen verschluckt Datenzeilen"
        }
    }
}

/// One row of a CSV file, valid only during the callback that receives it.
struct CsvZeile {
    /// 1-based physical line where the row starts (quoted line breaks make rows span lines).
    var zeile: Int
    var felder: UnsafeBufferPointer<CsvFeld>
    /// Set when the line could not be made a row; the row then covers only its first line.
    var problem: CsvProblem?
    /// A line with nothing on it.
    var istLeer: Bool
    /// Physical lines the row spans (more than 1 when a quoted field holds line breaks).
    var zeilen: Int = 1
    /// Stream offset where the row starts (rows without a problem).
    var versatz = 0
}

/// A byte-level CSV scanner (RFC 4180 and Excel habits) that works on blocks of a stream: quoted
/// fields with doubled quotes, delimiters and line breaks inside quotes, CRLF / LF / CR, a missing
/// final newline. It never builds a `String` per field and never modifies the bytes.
///
/// A row that does not end in the block is left for the next call, with more bytes appended. An
/// opening quote that is never closed spoils only the physical line it is on: that line is reported
/// and reading resumes on the next one.
///
/// Once the header is known (`erwarteteFelder`), a record whose quoted field spans lines is
/// checked: if it then has the wrong number of fields, or a line inside it is a complete row by
/// itself, the quote was most likely a stray one. Only the record's first line is rejected and
/// scanning resumes on the next physical line, so the swallowed rows are read as rows.
package final class CsvZerleger {
    let trennzeichen: UInt8
    /// Physical line of the next row.
    private(set) var zeilennummer = 1
    /// The header's field count; records spanning lines are checked against it.
    var erwarteteFelder: Int?
    private var felder: UnsafeMutablePointer<CsvFeld>
    private var kapazitaet = 64
    /// Discarding the rest of a line longer than the buffer.
    private var ueberspringen = false
    /// That line ended with a CR as the last byte of a block: an LF starting the next block
    /// belongs to it (CRLF).
    private var nachCR = false

    /// Where to stop, relative to the block `zerlege` gets: no row starting at or after it is
    /// scanned (a piece of a file split for several cores ends there).
    var grenze = Int.max
    /// Whether `zerlege` stopped at `grenze`.
    private(set) var angehalten = false
    /// Stream offset of the block `zerlege` gets.
    var blockVersatz = 0

    /// `zeilennummer`: the physical line number of the first line (a piece of a split file starts
    /// inside the file).
    init(trennzeichen: UInt8, zeilennummer: Int = 1) {
        self.trennzeichen = trennzeichen
        self.zeilennummer = zeilennummer
        felder = .allocate(capacity: kapazitaet)
    }

    deinit { felder.deallocate() }

    /// Guesses the delimiter from the first line (outside quotes): `;`, `,`, tab or `|`, the most
    /// frequent wins; `;` on a tie, as German Excel writes it.
    static func trennzeichen(_ p: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var zaehler: [Int] = [0, 0, 0, 0]
        let kandidaten: [UInt8] = [0x3B, 0x2C, 0x09, 0x7C]
        var inAnf = false
        for c in p {
            if c == 0x22 { inAnf.toggle() }
            if !inAnf && (c == 0x0A || c == 0x0D) { break }
            if !inAnf, let k = kandidaten.firstIndex(of: c) { zaehler[k] += 1 }
        }
        var bestes = 0
        for k in 1..<4 where zaehler[k] > zaehler[bestes] { bestes = k }
        return kandidaten[bestes]
    }

    private func wachse() {
        let neu = UnsafeMutablePointer<CsvFeld>.allocate(capacity: kapazitaet * 2)
        neu.update(from: felder, count: kapazitaet)
        felder.deallocate()
        felder = neu
        kapazitaet *= 2
    }

    /// Scans the rows of `p[0..<n]` that end in it (all of them at the end of the file) and returns
    /// how many bytes they took; the rest must be offered again with the following bytes.
    func zerlege(_ p: UnsafePointer<UInt8>, _ n: Int, dateiende: Bool, _ zeile: (CsvZeile) -> Void) -> Int {
        let t = trennzeichen
        let lf: UInt8 = 0x0A, cr: UInt8 = 0x0D, anf: UInt8 = 0x22
        // Hot loop: the object's state in locals (no exclusivity checks per byte), written back.
        var felder = self.felder, kapazitaet = self.kapazitaet, zeilennummer = self.zeilennummer
        defer { self.zeilennummer = zeilennummer }
        func wachse() {
            self.wachse()
            felder = self.felder
            kapazitaet = self.kapazitaet
        }
        var i = 0
        if nachCR {
            guard n > 0 else { return 0 }
            nachCR = false
            if p[0] == lf { i = 1 }
        }
        if ueberspringen {
            while i < n, p[i] != lf, p[i] != cr { i += 1 }
            guard i < n else { return n }
            if p[i] == cr && i + 1 == n && !dateiende {
                nachCR = true
                i += 1
            } else {
                i += (p[i] == cr && i + 1 < n && p[i + 1] == lf) ? 2 : 1
            }
            ueberspringen = false
            zeilennummer += 1
        }
        zeilen: while i < n {
            if i >= grenze {
                angehalten = true
                return i
            }
            let start = i
            var umbrueche = 0
            var innen = 0
            var anzahl = 0
            felder: while true {
                if anzahl == kapazitaet { wachse() }
                if i < n && p[i] == anf {
                    let feldStart = i
                    i += 1
                    var maskiert = false
                    var geschlossen = false
                    while i < n {
                        let c = p[i]
                        if c == anf {
                            if i + 1 < n {
                                if p[i + 1] == anf {
                                    maskiert = true
                                    i += 2
                                    continue
                                }
                            } else if !dateiende {
                                return start  // `"` or `""`? The next block tells.
                            }
                            i += 1
                            geschlossen = true
                            break
                        }
                        if c == lf {
                            umbrueche += 1
                            innen += 1
                        } else if c == cr {
                            if i + 1 < n {
                                if p[i + 1] != lf {
                                    umbrueche += 1
                                    innen += 1
                                }
                            } else if !dateiende {
                                return start
                            } else {
                                umbrueche += 1
                                innen += 1
                            }
                        }
                        i += 1
                    }
                    if !geschlossen {
                        if !dateiende { return start }
                        // Never closed: only the physical line of the row's start is lost.
                        zeile(
                            CsvZeile(
                                zeile: zeilennummer, felder: UnsafeBufferPointer(start: felder, count: 0),
                                problem: .nichtGeschlossen, istLeer: false))
                        i = start
                        while i < n, p[i] != lf, p[i] != cr { i += 1 }
                        if i < n {
                            i += (p[i] == cr && i + 1 < n && p[i + 1] == lf) ? 2 : 1
                            zeilennummer += 1
                        }
                        continue zeilen
                    }
                    // Text after the closing quote (not RFC, but Excel-tolerant): kept.
                    let danach = i
                    while i < n, p[i] != t, p[i] != lf, p[i] != cr { i += 1 }
                    if i > danach { maskiert = true }
                    felder[anzahl] =
                        maskiert
                        ? CsvFeld(von: feldStart, bis: i, maskiert: true)
                        : CsvFeld(von: feldStart + 1, bis: danach - 1, maskiert: false)
                } else {
                    let feldStart = i
                    while i < n {
                        let c = p[i]
                        if c == t || c == lf || c == cr { break }
                        i += 1
                    }
                    felder[anzahl] = CsvFeld(von: feldStart, bis: i, maskiert: false)
                }
                anzahl += 1
                if i >= n {
                    if !dateiende { return start }
                    break felder
                }
                let c = p[i]
                if c == t {
                    i += 1
                    if i >= n {
                        if !dateiende { return start }
                        if anzahl == kapazitaet { wachse() }
                        felder[anzahl] = CsvFeld(von: i, bis: i, maskiert: false)
                        anzahl += 1
                        break felder
                    }
                    continue felder
                }
                // Line break: CRLF, LF or CR.
                if c == cr {
                    if i + 1 < n {
                        i += p[i + 1] == lf ? 2 : 1
                    } else if !dateiende {
                        return start
                    } else {
                        i += 1
                    }
                } else {
                    i += 1
                }
                umbrueche += 1
                break felder
            }
            if innen > 0, let erwartet = erwarteteFelder,
                let problem = CsvZerleger.pruefeMehrzeilig(
                    p, von: start, bis: i, felder: UnsafeBufferPointer(start: felder, count: anzahl),
                    erwartet: erwartet, trennzeichen: t, ersteZeile: zeilennummer, innen: innen)
            {
                // Reject the first line only; its line break lies inside the record.
                zeile(
                    CsvZeile(
                        zeile: zeilennummer, felder: UnsafeBufferPointer(start: felder, count: 0), problem: problem,
                        istLeer: false))
                var e = start
                while p[e] != lf && p[e] != cr { e += 1 }
                i = e + ((p[e] == cr && p[e + 1] == lf) ? 2 : 1)
                zeilennummer += 1
                continue zeilen
            }
            let leer = anzahl == 1 && felder[0].von == felder[0].bis && p[start] != anf
            zeile(
                CsvZeile(
                    zeile: zeilennummer, felder: UnsafeBufferPointer(start: felder, count: anzahl), problem: nil,
                    istLeer: leer, zeilen: innen + 1, versatz: blockVersatz + start))
            if erwarteteFelder == nil && !leer { erwarteteFelder = anzahl }
            zeilennummer += umbrueche
        }
        return i
    }

    /// Checks a complete record `p[von..<bis]` whose quoted fields hold `innen` line breaks: the
    /// field count (trailing empty fields beyond the header are tolerated, as for single lines)
    /// and whether a line after the first is a complete row by itself.
    static func pruefeMehrzeilig(
        _ p: UnsafePointer<UInt8>, von: Int, bis: Int, felder: UnsafeBufferPointer<CsvFeld>,
        erwartet: Int, trennzeichen t: UInt8, ersteZeile: Int, innen: Int
    ) -> CsvProblem? {
        let letzteZeile = ersteZeile + innen
        if felder.count < erwartet || (felder.count > erwartet && felder[erwartet...].contains { $0.von != $0.bis }) {
            return .falscheFeldzahl(bis: letzteZeile, felder: felder.count, erwartet: erwartet)
        }
        // The lines after the first, each read on its own: a complete row has erwartet − 1
        // delimiters outside balanced quotes.
        var i = von
        while i < bis && p[i] != 0x0A && p[i] != 0x0D { i += 1 }
        var nummer = ersteZeile
        while i < bis {
            i += (p[i] == 0x0D && i + 1 < bis && p[i + 1] == 0x0A) ? 2 : 1
            nummer += 1
            guard i < bis else { break }
            var trenner = 0
            var inAnf = false
            let anfang = i
            while i < bis && p[i] != 0x0A && p[i] != 0x0D {
                if p[i] == 0x22 { inAnf.toggle() } else if p[i] == t && !inAnf { trenner += 1 }
                i += 1
            }
            if i > anfang && !inAnf && trenner == erwartet - 1 && erwartet > 1 {
                return .verschluckt(bis: letzteZeile, beispiel: nummer)
            }
        }
        return nil
    }

    /// For a buffer full of one unfinished row (longer than the buffer, or an opening quote that is
    /// not closed within it): reports the row's first line and skips it. Returns the bytes taken.
    func verwirfUeberlangeZeile(_ p: UnsafePointer<UInt8>, _ n: Int, grenze: String, _ zeile: (CsvZeile) -> Void)
        -> Int
    {
        let anfangsZeile = zeilennummer
        var inAnf = false
        var i = 0
        while i < n, p[i] != 0x0A, p[i] != 0x0D {
            if p[i] == 0x22 { inAnf.toggle() }
            i += 1
        }
        let problem = CsvProblem.zuLang(grenze: grenze, anfuehrungszeichen: inAnf || (n > 0 && p[0] == 0x22))
        zeile(
            CsvZeile(
                zeile: anfangsZeile, felder: UnsafeBufferPointer(start: felder, count: 0), problem: problem,
                istLeer: false))
        guard i < n else {
            ueberspringen = true
            return n
        }
        zeilennummer += 1
        if p[i] == 0x0D && i + 1 == n {
            nachCR = true
            return n
        }
        return i + ((p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A) ? 2 : 1)
    }

    /// Runs a scanner over a stream of bytes, block by block, in a buffer of `kapazitaet` bytes:
    /// `lies` fills up to the given count at the pointer (0 at the end, −1 on a read error). A
    /// row that does not fit in the buffer is reported and skipped. The delimiter is guessed from
    /// the first block. Rows point into `block`. Returns the number of physical lines of the
    /// stream (line breaks, plus a last line without one), or nil on a read error.
    ///
    /// A piece of a split file: lines numbered from `ersteZeile`; scanning stops at the first row
    /// starting at stream offset `grenze` or later, and `angehalten` hears that offset.
    @discardableResult
    static func zerlegeStrom(
        block: UnsafeMutablePointer<UInt8>, kapazitaet: Int,
        lies: (UnsafeMutablePointer<UInt8>, Int) -> Int, nachBlock: () -> Void = {},
        ersteZeile: Int = 1, grenze: Int? = nil, angehalten: (Int) -> Void = { _ in },
        _ zeile: (CsvZeile) -> Void
    ) -> Int? {
        var zerleger: CsvZerleger?
        var laenge = 0
        /// Stream bytes before `block[0]`.
        var davor = 0
        var letztesByte: UInt8?
        /// The scanner, once the first line is complete (or the buffer full, or the file ended):
        /// the delimiter is guessed from the whole first line, however the bytes arrive.
        func erster(_ laenge: Int, _ ende: Bool) -> CsvZerleger? {
            let p = UnsafeBufferPointer(start: block, count: laenge)
            guard ende || laenge == kapazitaet || p.contains(0x0A) || p.contains(0x0D) else { return nil }
            return CsvZerleger(trennzeichen: trennzeichen(p), zeilennummer: ersteZeile)
        }
        while true {
            let n = lies(block + laenge, kapazitaet - laenge)
            if n < 0 { return nil }
            let ende = n == 0
            laenge += n
            if n > 0 { letztesByte = block[laenge - 1] }
            guard let z = zerleger ?? erster(laenge, ende) else { continue }
            zerleger = z
            z.grenze = grenze.map { $0 - davor } ?? Int.max
            z.blockVersatz = davor
            var verbraucht = z.zerlege(block, laenge, dateiende: ende, zeile)
            if z.angehalten {
                angehalten(davor + verbraucht)
                return z.zeilennummer - ersteZeile
            }
            if ende {
                guard let letztes = letztesByte else { return 0 }
                return z.zeilennummer - ersteZeile + (letztes == 0x0A || letztes == 0x0D ? 0 : 1)
            }
            if verbraucht == 0 && laenge == kapazitaet {
                verbraucht = z.verwirfUeberlangeZeile(block, laenge, grenze: Zahlformat.groesse(kapazitaet), zeile)
            }
            if verbraucht > 0 {
                // memmove: the regions overlap.
                UnsafeMutableRawPointer(block).copyMemory(from: block + verbraucht, byteCount: laenge - verbraucht)
                laenge -= verbraucht
                davor += verbraucht
            }
            nachBlock()
        }
    }

    /// Scans a whole buffer (tests and small files).
    func zerlegeAlles(_ p: UnsafeBufferPointer<UInt8>, _ zeile: (CsvZeile) -> Void) {
        guard let basis = p.baseAddress else { return }
        _ = zerlege(basis, p.count, dateiende: true, zeile)
    }

    /// All non-empty rows of a small file already in memory (UTF-8), as trimmed texts.
    package static func zeilenAlsText(_ bytes: [UInt8]) -> [(zeile: Int, felder: [String], problem: String?)] {
        var zeilen: [(zeile: Int, felder: [String], problem: String?)] = []
        bytes.withUnsafeBufferPointer { p in
            guard let basis = p.baseAddress else { return }
            let puffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, p.count))
            defer { puffer.deallocate() }
            CsvZerleger(trennzeichen: trennzeichen(p)).zerlegeAlles(p) { z in
                if z.istLeer { return }
                zeilen.append(
                    (
                        z.zeile, z.felder.map { wert($0, basis, puffer: puffer).getrimmt.text },
                        z.problem?.text(zeile: z.zeile)
                    ))
            }
        }
        return zeilen
    }

    /// The value of a field: its bytes, or for a field that needs unescaping its unescaped bytes in
    /// `puffer` (room for the raw length).
    static func wert(_ f: CsvFeld, _ p: UnsafePointer<UInt8>, puffer: UnsafeMutablePointer<UInt8>)
        -> UnsafeBufferPointer<UInt8>
    {
        guard f.maskiert else { return UnsafeBufferPointer(start: p + f.von, count: f.bis - f.von) }
        var j = 0
        var i = f.von + 1
        var inAnf = true
        while i < f.bis {
            let c = p[i]
            if inAnf && c == 0x22 {
                if i + 1 < f.bis && p[i + 1] == 0x22 {
                    puffer[j] = 0x22
                    j += 1
                    i += 2
                    continue
                }
                inAnf = false
                i += 1
                continue
            }
            puffer[j] = c
            j += 1
            i += 1
        }
        return UnsafeBufferPointer(start: puffer, count: j)
    }
}
