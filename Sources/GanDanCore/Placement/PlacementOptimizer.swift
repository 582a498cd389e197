import Foundation

/// Where one member goes, why, and what the best other cell would have cost.
public struct PlacementDecision: Sendable, Hashable, Codable {
    public var memberID: UUID
    public var memberName: String
    public var fromCellID: UUID
    public var toCellID: UUID
    public var toCellName: String
    public var isKeyLeader: Bool
    public var seniority: Double
    public var pinned: Bool
    /// The cost terms in the chosen cell.
    public var terms: CostTerms
    public var alternative: PlacementAlternative?
    /// Short reasons, most important first, in both languages.
    public var reasons: [BilingualText]
}

/// The best other cell for a member: exactly how much worse the whole plan gets if the member goes there.
public struct PlacementAlternative: Sendable, Hashable, Codable {
    public var cellID: UUID
    public var cellName: String
    /// The increase of the plan's total cost when the member is forced into this cell (re-solved exactly).
    public var extraCost: Double
    /// The member's own terms in that cell.
    public var terms: CostTerms
}

/// An optimal proposal: every member placed, the total, and what the planner should know.
public struct PlacementProposal: Sendable, Hashable, Codable {
    public var decisions: [PlacementDecision]
    public var total: Double
    /// How many new members each target cell receives (rules.md A2).
    public var received: [UUID: Int]
    /// Rule problems the planner should fix (a minimum not met, a cell below 3 full members, rules.md R1).
    public var warnings: [BilingualText]
    /// Cells the placement lifts to 9 or more full members: they may propose a committee (rules.md A5, R3).
    public var notes: [BilingualText]
}

/// Why no proposal could be made.
public enum PlacementError: Error, Sendable, Equatable, CustomStringConvertible {
    case noTargets
    case memberHasNoAllowedCell(member: String)
    case notEnoughPlaces(members: Int, places: Int)
    case pinnedToUnknownCell(member: String)
    case infeasible(members: [String])

    public var description: String {
        switch self {
        case .noTargets: return "there is no village cell to place members in"
        case .memberHasNoAllowedCell(let member): return "\(member) has no cell left: every cell is forbidden or full"
        case .notEnoughPlaces(let members, let places):
            return "\(members) members but only \(places) places: raise the cells' maximums"
        case .pinnedToUnknownCell(let member): return "\(member) is pinned to a cell that is not a target"
        case .infeasible(let members):
            return "these members cannot all be placed under the pins, forbidden pairs and maximums: "
                + members.joined(separator: ", ")
        }
    }
}

/// The exact placement optimiser: slot expansion with convex per-slot costs and a min-cost assignment
/// (placement.md), deterministic for the same input.
public enum PlacementOptimizer {
    /// The optimal proposal for `input`, with explanations.
    public static func propose(_ input: PlacementInput) throws(PlacementError) -> PlacementProposal {
        let model = try Model(input)
        let solution = try model.solve(model.problem)
        let (decisions, received) = decide(model, solution: solution, input: input)
        let (warnings, notes) = messages(model, decisions: decisions, received: received, input: input)
        return PlacementProposal(
            decisions: decisions, total: solution.total, received: received, warnings: warnings, notes: notes)
    }

    /// One decision per member with its cost terms, its best alternative and the reasons; and how many each cell
    /// receives.
    static func decide(_ model: Model, solution: AssignmentSolution, input: PlacementInput) -> (
        decisions: [PlacementDecision], received: [UUID: Int]
    ) {
        var decisions: [PlacementDecision] = []
        var received: [UUID: Int] = [:]
        for (row, column) in solution.assignment.enumerated() {
            let candidate = model.candidates[row]
            let target = model.targets[model.cellOfColumn[column]]
            received[target.cellID, default: 0] += 1
            var terms = Model.terms(
                model.terms[row][model.cellOfColumn[column]], slot: model.slotOfColumn[column], weights: input.weights)
            terms.slot = model.slotCost[column]
            let alternative = model.bestAlternative(row: row, solution: solution)
            decisions.append(
                PlacementDecision(
                    memberID: candidate.id, memberName: candidate.name, fromCellID: candidate.fromCellID,
                    toCellID: target.cellID, toCellName: target.cellName, isKeyLeader: model.seniority[row] > 0,
                    seniority: model.seniority[row], pinned: input.pins[candidate.id] != nil, terms: terms,
                    alternative: alternative,
                    reasons: PlacementReasons.reasons(
                        candidate: candidate, seniority: model.seniority[row], target: target,
                        difficulty: model.difficulty[model.cellOfColumn[column]], alternative: alternative,
                        alternativeTarget: alternative.flatMap { alt in model.targets.first { $0.cellID == alt.cellID }
                        })))
        }
        return (decisions, received)
    }

