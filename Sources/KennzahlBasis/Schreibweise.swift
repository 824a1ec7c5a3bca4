import Foundation

/// How the project reads words and numbers that people typed: names from exports, keywords of the
/// definition language, numbers in German or English notation.
package enum Schreibweise {
    /// How names from exports are compared with the catalogue: trimmed, case-insensitive.
    package static func vergleichsform(_ s: String) -> String {
        s.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// Lower case with umlauts spelt in ASCII (`Zähler` → `zaehler`): keywords compare this way.
    package static func normalisiert(_ wort: String) -> String {
        var s = ""
        for c in wort.lowercased() {
            switch c {
            case "ä": s += "ae"
            case "ö": s += "oe"
            case "ü": s += "ue"
            case "ß": s += "ss"
            default: s.append(c)
            }
        }
        return s
    }

    /// `80`, `84,5`, `84.5`; `1.000` with exactly three digits after the dot is German thousands.
    package static func zahlenwert(_ s: String) -> Bruch? {
        let teile = s.split(separator: ",", omittingEmptySubsequences: false)
        var ganz = String(teile[0])
        var bruch = teile.count > 1 ? String(teile[1]) : ""
        if teile.count > 2 { return nil }
        if teile.count == 1, let punkt = ganz.firstIndex(of: ".") {
            let nach = ganz[ganz.index(after: punkt)...]
            let gruppen = ganz.split(separator: ".", omittingEmptySubsequences: false)
            if gruppen.count > 1, gruppen.dropFirst().allSatisfy({ $0.count == 3 }), gruppen[0].count <= 3 {
                ganz = gruppen.joined()
            } else if gruppen.count == 2 {
                ganz = String(ganz[..<punkt])
                bruch = String(nach)
            } else {
                return nil
            }
        } else {
            ganz = ganz.replacingOccurrences(of: ".", with: "")
        }
        guard !ganz.isEmpty, ganz.allSatisfy({ $0.isASCII && $0.isNumber }),
            bruch.allSatisfy({ $0.isASCII && $0.isNumber }), ganz.count + bruch.count <= 30,
            let z = Int128(ganz + bruch)
        else { return nil }
        var nenner: Int128 = 1
        for _ in 0..<bruch.count { nenner *= 10 }
        return Bruch(zaehler: z, nenner: nenner)
    }
}
