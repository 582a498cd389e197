/// Where a commune (or a district) stands against its directive's deadline on a day (rules.md A1).
public enum DeadlineStatus: String, Codable, Sendable, CaseIterable {
    /// Every agency cell dissolved, the last one by the deadline.
    case onTime
    /// Every agency cell dissolved, the last one after the deadline.
    case late
    /// Not finished, the deadline still ahead.
    case open
    /// Not finished and the deadline passed.
    case overdue
    /// No agency cell to dissolve under a directive.
    case notPlanned

    /// The status of `total` planned cells, all dissolved by `completedOn` (nil while some stand), on `date`.
    public static func of(total: Int, completedOn: CivilDate?, deadline: CivilDate?, on date: CivilDate)
        -> DeadlineStatus
    {
        guard total > 0, let deadline else { return .notPlanned }
        if let completedOn { return completedOn <= deadline ? .onTime : .late }
        return date > deadline ? .overdue : .open
    }
}
