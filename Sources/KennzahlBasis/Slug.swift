/// ASCII folder names derived from German names: `Mitte/Ost` → `mitte-ost`, `Böfingen` → `boefingen`.
///
/// Output paths are built only from slugs, so no name from a definition or an export can make a
/// file land outside the output folder.
package enum Slug {
    package static func aus(_ name: String) -> String {
        var ergebnis = ""
        var strichOffen = false
        for zeichen in name.lowercased() {
            let ersatz: String?
            switch zeichen {
            case "ä": ersatz = "ae"
            case "ö": ersatz = "oe"
            case "ü": ersatz = "ue"
            case "ß": ersatz = "ss"
            case "é", "è", "ê": ersatz = "e"
            case "á", "à", "â": ersatz = "a"
            default:
                if zeichen.isASCII, zeichen.isLetter || zeichen.isNumber {
                    ersatz = String(zeichen)
                } else {
                    ersatz = nil
                }
            }
            if let e = ersatz {
                if strichOffen && !ergebnis.isEmpty { ergebnis += "-" }
                strichOffen = false
                ergebnis += e
            } else {
                strichOffen = true
            }
        }
        // File names stay short whatever the name: at most 64 characters.
        if ergebnis.count > Slug.laengste {
            ergebnis = String(ergebnis.prefix(Slug.laengste))
            while ergebnis.hasSuffix("-") { ergebnis.removeLast() }
        }
        return ergebnis
    }

    static let laengste = 64
}
