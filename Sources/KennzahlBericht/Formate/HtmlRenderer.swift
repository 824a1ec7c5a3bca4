import KennzahlBasis
import KennzahlDefinition

/// Writes a report as one self-contained HTML5 file: inline CSS (and inline styles on tables so
/// they keep their look when pasted into Word or Writer), no script, no external URL.
package enum HtmlRenderer {
    package static func render(_ b: Bericht) -> String {
        var s = "<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n"
        s += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        s += "<title>" + esc(b.titel + " – " + b.gebiet) + "</title>\n<style>\n" + stil + "</style>\n</head>\n<body>\n"
        s += "<header>\n<h1>" + esc(b.titel) + "</h1>\n<p class=\"gebiet\">" + esc(b.gebiet) + "</p>\n"
        for z in b.kopfzeilen { s += "<p class=\"kopf\">" + esc(z) + "</p>\n" }
        s += "</header>\n<main>\n"
        for a in b.abschnitte {
            s +=
                (a.anker.map { "<section id=\"" + esc($0) + "\">" } ?? "<section>") + "\n<h2>" + esc(a.titel)
                + "</h2>\n"
            for p in a.absaetze { s += "<p>" + esc(p) + "</p>\n" }
            if let t = a.tabelle { s += tabelle(t, titel: a.titel) }
            for d in a.diagramme { s += figur(d) }
            if !a.liste.isEmpty {
                s += "<ul>\n"
                for punkt in a.liste { s += "<li>" + esc(punkt) + "</li>\n" }
                s += "</ul>\n"
            }
            s += "</section>\n"
        }
        s += "</main>\n"
        if !b.hinweise.isEmpty {
            s += "<footer>\n"
            for h in b.hinweise { s += "<p>" + esc(h) + "</p>\n" }
            s += "</footer>\n"
        }
        s += "</body>\n</html>\n"
        return s
    }

    /// A chart with its title and text alternative; a map also with its values as a table beside it.
    static func figur(_ d: Diagramm) -> String {
        var s =
            "<figure style=\"margin:1.2em 0;\">\n<p style=\"font-weight:bold;margin:0 0 0.3em 0;\">" + esc(d.titel)
            + "</p>\n"
        if case .karte(_, _, let flaechen, _, _, let skala, let fussnote) = d {
            s += "<div class=\"karte\">\n" + SvgDiagramm.svg(d) + "\n"
            s += "<table style=\"border-collapse:collapse;font-size:10pt;\">\n<caption>" + esc(d.titel) + "</caption>\n"
            s += "<colgroup><col width=\"65%\"><col width=\"35%\"></colgroup>\n"
            s += "<thead><tr><th scope=\"col\" style=\"\(rahmen)background:#e8e8e8;text-align:left;\">Sozialraum</th>"
            s +=
                "<th scope=\"col\" style=\"\(rahmen)background:#e8e8e8;text-align:right;\">Wert</th></tr></thead>\n<tbody>\n"
            for f in flaechen {
                let farbe = SvgDiagramm.kartenfarbe(f.klasse, skala)
                let stil = f.klasse == nil ? "" : "background:\(farbe.fuellung);color:\(farbe.text);"
                s +=
                    "<tr><th scope=\"row\" style=\"\(rahmen)text-align:left;font-weight:\(f.hervorgehoben ? "bold" : "normal");\">"
                    + esc(f.name) + "</th><td style=\"\(rahmen)\(stil)text-align:right;white-space:nowrap;\">"
                    + esc(f.wert)
                    + "</td></tr>\n"
            }
            s += "</tbody>\n</table>\n</div>\n<p class=\"fussnote\">" + esc(fussnote) + "</p>\n"
        } else {
            s += SvgDiagramm.svg(d) + "\n"
        }
        return s + "<figcaption class=\"fussnote\">" + esc(d.beschreibung) + "</figcaption>\n</figure>\n"
    }

    static let rahmen = "border:1px solid #888;padding:2px 4px;"

    /// A table with its caption (the section title), column widths that survive pasting into
    /// Word or Writer (`<col width>`), the naming column as row header, and each cell's column
    /// title (`data-titel`) for the card layout on narrow screens.
    static func tabelle(_ t: Tabelle, titel: String? = nil) -> String {
        // Wide tables take the page's width, in shares by column kind: Writer and Word keep the
        // shares when the table is pasted or imported, so it fits the page instead of running off it.
        let breit = t.spalten.count >= 8
        var s =
            "<div class=\"tabelle\">\n<table" + (breit ? " width=\"100%\"" : "")
            + " style=\"border-collapse:collapse;font-size:10pt;\">\n"
        if let titel { s += "<caption>" + esc(titel) + "</caption>\n" }
        let summe = max(1, t.spalten.map(breite).reduce(0, +))
        s +=
            "<colgroup>" + t.spalten.map { "<col width=\"\(max(1, breite($0) * 100 / summe))%\">" }.joined()
            + "</colgroup>\n<thead>\n"
        // Column groups: a first header row spanning the grouped columns.
        if t.spalten.contains(where: { $0.gruppe != nil }) {
            s += "<tr>"
            var i = 0
            while i < t.spalten.count {
                let g = t.spalten[i].gruppe
                var n = 1
                while i + n < t.spalten.count, t.spalten[i + n].gruppe == g { n += 1 }
                let spanne = n > 1 ? " colspan=\"\(n)\"" : ""
                if let g {
                    s +=
                        "<th scope=\"colgroup\"\(spanne) style=\"\(rahmen)background:#d9d9d9;text-align:center;\">"
                        + esc(g) + "</th>"
                } else {
                    s += "<td\(spanne) style=\"border:none;\"></td>"
                }
                i += n
            }
            s += "</tr>\n"
        }
        s += "<tr>"
        for sp in t.spalten {
            s +=
                "<th scope=\"col\" style=\"\(rahmen)background:#e8e8e8;text-align:\(sp.rechtsbuendig ? "right" : "left");vertical-align:bottom;\">"
                + esc(sp.titel) + "</th>"
        }
        s += "</tr>\n</thead>\n<tbody>\n"
        let kopf = t.zeilenkopf
        for (n, zeile) in t.zeilen.enumerated() {
            let anker = n < t.zeilenanker.count ? t.zeilenanker[n] : nil
            s += anker.map { "<tr id=\"" + esc($0) + "\">" } ?? "<tr>"
            for (i, z) in zeile.enumerated() {
                let spalte = i < t.spalten.count ? t.spalten[i] : Spalte("")
                s += zelle(
                    z, rechts: spalte.rechtsbuendig, titel: spalte.titel, zeilenkopf: i == kopf,
                    fliesstext: spalte.fliesstext)
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n</div>\n"
        for f in t.fussnoten { s += "<p class=\"fussnote\">" + esc(f) + "</p>\n" }
        return s
    }

    /// The relative width of a column (its share of the table).
    static func breite(_ sp: Spalte) -> Int {
        if sp.fliesstext { return 240 }
        if sp.titel == "Kennzahl" { return 160 }
        return sp.rechtsbuendig ? 60 : 80
    }

    static func zelle(
        _ z: Zelle, rechts: Bool, titel: String = "", zeilenkopf: Bool = false, fliesstext: Bool = false
    ) -> String {
        let ausrichtung = "text-align:\(rechts ? "right" : "left");vertical-align:top;"
        /// `<td>` (or `<th scope="row">`) with its column's title, style, extra attributes and content.
        func feld(_ stil: String, _ inhalt: String, _ extra: String = "") -> String {
            let tag = zeilenkopf ? "th" : "td"
            return
                "<\(tag)\(zeilenkopf ? " scope=\"row\"" : "") data-titel=\"\(esc(titel))\"\(extra) style=\"\(stil)\">"
                + inhalt + "</\(tag)>"
        }
        let normal = zeilenkopf ? "font-weight:normal;" : ""
        switch z {
        case .text(let t): return feld(rahmen + ausrichtung + normal, esc(t), fliesstext ? " class=\"fliesstext\"" : "")
        case .zahl(let b, let d, let suffix):
            let text = Zahlformat.deutsch(b, dezimalen: d) + (suffix.isEmpty ? "" : "\u{00A0}" + suffix)
            return feld(rahmen + "text-align:right;vertical-align:top;white-space:nowrap;", esc(text))
        case .symbol(let s): return feld(rahmen + "text-align:right;vertical-align:top;", esc(s))
        case .ampel(let f):
            return feld(
                rahmen + farbstil(f) + "white-space:nowrap;vertical-align:top;", esc(f.symbol + " " + f.wort),
                " class=\"ampel \(f.rawValue)\"")
        case .ampelGeheim:
            return feld(
                rahmen + "white-space:nowrap;vertical-align:top;", esc(Tabellenzeichen.ampelGeheim),
                " class=\"ampel geheim\" title=\"aus Gründen des Datenschutzes nicht ausgewiesen\"")
        case .licht(let f, let text, let ziel, let titel):
            let inhalt = text.split(separator: "\n", omittingEmptySubsequences: false).map { esc(String($0)) }
                .joined(separator: "<br>")
            return feld(
                rahmen + farbstil(f) + "white-space:nowrap;vertical-align:top;",
                ziel.map { "<a href=\"" + esc($0) + "\" style=\"color:#000;\">" + inhalt + "</a>" } ?? inhalt,
                " class=\"ampel \(f.rawValue)\"" + (titel.map { " title=\"" + esc($0) + "\"" } ?? ""))
        case .verlauf(let werte, let dezimalen, let suffix):
            return feld(
                rahmen + "vertical-align:middle;", SvgDiagramm.sparkline(werte, dezimalen: dezimalen, suffix: suffix))
        case .ampelfolge(let folge):
            let teile = folge.map { f -> String in
                guard let f else { return "<span title=\"keine Daten\">.</span>" }
                return "<span style=\"\(farbstil(f))padding:0 3px;\" title=\"\(f.wort)\">" + esc(f.symbol) + "</span>"
            }
            return feld(rahmen + "white-space:nowrap;vertical-align:top;", teile.joined(separator: " "))
        case .verweise(let v):
            return feld(
                rahmen + ausrichtung,
                v.map { "<a href=\"" + esc($0.ziel) + "\">" + esc($0.text) + "</a>" }.joined(separator: " "))
        case .geheim:
            return feld(
                rahmen + "text-align:right;vertical-align:top;", ".",
                " title=\"aus Gründen des Datenschutzes nicht ausgewiesen\"")
        case .leer: return feld(rahmen, "")
        }
    }

    static func farbstil(_ f: Ampelfarbe) -> String {
        switch f {
        case .rot: return "background:#f4b6b6;color:#000;font-weight:bold;"
        case .gelb: return "background:#fbe7a1;color:#000;"
        case .gruen: return "background:#c6e5c1;color:#000;"
        case .grau: return "background:#dddddd;color:#000;"
        }
    }

    /// Escapes every `& < > " '` (existing entities too) and replaces control characters.
    static func esc(_ t: String) -> String {
        var s = ""
        s.reserveCapacity(t.utf8.count)
        for c in t.unicodeScalars {
            switch c {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&#39;"
            case "\n", "\t": s.unicodeScalars.append(c)
            default: s.unicodeScalars.append(c.istSteuerzeichen ? "\u{FFFD}" : c)
            }
        }
        return s
    }

    /// Screen: tables fit the window (wide ones scroll inside their box, never the page); up to
    /// 700 px (phones) every table row becomes a card of "column: value" lines, so reasons and
    /// sources read without sideways scrolling. Print: A4 landscape, table text 8 pt, header rows
    /// repeated, no row or chart split across pages.
    static let stil = """
        body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; margin: 1em 1.2em; color: #111; }
        td, th { max-width: 32em; overflow-wrap: break-word; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #aaa; }
        .gebiet { font-size: 1.2em; font-weight: bold; margin: 0.2em 0; }
        .kopf { margin: 0.1em 0; color: #333; }
        .tabelle { max-width: 100%; overflow-x: auto; }
        .tabelle caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        table { margin: 0.6em 0; }
        figure { margin: 1.2em 0; max-width: 100%; }
        figure svg { display: block; max-width: 100%; height: auto; }
        .karte { display: flex; flex-wrap: wrap; gap: 1em; align-items: flex-start; }
        .fussnote { font-size: 0.85em; color: #333; margin: 0.2em 0; }
        footer { margin-top: 2em; font-size: 0.85em; color: #333; border-top: 1px solid #aaa; }
        a { color: #0645ad; }
        @media (max-width: 700px) {
          body { margin: 0.6em; }
          .tabelle table, .tabelle tbody, .tabelle tr, .tabelle td, .tabelle th { display: block; width: auto !important; max-width: none; }
          .tabelle colgroup, .tabelle thead { display: none; }
          .tabelle tr { border: 1px solid #888; margin: 0 0 0.8em 0; padding: 0.3em 0.4em; }
          .tabelle td, .tabelle th { border: none !important; text-align: left !important; white-space: normal !important; padding: 1px 0 !important; min-width: 0 !important; }
          .tabelle th[scope=row] { font-weight: bold !important; font-size: 1.05em; }
          .tabelle td::before { content: attr(data-titel) ": "; font-weight: bold; }
          .tabelle td:empty { display: none; }
          .tabelle td.ampel { display: inline-block; padding: 1px 6px !important; }
        }
        @media print {
          @page { size: A4 landscape; margin: 10mm; }
          body { margin: 0; font-size: 9pt; }
          .tabelle { overflow: visible; }
          table { font-size: 8pt !important; width: 100% !important; }
          th, td { overflow-wrap: break-word; hyphens: auto; max-width: none !important; padding: 1px 3px !important; }
          thead { display: table-header-group; }
          td.fliesstext { min-width: 16em; }
          tr, figure { break-inside: avoid; page-break-inside: avoid; }
          h2 { break-after: avoid; page-break-after: avoid; }
          a { color: #000; text-decoration: none; }
          td.ampel, span { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
