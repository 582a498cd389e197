/// Working days of Vietnamese public offices: Monday to Friday except public days off, plus make-up Saturdays
/// (rules.md R13, R14, R23 deadlines in working days).
public struct WorkingCalendar: Hashable, Sendable {
    public var holidays: PublicHolidays

    public init(holidays: PublicHolidays = .vietnam) {
        self.holidays = holidays
    }

    /// The calendar of `PublicHolidays.vietnam`.
    public static let vietnam = WorkingCalendar()

    /// Whether `year`'s holidays are known; outside it only weekends and fixed solar holidays are skipped.
    public func covers(year: Int) -> Bool { holidays.covers(year: year) }

    /// Monday to Friday and not a public day off, or a Saturday worked in exchange for a day off.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        if holidays.isMakeUpWorkingDay(date) { return true }
        return !date.isWeekend && holidays.holiday(on: date) == nil
    }

    /// The `workingDays`-th working day after `date`; 0 gives `date` itself when it is a working day, else the next
    /// one; negative counts go back (rules.md R23: "within 30 working days after").
    public func adding(workingDays: Int, to date: CivilDate) -> CivilDate {
        if workingDays == 0 {
            var day = date
            while !isWorkingDay(day) { day = day.adding(days: 1) }
            return day
        }
        let step = workingDays > 0 ? 1 : -1
        var remaining = abs(workingDays)
        var day = date
        while remaining > 0 {
            day = day.adding(days: step)
            if isWorkingDay(day) { remaining -= 1 }
        }
        return day
    }

    /// Working days after `start` up to and including `end`; negative when `end` is earlier.
    ///
    /// `workingDays(from: d, to: adding(workingDays: n, to: d)) == n` for every `n >= 1`.
    public func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        if end < start { return -workingDays(from: end, to: start) }
        var count = 0
        var day = start
        while day < end {
            day = day.adding(days: 1)
            if isWorkingDay(day) { count += 1 }
        }
        return count
    }
}
