/// What a cell's facts on a day say about it: meeting rhythm, committee, minimum size and weakness.
public struct CellStanding: Sendable, Hashable {
    /// Calendar months from the last meeting's month to the day's month (0: this month); nil without a meeting.
    public var monthsSinceLastMeeting: Int?
    /// No meeting held in the day's month so far (rules.md R7: the cell meets monthly).
    public var noMeetingThisMonth: Bool
    /// At least the committee threshold of full members: may propose a cell committee (rules.md A5, R3).
    public var mayProposeCommittee: Bool
    /// Fewer full members than the minimum (rules.md R1).
    public var belowMinimum: Bool
    /// Flagged weak in its latest rating (rules.md R20).
    public var weak: Bool

    /// The standing on `date` of a cell with `fullMembers` full members (rules.md R4), its latest meeting held by
    /// then and its latest rating made by then.
    public init(
        fullMembers: Int, lastMeeting: CivilDate?, lastRating: CellRating?, on date: CivilDate,
        charter: CharterSettings = .standard
    ) {
        let months = lastMeeting.map { YearMonth($0).months(until: YearMonth(date)) }
        monthsSinceLastMeeting = months
        noMeetingThisMonth = months != 0
        mayProposeCommittee = fullMembers >= charter.committeeThreshold
        belowMinimum = fullMembers < charter.minimumFullMembers
        weak = Self.isWeak(lastRating)
    }

    /// Whether a cell whose latest rating is `rating` counts as weak: only a rating that says so (rules.md R20).
    public static func isWeak(_ rating: CellRating?) -> Bool { rating?.weak == true }
}
