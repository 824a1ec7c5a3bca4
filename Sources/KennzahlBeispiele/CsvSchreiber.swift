/// Writes sample exports the way the source systems do: semicolons, German dates, CRLF, UTF-8
/// with BOM or Windows-1252.
struct CsvSchreiber {
    private var zeilen: [String] = []
    let windows1252: Bool
    let bom: Bool

    init(kopf: [String], windows1252: Bool = false, bom: Bool = true) {
        self.windows1252 = windows1252
        self.bom = bom && !windows1252
        zeile(kopf)
    }

    mutating func zeile(_ felder: [String]) {
        zeilen.append(felder.map(CsvSchreiber.feld).joined(separator: ";"))
    }

    /// Appends a line exactly as given (for deliberately broken rows).
    mutating func roh(_ text: String) { zeilen.append(text) }

    static func feld(_ f: String) -> String {
        if f.contains(";") || f.contains("\"") || f.contains("\n") {
            return "\"" + f.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return f
    }

    var bytes: [UInt8] {
        let text = zeilen.joined(separator: "\r\n") + "\r\n"
        if windows1252 {
            return text.unicodeScalars.map { s -> UInt8 in
                switch s.value {
                case 0..<0x80, 0xA0...0xFF: return UInt8(s.value)
                case 0x20AC: return 0x80
                case 0x2013: return 0x96
                case 0x201E: return 0x84
                case 0x201C: return 0x93
                default: return 0x3F
                }
            }
        }
        return (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }
}
