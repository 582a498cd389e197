import Foundation
import Testing

@testable import GanDanCore

@Suite("The placement optimiser: rules.md A3, A4, R16, R17 as an exact assignment")
struct PlacementOptimizerTests {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))! }

    static let agency = id(900)
    /// Three villages: far and weak (1), middle (2), near (3).
    static let targets = [
        PlacementTarget(
            cellID: id(101), cellName: "Chi bộ thôn Xa", villageID: id(201), villageName: "Xa", distanceKm: 19,
            povertyRate: 0.4, weak: true, fullMembers: 6, ethnicMinority: true, mountain: true, stableKey: "CB-1"),
        PlacementTarget(
            cellID: id(102), cellName: "Chi bộ thôn Giữa", villageID: id(202), villageName: "Giữa", distanceKm: 8,
            povertyRate: 0.2, weak: false, fullMembers: 12, ethnicMinority: true, mountain: false, stableKey: "CB-2"),
        PlacementTarget(
            cellID: id(103), cellName: "Chi bộ thôn Gần", villageID: id(203), villageName: "Gần", distanceKm: 2,
            povertyRate: 0.05, weak: false, fullMembers: 20, ethnicMinority: false, mountain: false, stableKey: "CB-3"),
    ]

    static func member(_ n: Int, _ name: String, posts: [PostKind] = [], home: Int? = 203, km: Double = 2)
        -> PlacementCandidate
    {
        PlacementCandidate(
            id: id(n), name: name, fromCellID: agency, posts: posts, residenceVillageID: home.map(id),
            residenceDistanceKm: km, stableKey: String(n))
    }

    static let members = [
        member(1, "Hoàng Văn Hoan", posts: [.partyDeputySecretary, .peoplesCommitteeChairman]),
        member(2, "La Văn Đường", posts: [.peoplesCommitteeViceChairman]),
        member(3, "Ma Văn Ba", home: 203),
        member(4, "Nông Thị Bốn", home: 202, km: 8),
        member(5, "Bàn Văn Năm", posts: [.partySecretary], home: 203),
    ]

    @Test("the most senior key leader goes to the hardest village; others by residence (A3, A4, R16)")
    func article() throws {
        let proposal = try PlacementOptimizer.propose(PlacementInput(candidates: Self.members, targets: Self.targets))
        let to = Dictionary(uniqueKeysWithValues: proposal.decisions.map { ($0.memberName, $0.toCellName) })
        #expect(to["Hoàng Văn Hoan"] == "Chi bộ thôn Xa")
        #expect(to["Nông Thị Bốn"] == "Chi bộ thôn Giữa")
        #expect(to["Bàn Văn Năm"] == "Chi bộ thôn Gần")  // the party secretary is exempt: placed by residence
        #expect(Set(proposal.received.values) == [1, 2] || proposal.received.values.allSatisfy { $0 >= 1 })
        let hoan = try #require(proposal.decisions.first { $0.memberName == "Hoàng Văn Hoan" })
        #expect(hoan.isKeyLeader && hoan.terms.difficulty < 0)
        #expect(hoan.reasons.first?.en.contains("19 km") == true)
        #expect(hoan.alternative != nil && (hoan.alternative?.extraCost ?? -1) >= 0)
    }

    @Test("the proposal is the exact optimum: no single other assignment of these members costs less")
    func exact() throws {
        let input = PlacementInput(candidates: Self.members, targets: Self.targets)
        let proposal = try PlacementOptimizer.propose(input)
        // Brute force over all 3^5 placements, with the same cost model.
        let model = try PlacementOptimizer.Model(input)
        var best = Double.infinity
        for code in 0..<243 {
            var digits = code
            var counts = [0, 0, 0]
            var total = 0.0
            var cells: [Int] = []
            for _ in 0..<5 {
                cells.append(digits % 3)
                digits /= 3
            }
            // Members in each cell in the order that makes the fading pull strongest (as the model does).
            for cell in 0..<3 {
                let rows = (0..<5).filter { cells[$0] == cell }
                    .sorted { model.terms[$0][cell].difficulty < model.terms[$1][cell].difficulty }
                for row in rows {
                    counts[cell] += 1
                    let terms = PlacementOptimizer.Model.terms(
                        model.terms[row][cell], slot: counts[cell], weights: input.weights)
                    total += terms.total + PlacementCosts.slotCost(counts[cell], minimum: 0, weights: input.weights)
                }
            }
            best = min(best, total)
        }
        #expect(abs(proposal.total - best) < 1e-6)
    }

    @Test("pins, forbidden pairs and maximums are respected")
    func constraints() throws {
        var input = PlacementInput(candidates: Self.members, targets: Self.targets)
        input.pins[Self.id(1)] = Self.id(103)
        input.forbidden = [MemberCellPair(memberID: Self.id(4), cellID: Self.id(102))]
        input.capacities[Self.id(101)] = PlacementCapacity(minimum: 0, maximum: 1)
        let proposal = try PlacementOptimizer.propose(input)
        let to = Dictionary(uniqueKeysWithValues: proposal.decisions.map { ($0.memberID, $0.toCellID) })
        #expect(to[Self.id(1)] == Self.id(103))
        #expect(proposal.decisions.first { $0.memberID == Self.id(1) }?.pinned == true)
        #expect(to[Self.id(4)] != Self.id(102))
        #expect((proposal.received[Self.id(101)] ?? 0) <= 1)
    }

    @Test("a minimum that cannot be met is reported, not silently dropped")
    func minimumShortfall() throws {
        var input = PlacementInput(candidates: Array(Self.members.prefix(2)), targets: Self.targets)
        input.capacities[Self.id(103)] = PlacementCapacity(minimum: 3)
        let proposal = try PlacementOptimizer.propose(input)
        #expect(proposal.warnings.contains { $0.en.contains("needs at least 3") })
    }

    @Test("live rule warnings: below 3 full members (R1); reaching 9 may propose a committee (A5)")
    func ruleWarnings() throws {
        var targets = Self.targets
        targets[0].fullMembers = 0
        targets[1].fullMembers = 8
        var input = PlacementInput(candidates: Array(Self.members.prefix(2)), targets: targets)
        input.pins = [Self.id(1): Self.id(102), Self.id(2): Self.id(103)]
        let proposal = try PlacementOptimizer.propose(input)
        #expect(proposal.warnings.contains { $0.en.contains("Chi bộ thôn Xa has only 0 full members") })
        #expect(
            proposal.notes.map(\.en) == [
                "Chi bộ thôn Giữa reaches 9 full members: it may propose a cell committee and a deputy (A5)."
            ])
    }

    @Test("infeasible inputs name their cause")
    func infeasible() {
        var everyCellForbidden = PlacementInput(candidates: Self.members, targets: Self.targets)
        everyCellForbidden.forbidden = Set(Self.targets.map { MemberCellPair(memberID: Self.id(3), cellID: $0.cellID) })
        #expect(throws: PlacementError.memberHasNoAllowedCell(member: "Ma Văn Ba")) {
            try PlacementOptimizer.propose(everyCellForbidden)
        }
        var tooSmall = PlacementInput(candidates: Self.members, targets: Self.targets)
        for target in Self.targets { tooSmall.capacities[target.cellID] = PlacementCapacity(maximum: 1) }
        #expect(throws: PlacementError.notEnoughPlaces(members: 5, places: 3)) {
            try PlacementOptimizer.propose(tooSmall)
        }
        var pinnedAway = PlacementInput(candidates: Self.members, targets: Self.targets)
        pinnedAway.pins[Self.id(2)] = Self.id(999)
        #expect(throws: PlacementError.pinnedToUnknownCell(member: "La Văn Đường")) {
            try PlacementOptimizer.propose(pinnedAway)
        }
        #expect(throws: PlacementError.noTargets) {
            try PlacementOptimizer.propose(PlacementInput(candidates: Self.members, targets: []))
        }
    }

    @Test("the same input gives the same proposal, whatever the order it comes in")
    func deterministic() throws {
        let a = try PlacementOptimizer.propose(PlacementInput(candidates: Self.members, targets: Self.targets))
        let b = try PlacementOptimizer.propose(
            PlacementInput(candidates: Self.members.reversed(), targets: Self.targets.reversed()))
        #expect(a.decisions.map(\.toCellID) == b.decisions.map(\.toCellID))
        #expect(a.total == b.total)
    }

    @Test("\"few full members\" is counted against the committee threshold in force, not a fixed 9 (rules.md A3, R3)")
    func fewMembersReadsTheCharter() throws {
        let far = Self.targets[0]
        let standard = PlacementCosts.difficulty(of: far, among: Self.targets, weights: .standard)
        #expect(abs(standard.fewMembers - 3.0 / 9) < 1e-9)
        let lower = CharterSettings(committeeThreshold: 6)
        let withLower = PlacementCosts.difficulty(of: far, among: Self.targets, weights: .standard, charter: lower)
        #expect(withLower.fewMembers == 0)
        #expect(withLower.score < standard.score)
        // The optimiser reads the input's charter.
        let input = PlacementInput(
            candidates: [Self.member(1, "Hoàng Văn Hoan")], targets: Self.targets, charter: lower)
        let model = try PlacementOptimizer.Model(input)
        let farIndex = try #require(model.targets.firstIndex { $0.cellID == far.cellID })
        #expect(model.difficulty[farIndex].fewMembers == 0)
        let standardModel = try PlacementOptimizer.Model(
            PlacementInput(candidates: [Self.member(1, "Hoàng Văn Hoan")], targets: Self.targets))
        #expect(abs(standardModel.difficulty[farIndex].fewMembers - 3.0 / 9) < 1e-9)
    }
}
