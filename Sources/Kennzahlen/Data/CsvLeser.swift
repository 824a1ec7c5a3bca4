/// One row of a CSV file: byte ranges of its fields in the (UTF-8) buffer.
public struct CsvZeile {
    /// 1-based physical line where the row starts (quoted line breaks make rows span lines).
    public var zeile: Int
    /// Field ranges in the buffer; quoted fields are already unescaped in place.
    public var felder: [Range<Int>]
    /// Set when the row is malformed (an opening quote never closed).
    public var problem: String?
    /// A line with nothing on it.
    public var istLeer: Bool
}

/// A byte-level CSV scanner (RFC 4180 and Excel habits): quoted fields with doubled quotes,
/// delimiters and line breaks inside quotes, CRLF / LF / CR, a missing final newline.
///
/// It never builds a `String` per field: fields are byte ranges into one buffer, and quoted fields
/// are unescaped in place (unescaping only ever shrinks a field).
public enum CsvLeser {
    /// Guesses the delimiter from the first line (outside quotes): `;`, `,`, tab or `|`, the most
    /// frequent wins; `;` on a tie, as German Excel writes it.
    public static func trennzeichen(_ p: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var zaehler: [UInt8: Int] = [0x3B: 0, 0x2C: 0, 0x09: 0, 0x7C: 0]
        var inAnf = false
        for c in p {
            if c == 0x22 { inAnf.toggle() }
            if !inAnf && (c == 0x0A || c == 0x0D) { break }
            if !inAnf, zaehler[c] != nil { zaehler[c, default: 0] += 1 }
        }
        var bestes: UInt8 = 0x3B
        var anzahl = 0
        for c: UInt8 in [0x3B, 0x2C, 0x09, 0x7C] where (zaehler[c] ?? 0) > anzahl {
            bestes = c
            anzahl = zaehler[c] ?? 0
        }
        return bestes
    }

    /// Calls `zeile` for each row of the buffer in order. The buffer is modified (unescaping).
    public static func lies(_ p: UnsafeMutableBufferPointer<UInt8>, trennzeichen t: UInt8, _ zeile: (CsvZeile) -> Void) {
        let n = p.count
        var i = 0
        var zeilennummer = 1
        var felder: [Range<Int>] = []
        felder.reserveCapacity(32)
        while i < n {
            felder.removeAll(keepingCapacity: true)
            let start = zeilennummer
            var problem: String?
            var zeilenEnde = false
            while !zeilenEnde {
                if i < n && p[i] == 0x22 {
                    // Quoted field: unescape in place from `schreib`.
                    let feldStart = i
                    var schreib = i
                    i += 1
                    var geschlossen = false
                    while i < n {
                        let c = p[i]
                        if c == 0x22 {
                            if i + 1 < n && p[i + 1] == 0x22 {
                                p[schreib] = 0x22
                                schreib += 1
                                i += 2
                                continue
                            }
                            i += 1
                            geschlossen = true
                            break
                        }
                        if c == 0x0A { zeilennummer += 1 } else if c == 0x0D && !(i + 1 < n && p[i + 1] == 0x0A) { zeilennummer += 1 }
                        p[schreib] = c
                        schreib += 1
                        i += 1
                    }
                    if !geschlossen { problem = "Anführungszeichen in Zeile \(start) wird nicht geschlossen" }
                    // Text after the closing quote (not RFC, but Excel-tolerant): keep it.
                    while i < n, p[i] != t, p[i] != 0x0A, p[i] != 0x0D {
                        p[schreib] = p[i]
                        schreib += 1
                        i += 1
                    }
                    felder.append(feldStart..<schreib)
                } else {
                    let feldStart = i
                    while i < n, p[i] != t, p[i] != 0x0A, p[i] != 0x0D { i += 1 }
                    felder.append(feldStart..<i)
                }
                if i >= n {
                    zeilenEnde = true
                } else if p[i] == t {
                    i += 1
                    if i >= n { felder.append(i..<i) ; zeilenEnde = true }
                } else {
                    // Line break: CRLF, LF or CR.
                    if p[i] == 0x0D && i + 1 < n && p[i + 1] == 0x0A { i += 2 } else { i += 1 }
                    zeilennummer += 1
                    zeilenEnde = true
                }
            }
            let leer = felder.count == 1 && felder[0].isEmpty && problem == nil
            zeile(CsvZeile(zeile: start, felder: felder, problem: problem, istLeer: leer))
        }
    }
}

extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes of `r` as a String (UTF-8; invalid sequences repaired).
    func text(_ r: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: self[r]), as: UTF8.self)
    }

    /// The bytes of `r` without surrounding spaces and tabs.
    func getrimmt(_ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, e = r.upperBound
        while a < e, self[a] == 0x20 || self[a] == 0x09 { a += 1 }
        while e > a, self[e - 1] == 0x20 || self[e - 1] == 0x09 { e -= 1 }
        return a..<e
    }
}
