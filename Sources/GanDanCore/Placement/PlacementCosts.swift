import Foundation

/// The cost of one member in one cell, term by term, so every proposal can be explained (rules.md A3, A4, R17).
public struct CostTerms: Sendable, Hashable, Codable {
    /// Negative: the pull of a difficult village on a key leader.
    public var difficulty: Double
    /// The cost of an ordinary member living elsewhere.
    public var residence: Double
    public var travel: Double
    /// Crowding and coverage: what the member's place in the cell's queue of newcomers costs.
    public var slot: Double

    public var total: Double { difficulty + residence + travel + slot }

    public init(difficulty: Double = 0, residence: Double = 0, travel: Double = 0, slot: Double = 0) {
        self.difficulty = difficulty
        self.residence = residence
        self.travel = travel
        self.slot = slot
    }
}

/// What makes a village difficult, each part in 0…1 before weighting (rules.md A3).
public struct Difficulty: Sendable, Hashable, Codable {
    public var distance: Double
    public var poverty: Double
    public var weak: Double
    public var fewMembers: Double
    public var ethnicMinority: Double
    public var mountain: Double
    /// The weighted sum.
    public var score: Double
}

/// The cost terms of the placement model. Pure functions of the input, so the same input gives the same costs.
public enum PlacementCosts {
    /// How senior a key leader is: the highest post counts, each further post adds a little (rules.md A3).
    /// Holders of exempt posts (rules.md R16) and members without key posts score 0.
    public static func seniority(_ posts: [PostKind], exempt: Set<PostKind>) -> Double {
        guard PostKind.isPlacedAsKeyLeader(posts, exempt: exempt) else { return 0 }
        let weights = posts.compactMap(postWeight).sorted(by: >)
        guard let top = weights.first else { return 0 }
        return top + 0.1 * Double(weights.count - 1)
    }

    static func postWeight(_ post: PostKind) -> Double? {
        switch post {
        case .partySecretary, .partyDeputySecretary, .peoplesCommitteeChairman: return 1.0
        case .peoplesCouncilChairman: return 0.9
        case .partyStandingMember, .peoplesCommitteeViceChairman: return 0.8
        case .fatherlandFrontChairman: return 0.7
        case .youthUnionSecretary, .womensUnionChairwoman, .farmersUnionChairman, .veteransAssociationChairman:
            return 0.6
        default: return nil
        }
    }

    /// A village's difficulty relative to the other villages of the same problem (farthest = 1, poorest = 1).
    public static func difficulty(
        of target: PlacementTarget, among targets: [PlacementTarget], weights: PlacementWeights,
        charter: CharterSettings = .standard
    )
        -> Difficulty
    {
        let farthest = max(targets.map(\.distanceKm).max() ?? 0, 1)
        let poorest = max(targets.map(\.povertyRate).max() ?? 0, 0.0001)
        let distance = target.distanceKm / farthest
        let poverty = target.povertyRate / poorest
        let weak = target.weak ? 1.0 : 0
        // Few full members: how far the cell is below the committee threshold (rules.md A3, R3), 0 at or above it.
        let threshold = Double(max(charter.committeeThreshold, 1))
        let fewMembers = max(0, threshold - Double(target.fullMembers)) / threshold
        let ethnic = target.ethnicMinority ? 1.0 : 0
        let mountain = target.mountain ? 1.0 : 0
        let score =
            weights.difficultyDistance * distance + weights.difficultyPoverty * poverty + weights.difficultyWeak * weak
            + weights.difficultyFewMembers * fewMembers + weights.difficultyEthnicMinority * ethnic
            + weights.difficultyMountain * mountain
        return Difficulty(
            distance: distance, poverty: poverty, weak: weak, fewMembers: fewMembers, ethnicMinority: ethnic,
            mountain: mountain, score: score)
    }

    /// Road distance from the member's residence to the village, through the commune centre; 0 when it is home.
    public static func travelKm(_ candidate: PlacementCandidate, _ target: PlacementTarget) -> Double {
        if candidate.residenceVillageID == target.villageID { return 0 }
        return (candidate.residenceDistanceKm ?? 0) + target.distanceKm
    }

    /// The member-and-cell terms (the slot term is added per column).
    public static func terms(
        _ candidate: PlacementCandidate, seniority: Double, _ target: PlacementTarget, difficulty: Difficulty,
        weights: PlacementWeights
    ) -> CostTerms {
        let isLeader = seniority > 0
        let livesThere = candidate.residenceVillageID == target.villageID
        return CostTerms(
            difficulty: isLeader ? -weights.leaderDifficulty * seniority * difficulty.score : 0,
            residence: !isLeader && candidate.residenceVillageID != nil && !livesThere ? weights.outsideResidence : 0,
            travel: weights.travelPerKm * travelKm(candidate, target))
    }

    /// The cost of a cell's k-th newcomer (1-based): non-decreasing in k, so filling slots in order is optimal
    /// and the slot model stays exact. The first slot carries the coverage bonus, the first `minimum` a large one.
    public static func slotCost(_ k: Int, minimum: Int, weights: PlacementWeights) -> Double {
        var cost = weights.crowding * Double(k - 1)
        if k == 1 { cost -= weights.coverage }
        if k <= minimum { cost -= minimumBonus }
        return cost
    }

    /// Large enough to outweigh every other term, small enough to keep sums exact in doubles.
    static let minimumBonus = 1_000_000.0
}
