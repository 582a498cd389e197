/// One member's attendance at one meeting, the input to absence flags (rules.md R12).
public struct AttendanceRecord: Hashable, Sendable, Codable {
    public var memberID: String
    public var date: CivilDate
    public var standing: PartyStanding
    public var status: AttendanceStatus

    public init(memberID: String, date: CivilDate, standing: PartyStanding, status: AttendanceStatus) {
        self.memberID = memberID
        self.date = date
        self.standing = standing
        self.status = status
    }

    /// Whether this record counts toward the removal threshold: unexcused, and the member was expected.
    public var isCountedUnexcused: Bool {
        status == .absentUnexcused && (standing == .full || standing == .probationary)
    }
}

/// A member to put forward for a removal proposal: enough unexcused absences in one calendar year (rules.md R12).
public struct AbsenceFlag: Hashable, Sendable, Codable {
    public var memberID: String
    public var year: Int
    /// The meeting days missed without excuse that year, in order.
    public var dates: [CivilDate]

    public init(memberID: String, year: Int, dates: [CivilDate]) {
        self.memberID = memberID
        self.year = year
        self.dates = dates
    }
}

/// Finds members with too many unexcused absences within one calendar year (rules.md R12).
public enum AbsenceFlags {
    /// The flags, ordered by year then member; exempt and suspended members are never counted.
    ///
    /// Years are calendar years: two absences in December and one in January are not three in one year.
    public static func flags(
        in records: [AttendanceRecord], settings: MeetingSettings = .standard
    ) -> [AbsenceFlag] {
        var byMemberYear: [String: [Int: Set<CivilDate>]] = [:]
        for record in records where record.isCountedUnexcused {
            byMemberYear[record.memberID, default: [:]][record.date.year, default: []].insert(record.date)
        }
        var flags: [AbsenceFlag] = []
        for (member, years) in byMemberYear {
            for (year, dates) in years where dates.count >= settings.unexcusedAbsenceThreshold {
                flags.append(AbsenceFlag(memberID: member, year: year, dates: dates.sorted()))
            }
        }
        return flags.sorted { ($0.year, $0.memberID) < ($1.year, $1.memberID) }
    }

    /// The attendance records held in a set of minutes, one per member per meeting.
    public static func records(from minutes: [MeetingMinutes]) -> [AttendanceRecord] {
        minutes.flatMap { meeting in
            meeting.attendance.map {
                AttendanceRecord(memberID: $0.memberID, date: meeting.date, standing: $0.standing, status: $0.status)
            }
        }
    }
}
