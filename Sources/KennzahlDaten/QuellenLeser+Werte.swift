import Foundation
import KennzahlBasis
import KennzahlDefinition

extension QuellenLeser {
    mutating func lerneWert(feld fi: Int, id: Int32, text: String) {
        gelernt[fi] += 1
        let feld = quelle.felder[fi]
        var katalogText: String? = text
        var zahl: Festkomma?
        var tag: Tag?
        var ok = true
        switch feld.typ {
        case .text:
            if !feld.werte.isEmpty && !text.isEmpty {
                if let z = feld.werte[text] {
                    katalogText = z
                } else if feld.zielwerte.contains(text) {
                    katalogText = text
                } else {
                    katalogText = nil
                    ok = false
                }
            }
        case .zahl:
            if !text.isEmpty {
                zahl = ZahlLeser.festkomma(aus: text)
                ok = zahl != nil
            }
        case .datum:
            if !text.isEmpty {
                tag = DatumLeser.tag(aus: text)
                ok = tag != nil
            }
        }
        if id != 0 && (katalogText ?? "").isEmpty { werte.leereWerte[fi] = true }
        werte.texte[fi].append(katalogText)
        werte.zahlen[fi].append(zahl)
        werte.tage[fi].append(tag)
        werte.gueltig[fi].append(ok)
    }
}
