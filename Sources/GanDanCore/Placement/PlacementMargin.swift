import Foundation

/// How firmly an optimal proposal holds one member in one cell: what the plan's total gains in cost when that pair
/// is forbidden and the commune is re-solved exactly (placement.md), so that every other member may move too.
public struct PlacementMargin: Sendable, Hashable, Codable {
    public var memberID: UUID
    public var memberName: String
    public var cellID: UUID
    public var cellName: String
    /// The member's cost terms in the cell, as the proposal explains them.
    public var terms: CostTerms
    /// The re-solved total minus the proposal's total; `.infinity` when no plan exists without the pair.
    public var extraCost: Double
    /// Where the member goes in the best plan without the pair.
    public var runnerUpCellID: UUID?
    public var runnerUpCellName: String?

    /// The member's cost as a scale: the absolute values of its terms summed, so that terms which cancel do not
    /// make a near-zero scale and every difference look large.
    public var memberCostScale: Double {
        abs(terms.difficulty) + abs(terms.residence) + abs(terms.travel) + abs(terms.slot)
    }

    /// `extraCost` as a share of `memberCostScale`.
    public var relativeExtra: Double {
        memberCostScale > 0 ? extraCost / memberCostScale : .infinity
    }

    /// A placement is marginal when the best plan without it costs less than 1 % of the member's own cost more, or
    /// less than one kilometre of travel more (`weights.travelPerKm`): the village distances it rests on are given
    /// to half a kilometre, so a kilometre's change in one of them, or a rounding of the weights, could turn it.
    /// A tie (extra 0) is always marginal.
    public func isMarginal(weights: PlacementWeights = .standard) -> Bool {
        extraCost < max(Self.marginalShare * memberCostScale, weights.travelPerKm * 1)
    }

    /// The relative part of the marginal test.
    public static let marginalShare = 0.01

    public init(
        memberID: UUID, memberName: String, cellID: UUID, cellName: String, terms: CostTerms, extraCost: Double,
        runnerUpCellID: UUID?, runnerUpCellName: String?
    ) {
        self.memberID = memberID
        self.memberName = memberName
        self.cellID = cellID
        self.cellName = cellName
        self.terms = terms
        self.extraCost = extraCost
        self.runnerUpCellID = runnerUpCellID
        self.runnerUpCellName = runnerUpCellName
    }
}

extension PlacementOptimizer {
    /// The margin of a member the proposal places in `cellID`: `input` re-solved with that one pair forbidden.
    /// `proposal` must be `propose(input)`; returns nil when the proposal does not place the member there.
    public static func margin(
        of memberID: UUID, in cellID: UUID, input: PlacementInput, proposal: PlacementProposal
    ) -> PlacementMargin? {
        guard let decision = proposal.decisions.first(where: { $0.memberID == memberID && $0.toCellID == cellID })
        else { return nil }
        var forbidden = input
        forbidden.forbidden.insert(MemberCellPair(memberID: memberID, cellID: cellID))
        // Without the pair there may be no plan at all (the member's only allowed cell): infinitely firm.
        let other = try? solveTotal(forbidden)
        let runnerUp = other?.cells[memberID]
        return PlacementMargin(
            memberID: memberID, memberName: decision.memberName, cellID: cellID, cellName: decision.toCellName,
            terms: decision.terms, extraCost: other.map { $0.total - proposal.total } ?? .infinity,
            runnerUpCellID: runnerUp?.id, runnerUpCellName: runnerUp?.name)
    }

    /// The optimum of `input` without explanations: its total and each member's cell.
    static func solveTotal(_ input: PlacementInput) throws(PlacementError) -> (
        total: Double, cells: [UUID: (id: UUID, name: String)]
    ) {
        let model = try Model(input)
        let solution = try model.solve(model.problem)
        var cells: [UUID: (id: UUID, name: String)] = [:]
        for (row, column) in solution.assignment.enumerated() {
            let target = model.targets[model.cellOfColumn[column]]
            cells[model.candidates[row].id] = (target.cellID, target.cellName)
        }
        return (solution.total, cells)
    }
}