    /// Warnings (too few full members, below a minimum, nobody received) and notes (a committee becomes possible)
    /// on the target cells after the placement (rules.md R1, A5).
    static func messages(
        _ model: Model, decisions: [PlacementDecision], received: [UUID: Int], input: PlacementInput
    ) -> (warnings: [BilingualText], notes: [BilingualText]) {
        var warnings: [BilingualText] = []
        var notes: [BilingualText] = []
        var fullReceived: [UUID: Int] = [:]
        for decision in decisions
        where model.candidates.first(where: { $0.id == decision.memberID })?.isFullMember == true {
            fullReceived[decision.toCellID, default: 0] += 1
        }
        for target in model.targets {
            let count = received[target.cellID] ?? 0
            let full = target.fullMembers + (fullReceived[target.cellID] ?? 0)
            if full < input.charter.minimumFullMembers {
                warnings.append(
                    BilingualText(
                        vi:
                            "\(target.cellName) chỉ có \(full) đảng viên chính thức sau bố trí (cần ít nhất \(input.charter.minimumFullMembers), R1).",
                        en:
                            "\(target.cellName) has only \(full) full members after placement (at least \(input.charter.minimumFullMembers) needed, R1)."
                    ))
            }
            if full >= input.charter.committeeThreshold && target.fullMembers < input.charter.committeeThreshold {
                notes.append(
                    BilingualText(
                        vi:
                            "\(target.cellName) đạt \(full) đảng viên chính thức: có thể đề nghị chỉ định chi ủy và phó bí thư (A5).",
                        en:
                            "\(target.cellName) reaches \(full) full members: it may propose a cell committee and a deputy (A5)."
                    ))
            }
            let minimum = input.capacities[target.cellID]?.minimum ?? 0
            if count < minimum {
                warnings.append(
                    BilingualText(
                        vi: "\(target.cellName) cần ít nhất \(minimum) người nhưng chỉ nhận \(count): không đủ người.",
                        en: "\(target.cellName) needs at least \(minimum) but receives \(count): not enough people."))
            }
            if count == 0 {
                warnings.append(
                    BilingualText(
                        vi: "\(target.cellName) không nhận được đảng viên nào.",
                        en: "\(target.cellName) receives nobody."))
            }
        }
        return (warnings, notes)
    }

    /// The cost matrix and its bookkeeping: rows are candidates, columns are slots of target cells.
    struct Model {
        var candidates: [PlacementCandidate]
        var targets: [PlacementTarget]
        var seniority: [Double]
        var difficulty: [Difficulty]
        var terms: [[CostTerms]]
        var cellOfColumn: [Int]
        /// The 1-based place of the column in its cell's queue of newcomers.
        var slotOfColumn: [Int]
        var slotCost: [Double]
        var weights: PlacementWeights
        var columnsOfCell: [[Int]]
        var problem: AssignmentProblem

        init(_ input: PlacementInput) throws(PlacementError) {
            guard !input.targets.isEmpty else { throw .noTargets }
            // Stable order by keys that do not depend on row ids: the same input gives the same proposal on
            // every machine and database, ties included.
            candidates = input.candidates.sorted { ($0.stableKey, $0.id.uuidString) < ($1.stableKey, $1.id.uuidString) }
            targets = input.targets.sorted {
                ($0.stableKey, $0.cellID.uuidString) < ($1.stableKey, $1.cellID.uuidString)
            }
            let targetIndex = Dictionary(
                targets.enumerated().map { ($1.cellID, $0) }, uniquingKeysWith: { first, _ in first })
            let weights = input.weights
            self.weights = weights
            let candidates = self.candidates
            let targets = self.targets
            let seniority = candidates.map { PlacementCosts.seniority($0.posts, exempt: input.exemptPosts) }
            let charter = input.charter
            let difficulty = targets.map {
                PlacementCosts.difficulty(of: $0, among: targets, weights: weights, charter: charter)
            }
            self.seniority = seniority
            self.difficulty = difficulty
            var terms: [[CostTerms]] = []
            for (row, candidate) in candidates.enumerated() {
                terms.append(
                    targets.enumerated().map { index, target in
                        PlacementCosts.terms(
                            candidate, seniority: seniority[row], target, difficulty: difficulty[index],
                            weights: weights)
                    })
            }
            self.terms = terms
            let slots = Self.slots(of: targets, candidates: candidates.count, input: input)
            cellOfColumn = slots.cellOfColumn
            slotOfColumn = slots.slotOfColumn
            slotCost = slots.slotCost
            columnsOfCell = slots.columnsOfCell
            guard slots.cellOfColumn.count >= candidates.count else {
                throw .notEnoughPlaces(members: candidates.count, places: slots.cellOfColumn.count)
            }
            let costs = try Self.costs(
                candidates: candidates, targetIndex: targetIndex, terms: terms, slots: slots, input: input)
            let cellOfColumn = slots.cellOfColumn
            do {
                problem = try AssignmentProblem(rows: candidates.count, columns: cellOfColumn.count, costs: costs)
            } catch {
                throw .notEnoughPlaces(members: candidates.count, places: cellOfColumn.count)
            }
        }

