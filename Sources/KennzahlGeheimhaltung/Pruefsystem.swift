import Foundation
import KennzahlAuswertung
import KennzahlBasis
import KennzahlDefinition

/// The attacker's system of a public set as data, for an independent check (`kennzahl check
/// --public --pruefsystem DATEI`, solved by another solver in CI): the unknowns, every
/// constraint the published values impose, and every withheld value with the range the audit
/// found. Numbers are exact fractions written `zähler/nenner`.
package struct Pruefsystem: Codable, Sendable {
    package struct Variable: Codable, Sendable {
        var name: String
        var nichtnegativ: Bool
    }

    package struct Bedingung: Codable, Sendable {
        /// Pairs of variable index and coefficient.
        var terme: [[String]]
        /// `=`, `<=` or `>=`.
        var art: String
        var rechts: String
        var zellen: [String]
    }

    package struct Ziel: Codable, Sendable {
        var zelle: String
        var terme: [[String]]
        var konstante: String
        /// `anzahl`, `betrag` or `keiner` (ratios: protected through their parts).
        var schutzart: String
        var grund: String
        var mindestfallzahl: Int
        /// Whether the value rests on too few cases (the audit protects these).
        var klein: Bool
        var wahrerWert: String
        var unten: String?
        var oben: String?
    }

    /// A current value the set shows, to compare with the report files; `teil` "farbe": a light,
    /// `wert` its colour word.
    package struct Veroeffentlicht: Codable, Sendable {
        var kennzahl: String
        /// The Produkt whose report shows it (`produkt-N.csv`).
        var produkt: Int
        var gebiet: String
        var teil: String
        var zurueckgehalten: Bool
        /// The value, nil when it has none (no data, city only, denominator 0).
        var wert: String?
    }

    /// The colour words of the shown lights (known only once the set's lights are switched).
    mutating func setzeFarben(_ farbe: (_ kennzahl: String, _ gebiet: String) -> String?) {
        for i in aktuell.indices where aktuell[i].teil == "farbe" && !aktuell[i].zurueckgehalten {
            aktuell[i].wert = farbe(aktuell[i].kennzahl, aktuell[i].gebiet)
        }
    }

    var katalog: String
    var periode: String
    package var variablen: [Variable]
    package var bedingungen: [Bedingung]
    package var ziele: [Ziel]
    var aktuell: [Veroeffentlicht]

    /// JSON with sorted keys: the same set gives the same bytes.
    package func json() -> [UInt8] {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? Array(e.encode(self))) ?? []
    }

    static func bruch(_ b: Bruch) -> String { "\(b.zaehler)/\(b.nenner)" }

    static func zelle(_ c: Geheimhaltung.Zelle, _ k: Katalog) -> String {
        let gebiet = k.slug(Gebiet(slot: c.slot, sozialraeume: k.sozialraeume.count))
        return "\(k.kennzahlen[c.kennzahl].id)|\(c.zeitraum.description)|\(gebiet)|\(c.teil)"
    }
}

extension Pruefstand {
    /// The system as it stands, with ranges for `ziele` and their reasons.
    func system(
        periode: Berichtsperiode, ziele: [Geheimhaltung.Zelle: Geheimhaltung.Grund], klein: Set<Geheimhaltung.Zelle>,
        intervalle: [Geheimhaltung.Zelle: Intervall], sichtbar: Set<Geheimhaltung.Zelle>
    ) -> Pruefsystem {
        let k = modell.katalog
        func terme(_ t: [Int: Bruch]) -> [[String]] {
            t.keys.sorted().map { [String($0), Pruefsystem.bruch(t[$0] ?? .null)] }
        }
        let variablen = modell.basis.indices.map { i -> Pruefsystem.Variable in
            let name: String
            switch modell.basis[i] {
            case .fein(let f, let slot, let familie, let klasse):
                name = "fein q\(f.quelle) \(f.regel.rawValue) \(f.von)-\(f.bis) s\(slot) \(familie) k\(klasse)"
            case .zaehlung(let z, let f, let slot): name = "zählung \(z) q\(f.quelle) \(f.von)-\(f.bis) s\(slot)"
            case .verschieden(let z, let f, let slot): name = "verschieden \(z) q\(f.quelle) \(f.von)-\(f.bis) s\(slot)"
            case .frei(let c): name = "frei " + Pruefsystem.zelle(c, k)
            }
            return Pruefsystem.Variable(name: name, nichtnegativ: modell.nichtnegativ[i])
        }
        let bedingungen = aktiveBeziehungen.map { b in
            Pruefsystem.Bedingung(
                terme: terme(b.ausdruck.terme), art: b.art == .gleich ? "=" : b.art == .hoechstens ? "<=" : ">=",
                rechts: Pruefsystem.bruch(Bruch.null.minus(b.ausdruck.konstante) ?? .null),
                zellen: b.zellen.map { Pruefsystem.zelle($0, k) })
        }
        let liste = ziele.keys.sorted().compactMap { c -> Pruefsystem.Ziel? in
            guard let e = modell.ausdruck[c], let w = modell.wahrerWert(c) else { return nil }
            let art: String
            switch modell.schutzart[c] ?? .keiner {
            case .anzahl: art = "anzahl"
            case .betrag: art = "betrag"
            case .keiner: art = "keiner"
            }
            return Pruefsystem.Ziel(
                zelle: Pruefsystem.zelle(c, k), terme: terme(e.terme), konstante: Pruefsystem.bruch(e.konstante),
                schutzart: art, grund: ziele[c]?.rawValue ?? "",
                mindestfallzahl: k.kennzahlen[c.kennzahl].mindestfallzahl,
                klein: klein.contains(c), wahrerWert: Pruefsystem.bruch(w),
                unten: intervalle[c]?.unten.map(Pruefsystem.bruch), oben: intervalle[c]?.oben.map(Pruefsystem.bruch))
        }
        var aktuell: [Pruefsystem.Veroeffentlicht] = []
        for c in sichtbar.sorted() {
            let kz = k.kennzahlen[c.kennzahl]
            guard Zeitplan(rhythmus: kz.rhythmus, periode: periode).aktuell == c.zeitraum else { continue }
            let geheim = status[c] == .geheim
            let gebiet = k.slug(Gebiet(slot: c.slot, sozialraeume: k.sozialraeume.count))
            aktuell.append(
                Pruefsystem.Veroeffentlicht(
                    kennzahl: kz.id, produkt: kz.produkt, gebiet: gebiet, teil: "\(c.teil)",
                    zurueckgehalten: geheim, wert: geheim ? nil : modell.wahrerWert(c).map(Pruefsystem.bruch)))
        }
        return Pruefsystem(
            katalog: k.name, periode: periode.name, variablen: variablen, bedingungen: bedingungen, ziele: liste,
            aktuell: aktuell)
    }
}
