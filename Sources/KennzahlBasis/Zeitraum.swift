/// A span of whole quarters, `von` through `bis` inclusive: one quarter, a year, or a year to date.
///
/// Every period the engine evaluates is such a span; its Stichtag is the last day of `bis`.
package struct Zeitraum: Hashable, Sendable, CustomStringConvertible {
    package let von: Quartal
    package let bis: Quartal

    init(von: Quartal, bis: Quartal) {
        precondition(von <= bis, "empty Zeitraum")
        self.von = von
        self.bis = bis
    }

    package static func quartal(_ q: Quartal) -> Zeitraum { Zeitraum(von: q, bis: q) }

    package static func jahr(_ j: Int) -> Zeitraum {
        Zeitraum(von: Quartal(jahr: j, nummer: 1), bis: Quartal(jahr: j, nummer: 4))
    }

    /// The year of `q` from its first quarter through `q`.
    package static func jahrBis(_ q: Quartal) -> Zeitraum {
        Zeitraum(von: Quartal(jahr: q.jahr, nummer: 1), bis: q)
    }

    package var beginn: Tag { von.ersterTag }
    /// The reference day (Stichtag) of the span: its last day.
    package var stichtag: Tag { bis.letzterTag }

    var istQuartal: Bool { von == bis }
    package var istJahr: Bool { von.nummer == 1 && bis.nummer == 4 && von.jahr == bis.jahr }

    func enthaelt(_ tag: Tag) -> Bool { beginn <= tag && tag <= stichtag }

    /// The same span shifted by a number of quarters (−4: the previous year).
    package func verschoben(um quartale: Int) -> Zeitraum {
        Zeitraum(von: von.verschoben(um: quartale), bis: bis.verschoben(um: quartale))
    }

    /// Reader's name: `4. Quartal 2021`, `2021`, `01.01.–30.06.2021`.
    package var deutsch: String {
        if istQuartal { return bis.deutsch }
        if istJahr { return String(bis.jahr) }
        let b = beginn.bestandteile
        if von.jahr == bis.jahr, b.monat == 1, b.tag == 1 {
            return "01.01.–" + stichtag.deutsch
        }
        return beginn.deutsch + "–" + stichtag.deutsch
    }

    /// Short reader's name: `Q4/2021`, `2021`, `Q1–Q2/2021`.
    package var kurz: String {
        if istQuartal { return bis.kurz }
        if istJahr { return String(bis.jahr) }
        if von.jahr == bis.jahr { return "Q\(von.nummer)–Q\(bis.nummer)/\(bis.jahr)" }
        return von.kurz + "–" + bis.kurz
    }

    package var description: String { von == bis ? von.name : "\(von.name)…\(bis.name)" }
}

/// The period a report covers: a quarter (`2021-Q4`) or a year (`2021`).
package enum Berichtsperiode: Hashable, Sendable, CustomStringConvertible {
    case quartal(Quartal)
    case jahr(Int)

    /// Folder name of the report set: `2021-Q4` or `2021`.
    package var name: String {
        switch self {
        case .quartal(let q): return q.name
        case .jahr(let j): return String(j)
        }
    }

    package var deutsch: String {
        switch self {
        case .quartal(let q): return q.deutsch
        case .jahr(let j): return "Jahr \(j)"
        }
    }

    /// The last quarter the period covers.
    package var letztesQuartal: Quartal {
        switch self {
        case .quartal(let q): return q
        case .jahr(let j): return Quartal(jahr: j, nummer: 4)
        }
    }

    package var description: String { name }

    /// Parses `2021-Q4` or `2021`.
    package static func parse(_ text: String) -> Berichtsperiode? {
        if let q = Quartal.parse(text) { return .quartal(q) }
        let b = Array(text.utf8)
        guard b.count == 4, b.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let j = Int(text), j >= 1000 else { return nil }
        return .jahr(j)
    }
}
