import GanDanCore
import Testing

@testable import GanDanStorage

@Suite("An impact report's totals do not depend on the order its rows are added in (rules.md R26)")
struct ImpactTotalsTests {
    static func total(_ qualities: [Double]) -> Double {
        let empty = PeriodFigures(from: .on(2018, 4, 25), until: .on(2019, 4, 25))
        return qualities.map { quality in
            var figures = empty
            figures.qualityTotal = PeriodFigures.exact(quality)
            return figures
        }.reduce(empty, +).qualityTotal
    }

    @Test("the quality total of many cells is the same added forwards, backwards or shuffled")
    func orderFree() {
        let qualities = (1...200).map { Double($0) * 0.37 + 1 / 3 }
        #expect(Self.total(qualities) == Self.total(qualities.reversed()))
        #expect(Self.total(qualities) == Self.total(qualities.shuffled()))
        #expect(abs(Self.total(qualities) - qualities.reduce(0, +)) < 0.1)
    }
}
