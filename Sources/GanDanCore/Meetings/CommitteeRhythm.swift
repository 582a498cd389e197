/// What a grassroots committee's meetings in a year say on a day: the committee meets twice a year, its standing body
/// monthly (rules.md R7), and a thematic meeting held alone never replaces a regular one (rules.md R9).
public struct CommitteeRhythm: Sendable, Hashable, Codable {
    public var year: Int
    /// Regular (or combined) meetings of the committee held in the year up to the day.
    public var committeeMeetingsHeld: Int
    /// How many it should have held by the day: one for each part of the year (a half, by default) ended by then
    /// while the committee existed.
    public var committeeMeetingsExpected: Int
    /// The meetings the committee owes in a whole year (rules.md R7: twice).
    public var committeeMeetingsPerYear: Int
    /// Ended periods of the year (months, by default) in which the standing body held no regular meeting.
    public var standingBodyMissed: [YearMonth]

    /// Fewer committee meetings than expected by the day.
    public var committeeBehind: Bool { committeeMeetingsHeld < committeeMeetingsExpected }
    /// The standing body missed at least one period of the year.
    public var standingBodyMissedPeriod: Bool { !standingBodyMissed.isEmpty }

    /// The rhythm on `date` of a committee that existed from `opened` (until `closed`, exclusive), from the meetings it
    /// held (date, body, kind). A period has ended by `date` when its last day is on or before it.
    public init(
        held: [(date: CivilDate, body: MeetingBody, kind: MeetingKind)], asOf date: CivilDate, opened: CivilDate,
        closed: CivilDate?, settings: MeetingSettings = .standard
    ) {
        year = date.year
        let regular = held.filter { $0.date.year == date.year && $0.date <= date && $0.kind.countsAsMonthly }
        committeeMeetingsHeld = regular.filter { $0.body == .committee }.count
        committeeMeetingsPerYear = settings.committeeMeetingsPerYear
        let calendarYear = date.year
        func periods(perYear: Int) -> [(first: YearMonth, last: YearMonth)] {
            let length = 12 / max(perYear, 1)
            return stride(from: 1, through: 12, by: max(length, 1)).compactMap { month in
                YearMonth(year: calendarYear, month: month).map { ($0, $0.adding(months: length - 1)) }
            }
        }
        /// Ended by the day, and overlapping the committee's life.
        func counted(_ period: (first: YearMonth, last: YearMonth)) -> Bool {
            period.last.adding(months: 1).firstDay.adding(days: -1) <= date && period.last >= YearMonth(opened)
                && (closed.map { period.first.firstDay < $0 } ?? true)
        }
        committeeMeetingsExpected = periods(perYear: settings.committeeMeetingsPerYear).filter(counted).count
        let standing = regular.filter { $0.body == .standingBody }.map { YearMonth($0.date) }
        standingBodyMissed = periods(perYear: settings.standingBodyMeetingsPerYear).filter(counted).filter { period in
            !standing.contains { $0 >= period.first && $0 <= period.last }
        }.map(\.first)
    }
}
