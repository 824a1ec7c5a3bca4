/// Field values are byte ranges of a block; these read them.
extension UnsafeBufferPointer where Element == UInt8 {
    /// The bytes as a String (UTF-8; invalid sequences repaired).
    var text: String { String(decoding: self, as: UTF8.self) }

    /// The bytes without surrounding spaces and tabs.
    var getrimmt: UnsafeBufferPointer<UInt8> {
        guard let basis = baseAddress else { return self }
        var a = 0, e = count
        while a < e, basis[a] == 0x20 || basis[a] == 0x09 { a += 1 }
        while e > a, basis[e - 1] == 0x20 || basis[e - 1] == 0x09 { e -= 1 }
        return UnsafeBufferPointer(start: basis + a, count: e - a)
    }
}