        /// The columns of the cost matrix: each target's places up to its maximum (or the number of candidates).
        struct Slots {
            var cellOfColumn: [Int] = []
            var slotOfColumn: [Int] = []
            var slotCost: [Double] = []
            var columnsOfCell: [[Int]] = []
        }

        /// Each target's places, with the cost of the k-th newcomer in it (placement.md).
        static func slots(of targets: [PlacementTarget], candidates: Int, input: PlacementInput) -> Slots {
            var slots = Slots()
            let weights = input.weights
            for (index, target) in targets.enumerated() {
                let capacity = input.capacities[target.cellID] ?? PlacementCapacity()
                let places = min(capacity.maximum ?? candidates, candidates)
                var columns: [Int] = []
                for k in stride(from: 1, through: places, by: 1) {
                    columns.append(slots.cellOfColumn.count)
                    slots.cellOfColumn.append(index)
                    slots.slotOfColumn.append(k)
                    slots.slotCost.append(PlacementCosts.slotCost(k, minimum: capacity.minimum, weights: weights))
                }
                slots.columnsOfCell.append(columns)
            }
            return slots
        }

        /// The cost of each candidate in each column; infinite outside the cells the pins and forbidden pairs allow.
        static func costs(
            candidates: [PlacementCandidate], targetIndex: [UUID: Int], terms: [[CostTerms]], slots: Slots,
            input: PlacementInput
        ) throws(PlacementError) -> [Double] {
            let cellOfColumn = slots.cellOfColumn
            let slotOfColumn = slots.slotOfColumn
            let slotCost = slots.slotCost
            let weights = input.weights
            let targetCount = slots.columnsOfCell.count
            var costs = [Double](repeating: .infinity, count: candidates.count * cellOfColumn.count)
            for (row, candidate) in candidates.enumerated() {
                var allowed = Set(0..<targetCount)
                if let pin = input.pins[candidate.id] {
                    guard let index = targetIndex[pin] else { throw .pinnedToUnknownCell(member: candidate.name) }
                    allowed = [index]
                }
                for pair in input.forbidden where pair.memberID == candidate.id {
                    if let index = targetIndex[pair.cellID] { allowed.remove(index) }
                }
                guard !allowed.isEmpty else { throw .memberHasNoAllowedCell(member: candidate.name) }
                for (column, cell) in cellOfColumn.enumerated() where allowed.contains(cell) {
                    costs[row * cellOfColumn.count + column] =
                        Self.terms(terms[row][cell], slot: slotOfColumn[column], weights: weights).total
                        + slotCost[column]
                }
            }
            return costs
        }

        /// The member's terms in the k-th place of a cell: the leader's pull fades by the repeat factor per newcomer
        /// ahead. The assignment puts the strongest pull first, so the solver's optimum is exact for this model.
        static func terms(_ base: CostTerms, slot: Int, weights: PlacementWeights) -> CostTerms {
            var terms = base
            terms.difficulty *= pow(weights.leaderRepeatFactor, Double(slot - 1))
            return terms
        }

        func solve(_ problem: AssignmentProblem) throws(PlacementError) -> AssignmentSolution {
            do {
                return try AssignmentSolver.solve(problem)
            } catch {
                switch error {
                case .rowHasNoAllowedColumn(let row): throw .memberHasNoAllowedCell(member: candidates[row].name)
                case .infeasible(let rows): throw .infeasible(members: rows.map { candidates[$0].name })
                case .moreRowsThanColumns(let rows, let columns): throw .notEnoughPlaces(members: rows, places: columns)
                default: throw .infeasible(members: candidates.map(\.name))
                }
            }
        }

        /// The other cell that costs the plan least if the member goes there. Candidates are ranked by the
        /// duals' lower bound; the best few are re-solved exactly with the member forced there, warm from the optimum
        /// (`AssignmentSolution.increase(forcing:into:in:)`, placement.md).
        func bestAlternative(row: Int, solution: AssignmentSolution) -> PlacementAlternative? {
            let chosen = cellOfColumn[solution.assignment[row]]
            var bounds: [(cell: Int, bound: Double)] = []
            for cell in targets.indices where cell != chosen {
                let bound = columnsOfCell[cell].map { solution.reducedCost(row: row, column: $0, in: problem) }.min()
                if let bound, bound.isFinite { bounds.append((cell, bound)) }
            }
            bounds.sort { ($0.bound, $0.cell) < ($1.bound, $1.cell) }
            var best: (cell: Int, extra: Double)?
            for (cell, bound) in bounds.prefix(3) {
                if let best, bound > best.extra + 1e-9 { break }
                guard let extra = solution.increase(forcing: row, into: columnsOfCell[cell], in: problem) else {
                    continue
                }
                if best.map({ extra < $0.extra - 1e-9 }) ?? true { best = (cell, extra) }
            }
            guard let best else { return nil }
            var terms = self.terms[row][best.cell]
            terms.slot = slotCost[columnsOfCell[best.cell].first ?? 0]
            return PlacementAlternative(
                cellID: targets[best.cell].cellID, cellName: targets[best.cell].cellName, extraCost: best.extra,
                terms: terms)
        }
    }
}
