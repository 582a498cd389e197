import GanDanCore

/// SplitMix64, written out so the demo and the benchmarks never depend on the platform's or the standard library's
/// randomness.
///
/// Every helper maps the 64-bit stream with fixed integer arithmetic, so a seed gives the same data everywhere.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A uniform integer in `range`.
    public mutating func int(_ range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        return range.lowerBound + Int(next().multipliedFullWidth(by: span).high)
    }

    /// True with the given probability.
    mutating func chance(_ probability: Double) -> Bool {
        Double(next() >> 11) * 0x1.0p-53 < probability
    }

    /// One element of a non-empty array.
    mutating func pick<Element>(_ items: [Element]) -> Element {
        items[int(0...(items.count - 1))]
    }

    /// One element of a non-empty list, drawn with the given integer weights.
    mutating func weighted<Element>(_ items: [(Element, Int)]) -> Element {
        let total = items.reduce(0) { $0 + max($1.1, 0) }
        var roll = int(0...max(total - 1, 0))
        for (item, weight) in items {
            if roll < weight { return item }
            roll -= max(weight, 0)
        }
        return items[items.count - 1].0
    }

    /// A uniform day between two dates, both included; `from` when the range is empty.
    mutating func date(from: CivilDate, through: CivilDate) -> CivilDate {
        guard from < through else { return from }
        return CivilDate(dayNumber: int(from.dayNumber...through.dayNumber))
    }

    /// A string of `count` decimal digits.
    mutating func digits(_ count: Int) -> String {
        String((0..<count).map { _ in Character(String(int(0...9))) })
    }

    /// Fisher–Yates shuffle.
    mutating func shuffle<Element>(_ items: inout [Element]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, int(0...index))
        }
    }
}
