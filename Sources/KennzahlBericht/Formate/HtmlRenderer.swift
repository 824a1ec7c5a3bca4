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
            if let t = a.tabelle { s += tabelle(t) }
            for d in a.diagramme {
                s +=
                    "<figure style=\"margin:1.2em 0;\">\n<p style=\"font-weight:bold;margin:0 0 0.3em 0;\">"
                    + esc(d.titel) + "</p>\n"
                s +=
                    SvgDiagramm.svg(d) + "\n<figcaption class=\"fussnote\">" + esc(d.beschreibung)
                    + "</figcaption>\n</figure>\n"
            }
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

    static let rahmen = "border:1px solid #888;padding:2px 6px;"

    static func tabelle(_ t: Tabelle) -> String {
        var s = "<table style=\"border-collapse:collapse;font-size:10pt;\">\n<thead>\n"
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
            let breite = sp.fliesstext ? "min-width:16em;" : ""
            s +=
                "<th scope=\"col\" style=\"\(rahmen)\(breite)background:#e8e8e8;text-align:\(sp.rechtsbuendig ? "right" : "left");vertical-align:bottom;\">"
                + esc(sp.titel) + "</th>"
        }
        s += "</tr>\n</thead>\n<tbody>\n"
        for zeile in t.zeilen {
            s += "<tr>"
            for (i, z) in zeile.enumerated() {
                let rechts = i < t.spalten.count && t.spalten[i].rechtsbuendig
                s += zelle(z, rechts: rechts)
            }
            s += "</tr>\n"
        }
        s += "</tbody>\n</table>\n"
        for f in t.fussnoten { s += "<p class=\"fussnote\">" + esc(f) + "</p>\n" }
        return s
    }

    static func zelle(_ z: Zelle, rechts: Bool) -> String {
        let ausrichtung = "text-align:\(rechts ? "right" : "left");vertical-align:top;"
        switch z {
        case .text(let t): return "<td style=\"\(rahmen)\(ausrichtung)\">" + esc(t) + "</td>"
        case .zahl(let b, let d, let suffix):
            let text = Zahlformat.deutsch(b, dezimalen: d) + (suffix.isEmpty ? "" : "\u{00A0}" + suffix)
            return "<td style=\"\(rahmen)text-align:right;vertical-align:top;white-space:nowrap;\">" + esc(text)
                + "</td>"
        case .symbol(let s): return "<td style=\"\(rahmen)text-align:right;vertical-align:top;\">" + esc(s) + "</td>"
        case .ampel(let f):
            return
                "<td class=\"ampel \(f.rawValue)\" style=\"\(rahmen)\(farbstil(f))white-space:nowrap;vertical-align:top;\">"
                + esc(f.symbol + " " + f.wort) + "</td>"
        case .verlauf(let werte):
            return "<td style=\"\(rahmen)vertical-align:middle;\">" + SvgDiagramm.sparkline(werte) + "</td>"
        case .ampelfolge(let folge):
            let teile = folge.map { f -> String in
                guard let f else { return "<span title=\"keine Daten\">.</span>" }
                return "<span style=\"\(farbstil(f))padding:0 3px;\" title=\"\(f.wort)\">" + esc(f.symbol) + "</span>"
            }
            return "<td style=\"\(rahmen)white-space:nowrap;vertical-align:top;\">" + teile.joined(separator: " ")
                + "</td>"
        case .verweise(let v):
            return "<td style=\"\(rahmen)\(ausrichtung)\">"
                + v.map { "<a href=\"" + esc($0.ziel) + "\">" + esc($0.text) + "</a>" }.joined(separator: " ") + "</td>"
        case .geheim:
            return
                "<td style=\"\(rahmen)text-align:right;vertical-align:top;\" title=\"aus Gründen des Datenschutzes nicht ausgewiesen\">.</td>"
        case .leer: return "<td style=\"\(rahmen)\"></td>"
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

    static let stil = """
        body { font-family: "Segoe UI", Arial, Helvetica, sans-serif; margin: 1.5em; color: #111; }
        td { max-width: 32em; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; }
        h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #aaa; }
        .gebiet { font-size: 1.2em; font-weight: bold; margin: 0.2em 0; }
        .kopf { margin: 0.1em 0; color: #333; }
        table { margin: 0.6em 0; }
        figure svg { display: block; }
        .fussnote { font-size: 0.85em; color: #333; margin: 0.2em 0; }
        footer { margin-top: 2em; font-size: 0.85em; color: #333; border-top: 1px solid #aaa; }
        a { color: #0645ad; }
        @media print {
          @page { size: A4 portrait; margin: 12mm; }
          body { margin: 0; font-size: 9pt; max-width: none; }
          table { font-size: 6.5pt !important; width: 100% !important; page-break-inside: auto; }
          th, td { overflow-wrap: break-word; hyphens: auto; max-width: none !important; padding: 1px 3px !important; }
          thead { display: table-header-group; }
          tr { page-break-inside: avoid; }
          h2 { page-break-after: avoid; }
          a { color: #000; text-decoration: none; }
          td.ampel { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }

        """
}
