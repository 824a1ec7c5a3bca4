/// A JSON value (RFC 8259), as far as the map reader needs it: objects keep their member order.
package indirect enum JsonWert: Sendable, Equatable {
    case objekt([(String, JsonWert)])
    case liste([JsonWert])
    case text(String)
    case zahl(Double)
    case wahrheit(Bool)
    case null

    /// A member of an object by name (the first, as most readers do), nil otherwise.
    package subscript(_ name: String) -> JsonWert? {
        guard case .objekt(let m) = self else { return nil }
        return m.first { $0.0 == name }?.1
    }

    package static func == (a: JsonWert, b: JsonWert) -> Bool {
        switch (a, b) {
        case (.objekt(let x), .objekt(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        case (.liste(let x), .liste(let y)): x == y
        case (.text(let x), .text(let y)): x == y
        case (.zahl(let x), .zahl(let y)): x == y
        case (.wahrheit(let x), .wahrheit(let y)): x == y
        case (.null, .null): true
        default: false
        }
    }
}

/// Reads JSON text: a recursive descent with a depth limit (hostile nesting ends in an error, not
/// a crash), every error with line and column.
package struct JsonLeser {
    package struct Fehler: Error, Equatable {
        package var text: String
        package var zeile: Int
        package var spalte: Int
    }

    /// Deeper nesting than any geometry needs (a MultiPolygon is 6 levels deep).
    package static let hoechsteTiefe = 64

    private let b: [UInt8]
    private var i = 0
    private var tiefe = 0

    private init(_ bytes: [UInt8]) { b = bytes }

    package static func lies(_ bytes: [UInt8]) -> Result<JsonWert, Fehler> {
        var l = JsonLeser(bytes)
        do {
            // A UTF-8 byte order mark is tolerated, as Windows tools write one.
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { l.i = 3 }
            let w = try l.wert()
            l.leerraum()
            guard l.i == bytes.count else { throw l.fehler("nach dem Ende des JSON-Werts folgt noch Text") }
            return .success(w)
        } catch let f as Fehler {
            return .failure(f)
        } catch {
            return .failure(Fehler(text: "\(error)", zeile: 1, spalte: 1))
        }
    }

    private func fehler(_ text: String) -> Fehler {
        var zeile = 1
        var anfang = 0
        for j in 0..<min(i, b.count) where b[j] == 0x0A {
            zeile += 1
            anfang = j + 1
        }
        return Fehler(text: text, zeile: zeile, spalte: i - anfang + 1)
    }

    private mutating func leerraum() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x0A || b[i] == 0x0D || b[i] == 0x09 { i += 1 }
    }

    private mutating func wert() throws -> JsonWert {
        leerraum()
        guard i < b.count else { throw fehler("unerwartetes Dateiende") }
        switch b[i] {
        case UInt8(ascii: "{"): return try verschachtelt { try $0.objekt() }
        case UInt8(ascii: "["): return try verschachtelt { try $0.liste() }
        case UInt8(ascii: "\""): return .text(try text())
        case UInt8(ascii: "t"): return try wort("true", .wahrheit(true))
        case UInt8(ascii: "f"): return try wort("false", .wahrheit(false))
        case UInt8(ascii: "n"): return try wort("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .zahl(try zahl())
        default: throw fehler("unerwartetes Zeichen '\(Unicode.Scalar(b[i]))'")
        }
    }

    private mutating func verschachtelt(_ f: (inout JsonLeser) throws -> JsonWert) throws -> JsonWert {
        tiefe += 1
        defer { tiefe -= 1 }
        guard tiefe <= JsonLeser.hoechsteTiefe else {
            throw fehler("zu tief verschachtelt: höchstens \(JsonLeser.hoechsteTiefe) Ebenen")
        }
        return try f(&self)
    }

    private mutating func objekt() throws -> JsonWert {
        i += 1
        var glieder: [(String, JsonWert)] = []
        leerraum()
        if i < b.count, b[i] == UInt8(ascii: "}") {
            i += 1
            return .objekt(glieder)
        }
        while true {
            leerraum()
            guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw fehler("Name in Anführungszeichen erwartet") }
            let name = try text()
            leerraum()
            guard i < b.count, b[i] == UInt8(ascii: ":") else { throw fehler("':' erwartet") }
            i += 1
            glieder.append((name, try wert()))
            leerraum()
            guard i < b.count else { throw fehler("unerwartetes Dateiende in einem Objekt") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard b[i] == UInt8(ascii: "}") else { throw fehler("',' oder '}' erwartet") }
            i += 1
            return .objekt(glieder)
        }
    }

    private mutating func liste() throws -> JsonWert {
        i += 1
        var werte: [JsonWert] = []
        leerraum()
        if i < b.count, b[i] == UInt8(ascii: "]") {
            i += 1
            return .liste(werte)
        }
        while true {
            werte.append(try wert())
            leerraum()
            guard i < b.count else { throw fehler("unerwartetes Dateiende in einer Liste") }
            if b[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            guard b[i] == UInt8(ascii: "]") else { throw fehler("',' oder ']' erwartet") }
            i += 1
            return .liste(werte)
        }
    }

    private mutating func wort(_ w: String, _ wert: JsonWert) throws -> JsonWert {
        let u = Array(w.utf8)
        guard i + u.count <= b.count, Array(b[i..<i + u.count]) == u else { throw fehler("unbekanntes Wort") }
        i += u.count
        return wert
    }

    private mutating func zahl() throws -> Double {
        let start = i
        while i < b.count, "+-0123456789.eE".utf8.contains(b[i]) { i += 1 }
        guard let d = Double(String(decoding: b[start..<i], as: UTF8.self)), d.isFinite else {
            i = start
            throw fehler("ungültige Zahl")
        }
        return d
    }

    private mutating func text() throws -> String {
        i += 1
        var bytes: [UInt8] = []
        while true {
            guard i < b.count else { throw fehler("Text ohne schließendes Anführungszeichen") }
            let c = b[i]
            if c == UInt8(ascii: "\"") {
                i += 1
                break
            }
            guard c >= 0x20 else { throw fehler("Steuerzeichen in einem Text") }
            if c != UInt8(ascii: "\\") {
                bytes.append(c)
                i += 1
                continue
            }
            guard i + 1 < b.count else { throw fehler("unvollständige Escape-Folge") }
            let e = b[i + 1]
            i += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(e)
            case UInt8(ascii: "b"): bytes.append(0x08)
            case UInt8(ascii: "f"): bytes.append(0x0C)
            case UInt8(ascii: "n"): bytes.append(0x0A)
            case UInt8(ascii: "r"): bytes.append(0x0D)
            case UInt8(ascii: "t"): bytes.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800..<0xDC00).contains(code), i + 1 < b.count, b[i] == UInt8(ascii: "\\"),
                    b[i + 1] == UInt8(ascii: "u")
                {
                    i += 2
                    let tief = try hex4()
                    guard (0xDC00..<0xE000).contains(tief) else { throw fehler("ungültiges Ersatzzeichenpaar") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (tief - 0xDC00)
                }
                guard let s = Unicode.Scalar(code) else { throw fehler("ungültiges Zeichen \\u") }
                bytes += Array(String(Character(s)).utf8)
            default: throw fehler("unbekannte Escape-Folge")
            }
        }
        guard let s = String(validating: bytes, as: UTF8.self) else { throw fehler("Text ist kein gültiges UTF-8") }
        return s
    }

    private mutating func hex4() throws -> UInt32 {
        guard i + 4 <= b.count, let v = UInt32(String(decoding: b[i..<i + 4], as: UTF8.self), radix: 16) else {
            throw fehler("\\u braucht vier Hexziffern")
        }
        i += 4
        return v
    }
}
