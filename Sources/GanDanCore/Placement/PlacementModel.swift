import Foundation

/// A member of a cell being dissolved, as the placement model sees them (rules.md A3, A4, R16, R17).
public struct PlacementCandidate: Sendable, Hashable, Codable {
    public var id: UUID
    public var name: String
    public var fromCellID: UUID
    /// The commune-level posts the member holds; key leaders derive from them.
    public var posts: [PostKind]
    /// The village the member lives in, if known.
    public var residenceVillageID: UUID?
    /// Distance from the member's residence village to the commune centre (km).
    public var residenceDistanceKm: Double?
    /// A key that is the same in every database (not the row id), to order members deterministically.
    public var stableKey: String
    /// Whether the member counts toward a cell's full members (rules.md R4).
    public var isFullMember: Bool

    public init(
        id: UUID, name: String, fromCellID: UUID, posts: [PostKind], residenceVillageID: UUID?,
        residenceDistanceKm: Double?, stableKey: String? = nil, isFullMember: Bool = true
    ) {
        self.stableKey = stableKey ?? id.uuidString
        self.isFullMember = isFullMember
        self.id = id
        self.name = name
        self.fromCellID = fromCellID
        self.posts = posts
        self.residenceVillageID = residenceVillageID
        self.residenceDistanceKm = residenceDistanceKm
    }
}

/// A village cell that may receive members, with what makes its village difficult (rules.md A3).
public struct PlacementTarget: Sendable, Hashable, Codable {
    public var cellID: UUID
    public var cellName: String
    public var villageID: UUID
    public var villageName: String
    public var distanceKm: Double
    public var povertyRate: Double
    public var weak: Bool
    /// Full members on the roll before placement (rules.md R4).
    public var fullMembers: Int
    public var ethnicMinority: Bool
    public var mountain: Bool
    /// The cell's code: the same in every database, to order cells deterministically.
    public var stableKey: String

    public init(
        cellID: UUID, cellName: String, villageID: UUID, villageName: String, distanceKm: Double, povertyRate: Double,
        weak: Bool, fullMembers: Int, ethnicMinority: Bool, mountain: Bool, stableKey: String? = nil
    ) {
        self.stableKey = stableKey ?? cellID.uuidString
        self.cellID = cellID
        self.cellName = cellName
        self.villageID = villageID
        self.villageName = villageName
        self.distanceKm = distanceKm
        self.povertyRate = povertyRate
        self.weak = weak
        self.fullMembers = fullMembers
        self.ethnicMinority = ethnicMinority
        self.mountain = mountain
    }
}

/// The weights a planner controls; every number is a setting with the default here (rules.md "keep configurable").
public struct PlacementWeights: Sendable, Hashable, Codable {
    /// How strongly key leaders are drawn to difficult villages and weak cells (rules.md A3).
    public var leaderDifficulty: Double = 300
    /// The cost of placing an ordinary member outside their residence village (rules.md A4, R17).
    public var outsideResidence: Double = 100
    /// The cost per kilometre between the member's residence and the village.
    public var travelPerKm: Double = 2
    /// Added for each new member beyond the first in the same cell: spreads members.
    public var crowding: Double = 15
    /// A leader's pull is multiplied by this for each newcomer ahead of them in the same cell, so leaders spread
    /// over the difficult villages instead of piling into the hardest one (rules.md A3).
    public var leaderRepeatFactor: Double = 0.5
    /// The bonus for a cell's first new member, so every village cell receives someone (coverage).
    public var coverage: Double = 200

    /// The parts of a village's difficulty, each in 0…1, weighted (they need not sum to 1).
    public var difficultyDistance: Double = 0.35
    public var difficultyPoverty: Double = 0.25
    public var difficultyWeak: Double = 0.25
    public var difficultyFewMembers: Double = 0.1
    public var difficultyEthnicMinority: Double = 0.025
    public var difficultyMountain: Double = 0.025

    public init() {}
    public static let standard = PlacementWeights()
}

/// Per-cell capacity for new members.
public struct PlacementCapacity: Sendable, Hashable, Codable {
    public var minimum: Int
    public var maximum: Int?

    public init(minimum: Int = 0, maximum: Int? = nil) {
        self.minimum = minimum
        self.maximum = maximum
    }
}

/// Everything one placement problem needs: who, where, the rules and the planner's choices.
public struct PlacementInput: Sendable, Hashable, Codable {
    public var candidates: [PlacementCandidate]
    public var targets: [PlacementTarget]
    public var weights: PlacementWeights
    public var capacities: [UUID: PlacementCapacity]
    /// Members the planner fixed to a cell.
    public var pins: [UUID: UUID]
    /// Member–cell pairs that must not happen.
    public var forbidden: Set<MemberCellPair>
    /// Posts whose holders are not placed by the difficulty rule (rules.md R16), e.g. the commune party secretary.
    public var exemptPosts: Set<PostKind>
    /// The committee threshold counted after placement (rules.md A5, R3).
    public var charter: CharterSettings

    public init(
        candidates: [PlacementCandidate], targets: [PlacementTarget], weights: PlacementWeights = .standard,
        capacities: [UUID: PlacementCapacity] = [:], pins: [UUID: UUID] = [:], forbidden: Set<MemberCellPair> = [],
        exemptPosts: Set<PostKind> = PostKind.standardPlacementExempt, charter: CharterSettings = .standard
    ) {
        self.candidates = candidates
        self.targets = targets
        self.weights = weights
        self.capacities = capacities
        self.pins = pins
        self.forbidden = forbidden
        self.exemptPosts = exemptPosts
        self.charter = charter
    }
}

/// A member and a cell, for pins and forbidden pairs.
public struct MemberCellPair: Sendable, Hashable, Codable {
    public var memberID: UUID
    public var cellID: UUID

    public init(memberID: UUID, cellID: UUID) {
        self.memberID = memberID
        self.cellID = cellID
    }
}

/// The planner's choices for a plan, stored with it and re-applied on every re-run.
public struct PlacementSettings: Sendable, Hashable, Codable {
    public var weights: PlacementWeights
    public var pins: [UUID: UUID]
    public var forbidden: [MemberCellPair]
    public var capacities: [UUID: PlacementCapacity]
    public var exemptPosts: [PostKind]

    public init(
        weights: PlacementWeights = .standard, pins: [UUID: UUID] = [:], forbidden: [MemberCellPair] = [],
        capacities: [UUID: PlacementCapacity] = [:],
        exemptPosts: [PostKind] = PostKind.allCases.filter(PostKind.standardPlacementExempt.contains)
    ) {
        self.weights = weights
        self.pins = pins
        self.forbidden = forbidden
        self.capacities = capacities
        self.exemptPosts = exemptPosts
    }
}
