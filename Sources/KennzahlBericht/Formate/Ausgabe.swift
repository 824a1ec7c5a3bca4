import Foundation
import KennzahlBasis

/// Writes a set of files into a folder atomically.
///
/// Everything goes into a hidden sibling folder `.NAME.neu-PID` first, every file and folder
/// synced to the disk, which then takes the place of `NAME` in one step (`renameat2` with
/// `renameExchange` on Linux); where the system cannot swap, two renames do (`NAME` →
/// `.NAME.alt-PID`, new → `NAME`), with a moment without `NAME` in between. A run that stops at
/// any point leaves `NAME` as it was or complete; what it left behind belongs to a process that
/// no longer runs and is cleared by the next run (an old set moved aside is put back first).
///
/// A folder is replaced or removed only when every file in it was written by this program: listed
/// in the folder's record (`.kennzahl-berichtsstand`, written first) or, for folders without one,
/// accepted by the caller's `eigene`. Otherwise the run stops and names the file.
package enum Ausgabe {
    package struct Fehler: Error, CustomStringConvertible {
        package var pfad: String
        package var grund: String
        package var description: String { "\(pfad): Fehler: \(grund)" }

        package init(pfad: String, grund: String) {
            self.pfad = pfad
            self.grund = grund
        }
    }

    /// One run per output folder: an exclusive `flock` on the folder `OUT` itself (no file is
    /// left there), held from before the computation until the set is swapped in. A second run
    /// waits (and says so through `wartet`); the system releases the lock when a run ends,
    /// however it ends.
    package final class Sperre: @unchecked Sendable {
        private var fd: Int32

        /// Takes the lock of `ordner` (created if missing), waiting while another run holds it.
        package init(_ ordner: String, wartet: ((String) -> Void)? = nil) throws {
            do throws(Systemfehler) {
                try Dateisystem.legeOrdnerAn(ordner)
            } catch {
                throw Fehler(
                    pfad: error.pfad,
                    grund: "Ausgabeordner lässt sich nicht anlegen (\(Dateisystem.fehlertext(error.nummer)))")
            }
            let pfad = ordner
            fd = open(pfad, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0 else {
                throw Fehler(
                    pfad: pfad, grund: "Ausgabeordner lässt sich nicht öffnen (\(Dateisystem.fehlertext(errno)))")
            }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { return }
            wartet?(ordner)
            while flock(fd, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    let nummer = errno
                    close(fd)
                    fd = -1
                    throw Fehler(
                        pfad: pfad, grund: "Ausgabeordner lässt sich nicht sperren (\(Dateisystem.fehlertext(nummer)))")
                }
            }
        }

        /// Releases the lock (also when the object goes away).
        package func gibFrei() {
            guard fd >= 0 else { return }
            flock(fd, LOCK_UN)
            close(fd)
            fd = -1
        }

        deinit { gibFrei() }
    }

    /// The record of a written set: its kind and its files.
    static let stammdatei = ".kennzahl-berichtsstand"

    /// What a set records about itself.
    package struct Stamm: Sendable, Equatable {
        /// The kind of set, e.g. "intern" or "oeffentlich"; nil for sets without a kind.
        package var art: String?
        var dateien: [String]

        init(art: String?, dateien: [String]) {
            self.art = art
            self.dateien = dateien
        }

        var text: String {
            "kennzahl-berichtsstand 1\n" + (art.map { "art: \($0)\n" } ?? "")
                + dateien.map { "datei: \($0)\n" }.joined()
        }

        /// The record of a folder, if it has one.
        package static func lies(_ ordner: String) -> Stamm? {
            guard case .success(let bytes) = Dateisystem.lies(Pfad.verbinde(ordner, stammdatei), grenze: 16 << 20)
            else { return nil }
            let zeilen = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
            guard zeilen.first == "kennzahl-berichtsstand 1" else { return nil }
            var s = Stamm(art: nil, dateien: [])
            for z in zeilen.dropFirst() {
                if z.hasPrefix("art: ") { s.art = String(z.dropFirst(5)) }
                if z.hasPrefix("datei: ") { s.dateien.append(String(z.dropFirst(7))) }
            }
            return s
        }
    }

    /// `dateien`: paths relative to `ziel` (built from slugs only) and their contents. `art`: the
    /// kind recorded in the set; `eigene`: which files of an existing folder without a record
    /// this program wrote (earlier versions wrote no record).
    package static func schreibe(
        _ dateien: [(pfad: String, inhalt: [UInt8])], nach ziel: String, art: String? = nil,
        stamm: Bool = true, eigene: (String) -> Bool = { _ in false }
    ) throws {
        let liste = stamm ? Stamm(art: art, dateien: dateien.map(\.pfad)) : nil
        try schreibe(nach: ziel, stamm: liste, eigene: eigene) { neu in
            // Folders first, then the files on all cores.
            let ziele = try dateien.map { try pfad($0.pfad, in: neu) }
            let fehler = Ablage<Fehler>(anzahl: 1)
            let naechste = Laufnummer()
            DispatchQueue.concurrentPerform(
                iterations: min(ProcessInfo.processInfo.activeProcessorCount, max(1, dateien.count))
            ) { _ in
                while let i = naechste.weiter(bis: dateien.count) {
                    do throws(Systemfehler) {
                        try Dateisystem.schreibe(dateien[i].inhalt, nach: ziele[i].path)
                    } catch {
                        fehler.setze(0, Fehler(pfad: error.pfad, grund: error.grund))
                    }
                }
            }
            if let f = fehler.erstes { throw f }
        }
    }

    /// The file `relativ` inside `ordner`, its folder created; a name leading outside is refused.
    package static func pfad(_ relativ: String, in ordner: URL) throws -> URL {
        guard !relativ.hasPrefix("/"), !relativ.split(separator: "/").contains(".."), !relativ.isEmpty else {
            throw Fehler(pfad: relativ, grund: "Dateiname außerhalb des Ausgabeordners abgelehnt")
        }
        let datei = ordner.appendingPathComponent(relativ)
        do throws(Systemfehler) {
            try Dateisystem.legeOrdnerAn(datei.deletingLastPathComponent().path)
        } catch {
            throw Fehler(pfad: error.pfad, grund: error.grund)
        }
        return datei
    }

    /// Lets `fuelle` write into a fresh hidden folder (files too large to hold in memory are
    /// streamed there; they need not sync themselves), then swaps it in for `ziel`.
    package static func schreibe(
        nach ziel: String, stamm: Stamm? = nil, eigene: (String) -> Bool = { _ in false },
        _ fuelle: (URL) throws -> Void
    ) throws {
        let url = URL(fileURLWithPath: ziel).standardizedFileURL
        let eltern = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let zielpfad = url.path
        do throws(Systemfehler) {
            try Dateisystem.legeOrdnerAn(eltern)
        } catch {
            throw Fehler(
                pfad: error.pfad,
                grund: "Ausgabeordner lässt sich nicht anlegen (\(Dateisystem.fehlertext(error.nummer)))")
        }
        raeumeAuf(eltern, eigene: eigene)
        if Dateisystem.modus(zielpfad) != nil { try pruefeEigene(zielpfad, eigene: eigene) }
        let kennung = String(getpid())
        let neu = Pfad.verbinde(eltern, ".\(name).neu-\(kennung)")
        let alt = Pfad.verbinde(eltern, ".\(name).alt-\(kennung)")
        try? FileManager.default.removeItem(atPath: neu)
        do {
            try Dateisystem.legeOrdnerAn(neu)
            // The record first: a folder left half-written still says which files are ours.
            if let stamm { try Dateisystem.schreibe(Array(stamm.text.utf8), nach: Pfad.verbinde(neu, stammdatei)) }
            try fuelle(URL(fileURLWithPath: neu))
            try synchronisiereBaum(neu)
        } catch {
            try? FileManager.default.removeItem(atPath: neu)
            if let f = error as? Fehler { throw f }
            if let f = error as? Systemfehler { throw Fehler(pfad: f.pfad, grund: f.grund) }
            throw Fehler(
                pfad: zielpfad, grund: "Dateien konnten nicht geschrieben werden; der vorige Stand bleibt erhalten")
        }
        haltepunkt("vor-tausch")
        if Dateisystem.modus(zielpfad) == nil {
            guard rename(neu, zielpfad) == 0 else { throw umbenennungsfehler(neu, zielpfad) }
        } else if tausche(neu, zielpfad) {
            // `neu` now holds the old set.
            haltepunkt("nach-tausch")
            try? FileManager.default.removeItem(atPath: neu)
        } else {
            guard rename(zielpfad, alt) == 0 else { throw umbenennungsfehler(zielpfad, alt) }
            haltepunkt("zwischen-umbenennungen")
            guard rename(neu, zielpfad) == 0 else {
                let f = umbenennungsfehler(neu, zielpfad)
                _ = rename(alt, zielpfad)
                throw f
            }
            try? FileManager.default.removeItem(atPath: alt)
        }
        try? Dateisystem.synchronisiere(eltern)
    }

    // MARK: Steps

    /// `renameat2(…, renameExchange)`, looked up at run time (glibc ≥ 2.28); false where the
    /// system or the file system cannot swap.
    private static func tausche(_ a: String, _ b: String) -> Bool {
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    private static func umbenennungsfehler(_ von: String, _ nach: String) -> Fehler {
        Fehler(
            pfad: nach,
            grund:
                "Ordner lässt sich nicht umbenennen (\(Dateisystem.fehlertext(errno))); der vorige Stand bleibt erhalten"
        )
    }

    /// Syncs every file and folder below `ordner` and the folder itself.
    private static func synchronisiereBaum(_ ordner: String) throws {
        let fm = FileManager.default
        for case let rel as String in fm.enumerator(atPath: ordner) ?? FileManager.DirectoryEnumerator() {
            try Dateisystem.synchronisiere(Pfad.verbinde(ordner, rel))
        }
        try Dateisystem.synchronisiere(ordner)
    }

    /// Clears what runs that no longer run left in `eltern`: a set moved aside whose place is
    /// empty goes back; everything else of theirs is removed. A hidden folder that only looks
    /// like a leftover (a file in it was not written by this program) is left alone.
    static func raeumeAuf(_ eltern: String, eigene: (String) -> Bool) {
        guard case .success(let namen) = Dateisystem.inhalt(eltern) else { return }
        for n in namen {
            guard let rest = Ausgabe.rest(n), kill(rest.pid, 0) != 0 && errno == ESRCH else { continue }
            let pfad = Pfad.verbinde(eltern, n)
            guard (try? pruefeEigene(pfad, eigene: eigene)) != nil else { continue }
            let ziel = Pfad.verbinde(eltern, rest.name)
            if rest.art == "alt" && Dateisystem.modus(ziel) == nil && rename(pfad, ziel) == 0 { continue }
            try? FileManager.default.removeItem(atPath: pfad)
        }
    }

    /// `.NAME.neu-PID`, `.NAME.alt-PID` (and `.NAME.entstehend-PID` of earlier versions).
    static func rest(_ n: String) -> (name: String, art: String, pid: pid_t)? {
        guard n.hasPrefix("."), let strich = n.lastIndex(of: "-"), let pid = pid_t(n[n.index(after: strich)...]),
            pid > 0
        else { return nil }
        let vorne = n[n.index(after: n.startIndex)..<strich]
        for art in ["neu", "alt", "entstehend"] where vorne.hasSuffix("." + art) {
            let name = String(vorne.dropLast(art.count + 1))
            return name.isEmpty ? nil : (name, art, pid)
        }
        return nil
    }

    /// Throws, naming the file, when `ordner` holds a file this program did not write.
    static func pruefeEigene(_ ordner: String, eigene: (String) -> Bool) throws {
        guard Dateisystem.istOrdner(ordner) else {
            throw Fehler(pfad: ordner, grund: "ist kein Ordner und wird nicht ersetzt; bitte ein anderes --out wählen")
        }
        let stamm = Stamm.lies(ordner)
        let erlaubt = Set(stamm?.dateien ?? [])
        let fm = FileManager.default
        for case let rel as String in fm.enumerator(atPath: ordner) ?? FileManager.DirectoryEnumerator() {
            let pfad = Pfad.verbinde(ordner, rel)
            guard let modus = Dateisystem.modus(pfad) ?? lstatModus(pfad), modus & S_IFMT != S_IFDIR else { continue }
            if rel == stammdatei || erlaubt.contains(rel) || (stamm == nil && eigene(rel)) { continue }
            throw Fehler(
                pfad: pfad,
                grund: "Datei stammt nicht von kennzahl; der Ordner wird deshalb nicht ersetzt. "
                    + "Bitte die Datei an einen anderen Ort verschieben oder mit --out einen anderen Ausgabeordner wählen"
            )
        }
    }

    private static func lstatModus(_ pfad: String) -> mode_t? {
        var info = stat()
        return lstat(pfad, &info) == 0 ? info.st_mode : nil
    }

    /// Test support: `KENNZAHL_ABBRUCH=<Schritt>` makes the program kill itself at that step of
    /// the swap (`vor-tausch`, `nach-tausch`, `zwischen-umbenennungen`), so tests can check what
    /// a killed run leaves. No effect otherwise.
    private static func haltepunkt(_ schritt: String) {
        if ProcessInfo.processInfo.environment["KENNZAHL_ABBRUCH"] == schritt { kill(getpid(), SIGKILL) }
    }
}
