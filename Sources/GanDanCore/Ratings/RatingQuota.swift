/// One cell's levels in a rating round: its rated members' and its own, when the committee above has set it.
public struct CellRound: Hashable, Sendable, Codable {
    public var cellName: String
    public var memberLevels: [RatingLevel]
    public var cellLevel: RatingLevel?

    public init(cellName: String, memberLevels: [RatingLevel], cellLevel: RatingLevel? = nil) {
        self.cellName = cellName
        self.memberLevels = memberLevels
        self.cellLevel = cellLevel
    }
}

extension RatingRules {
    /// "Excellent" within 20 % of "good", per cell and per grassroots committee (rules.md R18: "in a group"): each
    /// cell's members, then the committee's own groups (`committeeGroupWarnings`). Each warning names its group.
    public static func committeeQuotaWarnings(
        committee: String, cells: [CellRound], settings: RatingSettings = .standard
    ) -> [InputIssue] {
        cells.compactMap { quotaWarning(levels: $0.memberLevels, field: $0.cellName, settings: settings) }
            + committeeGroupWarnings(committee: committee, cells: cells, settings: settings)
    }

    /// The committee's own groups: its members taken together across its cells, and the cells it rates by their
    /// own levels (rules.md R18).
    public static func committeeGroupWarnings(
        committee: String, cells: [CellRound], settings: RatingSettings = .standard
    ) -> [InputIssue] {
        [
            quotaWarning(
                levels: cells.flatMap(\.memberLevels), field: "\(committee) · đảng viên", settings: settings),
            quotaWarning(
                levels: cells.compactMap(\.cellLevel), field: "\(committee) · chi bộ", settings: settings),
        ].compactMap { $0 }
    }
}
