import GanDanCore

/// Random helpers for the meeting history: real numbers and seeds that depend on a cell's id only.
extension SeededRandom {
    /// A seed for one cell: the history's seed mixed with the cell's id (FNV-1a, stable across runs).
    static func seed(_ seed: UInt64, _ key: String, salt: UInt64 = 0) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        var mixer = SeededRandom(seed: seed ^ hash ^ (salt &* 0x9E37_79B9_7F4A_7C15))
        return mixer.next()
    }

    /// A uniform real number in `range`.
    mutating func real(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + Double(next() >> 11) * 0x1.0p-53 * (range.upperBound - range.lowerBound)
    }

    /// A few distinct elements of `items`, in a random order.
    mutating func sample<Element>(_ items: [Element], count: Int) -> [Element] {
        var copy = items
        shuffle(&copy)
        return Array(copy.prefix(max(count, 0)))
    }
}
