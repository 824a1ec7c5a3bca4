/// One Ampel light: its colour and one German sentence saying why, with the numbers.
public struct Licht: Sendable, Equatable {
    public var farbe: Ampelfarbe
    public var begruendung: String
}

extension Ampelfarbe {
    /// German word: `rot`, `gelb`, `grau`, `grün`.
    public var wort: String {
        switch self {
        case .rot: return "rot"
        case .gelb: return "gelb"
        case .grau: return "grau"
        case .gruen: return "grün"
        }
    }

    /// A shape per colour, so the light reads in black and white too.
    public var symbol: String {
        switch self {
        case .rot: return "■"
        case .gelb: return "▲"
        case .grau: return "○"
        case .gruen: return "●"
        }
    }
}

/// Switches the Ampel of a Kennzahl from its rules: grey rules first (the value is not judged),
/// otherwise the worst triggered colour wins and every triggered rule is named.
public enum Ampelschaltung {
    public static func schalte(_ k: Kennzahl, aktuell: Kennwert, vorquartal: Kennwert?, vorjahr: Kennwert?) -> Licht? {
        guard !k.ampel.isEmpty else { return nil }
        switch aktuell.zustand {
        case .nurGesamt: return Licht(farbe: .grau, begruendung: "Grau: nur für die Gesamtstadt erhoben, nicht nach Sozialräumen.")
        case .keineDaten: return Licht(farbe: .grau, begruendung: "Grau: keine Daten für diesen Zeitraum.")
        case .ueberlauf: return Licht(farbe: .grau, begruendung: "Grau: Wert nicht darstellbar (Zahlenüberlauf).")
        case .nennerNull: return Licht(farbe: .grau, begruendung: "Grau: kein Wert, der Nenner ist 0.")
        case .wert: break
        }
        var ausgeloest: [(Ampelfarbe, String)] = []
        var nichtPruefbar: [String] = []
        for regel in k.ampel {
            var teile: [String] = []
            var alle = true
            for b in regel.bedingungen {
                switch messe(b, k, aktuell, vorquartal, vorjahr, schwelle: b.schwelle) {
                case .gemessen(let wert, let text):
                    if Filterauswertung.vergleiche(wert, b.vergleich, b.schwelle) {
                        teile.append(text + " " + vergleichText(b.vergleich) + " " + schwelleText(b, k))
                    } else {
                        alle = false
                    }
                case .nichtPruefbar(let grund):
                    alle = false
                    if !nichtPruefbar.contains(grund) { nichtPruefbar.append(grund) }
                case .entfaellt:
                    alle = false
                }
            }
            if alle && !teile.isEmpty { ausgeloest.append((regel.farbe, teile.joined(separator: " und "))) }
        }
        let kontext = ausgeloest.contains { $0.1.contains("Vorjahr") } ? "" : vergleichskontext(k, vorjahr)
        if let grau = ausgeloest.filter({ $0.0 == .grau }).first {
            return Licht(farbe: .grau, begruendung: "Grau (nicht bewertet): \(grau.1) – zu geringe Fallzahl\(kontext).")
        }
        let farbig = ausgeloest.filter { $0.0 != .grau }.sorted { $0.0 < $1.0 }
        if let schlimmste = farbig.first {
            // The winning colour's reasons; a lesser colour's only where it looks at something else.
            var eindeutig: [String] = []
            var gemessen: [String] = []
            for (farbe, grund) in farbig {
                let messgroesse = grund.components(separatedBy: " liegt ").first ?? grund
                if farbe != schlimmste.0 && gemessen.contains(messgroesse) { continue }
                if eindeutig.contains(grund) { continue }
                eindeutig.append(farbe == schlimmste.0 ? grund : "außerdem \(farbe.wort): " + grund)
                gemessen.append(messgroesse)
            }
            let satz = (schlimmste.0 == .rot ? "Rot: " : "Gelb: ") + eindeutig.joined(separator: "; ") + kontext + "."
            return Licht(farbe: schlimmste.0, begruendung: satz)
        }
        var satz = "Grün: keine Regel ausgelöst (Wert " + wertText(aktuell, k) + (kontext.isEmpty ? ")" : "; " + kontext.dropFirst(2).dropLast() + ")")
        if !nichtPruefbar.isEmpty { satz += "; nicht prüfbar: " + nichtPruefbar.joined(separator: ", ") }
        return Licht(farbe: .gruen, begruendung: satz + ".")
    }

    private enum Messung {
        case gemessen(Bruch, String)
        /// The comparison exists but has no value (e.g. no export for the previous year).
        case nichtPruefbar(String)
        /// The comparison does not exist for this period (no Vorquartal in a yearly report).
        case entfaellt
    }

