import Foundation

/// How long this process's database work waits and takes, for `/metrics` (issue 24): the wait of a write for its
/// pooled connection (and, on SQLite, the write lock), the append of audit entries, and a read's wait for its entry.
/// Kept per process, since one process serves one database; the web layer renders them in Prometheus' format.
public final class StorageTimings: @unchecked Sendable {
    /// The figures of this process.
    public static let shared = StorageTimings()

    /// What is timed.
    public enum Figure: String, CaseIterable, Sendable {
        /// From asking for a write transaction to holding it: a pooled connection, then SQLite's write lock.
        case writeWait
        /// One append to the audit trail: the chain's last entry read and the new entries written (a change's entries,
        /// or a batch of reads' entries).
        case auditAppend
        /// From a read's audit entry being queued to its batch committed: what a read waits for its entry.
        case auditReadWait
    }

    /// Observations counted into buckets of seconds (each count is of the observations up to its bound and above
    /// the previous one), with their sum.
    public struct Histogram: Sendable, Equatable {
        public var bounds: [Double]
        public var counts: [Int]
        public var sum: Double = 0
        public var count: Int = 0

        init(bounds: [Double]) {
            self.bounds = bounds
            counts = Array(repeating: 0, count: bounds.count)
        }

        mutating func record(_ seconds: Double) {
            if let index = bounds.firstIndex(where: { seconds <= $0 }) { counts[index] += 1 }
            sum += seconds
            count += 1
        }
    }

    /// Upper bounds in seconds: a connection is usually at hand within a millisecond; waits of seconds mean a
    /// pool too small or a long write holding SQLite's lock.
    public static let bounds: [Double] = [
        0.000_5, 0.001, 0.002_5, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
    ]

    private let lock = NSLock()
    private var histograms: [Figure: Histogram]

    init() {
        histograms = Dictionary(uniqueKeysWithValues: Figure.allCases.map { ($0, Histogram(bounds: Self.bounds)) })
    }

    /// Counts one observation of `figure`.
    public func record(_ figure: Figure, _ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let value = Double(seconds) + Double(attoseconds) / 1e18
        lock.withLock { histograms[figure]?.record(value) }
    }

    /// Times `body` as one observation of `figure`, whether it returns or throws.
    func measure<T>(_ figure: Figure, _ body: () async throws -> T) async rethrows -> T {
        let clock = ContinuousClock()
        let start = clock.now
        defer { record(figure, clock.now - start) }
        return try await body()
    }

    /// A copy of every figure.
    public func snapshot() -> [Figure: Histogram] {
        lock.withLock { histograms }
    }
}
