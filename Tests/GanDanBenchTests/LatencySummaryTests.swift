import Testing

@testable import GanDanBench

@Suite("The benchmark's latency summary")
struct LatencySummaryTests {
    @Test("p50, p95 and max by nearest rank")
    func latency() throws {
        let summary = try #require(LatencySummary(milliseconds: (1...100).reversed().map(Double.init)))
        #expect(summary.samples == 100)
        #expect(summary.p50 == 50)
        #expect(summary.p95 == 95)
        #expect(summary.max == 100)
        let one = try #require(LatencySummary(milliseconds: [3]))
        #expect(one.p50 == 3 && one.p95 == 3 && one.max == 3)
        #expect(LatencySummary(milliseconds: []) == nil)
    }
}
