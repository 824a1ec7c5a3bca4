import KennzahlBasis

/// Draws the report model's charts as inline SVG (no script, no external reference). Every chart
/// has a `<title>` and a `<desc>` with its text alternative; series differ in shade and marker as
/// well as colour, so they read in black and white.
enum SvgDiagramm {
    /// Text in these colours has at least 4.5:1 contrast on white (WCAG AA): 9.3, 5.3 and 4.6.
    static let farben = ["#1f4e79", "#6b6b6b", "#b85210"]
    static let ziel = "#b00020"

    static func svg(_ d: Diagramm) -> String {
        switch d {
        case .balken(let titel, let beschreibung, let kategorien, let reihen, let einheit, let dezimalen):
            return balken(titel, beschreibung, kategorien, reihen, einheit, dezimalen)
        case .linien(let titel, let beschreibung, let perioden, let reihen, let zielwert, let einheit, let dezimalen):
            return linien(titel, beschreibung, perioden, reihen, zielwert, einheit, dezimalen)
        case .karte(let titel, let beschreibung, let flaechen, let hoehe, let legende, let skala, _):
            return karte(titel, beschreibung, flaechen, hoehe, legende, skala)
        }
    }

    // MARK: Maps

    /// Fill colours per class, light to dark, with the text colour that keeps 4.5:1 on them.
    static func kartenfarbe(_ klasse: Int?, _ skala: Kartenskala) -> (fuellung: String, text: String) {
        guard let klasse else { return ("#ffffff", "#222222") }
        let werte = ["#deebf7", "#9ecae1", "#4292c6", "#08519c"], rot = ["#f7f7f7", "#fcbba1", "#fb6a4a", "#a50f15"]
        let farben = skala == .werte ? werte : rot
        let f = farben[min(max(0, klasse), farben.count - 1)]
        return (f, klasse >= 3 ? "#ffffff" : "#222222")
    }

    /// The areas as paths, each with a `<title>` (name and value); the report's own area drawn
    /// with a thick outline; areas without a value hatched; the legend below.
    private static func karte(
        _ titel: String, _ beschreibung: String, _ flaechen: [Kartenflaeche], _ hoehe: Double,
        _ legende: [(klasse: Int?, text: String)], _ skala: Kartenskala
    ) -> String {
        let breite = Kartenbau.breite
        let gesamt = hoehe + 10 + Double(legende.count) * 16
        var s = kopf(breite: breite, hoehe: gesamt, titel: titel, beschreibung: beschreibung)
        s +=
            "<defs><pattern id=\"schraffur\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            + "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#767676\" stroke-width=\"1.5\"/></pattern></defs>"
        for f in flaechen.sorted(by: { !$0.hervorgehoben && $1.hervorgehoben }) {
            let d = f.ringe.map { ring in
                "M" + ring.map { "\(koordinate($0.x)) \(koordinate($0.y))" }.joined(separator: " L") + " Z"
            }.joined(separator: " ")
            let fuellung = f.klasse == nil ? "url(#schraffur)" : kartenfarbe(f.klasse, skala).fuellung
            let rand =
                f.hervorgehoben ? "stroke=\"#000000\" stroke-width=\"3\"" : "stroke=\"#444444\" stroke-width=\"1\""
            s +=
                "<path d=\"\(d)\" fill=\"\(fuellung)\" \(rand) fill-rule=\"evenodd\"><title>\(HtmlRenderer.esc(f.name + ": " + f.wert))</title></path>"
        }
        for (n, eintrag) in legende.enumerated() {
            let y = hoehe + 10 + Double(n) * 16
            let fuellung = eintrag.klasse == nil ? "url(#schraffur)" : kartenfarbe(eintrag.klasse, skala).fuellung
            s +=
                "<rect x=\"4\" y=\"\(koordinate(y))\" width=\"14\" height=\"11\" fill=\"\(fuellung)\" stroke=\"#444444\" stroke-width=\"1\"/>"
            s += text(eintrag.text, x: 24, y: y + 10, anker: "start", groesse: 11)
        }
        return s + "</svg>"
    }

    // MARK: Bars

