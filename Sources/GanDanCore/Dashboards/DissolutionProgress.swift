/// How far the agency cells planned for dissolution under a directive have come on a day (rules.md A1).
public struct DissolutionProgress: Sendable, Hashable {
    /// Agency cells planned for dissolution.
    public var total: Int
    /// Of those, dissolved by the day.
    public var dissolved: Int
    /// The day the last one was dissolved, when all are by the day.
    public var completedOn: CivilDate?
    public var status: DeadlineStatus

    /// The progress of cells with these dissolution days (nil: not dissolved); a day after `date` does not count yet
    /// (rules.md R26: as it stood on the day).
    public init(dissolvedOn days: [CivilDate?], deadline: CivilDate?, on date: CivilDate) {
        let dissolvedDays = days.compactMap { $0 }.filter { $0 <= date }
        total = days.count
        dissolved = dissolvedDays.count
        completedOn = dissolvedDays.count == days.count ? dissolvedDays.max() : nil
        status = DeadlineStatus.of(total: total, completedOn: completedOn, deadline: deadline, on: date)
    }
}
