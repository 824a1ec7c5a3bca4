// libFuzzer entry for the definition parser: any bytes as one catalogue file must end in a
// catalogue or in at least one error diagnostic, never in a trap or a hang.
// Built and run by Tests/Fuzz/run (see docs/datenschutz.md, "Prüfung mit libFuzzer").

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDefinition(_ daten: UnsafePointer<UInt8>, _ laenge: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: daten, count: laenge), as: UTF8.self)
    let (katalog, diagnosen) = KatalogLeser.lade(texte: [(pfad: "fuzz.kz", text: text)])
    if katalog == nil && !diagnosen.contains(where: { $0.schwere == .fehler }) {
        fatalError("Katalog verworfen ohne Fehlermeldung")
    }
    return 0
}
