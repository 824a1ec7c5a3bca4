import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// The values one light looks at in one period.
package struct Ampelwerte: Sendable {
    package var aktuell: Kennwert
    /// nil where the period has no previous quarter (yearly values, yearly reports).
    package var vorquartal: Kennwert?
    package var vorjahr: Kennwert?
    /// The city's value in the same period; nil for the city itself.
    package var gesamtstadt: Kennwert?

    package init(aktuell: Kennwert, vorquartal: Kennwert? = nil, vorjahr: Kennwert? = nil, gesamtstadt: Kennwert? = nil)
    {
        self.aktuell = aktuell
        self.vorquartal = vorquartal
        self.vorjahr = vorjahr
        self.gesamtstadt = gesamtstadt
    }
}

/// One Ampel light: its colour and one German sentence saying why, with the numbers (each knowing
/// the value it comes from), and where it comes from (history, manual switching).
package struct Licht: Sendable, Equatable {
    /// The colour shown: the manually set one if there is one, otherwise the computed one.
    package var farbe: Ampelfarbe
    /// The colour the rules give.
    package var berechnet: Ampelfarbe
    package var begruendung: Begruendung
    package var schaltung: ManuelleSchaltung?
    /// The computed colours of the last four periods, oldest first, ending with this one;
    /// nil where there were no data.
    package var verlauf: [Ampelfarbe?]
    /// Periods in a row, up to and including this one, that were red or yellow.
    package var inFolge: Int

    init(farbe: Ampelfarbe, begruendung: Begruendung, verlauf: [Ampelfarbe?] = [], inFolge: Int = 0) {
        self.farbe = farbe
        self.berechnet = farbe
        self.begruendung = begruendung
        self.verlauf = verlauf
        self.inFolge = inFolge
    }
}

extension Ampelfarbe {
    /// German word: `rot`, `gelb`, `grau`, `grün`.
    package var wort: String {
        switch self {
        case .rot: return "rot"
        case .gelb: return "gelb"
        case .grau: return "grau"
        case .gruen: return "grün"
        }
    }

    /// A shape per colour, so the light reads in black and white too.
    package var symbol: String {
        switch self {
        case .rot: return "■"
        case .gelb: return "▲"
        case .grau: return "○"
        case .gruen: return "●"
        }
    }

    /// Red or yellow: the light asks for attention.
    var warnt: Bool { self == .rot || self == .gelb }
}

