/// A cell's roll on one day, counted as rules.md R4 says: official roll only, full members apart.
public struct CellCounts: Hashable, Sendable, Codable {
    /// Full members on the official roll, exempt ones included (they are full members, rules.md R4).
    public var full: Int
    /// Of the full members, those exempt from activities.
    public var exempt: Int
    public var probationary: Int
    public var suspended: Int
    /// Members temporarily transferred in: listed, never counted toward thresholds (rules.md R4, R13).
    public var temporary: Int

    public init(full: Int = 0, exempt: Int = 0, probationary: Int = 0, suspended: Int = 0, temporary: Int = 0) {
        self.full = full
        self.exempt = exempt
        self.probationary = probationary
        self.suspended = suspended
        self.temporary = temporary
    }

    /// Counts the official roll from each member's standing on the day.
    public init(officialStandings: [PartyStanding], temporary: Int = 0) {
        self.init(temporary: temporary)
        for standing in officialStandings {
            switch standing {
            case .full: full += 1
            case .exempt:
                full += 1
                exempt += 1
            case .probationary: probationary += 1
            case .suspended: suspended += 1
            }
        }
    }

    /// Everyone on the official roll.
    public var total: Int { full + probationary + suspended }

    /// Whether the cell meets the minimum of full members (rules.md R1).
    public func meetsMinimum(_ settings: CharterSettings = .standard) -> Bool {
        full >= settings.minimumFullMembers
    }

    /// Whether the cell may propose a cell committee and a deputy secretary (rules.md A5, R3).
    public func mayProposeCommittee(_ settings: CharterSettings = .standard) -> Bool {
        full >= settings.committeeThreshold
    }
}
