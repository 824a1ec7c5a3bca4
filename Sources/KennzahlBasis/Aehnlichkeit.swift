/// "Meinten Sie …?": the nearest known name by edit distance.
package enum Aehnlichkeit {
    /// The candidate closest to `wort`, if it is close enough to be a plausible typo.
    package static func vorschlag(fuer wort: String, aus kandidaten: [String]) -> String? {
        let klein = wort.lowercased()
        var bester: (name: String, abstand: Int)?
        for k in kandidaten {
            let d = abstand(klein, k.lowercased())
            if d < bester?.abstand ?? Int.max { bester = (k, d) }
        }
        guard let (name, d) = bester else { return nil }
        let grenze = max(1, min(3, max(klein.count, name.count) / 3))
        return (d > 0 && d <= grenze) || (d == 0 && name != wort) ? name : nil
    }

    /// Damerau–Levenshtein distance (optimal string alignment) over characters.
    static func abstand(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let kosten = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + kosten)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
