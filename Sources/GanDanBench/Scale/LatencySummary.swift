import GanDanCore

/// p50, p95 and maximum of a set of timings, in milliseconds (bench/scale).
///
/// Percentiles use the nearest-rank method: p95 of 50 samples is the 48th smallest, so one slow outlier in 50
/// shows in the maximum but not in p95.
struct LatencySummary: Sendable, Hashable, Codable {
    var samples: Int
    var p50: Double
    var p95: Double
    var max: Double

    /// Nil when there are no samples.
    init?(milliseconds: [Double]) {
        guard !milliseconds.isEmpty else { return nil }
        let sorted = milliseconds.sorted()
        samples = sorted.count
        p50 = Self.nearestRank(0.50, sorted)
        p95 = Self.nearestRank(0.95, sorted)
        max = sorted[sorted.count - 1]
    }

    /// The smallest sample with at least `fraction` of the samples at or below it.
    static func nearestRank(_ fraction: Double, _ sorted: [Double]) -> Double {
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[Swift.min(Swift.max(rank, 1), sorted.count) - 1]
    }
}
