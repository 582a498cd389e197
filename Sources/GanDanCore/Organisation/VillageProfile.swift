/// What a planner needs to know about a village to judge its difficulty (rules.md A3, R25).
public struct VillageProfile: Hashable, Sendable, Codable {
    /// Road distance to the commune centre, in kilometres.
    public var distanceKm: Double?
    public var households: Int?
    public var poorHouseholds: Int?
    /// The poverty standard the poor-household count was made under, e.g. "2016-2020" (rules.md R25).
    public var povertyStandard: String?
    public var povertyYear: Int?
    public var ethnicMinority: Bool
    public var mountain: Bool

    public init(
        distanceKm: Double? = nil, households: Int? = nil, poorHouseholds: Int? = nil,
        povertyStandard: String? = nil, povertyYear: Int? = nil, ethnicMinority: Bool = false,
        mountain: Bool = false
    ) {
        self.distanceKm = distanceKm
        self.households = households
        self.poorHouseholds = poorHouseholds
        self.povertyStandard = povertyStandard
        self.povertyYear = povertyYear
        self.ethnicMinority = ethnicMinority
        self.mountain = mountain
    }

    /// Share of poor households, when both counts are known and households > 0.
    public var povertyRate: Double? {
        guard let households, let poorHouseholds, households > 0 else { return nil }
        return Double(poorHouseholds) / Double(households)
    }
}
