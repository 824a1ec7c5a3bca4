import Foundation
import KennzahlBasis
import KennzahlDaten
import KennzahlDefinition

/// A piece's reader and what it gave, passed between threads (each owned by one at a time).
private final class Teilergebnis: @unchecked Sendable {
    let leser: QuellenLeser
    let werk: Zaehlwerk
    let statistik: DateiStatistik
    let diagnosen: [Diagnose]

    init(leser: QuellenLeser, werk: Zaehlwerk, statistik: DateiStatistik, diagnosen: [Diagnose]) {
        self.leser = leser
        self.werk = werk
        self.statistik = statistik
        self.diagnosen = diagnosen
    }
}

extension Auswerter {
    /// Reads the pieces of one file at once, each with its own reader and tallies, and puts them
    /// together in file order – or returns nil when that would not give exactly what reading the
    /// file from start to end gives (see `Dateiteilung`); the caller then does that.
    static func liesGeteilt(
        _ datei: Exportdatei, _ stuecke: [Dateiteilung.Stueck], quelle: Quelle, katalog: Katalog, eigene: [Int],
        zaehlungFuer: (QuellenLeser) -> Quellenzaehlung, fortschritt: Fortschritt?
    ) -> Quellenteil? {
        /// Reads one piece with a reader and tallies of its own.
        func lies(_ stueck: Dateiteilung.Stueck) -> Teilergebnis {
            var leser = QuellenLeser(quelle: quelle, katalog: katalog)
            let zaehlung = zaehlungFuer(leser)
            var plan = zaehlung.plan(fuer: 0)
            var diagnosen: [Diagnose] = []
            var bisher = stueck.von
            let ende = stueck.von + stueck.umfang
            let statistik = leser.lies(
                datei, dateiIndex: 0, diagnosen: &diagnosen,
                fortschritt: { gelesen in
                    let bis = min(gelesen, ende)
                    fortschritt?.melde(bis - bisher)
                    bisher = bis
                }, stueck: stueck
            ) { satz, werte in
                zaehlung.zaehle(satz, werte, &plan)
            }
            return Teilergebnis(leser: leser, werk: zaehlung.werk, statistik: statistik, diagnosen: diagnosen)
        }
        let ablage = Ablage<Teilergebnis>(anzahl: stuecke.count)
        withoutActuallyEscaping(lies) { lies in
            nonisolated(unsafe) let lies = lies
            DispatchQueue.concurrentPerform(iterations: stuecke.count) { j in ablage.setze(j, lies(stuecke[j])) }
        }
        var teile = ablage.alle
        var stuecke = stuecke
        // A guess inside a quoted field: the piece after it again, from where the one before ended.
        for j in stuecke.indices.dropFirst() where !stuecke[j - 1].stimmt {
            guard let ab = Dateiteilung.halt(stuecke[j - 1]), let neu = Dateiteilung.verschiebe(stuecke[j], ab: ab)
            else { return nil }
            stuecke[j] = neu
            teile[j] = lies(neu)
        }
        guard Dateiteilung.luecklos(stuecke), teile.allSatisfy({ $0.diagnosen.isEmpty }) else { return nil }
        // A case id in two pieces: the later row is a duplicate, which only a reading from the start sees.
        let kerne = max(1, ProcessInfo.processInfo.activeProcessorCount)
        var pruefungen: [(spaeter: Int, frueher: Int, teil: Int)] = []
        for j in teile.indices.dropFirst() {
            for i in 0..<j {
                for t in 0..<kerne { pruefungen.append((j, i, t)) }
            }
        }
        let doppelt = Ablage<Bool>(anzahl: 1)
        let liste = pruefungen
        let gelesen = teile
        DispatchQueue.concurrentPerform(iterations: liste.count) { k in
            let p = liste[k]
            if gelesen[p.spaeter].leser.teiltFallnummer(mit: gelesen[p.frueher].leser, teil: p.teil, von: kerne) {
                doppelt.setze(0, true)
            }
        }
        guard doppelt.erstes == nil else { return nil }
        var werk = teile[0].werk
        for t in teile.dropFirst() { werk.fuegeHinzu(t.werk, eigene) }
        let (statistik, diagnosen) = Dateiteilung.vereinige(stuecke, teile.map(\.statistik))
        return Quellenteil(werk: werk, auftraege: eigene, diagnosen: diagnosen, statistik: [statistik])
    }
}