    private static func balken(
        _ titel: String, _ beschreibung: String, _ kategorien: [String], _ reihen: [Reihe],
        _ einheit: String, _ dezimalen: Int
    ) -> String {
        let balken = 11.0, luecke = 2.0, gruppenluecke = 8.0
        // Room for the longest category label (about 6 px per character at 11 px).
        let links = min(320, max(90, Double(kategorien.map(\.count).max() ?? 0) * 6.2 + 12)), breite = 360.0,
            oben = 34.0
        let gruppe = Double(reihen.count) * balken + Double(max(0, reihen.count - 1)) * luecke
        let hoehe = oben + Double(kategorien.count) * (gruppe + gruppenluecke) + 24
        let (maximum, teile) = skala(reihen.flatMap { $0.werte.compactMap { $0?.naeherung } }.max() ?? 1)
        var s = kopf(breite: links + breite + 90, hoehe: hoehe, titel: titel, beschreibung: beschreibung)
        s += legende(reihen.map(\.name), x: links, y: 14, linien: false)
        // Grid with labels at round steps.
        for teil in 0...teile {
            let x = links + breite * Double(teil) / Double(teile)
            let wert = maximum * Double(teil) / Double(teile)
            s +=
                "<line x1=\"\(koordinate(x))\" y1=\"\(koordinate(oben - 6))\" x2=\"\(koordinate(x))\" y2=\"\(koordinate(hoehe - 20))\" stroke=\"#d0d0d0\" stroke-width=\"1\"/>"
            s += text(
                achse(wert, einheit, dezimalen: stellen(maximum / Double(teile))), x: x, y: hoehe - 6, anker: "middle",
                groesse: 10)
        }
        for (i, kat) in kategorien.enumerated() {
            let y0 = oben + Double(i) * (gruppe + gruppenluecke)
            s += text(kat, x: links - 6, y: y0 + gruppe / 2 + 4, anker: "end", groesse: 11)
            for (r, reihe) in reihen.enumerated() {
                let y = y0 + Double(r) * (balken + luecke)
                guard i < reihe.werte.count, let w = reihe.werte[i] else {
                    s += text(".", x: links + 4, y: y + balken - 2, anker: "start", groesse: 10)
                    continue
                }
                let laenge = maximum > 0 ? max(0, w.naeherung) / maximum * breite : 0
                s +=
                    "<rect x=\"\(koordinate(links))\" y=\"\(koordinate(y))\" width=\"\(koordinate(laenge))\" height=\"\(koordinate(balken))\" fill=\"\(farben[r % farben.count])\"/>"
                let beschriftung = Zahlformat.deutsch(w, dezimalen: dezimalen) + (einheit.isEmpty ? "" : " " + einheit)
                s += text(beschriftung, x: links + laenge + 4, y: y + balken - 2, anker: "start", groesse: 10)
            }
        }
        return s + "</svg>"
    }

    // MARK: Lines

