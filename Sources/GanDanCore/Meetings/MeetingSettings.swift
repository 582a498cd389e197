/// The meeting thresholds, configurable with the defaults of rules.md R8, R11 and R12.
public struct MeetingSettings: Hashable, Sendable, Codable {
    /// A regular or thematic meeting lasts at least this many minutes (rules.md R8).
    public var minimumMinutes: Int
    /// A thematic meeting combined with the regular one lasts at least this many minutes (rules.md R8).
    public var combinedMinimumMinutes: Int
    /// Cells with at most this many full members count as very small; nil when the committee set no exception (rules.md R8).
    public var smallCellMaximumFullMembers: Int?
    /// The shorter minimum the committee set for very small cells (rules.md R8).
    public var smallCellMinimumMinutes: Int?
    /// Notice and documents go out at least this many days before the meeting (rules.md R11).
    public var minimumNoticeDays: Int
    /// This many unexcused absences within one calendar year flag a member for a removal proposal (rules.md R12).
    public var unexcusedAbsenceThreshold: Int
    /// A grassroots committee meets this many times a year, one in each equal part of it (rules.md R7: twice).
    public var committeeMeetingsPerYear: Int
    /// Its standing body meets this many times a year, one in each equal part of it (rules.md R7: monthly).
    public var standingBodyMeetingsPerYear: Int

    public init(
        minimumMinutes: Int = 90, combinedMinimumMinutes: Int = 120, smallCellMaximumFullMembers: Int? = nil,
        smallCellMinimumMinutes: Int? = nil, minimumNoticeDays: Int = 1, unexcusedAbsenceThreshold: Int = 3,
        committeeMeetingsPerYear: Int = 2, standingBodyMeetingsPerYear: Int = 12
    ) {
        self.minimumMinutes = minimumMinutes
        self.combinedMinimumMinutes = combinedMinimumMinutes
        self.smallCellMaximumFullMembers = smallCellMaximumFullMembers
        self.smallCellMinimumMinutes = smallCellMinimumMinutes
        self.minimumNoticeDays = minimumNoticeDays
        self.unexcusedAbsenceThreshold = unexcusedAbsenceThreshold
        self.committeeMeetingsPerYear = committeeMeetingsPerYear
        self.standingBodyMeetingsPerYear = standingBodyMeetingsPerYear
    }

    /// Unexcused absences in a year at which a to-do list warns, one short of the flag (at least one; rules.md R12).
    public var absenceWarningCount: Int { max(unexcusedAbsenceThreshold - 1, 1) }

    /// The counts of meetings a year that split it into equal parts of whole months.
    public static let meetingsPerYearChoices: Set<Int> = [1, 2, 3, 4, 6, 12]

    public static let standard = MeetingSettings()

    /// The shortest allowed meeting of `kind` in a cell with `cellFullMembers` full members (rules.md R8).
    ///
    /// The small-cell exception applies only when both settings are set and never lengthens a meeting.
    public func minimumDuration(for kind: MeetingKind, cellFullMembers: Int) -> Int {
        let normal = kind == .combined ? combinedMinimumMinutes : minimumMinutes
        if let threshold = smallCellMaximumFullMembers, let shorter = smallCellMinimumMinutes,
            cellFullMembers <= threshold
        {
            return min(normal, shorter)
        }
        return normal
    }
}

extension MeetingSettings {
    private enum CodingKeys: String, CodingKey {
        case minimumMinutes, combinedMinimumMinutes, smallCellMaximumFullMembers, smallCellMinimumMinutes
        case minimumNoticeDays, unexcusedAbsenceThreshold, committeeMeetingsPerYear, standingBodyMeetingsPerYear
    }

    /// Reads the settings; the committee's rhythm (added later) may be left out of a file and keeps its default.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            minimumMinutes: try container.decode(Int.self, forKey: .minimumMinutes),
            combinedMinimumMinutes: try container.decode(Int.self, forKey: .combinedMinimumMinutes),
            smallCellMaximumFullMembers: try container.decodeIfPresent(Int.self, forKey: .smallCellMaximumFullMembers),
            smallCellMinimumMinutes: try container.decodeIfPresent(Int.self, forKey: .smallCellMinimumMinutes),
            minimumNoticeDays: try container.decode(Int.self, forKey: .minimumNoticeDays),
            unexcusedAbsenceThreshold: try container.decode(Int.self, forKey: .unexcusedAbsenceThreshold),
            committeeMeetingsPerYear: try container.decodeIfPresent(Int.self, forKey: .committeeMeetingsPerYear) ?? 2,
            standingBodyMeetingsPerYear: try container.decodeIfPresent(Int.self, forKey: .standingBodyMeetingsPerYear)
                ?? 12)
    }
}
