import Foundation

/// File-system access with German messages: only regular files are read (a FIFO, socket or
/// device is refused without waiting for it), folders are created and synced with plain system
/// calls, and every system error is named in German, never in the system's English.
package enum Dateisystem {
    /// Why a file could not be read.
    package enum Problem: Error, Equatable, Sendable {
        case fehlt
        /// Not a regular file: the kind, e.g. "FIFO" or "Ordner".
        case keineDatei(String)
        case zuGross(Int)
        case system(Int32)

        package var text: String {
            switch self {
            case .fehlt: return "Datei nicht gefunden"
            case .keineDatei(let art): return "keine gewöhnliche Datei (\(art)); gelesen werden nur Dateien"
            case .zuGross(let grenze): return "Datei ist größer als \(Zahlformat.groesse(grenze))"
            case .system(let e): return "Datei nicht lesbar (\(Dateisystem.fehlertext(e)))"
            }
        }
    }

    /// The kind of a non-regular file for messages, from `st_mode`.
    package static func art(_ modus: mode_t) -> String {
        switch modus & S_IFMT {
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "Socket"
        case S_IFCHR, S_IFBLK: return "Gerätedatei"
        case S_IFDIR: return "Ordner"
        default: return "Sonderdatei"
        }
    }

    /// Opens a regular file for reading without ever blocking (a FIFO would wait for a writer):
    /// opened non-blocking, checked, then switched to blocking reads. The caller closes the fd.
    package static func oeffne(_ pfad: String) -> Result<(fd: Int32, groesse: Int), Problem> {
        let fd = open(pfad, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .fehlt : .system(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let e = errno
            close(fd)
            return .failure(.system(e))
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            return .failure(.keineDatei(art(info.st_mode)))
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return .success((fd, Int(info.st_size)))
    }

    /// The whole of a small regular file (definitions, switchings, `stand.txt`), at most `grenze`
    /// bytes.
    package static func lies(_ pfad: String, grenze: Int = 64 << 20) -> Result<[UInt8], Problem> {
        switch oeffne(pfad) {
        case .failure(let p): return .failure(p)
        case .success(let (fd, groesse)):
            defer { close(fd) }
            guard groesse <= grenze else { return .failure(.zuGross(grenze)) }
            var bytes = [UInt8](repeating: 0, count: groesse)
            var gelesen = 0
            while true {
                if gelesen == bytes.count {
                    // The file may have grown since fstat.
                    guard bytes.count < grenze else { return .failure(.zuGross(grenze)) }
                    bytes += [UInt8](repeating: 0, count: max(4096, bytes.count))
                }
                let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + gelesen, $0.count - gelesen) }
                if n < 0 {
                    if errno == EINTR { continue }
                    return .failure(.system(errno))
                }
                if n == 0 { break }
                gelesen += n
            }
            bytes.removeSubrange(gelesen...)
            return .success(bytes)
        }
    }

    /// What is at a path: nil when nothing, else the `st_mode` (symbolic links followed).
    package static func modus(_ pfad: String) -> mode_t? {
        var info = stat()
        return stat(pfad, &info) == 0 ? info.st_mode : nil
    }

    package static func istOrdner(_ pfad: String) -> Bool { modus(pfad).map { $0 & S_IFMT == S_IFDIR } ?? false }

    /// The names in a folder, sorted; the error number when it cannot be listed.
    package static func inhalt(_ ordner: String) -> Result<[String], Problem> {
        guard let d = opendir(ordner) else { return .failure(errno == ENOENT ? .fehlt : .system(errno)) }
        defer { closedir(d) }
        var namen: [String] = []
        while let e = readdir(d) {
            let name = withUnsafeBytes(of: e.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name != "." && name != ".." { namen.append(name) }
        }
        return .success(namen.sorted())
    }

    /// Creates a folder and its parents.
    package static func legeOrdnerAn(_ pfad: String) throws(Systemfehler) {
        if istOrdner(pfad) { return }
        let eltern = (pfad as NSString).deletingLastPathComponent
        if !eltern.isEmpty && eltern != pfad { try legeOrdnerAn(eltern) }
        if mkdir(pfad, 0o755) != 0 && errno != EEXIST {
            throw Systemfehler(pfad: pfad, nummer: errno, was: "Ordner lässt sich nicht anlegen")
        }
        guard istOrdner(pfad) else {
            throw Systemfehler(pfad: pfad, nummer: ENOTDIR, was: "Ordner lässt sich nicht anlegen")
        }
    }

    /// Writes `inhalt` to a new file and syncs it to the disk.
    package static func schreibe(_ inhalt: [UInt8], nach pfad: String) throws(Systemfehler) {
        let fd = open(pfad, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Systemfehler(pfad: pfad, nummer: errno, was: "Datei lässt sich nicht anlegen") }
        defer { close(fd) }
        var geschrieben = 0
        while geschrieben < inhalt.count {
            let n = inhalt.withUnsafeBytes { write(fd, $0.baseAddress! + geschrieben, $0.count - geschrieben) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Systemfehler(pfad: pfad, nummer: errno, was: "Datei lässt sich nicht schreiben")
            }
            geschrieben += n
        }
        guard fsync(fd) == 0 else {
            throw Systemfehler(pfad: pfad, nummer: errno, was: "Datei lässt sich nicht auf die Platte schreiben")
        }
    }

    /// Replaces (or creates) one file atomically: written and synced as `.NAME.neu-PID` beside it,
    /// then renamed over it. A run that stops leaves the old file or the new one, never a part.
    package static func schreibeAtomar(_ inhalt: [UInt8], nach pfad: String) throws(Systemfehler) {
        let ordner = (pfad as NSString).deletingLastPathComponent
        let name = (pfad as NSString).lastPathComponent
        let neu = (ordner.isEmpty ? "" : ordner + "/") + ".\(name).neu-\(getpid())"
        do {
            try schreibe(inhalt, nach: neu)
        } catch {
            unlink(neu)
            throw error
        }
        guard rename(neu, pfad) == 0 else {
            let nummer = errno
            unlink(neu)
            throw Systemfehler(pfad: pfad, nummer: nummer, was: "Datei lässt sich nicht ersetzen")
        }
        try? synchronisiere(ordner.isEmpty ? "." : ordner)
    }

    /// The canonical absolute path (symbolic links resolved); for a file that does not exist yet,
    /// its folder's canonical path and its name. nil when the folder does not exist.
    package static func kanonisch(_ pfad: String) -> String? {
        if let p = realpath(pfad, nil) {
            defer { free(p) }
            return String(cString: p)
        }
        let ordner = (pfad as NSString).deletingLastPathComponent
        guard let p = realpath(ordner.isEmpty ? "." : ordner, nil) else { return nil }
        defer { free(p) }
        return String(cString: p) + "/" + (pfad as NSString).lastPathComponent
    }

    /// Syncs a file or folder (its entries) to the disk.
    package static func synchronisiere(_ pfad: String) throws(Systemfehler) {
        let fd = open(pfad, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Systemfehler(pfad: pfad, nummer: errno, was: "lässt sich nicht öffnen") }
        defer { close(fd) }
        // Some file systems cannot sync folders; that loses nothing written before.
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            throw Systemfehler(pfad: pfad, nummer: errno, was: "lässt sich nicht auf die Platte schreiben")
        }
    }

    /// German text for a system error number.
    package static func fehlertext(_ nummer: Int32) -> String {
        switch nummer {
        case ENOENT: return "nicht vorhanden"
        case EACCES, EPERM: return "keine Berechtigung"
        case ENOSPC: return "kein Platz mehr auf dem Datenträger"
        case EDQUOT: return "Speicherkontingent erschöpft"
        case EROFS: return "Datenträger ist schreibgeschützt"
        case ENOTDIR: return "ein Teil des Pfades ist kein Ordner"
        case EISDIR: return "ist ein Ordner"
        case EEXIST: return "ist schon vorhanden"
        case ENOTEMPTY: return "Ordner ist nicht leer"
        case ENAMETOOLONG: return "Name zu lang"
        case EMFILE, ENFILE: return "zu viele offene Dateien"
        case EIO: return "Ein-/Ausgabefehler des Datenträgers"
        case EBUSY: return "wird gerade benutzt"
        case EXDEV: return "liegt auf einem anderen Datenträger"
        case ELOOP: return "zu viele symbolische Verweise"
        case EINVAL: return "vom Dateisystem nicht unterstützt"
        default: return "Systemfehler \(nummer)"
        }
    }
}

/// A failed system call on a path, with a German description.
package struct Systemfehler: Error, Sendable, CustomStringConvertible {
    package var pfad: String
    package var nummer: Int32
    /// What failed, e.g. "Datei lässt sich nicht anlegen".
    var was: String

    package var grund: String { "\(was) (\(Dateisystem.fehlertext(nummer)))" }
    package var description: String { "\(pfad): Fehler: \(grund)" }
}