    private static func linien(
        _ titel: String, _ beschreibung: String, _ perioden: [String], _ reihen: [Reihe], _ zielwert: Bruch?,
        _ einheit: String, _ dezimalen: Int
    ) -> String {
        // The right margin holds the end labels ("Wiblingen 74,0 %"): as wide as the longest.
        let laengste = (reihen.map { $0.name.count } + [8]).max() ?? 8
        let links = 56.0, rechts = max(110, Double(laengste + 6 + einheit.count + dezimalen) * 6.0 + 14), oben = 40.0,
            unten = 36.0
        let breite = 490.0 + rechts, hoehe = 236.0
        let innen = (breite - links - rechts, hoehe - oben - unten)
        var werte = reihen.flatMap { $0.werte.compactMap { $0?.naeherung } }
        if let z = zielwert { werte.append(z.naeherung) }
        let (lo, hi, schritt) = bereich(werte.min() ?? 0, werte.max() ?? 1)
        func x(_ i: Int) -> Double {
            links + (perioden.count > 1 ? innen.0 * Double(i) / Double(perioden.count - 1) : innen.0 / 2)
        }
        func y(_ w: Double) -> Double { oben + innen.1 * (1 - (w - lo) / (hi - lo)) }
        var s = kopf(breite: breite, hoehe: hoehe, titel: titel, beschreibung: beschreibung)
        s += legende(
            reihen.map(\.name) + (zielwert == nil ? [] : ["Zielwert"]), x: links, y: 14, linien: true,
            zielIndex: zielwert == nil ? nil : reihen.count)
        // The unit once, above the axis; tick labels are plain numbers at round steps.
        if !einheit.isEmpty { s += text(einheit, x: 4, y: oben - 10, anker: "start", groesse: 10) }
        s += yAchse(
            lo: lo, hi: hi, schritt: schritt, links: links, rechts: breite - rechts, fuss: oben + innen.1, hoehe: hoehe,
            y: y)
        for (i, p) in perioden.enumerated() {
            s += text(p, x: x(i), y: hoehe - unten + 16, anker: "middle", groesse: 10)
        }
        var etiketten: [(y: Double, text: String, farbe: String)] = []
        if let z = zielwert {
            let zy = y(z.naeherung)
            s +=
                "<line x1=\"\(koordinate(links))\" y1=\"\(koordinate(zy))\" x2=\"\(koordinate(breite - rechts))\" y2=\"\(koordinate(zy))\" stroke=\"\(ziel)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
            etiketten.append(
                (
                    zy,
                    "Zielwert " + Zahlformat.deutsch(z, dezimalen: dezimalen) + (einheit.isEmpty ? "" : " " + einheit),
                    ziel
                ))
        }
        for (r, reihe) in reihen.enumerated() {
            let farbe = farben[r % farben.count]
            // Missing values break the line.
            var stueck: [String] = []
            func zeichne() {
                if stueck.count > 1 {
                    s +=
                        "<polyline fill=\"none\" stroke=\"\(farbe)\" stroke-width=\"2\"\(r == 1 ? " stroke-dasharray=\"4 3\"" : "") points=\"\(stueck.joined(separator: " "))\"/>"
                }
                stueck = []
            }
            for (i, w) in reihe.werte.enumerated() {
                guard let w else { zeichne(); continue }
                stueck.append("\(koordinate(x(i))),\(koordinate(y(w.naeherung)))")
            }
            zeichne()
            for (i, w) in reihe.werte.enumerated() {
                guard let w else { continue }
                s += marke(r, x: x(i), y: y(w.naeherung), farbe: farbe)
            }
            if let letzter = reihe.werte.compactMap({ $0 }).last {
                etiketten.append(
                    (
                        y(letzter.naeherung),
                        reihe.name + " " + Zahlformat.deutsch(letzter, dezimalen: dezimalen)
                            + (einheit.isEmpty ? "" : " " + einheit), farbe
                    ))
            }
        }
        return s + endEtiketten(etiketten, x: breite - rechts + 8) + "</svg>"
    }

    /// Grid lines and labels at round steps, each label computed from its index (no drift), and
    /// the break mark and note when the axis does not start at zero.
    private static func yAchse(
        lo: Double, hi: Double, schritt: Double, links: Double, rechts: Double, fuss: Double, hoehe: Double,
        y: (Double) -> Double
    ) -> String {
        var s = ""
        let stellen = stellen(schritt)
        let schritte = Int(((hi - lo) / schritt).rounded())
        for n in 0...schritte {
            let w = lo + Double(n) * schritt
            s +=
                "<line x1=\"\(koordinate(links))\" y1=\"\(koordinate(y(w)))\" x2=\"\(koordinate(rechts))\" y2=\"\(koordinate(y(w)))\" stroke=\"#e0e0e0\" stroke-width=\"1\"/>"
            s += text(achse(w, "", dezimalen: stellen), x: links - 6, y: y(w) + 4, anker: "end", groesse: 10)
        }
        // An axis that does not start at zero says so, with a break mark at its foot.
        if lo > 0 {
            s +=
                "<path d=\"M\(koordinate(links - 3)) \(koordinate(fuss + 8)) l4 -4 l4 4 l4 -4\" fill=\"none\" stroke=\"#222222\" stroke-width=\"1.2\"/>"
            s += text(
                "Achse beginnt bei " + achse(lo, "", dezimalen: stellen), x: links, y: hoehe - 4, anker: "start",
                groesse: 10)
        }
        return s
    }

    /// Labels right of the plot, top to bottom, pushed apart so none overlaps.
    private static func endEtiketten(_ etiketten: [(y: Double, text: String, farbe: String)], x: Double) -> String {
        var s = ""
        var frei = -Double.infinity
        for e in etiketten.sorted(by: { $0.y < $1.y }) {
            let ey = max(e.y + 4, frei + 13)
            s += text(e.text, x: x, y: ey, anker: "start", groesse: 10, farbe: e.farbe)
            frei = ey
        }
        return s
    }

    /// A round range around the values with about four steps.
    private static func bereich(_ a: Double, _ b: Double) -> (Double, Double, Double) {
        var (lo, hi) = (a, b)
        if hi - lo < 1e-9 { (lo, hi) = (lo - 1, hi + 1) }
        let roh = (hi - lo) / 4
        var schritt = 1.0
        while schritt * 10 <= roh { schritt *= 10 }
        while schritt > roh { schritt /= 10 }
        for f in [1.0, 2.0, 5.0, 10.0] where schritt * f >= roh {
            schritt *= f
            break
        }
        let unten = (lo / schritt).rounded(.down) * schritt
        let oben = (hi / schritt).rounded(.up) * schritt
        return (a >= 0 ? max(0, unten) : unten, oben == unten ? unten + schritt : oben, schritt)
    }

    /// Decimal places a step needs (1 → 0, 0.5 → 1, 0.05 → 2).
    private static func stellen(_ schritt: Double) -> Int {
        var d = 0
        var x = schritt
        while d < 4 && abs(x - x.rounded()) > 1e-9 {
            x *= 10
            d += 1
        }
        return d
    }

    // MARK: Trend line in a table cell

    /// Each sparkline has its own scale, so it is labelled with its lowest and highest value
    /// (2,7–2,8 % does not look as steep as 10–90 %), and `aria-label` reads out every value.
    static func sparkline(_ werte: [Bruch?], dezimalen: Int, suffix: String) -> String {
        let breite = 84.0, hoehe = 18.0
        let zahlen = werte.compactMap { $0?.naeherung }
        let brueche = werte.compactMap { $0 }
        guard zahlen.count >= 2, let lo = zahlen.min(), let hi = zahlen.max(), let kleinster = brueche.min(),
            let groesster = brueche.max()
        else { return "" }
        func x(_ i: Int) -> Double { 2 + (breite - 4) * Double(i) / Double(max(1, werte.count - 1)) }
        func y(_ w: Double) -> Double { hi - lo < 1e-9 ? hoehe / 2 : 2 + (hoehe - 4) * (1 - (w - lo) / (hi - lo)) }
        let punkte = werte.enumerated().compactMap { i, w in
            w.map { "\(koordinate(x(i))),\(koordinate(y($0.naeherung)))" }
        }
        let einheit = suffix.isEmpty ? "" : "\u{00A0}" + suffix
        let vorgelesen = werte.map { $0.map { Zahlformat.deutsch($0, dezimalen: dezimalen) } ?? "kein Wert" }
        var s =
            "<svg width=\"\(Int(breite))\" height=\"\(Int(hoehe))\" viewBox=\"0 0 \(koordinate(breite)) \(koordinate(hoehe))\" role=\"img\" aria-label=\"Verlauf, älteste zuerst: \(HtmlRenderer.esc(vorgelesen.joined(separator: "; ") + einheit))\">"
        s +=
            "<polyline fill=\"none\" stroke=\"\(farben[0])\" stroke-width=\"1.5\" points=\"\(punkte.joined(separator: " "))\"/>"
        if let letzter = punkte.last {
            let xy = letzter.split(separator: ",")
            s += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.2\" fill=\"\(farben[0])\"/>"
        }
        let spanne =
            Zahlformat.deutsch(kleinster, dezimalen: dezimalen) + "–"
            + Zahlformat.deutsch(groesster, dezimalen: dezimalen)
            + einheit
        return s + "</svg><br><span class=\"spanne\" style=\"font-size:8pt;color:#333;\">" + HtmlRenderer.esc(spanne)
            + "</span>"
    }

    /// The same trend as text for Markdown: ▁▂▃▄▅▆▇█, `·` for a period without value.
    static func textVerlauf(_ werte: [Bruch?]) -> String {
        let zahlen = werte.compactMap { $0?.naeherung }
        guard let lo = zahlen.min(), let hi = zahlen.max(), zahlen.count >= 2 else { return "" }
        let stufen = Array("▁▂▃▄▅▆▇█")
        return String(
            werte.map { w -> Character in
                guard let w else { return "·" }
                let anteil = hi - lo < 1e-9 ? 0.5 : (w.naeherung - lo) / (hi - lo)
                return stufen[min(stufen.count - 1, Int((anteil * Double(stufen.count - 1)).rounded()))]
            })
    }

    // MARK: Helpers

    private static func kopf(breite: Double, hoehe: Double, titel: String, beschreibung: String) -> String {
        // The first child <title> names the chart, <desc> is its text alternative.
        "<svg width=\"\(Int(breite.rounded(.up)))\" height=\"\(Int(hoehe.rounded(.up)))\" viewBox=\"0 0 \(koordinate(breite)) \(koordinate(hoehe))\" role=\"img\" "
            + "style=\"max-width:100%;height:auto;font-family:Arial,Helvetica,sans-serif;\">"
            + "<title>\(HtmlRenderer.esc(titel))</title><desc>\(HtmlRenderer.esc(beschreibung))</desc>"
    }

    private static func legende(_ namen: [String], x: Double, y: Double, linien: Bool, zielIndex: Int? = nil) -> String
    {
        var s = ""
        var pos = x
        for (i, name) in namen.enumerated() {
            if i == zielIndex {
                s +=
                    "<line x1=\"\(koordinate(pos))\" y1=\"\(koordinate(y - 4))\" x2=\"\(koordinate(pos + 18))\" y2=\"\(koordinate(y - 4))\" stroke=\"\(ziel)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
            } else if linien {
                s +=
                    "<line x1=\"\(koordinate(pos))\" y1=\"\(koordinate(y - 4))\" x2=\"\(koordinate(pos + 18))\" y2=\"\(koordinate(y - 4))\" stroke=\"\(farben[i % farben.count])\" stroke-width=\"2\"\(i == 1 ? " stroke-dasharray=\"4 3\"" : "")/>"
                s += marke(i, x: pos + 9, y: y - 4, farbe: farben[i % farben.count])
            } else {
                s +=
                    "<rect x=\"\(koordinate(pos))\" y=\"\(koordinate(y - 9))\" width=\"12\" height=\"10\" fill=\"\(farben[i % farben.count])\"/>"
            }
            s += text(name, x: pos + 24, y: y, anker: "start", groesse: 11)
            pos += 30 + Double(name.count) * 6.5
        }
        return s
    }

    private static func marke(_ r: Int, x: Double, y: Double, farbe: String) -> String {
        r % 2 == 0
            ? "<circle cx=\"\(koordinate(x))\" cy=\"\(koordinate(y))\" r=\"3.5\" fill=\"\(farbe)\"/>"
            : "<rect x=\"\(koordinate(x - 3.5))\" y=\"\(koordinate(y - 3.5))\" width=\"7\" height=\"7\" fill=\"#ffffff\" stroke=\"\(farbe)\" stroke-width=\"1.5\"/>"
    }

    private static func text(_ t: String, x: Double, y: Double, anker: String, groesse: Int, farbe: String = "#222222")
        -> String
    {
        "<text x=\"\(koordinate(x))\" y=\"\(koordinate(y))\" text-anchor=\"\(anker)\" font-size=\"\(groesse)\" fill=\"\(farbe)\">\(HtmlRenderer.esc(t))</text>"
    }

    /// Axis label: German number, few places.
    private static func achse(_ w: Double, _ einheit: String, dezimalen: Int = 0) -> String {
        // To the places shown (at most 4): steps of 0,005 read 1,040 / 1,045 / 1,050.
        let b = Bruch(zaehler: Int128((w * 10_000).rounded()), nenner: 10_000) ?? .null
        return Zahlformat.deutsch(b, dezimalen: dezimalen) + (einheit.isEmpty ? "" : " " + einheit)
    }

    /// A scale from 0 for values up to `w`: a round step (1, 2 or 5 × 10^n) and the number of
    /// steps (at most 5) to the first multiple at or above `w`.
    static func skala(_ w: Double) -> (maximum: Double, teile: Int) {
        guard w > 0 else { return (1, 1) }
        var schritt = 1.0
        while schritt * 10 <= w / 5 { schritt *= 10 }
        while schritt > w / 5 { schritt /= 10 }
        for f in [1.0, 2.0, 5.0, 10.0] where schritt * f * 5 >= w {
            let s = schritt * f
            let teile = max(1, Int((w / s).rounded(.up)))
            return (s * Double(teile), teile)
        }
        return (schritt * 50, 5)
    }

    /// A coordinate with one decimal, independent of any locale.
    static func koordinate(_ d: Double) -> String {
        let zehntel = Int((d * 10).rounded())
        let vorzeichen = zehntel < 0 ? "-" : ""
        let a = abs(zehntel)
        return a % 10 == 0 ? vorzeichen + String(a / 10) : vorzeichen + String(a / 10) + "." + String(a % 10)
    }
}
