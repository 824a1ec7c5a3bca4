/// Numbers as German readers expect them: `1.094`, `84,0`, `-3,5`; and the plain forms for CSV.
package enum Zahlformat {
    /// German notation with thousands separator and decimal comma, rounded half away from zero.
    package static func deutsch(_ b: Bruch, dezimalen: Int) -> String {
        formatiere(b, dezimalen: dezimalen, tausender: ".", dezimal: ",")
    }

    /// Without thousands separator, with the given decimal mark (CSV for Excel: `,`; RFC 4180: `.`).
    package static func schlicht(_ b: Bruch, dezimalen: Int, dezimal: String) -> String {
        formatiere(b, dezimalen: dezimalen, tausender: "", dezimal: dezimal)
    }

    /// A count with its noun in singular or plural: "1 Quelle", "13 Quellen", "1.094 Zeilen".
    package static func anzahl(_ n: Int, _ einzahl: String, _ mehrzahl: String) -> String {
        deutsch(Bruch(n), dezimalen: 0) + " " + (n == 1 ? einzahl : mehrzahl)
    }

    /// A size in bytes for people: `512 KB`, `4 MB`, `1,5 GB`.
    package static func groesse(_ bytes: Int) -> String {
        let einheiten = [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")]
        for (faktor, name) in einheiten where bytes >= faktor {
            return knapp(Bruch(zaehler: Int128(bytes) * 10 / Int128(faktor), nenner: 10) ?? .null) + " " + name
        }
        return "\(bytes) Bytes"
    }

    /// As few decimals as the exact value needs (up to 4): thresholds and Zielwerte as written.
    package static func knapp(_ b: Bruch) -> String {
        var zehnerpotenz: Int128 = 1
        for d in 0...4 {
            if zehnerpotenz % b.nenner == 0 { return deutsch(b, dezimalen: d) }
            zehnerpotenz *= 10
        }
        return deutsch(b, dezimalen: 4)
    }

    /// Signed German notation: `+12,5`, `-3,0`, `0,0`.
    static func mitVorzeichen(_ b: Bruch, dezimalen: Int) -> String {
        let s = deutsch(b, dezimalen: dezimalen)
        return s.hasPrefix("-") || s.allSatisfy({ $0 == "0" || $0 == "," }) ? s : "+" + s
    }

    /// Value with its unit: `84,0 %`, `1,23 je 1.000 EW`, `1.234,56 €`, `1.094`.
    package static func mitEinheit(_ b: Bruch, _ e: Einheit, dezimalen: Int) -> String {
        let z = deutsch(b, dezimalen: dezimalen)
        let s = einheitZeichen(e)
        return s.isEmpty ? z : z + " " + s
    }

    /// Short unit sign for text: `%`, `je 1.000 EW`, `je 1.000 unter 21-Jährige`, `€`, or nothing for counts.
    package static func einheitZeichen(_ e: Einheit) -> String {
        switch e {
        case .anzahl: return ""
        case .prozent: return "%"
        case .euro: return "€"
        case .benannt(let name): return name
        case .je(let n, let bezug): return "je " + deutsch(Bruch(n), dezimalen: 0) + " " + (bezug ?? "EW")
        }
    }

    /// Unit as a word, for unit columns: `Anzahl`, `%`, `je 1.000 Einwohner`, `Euro`.
    package static func einheitName(_ e: Einheit) -> String {
        switch e {
        case .anzahl: return "Anzahl"
        case .prozent: return "%"
        case .euro: return "Euro"
        case .benannt(let name): return name
        case .je(let n, let bezug): return "je " + deutsch(Bruch(n), dezimalen: 0) + " " + (bezug ?? "Einwohner")
        }
    }

    private static func formatiere(_ b: Bruch, dezimalen: Int, tausender: String, dezimal: String) -> String {
        let (negativ, ziffern) = b.gerundet(dezimalen: dezimalen)
        let ganz = dezimalen > 0 ? String(ziffern.dropLast(dezimalen)) : ziffern
        let rest = dezimalen > 0 ? String(ziffern.suffix(dezimalen)) : ""
        var gruppiert = ""
        for (i, c) in ganz.enumerated() {
            if i > 0 && (ganz.count - i) % 3 == 0 { gruppiert += tausender }
            gruppiert.append(c)
        }
        return (negativ ? "-" : "") + gruppiert + (rest.isEmpty ? "" : dezimal + rest)
    }
}

extension Unicode.Scalar {
    /// A control character: C0, DEL or C1 (tab and line breaks included; callers keep those they
    /// allow), or an invisible format character (Unicode category Cf: bidi overrides and isolates,
    /// zero-width characters, the BOM), which can make text read differently from what it is, or a
    /// noncharacter (XML forbids U+FFFE and U+FFFF). Every output replaces them with U+FFFD.
    package var istSteuerzeichen: Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || (value >= 0xAD && properties.generalCategory == .format)
            || istNichtzeichen
    }
}

extension Unicode.Scalar {
    /// U+FDD0…U+FDEF and the last two code points of every plane (U+FFFE, U+FFFF, U+1FFFE, …):
    /// never characters; U+FFFE and U+FFFF are not allowed in XML at all.
    package var istNichtzeichen: Bool { (0xFDD0...0xFDEF).contains(value) || value & 0xFFFE == 0xFFFE }
}

extension String {
    /// The text with control and format characters (all but line feed) replaced by U+FFFD, a tab
    /// by a space: no name or value from a definition or an export can move a terminal's cursor,
    /// clear it, reverse text or hide text in a CSV file.
    package var ohneSteuerzeichen: String {
        guard unicodeScalars.contains(where: { $0.istSteuerzeichen && $0 != "\n" }) else { return self }
        var aus = String.UnicodeScalarView()
        for u in unicodeScalars {
            if u.istSteuerzeichen && u != "\n" {
                aus.append(u == "\t" ? " " : "\u{FFFD}")
            } else {
                aus.append(u)
            }
        }
        return String(aus)
    }
}