    private static func messe(_ b: AmpelBedingung, _ k: Kennzahl, _ a: Kennwert, _ vq: Kennwert?, _ vj: Kennwert?, schwelle: Bruch) -> Messung {
        guard let v = a.wert else { return .nichtPruefbar("kein Wert") }
        switch b.groesse {
        case .wert:
            let zeichen = Zahlformat.einheitZeichen(k.einheit)
            return .gemessen(v, "Wert " + genau(v, schwelle, k.dezimalen) + (zeichen.isEmpty ? "" : " " + zeichen))
        case .zaehler:
            guard let z = a.zaehler else { return .nichtPruefbar("Zähler unbekannt") }
            return .gemessen(z, "Zähler " + Zahlformat.knapp(z))
        case .nenner:
            guard let n = a.nenner else { return .nichtPruefbar("Nenner unbekannt") }
            return .gemessen(n, "Nenner " + Zahlformat.knapp(n))
        case .abstandZumZielwert:
            guard let ziel = k.zielwert else { return .nichtPruefbar("kein Zielwert") }
            let abstand: Bruch
            switch ziel {
            case .mindestens(let g): abstand = v < g ? (g.minus(v) ?? .null) : .null
            case .hoechstens(let g): abstand = v > g ? (v.minus(g) ?? .null) : .null
            case .zwischen(let x, let y): abstand = v < x ? (x.minus(v) ?? .null) : v > y ? (v.minus(y) ?? .null) : .null
            }
            return .gemessen(abstand, "Abstand zum Zielwert (\(ziel.text(k.einheit))) " + genau(abstand, schwelle, k.dezimalen) + " " + punkte(k))
        case .veraenderung(let bezug), .anstieg(let bezug), .rueckgang(let bezug):
            let name = bezug == .vorquartal ? "Vorquartal" : "Vorjahr"
            if bezug == .vorquartal && vq == nil { return .entfaellt }
            guard let vergleich = bezug == .vorquartal ? vq : vj, let p = vergleich.wert else {
                return .nichtPruefbar("Vergleich mit dem \(name) (kein Wert)")
            }
            guard let differenz = v.minus(p) else { return .nichtPruefbar("Vergleich mit dem \(name)") }
            var gemessen: Bruch
            let betrag: String
            if b.relativ {
                guard !p.istNull, let r = differenz.geteilt(durch: p.betrag)?.mal(Bruch(100)) else {
                    return .nichtPruefbar("Veränderung zum \(name) in % (Vorwert 0)")
                }
                gemessen = r
                betrag = genau(r.betrag, schwelle, 1) + " %"
            } else {
                gemessen = differenz
                betrag = genau(differenz.betrag, schwelle, k.dezimalen) + (k.einheit == .prozent ? " Prozentpunkte" : "")
            }
            switch b.groesse {
            case .rueckgang: gemessen = Bruch.null.minus(gemessen) ?? gemessen
            case .veraenderung: gemessen = gemessen.betrag
            default: break
            }
            let wort = differenz.istNull ? "keine Veränderung" : differenz.istNegativ ? "Rückgang" : "Anstieg"
            let zeichen = Zahlformat.einheitZeichen(k.einheit)
            let von = Zahlformat.deutsch(p, dezimalen: k.dezimalen)
            let auf = Zahlformat.mitEinheit(v, k.einheit, dezimalen: k.dezimalen)
            let um = differenz.istNull ? "" : " um " + betrag
            return .gemessen(gemessen, "\(wort) zum \(name)\(um) (von \(von)\(zeichen == "%" ? " %" : "") auf \(auf))")
        }
    }

    /// German notation with more places where the rounded number would look equal to the
    /// threshold it is compared with ("10,04 % liegt über 10 %", not "10,0 % liegt über 10 %").
    static func genau(_ x: Bruch, _ schwelle: Bruch, _ dezimalen: Int) -> String {
        var d = dezimalen
        while d < 4, x != schwelle, let gerundet = Parser.zahlenwert(Zahlformat.schlicht(x.betrag, dezimalen: d, dezimal: ",")),
              gerundet == schwelle.betrag {
            d += 1
        }
        return Zahlformat.deutsch(x, dezimalen: d)
    }

    private static func vergleichText(_ v: Vergleich) -> String {
        switch v {
        case .kleiner: return "liegt unter"
        case .kleinerGleich: return "liegt bei höchstens"
        case .groesser: return "liegt über"
        case .groesserGleich: return "liegt bei mindestens"
        case .gleich: return "ist gleich"
        case .ungleich: return "ist ungleich"
        }
    }

    private static func punkte(_ k: Kennzahl) -> String {
        k.einheit == .prozent ? "Prozentpunkte" : Zahlformat.einheitZeichen(k.einheit)
    }

    private static func schwelleText(_ b: AmpelBedingung, _ k: Kennzahl) -> String {
        let zahl = Zahlformat.knapp(b.schwelle)
        switch b.groesse {
        case .wert: return Zahlformat.einheitZeichen(k.einheit).isEmpty ? zahl : zahl + " " + Zahlformat.einheitZeichen(k.einheit)
        case .zaehler, .nenner: return zahl
        case .abstandZumZielwert: return zahl + " " + punkte(k)
        case .veraenderung, .anstieg, .rueckgang:
            if b.relativ { return zahl + " %" }
            return k.einheit == .prozent ? zahl + " Prozentpunkte" : zahl
        }
    }

    private static func wertText(_ w: Kennwert, _ k: Kennzahl) -> String {
        guard let v = w.wert else { return "–" }
        return Zahlformat.mitEinheit(v, k.einheit, dezimalen: k.dezimalen)
    }

    /// `, Vorjahr 81,2 %` when a previous-year value exists.
    private static func vergleichskontext(_ k: Kennzahl, _ vj: Kennwert?) -> String {
        guard let vj, let v = vj.wert else { return "" }
        return " (Vorjahr " + Zahlformat.mitEinheit(v, k.einheit, dezimalen: k.dezimalen) + ")"
    }
}
