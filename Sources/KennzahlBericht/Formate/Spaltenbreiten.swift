/// Column widths of a Word table, in twentieths of a point, from its content.
///
/// Every column wants its longest line (up to 40 characters, 90 for sentences) and needs at
/// least its longest word; numbers, symbols and lights never wrap. When the needs fit a portrait
/// page, the room left is shared by how much more each column wants; otherwise the table goes
/// on a landscape page, in 7 pt instead of 8 pt when even that is too narrow, and the widest
/// columns of words give up width (down to what their numbers need) until the table fits.
struct Spaltenbreiten {
    /// Usable widths: A4 portrait with 2 cm margins, landscape with 1,5 cm.
    static let breiteHoch = 11906 - 2 * 1134
    static let breiteQuer = 16838 - 2 * 851
    /// A column of sentences (a reason) needs at least this many characters, where the page allows.
    static let fliesstextMindest = 24
    /// … and never fewer than these, even in the widest table.
    static let fliesstextHart = 16

    /// Longer words may be hyphenated (the document turns German hyphenation on): they need
    /// only this many characters of width, header words two fewer.
    static let silbengrenze = 12

    var breiten: [Int]
    var quer: Bool
    /// Set in 7 pt (style `TabellentextKlein`).
    var klein: Bool

    /// `fest`: per row and column whether the cell must not wrap.
    init(_ spalten: [Spalte], _ texte: [[String]], fest: [[Bool]]) {
        func woerter(_ t: String) -> [Int] { t.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count) }
        // Per column in characters: header word, header, word, unbreakable cell, line.
        var zeichen: [(kopfwort: Int, kopf: Int, wort: Int, fest: Int, zeile: Int, satz: Bool)] = []
        for (n, s) in spalten.enumerated() {
            let zeilen = texte.flatMap { $0[n].split(separator: "\n") }
            let unteilbar = texte.indices.filter { fest[$0][n] }.map { texte[$0][n].count }
            zeichen.append(
                (
                    min(Self.silbengrenze - 2, woerter(s.titel).max() ?? 1), s.titel.count,
                    min(Self.silbengrenze, texte.flatMap { woerter($0[n]) }.max() ?? 1),
                    unteilbar.max() ?? 0, zeilen.map(\.count).max() ?? 1, s.fliesstext
                ))
        }
        /// Widths at a character width `z` (twips; Arial's letters average half an em, its digits a
        /// little more, so 90 at 8 pt and 79 at 7 pt; the bold header's characters are a tenth wider).
        func mass(_ z: Int) -> (mindest: [Int], hart: [Int], wunsch: [Int]) {
            let k = z * 11 / 10
            let rand = 130
            let mindest = zeichen.map {
                max($0.kopfwort * k, max(3, $0.wort, $0.fest, $0.satz ? Self.fliesstextMindest : 0) * z) + rand
            }
            let hart = zeichen.map { max(3, $0.fest, $0.satz ? Self.fliesstextHart : 0) * z + rand }
            let wunsch = zip(zeichen, mindest).map { c, m in
                max(m, max(c.kopf * k, min(c.zeile, c.satz ? 90 : 40) * z) + rand)
            }
            return (mindest, hart, wunsch)
        }
        var m = mass(90)
        quer = m.mindest.reduce(0, +) > Self.breiteHoch
        klein = quer && m.mindest.reduce(0, +) > Self.breiteQuer
        if klein { m = mass(79) }
        let seite = quer ? Self.breiteQuer : Self.breiteHoch
        breiten = Self.verteile(m.mindest, m.hart, m.wunsch, seite)
    }

    static func verteile(_ mindest: [Int], _ hart: [Int], _ wunsch: [Int], _ seite: Int) -> [Int] {
        let summeMindest = mindest.reduce(0, +)
        let summeWunsch = wunsch.reduce(0, +)
        if summeWunsch <= seite { return wunsch }
        if summeMindest <= seite {
            let rest = seite - summeMindest
            let mehr = summeWunsch - summeMindest
            return zip(mindest, wunsch).map { $0 + ($1 - $0) * rest / mehr }
        }
        // Cap the widest needs at one level (long words such as source names break first, short
        // header words stay whole), none below what its numbers need.
        var deckel = mindest.max() ?? 0
        while deckel > 0 {
            let b = zip(mindest, hart).map { max($1, min($0, deckel)) }
            if b.reduce(0, +) <= seite { return b }
            deckel -= 20
        }
        let summeHart = hart.reduce(0, +)
        return hart.map { $0 * seite / summeHart }
    }
}
