import Foundation
import Testing

@testable import GanDanCore

@Suite("A placement's margin: the plan re-solved without the pair (rules.md A3, A4)")
struct PlacementMarginTests {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static func village(_ n: Int, km: Double, poverty: Double, weak: Bool = false) -> PlacementTarget {
        PlacementTarget(
            cellID: id(100 + n), cellName: "Chi bộ thôn \(n)", villageID: id(200 + n), villageName: "Thôn \(n)",
            distanceKm: km, povertyRate: poverty, weak: weak, fullMembers: 12, ethnicMinority: true, mountain: true,
            stableKey: "CB-\(n)")
    }

    static func leader(home: Int?, km: Double) -> PlacementCandidate {
        PlacementCandidate(
            id: id(1), name: "Hoàng Văn Hoan", fromCellID: id(900), posts: [.peoplesCommitteeChairman],
            residenceVillageID: home.map { id(200 + $0) }, residenceDistanceKm: km, stableKey: "1")
    }

    @Test("a key leader in a far, weak village is held there by more than 1 % of his cost (rules.md A3)")
    func firm() throws {
        let input = PlacementInput(
            candidates: [Self.leader(home: nil, km: 0)],
            targets: [Self.village(1, km: 19, poverty: 0.4, weak: true), Self.village(2, km: 3, poverty: 0.05)])
        let proposal = try PlacementOptimizer.propose(input)
        let margin = try #require(
            PlacementOptimizer.margin(of: Self.id(1), in: Self.id(101), input: input, proposal: proposal))
        #expect(margin.runnerUpCellID == Self.id(102))
        #expect(margin.extraCost > 100)
        #expect(!margin.isMarginal())
        #expect(PlacementOptimizer.margin(of: Self.id(1), in: Self.id(102), input: input, proposal: proposal) == nil)
    }

    @Test("two identical villages are a tie: the placement is marginal")
    func tie() throws {
        let input = PlacementInput(
            candidates: [Self.leader(home: nil, km: 0)],
            targets: [Self.village(1, km: 10, poverty: 0.2), Self.village(2, km: 10, poverty: 0.2)])
        let proposal = try PlacementOptimizer.propose(input)
        let cell = try #require(proposal.decisions.first?.toCellID)
        let margin = try #require(PlacementOptimizer.margin(of: Self.id(1), in: cell, input: input, proposal: proposal))
        #expect(abs(margin.extraCost) < 1e-9)
        #expect(margin.isMarginal())
    }

    @Test("half a kilometre more to travel is marginal: below one kilometre's travel cost")
    func halfKilometre() throws {
        let input = PlacementInput(
            candidates: [Self.leader(home: nil, km: 0)],
            targets: [Self.village(1, km: 10, poverty: 0.2), Self.village(2, km: 10.5, poverty: 0.2)],
            weights: {
                var weights = PlacementWeights()
                weights.difficultyDistance = 0
                return weights
            }())
        let proposal = try PlacementOptimizer.propose(input)
        let margin = try #require(
            PlacementOptimizer.margin(of: Self.id(1), in: Self.id(101), input: input, proposal: proposal))
        #expect(abs(margin.extraCost - 1) < 1e-9)
        #expect(margin.isMarginal(weights: input.weights))
    }

    @Test("a member with no other allowed cell is held infinitely firmly")
    func onlyCell() throws {
        var input = PlacementInput(
            candidates: [Self.leader(home: nil, km: 0)],
            targets: [Self.village(1, km: 10, poverty: 0.2), Self.village(2, km: 3, poverty: 0.1)])
        input.forbidden = [MemberCellPair(memberID: Self.id(1), cellID: Self.id(102))]
        let proposal = try PlacementOptimizer.propose(input)
        let margin = try #require(
            PlacementOptimizer.margin(of: Self.id(1), in: Self.id(101), input: input, proposal: proposal))
        #expect(margin.extraCost == .infinity && margin.runnerUpCellID == nil)
        #expect(!margin.isMarginal())
    }
}