/// Switches the Ampel of a Kennzahl from its rules. Grey rules first (the value is not judged);
/// otherwise the worst triggered colour wins and every triggered rule is named. A rule with
/// `seit N` must hold in the last N periods; after a red or yellow period, an `entwarnung`
/// condition must hold before the light gets better.
package enum Ampelschaltung {
    /// The light for the newest period of a series (oldest first). `schritt` names the series'
    /// step in the plural dative for sentences ("seit 2 Quartalen").
    static func schalte(_ k: Kennzahl, reihe: [Ampelwerte], schritt: String = "Zeiträumen") -> Licht? {
        guard !k.ampel.isEmpty, !reihe.isEmpty else { return nil }
        var farben: [Ampelfarbe?] = []
        var letztes: (Ampelfarbe, Begruendung)?
        var vorige: Ampelfarbe?
        for i in reihe.indices {
            let (farbe, satz) = einzeln(k, reihe, i, vorige: vorige, schritt: schritt)
            farben.append(reihe[i].aktuell.zustand == .keineDaten ? nil : farbe)
            vorige = farbe
            letztes = (farbe, satz)
        }
        guard let (farbe, satz) = letztes else { return nil }
        var inFolge = 0
        for f in farben.reversed() {
            guard let f, f.warnt else { break }
            inFolge += 1
        }
        return Licht(farbe: farbe, begruendung: satz, verlauf: Array(farben.suffix(4)), inFolge: inFolge)
    }

    /// One period without history: the light from its current values alone.
    static func schalte(
        _ k: Kennzahl, aktuell: Kennwert, vorquartal: Kennwert?, vorjahr: Kennwert?,
        gesamtstadt: Kennwert? = nil
    ) -> Licht? {
        schalte(
            k, reihe: [Ampelwerte(aktuell: aktuell, vorquartal: vorquartal, vorjahr: vorjahr, gesamtstadt: gesamtstadt)]
        )
    }

    private static func einzeln(_ k: Kennzahl, _ reihe: [Ampelwerte], _ i: Int, vorige: Ampelfarbe?, schritt: String)
        -> (Ampelfarbe, Begruendung)
    {
        let w = reihe[i]
        switch w.aktuell.zustand {
        case .nurGesamt: return (.grau, "Grau: nur für die Gesamtstadt erhoben, nicht nach Sozialräumen.")
        case .keineDaten, .geheim: return (.grau, "Grau: keine Daten für diesen Zeitraum.")
        case .ueberlauf: return (.grau, "Grau: Wert nicht darstellbar (Zahlenüberlauf).")
        case .nennerNull: return (.grau, "Grau: kein Wert, der Nenner ist 0.")
        case .wert: break
        }
        var ausgeloest: [(Ampelfarbe, Begruendung)] = []
        var nichtPruefbar: [String] = []
        for regel in k.ampel {
            switch pruefe(regel.bedingungen, k, reihe, i, seit: regel.seit, schritt: schritt) {
            case .erfuellt(let text): ausgeloest.append((regel.farbe, text))
            case .nichtPruefbar(let grund): if !nichtPruefbar.contains(grund) { nichtPruefbar.append(grund) }
            case .nicht: break
            }
        }
        let zielsatz = ausgeloest.contains { $0.1.text.contains("Zielwert") } ? "" : zielText(k, w)
        let vorjahr = ausgeloest.contains { $0.1.text.contains("Vorjahr") } ? nil : vorjahrText(k, w.vorjahr)
        let kontext: Begruendung = vorjahr.map { " (\($0))" } ?? ""
        if let grau = ausgeloest.first(where: { $0.0 == .grau }) {
            return (.grau, "Grau (nicht bewertet): \(grau.1) – zu geringe Fallzahl\(kontext).")
        }
        let farbig = ausgeloest.filter { $0.0 != .grau }.sorted { $0.0 < $1.0 }
        var farbe = farbig.first?.0 ?? .gruen
        var satz: Begruendung
        if let schlimmste = farbig.first {
            // The winning colour's reasons; a lesser colour's only where it looks at something else.
            var eindeutig: [Begruendung] = []
            var gemessen: [String] = []
            for (f, grund) in farbig {
                let messgroesse = grund.text.components(separatedBy: " liegt ").first ?? grund.text
                if f != schlimmste.0 && gemessen.contains(messgroesse) { continue }
                if eindeutig.contains(grund) { continue }
                eindeutig.append(f == schlimmste.0 ? grund : "außerdem \(f.wort): \(grund)")
                gemessen.append(messgroesse)
            }
            satz =
                "\(schlimmste.0 == .rot ? "Rot: " : "Gelb: ")\(Begruendung.verbinde(eindeutig, "; "))\(zielsatz)\(kontext)."
        } else {
            let innen: Begruendung = vorjahr.map { "; \($0)" } ?? ""
            satz = "Grün: keine Regel ausgelöst (Wert \(wertText(w.aktuell, k))\(innen))"
            if !nichtPruefbar.isEmpty { satz += "; nicht prüfbar: \(nichtPruefbar.joined(separator: ", "))" }
            satz += "."
        }
        // Release margin: after red or yellow, better only once the Entwarnung holds.
        if let v = vorige, v.warnt, farbe.rang > v.rang, let text = k.entwarnungText {
            if case .erfuellt = pruefe(k.entwarnung, k, reihe, i, seit: 1, schritt: schritt) {
                satz += " Entwarnung nach \(v.wort): „\(text)“ ist erfüllt."
            } else {
                farbe = v
                satz =
                    "\(v.wort.prefix(1).uppercased() + v.wort.dropFirst()) wie im Vorzeitraum: noch keine Entwarnung („\(text)“ nicht erfüllt, Wert \(wertText(w.aktuell, k)))\(zielsatz)."
            }
        }
        return (farbe, satz)
    }

    private enum Pruefung {
        case erfuellt(Begruendung)
        case nicht
        case nichtPruefbar(String)
    }

    /// All conditions hold in period i and, for `seit`, in the periods before.
    private static func pruefe(
        _ bedingungen: [AmpelBedingung], _ k: Kennzahl, _ reihe: [Ampelwerte], _ i: Int, seit: Int, schritt: String
    ) -> Pruefung {
        var teile: [Begruendung] = []
        for (n, j) in (max(0, i - seit + 1)...i).reversed().enumerated() {
            for b in bedingungen {
                switch messe(b, k, reihe[j]) {
                case .gemessen(let wert, let text):
                    guard Filterauswertung.vergleiche(wert, b.vergleich, b.schwelle) else { return .nicht }
                    if n == 0 { teile.append("\(text) \(vergleichText(b.vergleich)) \(schwelleText(b, k))") }
                case .nichtPruefbar(let grund): return n == 0 ? .nichtPruefbar(grund) : .nicht
                case .entfaellt: return .nicht
                }
            }
        }
        if i - seit + 1 < 0 { return .nicht }
        guard !teile.isEmpty else { return .nicht }
        let folge = seit > 1 ? " (seit \(seit) \(schritt) in Folge)" : ""
        return .erfuellt(Begruendung.verbinde(teile, " und ") + "\(folge)")
    }

    private enum Messung {
        case gemessen(Bruch, Begruendung)
        /// The comparison exists but has no value (e.g. no export for the previous year).
        case nichtPruefbar(String)
        /// The comparison does not exist for this period (no Vorquartal in a yearly report, the
        /// city compared with itself).
        case entfaellt
    }

    /// Whether one condition holds for one period's values; nil when it cannot be measured (a
    /// value missing, the comparison absent). The audit of public reports reads the conditions
    /// a shown light decided on.
    package static func gilt(_ b: AmpelBedingung, _ k: Kennzahl, _ w: Ampelwerte) -> Bool? {
        guard case .gemessen(let wert, _) = messe(b, k, w) else { return nil }
        return Filterauswertung.vergleiche(wert, b.vergleich, b.schwelle)
    }

    /// The measured quantity of a condition (nil when it cannot be measured), for the audit's
    /// cross-check of its linear form.
    package static func messwert(_ b: AmpelBedingung, _ k: Kennzahl, _ w: Ampelwerte) -> Bruch? {
        guard case .gemessen(let wert, _) = messe(b, k, w) else { return nil }
        return wert
    }

    private static func messe(_ b: AmpelBedingung, _ k: Kennzahl, _ w: Ampelwerte) -> Messung {
        guard let v = w.aktuell.wert else { return .nichtPruefbar("kein Wert") }
        let schwelle = b.schwelle
        switch b.groesse {
        case .wert:
            let zeichen = Zahlformat.einheitZeichen(k.einheit)
            let text = genau(v, schwelle, k.dezimalen) + (zeichen.isEmpty ? "" : " " + zeichen)
            return .gemessen(v, "Wert \(zahl: text, aus: [bezugAktuell])")
        case .zaehler:
            guard let z = w.aktuell.zaehler else { return .nichtPruefbar("Zähler unbekannt") }
            return .gemessen(z, "Zähler \(zahl: Zahlformat.knapp(z), aus: [bezugAktuell])")
        case .nenner:
            guard let n = w.aktuell.nenner else { return .nichtPruefbar("Nenner unbekannt") }
            return .gemessen(n, "Nenner \(zahl: Zahlformat.knapp(n), aus: [bezugAktuell])")
        case .abstandZumZielwert:
            guard let ziel = k.zielwert else { return .nichtPruefbar("kein Zielwert") }
            let (abstand, bezug): (Bruch, Bruch)
            switch ziel {
            case .mindestens(let g): (abstand, bezug) = (v < g ? (g.minus(v) ?? .null) : .null, g)
            case .hoechstens(let g): (abstand, bezug) = (v > g ? (v.minus(g) ?? .null) : .null, g)
            case .zwischen(let x, let y):
                (abstand, bezug) = v < x ? (x.minus(v) ?? .null, x) : v > y ? (v.minus(y) ?? .null, y) : (.null, y)
            }
            if b.relativ {
                guard !bezug.istNull, let r = abstand.geteilt(durch: bezug.betrag)?.mal(Bruch(100)) else {
                    return .nichtPruefbar("Abstand zum Zielwert 0")
                }
                let text = genau(r, schwelle, 1) + " %"
                return .gemessen(r, "Abstand zum Zielwert (\(ziel.text(k.einheit))) \(zahl: text, aus: [bezugAktuell])")
            }
            let text = genau(abstand, schwelle, k.dezimalen) + " " + punkte(k)
            return .gemessen(
                abstand, "Abstand zum Zielwert (\(ziel.text(k.einheit))) \(zahl: text, aus: [bezugAktuell])")
        case .abweichungGesamtstadt:
            guard let stadt = w.gesamtstadt else { return .entfaellt }
            guard let s = stadt.wert else { return .nichtPruefbar("Vergleich mit der Gesamtstadt (kein Wert)") }
            guard let (d, gemessen, betrag) = unterschied(v, zu: s, b, k) else {
                return .nichtPruefbar("Abweichung von der Gesamtstadt in % (Gesamtstadt 0)")
            }
            let lage =
                d.istNull
                ? "gleich der Gesamtstadt"
                : (d.istNegativ ? "\(betrag) unter der Gesamtstadt" : "\(betrag) über der Gesamtstadt")
            // Worse than the city: below it when higher is better, above when lower is better.
            let stadtwert = Zahlformat.mitEinheit(s, k.einheit, dezimalen: k.dezimalen)
            return .gemessen(
                schlechter(gemessen, k.richtung),
                "Abweichung von der Gesamtstadt: \(zahl: lage, aus: [bezugAktuell, bezugStadt]) (\(zahl: stadtwert, aus: [bezugStadt]))"
            )
        case .veraenderung(let bezug), .anstieg(let bezug), .rueckgang(let bezug), .verschlechterung(let bezug):
            let name = bezug == .vorquartal ? "Vorquartal" : "Vorjahr"
            let vergleichsbezug = Wertbezug(bezug == .vorquartal ? .vorquartal : .vorjahr)
            if bezug == .vorquartal && w.vorquartal == nil { return .entfaellt }
            guard let vergleich = bezug == .vorquartal ? w.vorquartal : w.vorjahr, let p = vergleich.wert else {
                return .nichtPruefbar("Vergleich mit dem \(name) (kein Wert)")
            }
            guard let (differenz, roh, betrag) = unterschied(v, zu: p, b, k) else {
                return .nichtPruefbar("Veränderung zum \(name) in % (Vorwert 0)")
            }
            var gemessen = roh
            switch b.groesse {
            case .rueckgang: gemessen = Bruch.null.minus(gemessen) ?? gemessen
            case .veraenderung: gemessen = gemessen.betrag
            case .verschlechterung: gemessen = schlechter(gemessen, k.richtung)
            default: break
            }
            let wort = differenz.istNull ? "keine Veränderung" : differenz.istNegativ ? "Rückgang" : "Anstieg"
            let zeichen = Zahlformat.einheitZeichen(k.einheit)
            let von = Zahlformat.deutsch(p, dezimalen: k.dezimalen) + (zeichen == "%" ? " %" : "")
            let auf = Zahlformat.mitEinheit(v, k.einheit, dezimalen: k.dezimalen)
            let um = differenz.istNull ? "" : " um " + betrag
            let beide = [bezugAktuell, vergleichsbezug]
            return .gemessen(
                gemessen,
                "\(wort: wort, neutral: "Veränderung", aus: beide) zum \(name)\(wort: um, neutral: " um .", aus: beide) "
                    + "(von \(zahl: von, aus: [vergleichsbezug]) auf \(zahl: auf, aus: [bezugAktuell]))")
        }
    }

    /// The difference of `v` to a reference: signed, as measured (absolute or relative in %),
    /// and as text. nil when a relative difference has a reference of 0 or arithmetic overflows.
    private static func unterschied(_ v: Bruch, zu bezug: Bruch, _ b: AmpelBedingung, _ k: Kennzahl) -> (
        Bruch, Bruch, String
    )? {
        guard let d = v.minus(bezug) else { return nil }
        if b.relativ {
            guard !bezug.istNull, let r = d.geteilt(durch: bezug.betrag)?.mal(Bruch(100)) else { return nil }
            return (d, r, genau(r.betrag, b.schwelle, 1) + " %")
        }
        return (
            d, d,
            genau(d.betrag, b.schwelle, k.dezimalen)
                + (k.einheit == .prozent ? " Prozentpunkte" : k.einheit == .euro ? " €" : "")
        )
    }

    /// A signed change turned into "how much worse": a fall when higher is better, a rise when
    /// lower is better, any change otherwise.
    private static func schlechter(_ x: Bruch, _ r: Richtung) -> Bruch {
        switch r {
        case .hoeherBesser: return Bruch.null.minus(x) ?? x
        case .niedrigerBesser: return x
        case .abweichung: return x.betrag
        }
    }

    /// German notation with more places where the rounded number would look equal to the
    /// threshold it is compared with ("10,04 % liegt über 10 %", not "10,0 % liegt über 10 %").
    static func genau(_ x: Bruch, _ schwelle: Bruch, _ dezimalen: Int) -> String {
        var d = dezimalen
        while d < 4, x != schwelle,
            let gerundet = Schreibweise.zahlenwert(Zahlformat.schlicht(x.betrag, dezimalen: d, dezimal: ",")),
            gerundet == schwelle.betrag
        {
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
        // Amounts of money always with cents, like every other amount in the reports.
        let zahl =
            k.einheit == .euro && !b.relativ
            ? Zahlformat.deutsch(b.schwelle, dezimalen: 2) : Zahlformat.knapp(b.schwelle)
        switch b.groesse {
        case .wert:
            return Zahlformat.einheitZeichen(k.einheit).isEmpty
                ? zahl : zahl + " " + Zahlformat.einheitZeichen(k.einheit)
        case .zaehler, .nenner: return zahl
        case .abstandZumZielwert, .abweichungGesamtstadt, .veraenderung, .anstieg, .rueckgang, .verschlechterung:
            if b.relativ { return zahl + " %" }
            switch k.einheit {
            case .prozent: return zahl + " Prozentpunkte"
            case .euro: return zahl + " €"
            default: return zahl
            }
        }
    }

    /// The current value, as a number of the reason.
    private static func wertText(_ w: Kennwert, _ k: Kennzahl) -> Begruendung {
        guard let v = w.wert else { return "–" }
        return "\(zahl: Zahlformat.mitEinheit(v, k.einheit, dezimalen: k.dezimalen), aus: [bezugAktuell])"
    }

    /// `; Zielwert mindestens 80 % nicht erreicht` when a Zielwert is missed.
    private static func zielText(_ k: Kennzahl, _ w: Ampelwerte) -> Begruendung {
        guard let z = k.zielwert, Zielerreichung.bewerte(z, w.aktuell) == .nichtErreicht else { return "" }
        return "\(wort: "; Zielwert \(z.text(k.einheit)) nicht erreicht", neutral: "", aus: [bezugAktuell])"
    }

    /// `Vorjahr 81,2 %` when a previous-year value exists.
    private static func vorjahrText(_ k: Kennzahl, _ vj: Kennwert?) -> Begruendung? {
        guard let vj, let v = vj.wert else { return nil }
        let text = Zahlformat.mitEinheit(v, k.einheit, dezimalen: k.dezimalen)
        return "Vorjahr \(zahl: text, aus: [Wertbezug(.vorjahr)])"
    }

    /// The light's own value and the city's, as sources of a reason's numbers.
    private static let bezugAktuell = Wertbezug(.aktuell)
    private static let bezugStadt = Wertbezug(.aktuell, gesamtstadt: true)
}
