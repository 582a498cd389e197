/// The charter thresholds, configurable with the defaults of rules.md R1–R3.
public struct CharterSettings: Hashable, Sendable, Codable {
    /// A cell needs at least this many full members (rules.md R1).
    public var minimumFullMembers: Int
    /// From this many full members a cell has a committee and may propose one (rules.md A5, R3).
    public var committeeThreshold: Int
    /// The largest cell committee (rules.md R3).
    public var maximumCommitteeSize: Int
    /// How many days after today a placement decision may be dated (0: not in the future; rules.md R13).
    public var decisionLeadDays: Int
    /// On dissolution the superior committee places the members within this many working days (rules.md R14).
    public var placementWorkingDays: Int

    public init(
        minimumFullMembers: Int = 3, committeeThreshold: Int = 9, maximumCommitteeSize: Int = 7,
        decisionLeadDays: Int = 0, placementWorkingDays: Int = 30
    ) {
        self.minimumFullMembers = minimumFullMembers
        self.committeeThreshold = committeeThreshold
        self.maximumCommitteeSize = maximumCommitteeSize
        self.decisionLeadDays = decisionLeadDays
        self.placementWorkingDays = placementWorkingDays
    }

    public static let standard = CharterSettings()
}
