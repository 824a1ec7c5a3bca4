import Foundation

/// A growable array of plain values whose memory grows by `realloc`: large blocks are moved by
/// remapping pages instead of copying, so growing never holds the old and the new copy at once.
/// Used for the interners, whose arrays reach tens of megabytes on a gigabyte of exports.
final class Wachsfeld<T: BitwiseCopyable>: @unchecked Sendable {
    @exclusivity(unchecked) private(set) var zeiger: UnsafeMutablePointer<T>
    @exclusivity(unchecked) private(set) var count = 0
    @exclusivity(unchecked) private var kapazitaet: Int

    init(kapazitaet: Int = 16) {
        self.kapazitaet = max(1, kapazitaet)
        zeiger = malloc(self.kapazitaet * MemoryLayout<T>.stride)!.bindMemory(to: T.self, capacity: self.kapazitaet)
    }

    deinit { free(zeiger) }

    private func platz(fuer n: Int) {
        guard count + n > kapazitaet else { return }
        var neu = kapazitaet
        while count + n > neu { neu += neu / 2 + 16 }
        guard let p = realloc(zeiger, neu * MemoryLayout<T>.stride) else {
            fatalError("kein Speicher für \(neu) Werte")
        }
        zeiger = p.bindMemory(to: T.self, capacity: neu)
        kapazitaet = neu
    }

    func append(_ x: T) {
        platz(fuer: 1)
        zeiger[count] = x
        count += 1
    }

    func append(contentsOf b: UnsafeBufferPointer<T>) {
        guard let basis = b.baseAddress, b.count > 0 else { return }
        platz(fuer: b.count)
        (zeiger + count).update(from: basis, count: b.count)
        count += b.count
    }

    subscript(i: Int) -> T {
        get { zeiger[i] }
        set { zeiger[i] = newValue }
    }
}
