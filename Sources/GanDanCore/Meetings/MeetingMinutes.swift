import Foundation

/// A clock time within one day, for meeting start and end (meetings do not run past midnight).
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Minutes since midnight, 0..<1440.
    public let minutesSinceMidnight: Int

    /// Creates a time, or nil when the hour or minute does not exist.
    public init?(hour: Int, minute: Int) {
        guard (0..<24).contains(hour), (0..<60).contains(minute) else { return nil }
        self.minutesSinceMidnight = hour * 60 + minute
    }

    /// Parses `HH:MM` (also `7h30`, the form Vietnamese minutes use).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).lowercased()
            .split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "h" })
        guard (1...2).contains(parts.count), let hour = Int(parts[0]) else { return nil }
        let minute = parts.count == 2 ? (parts[1].isEmpty ? 0 : Int(parts[1])) : 0
        guard let minute, parts.count == 1 || parts[1].count <= 2 else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public var hour: Int { minutesSinceMidnight / 60 }
    public var minute: Int { minutesSinceMidnight % 60 }

    /// `HH:MM`.
    public var description: String { String(format: "%02d:%02d", hour, minute) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }
}

/// The roll read at the opening of a meeting: members by standing (rules.md R10).
public struct MeetingRoll: Hashable, Sendable, Codable {
    /// Full members expected to attend (exempt members are counted separately).
    public var full: Int
    public var probationary: Int
    /// Full members exempt from activities: on the roll but never expected, so never absent (rules.md R4).
    public var exempt: Int

    public init(full: Int, probationary: Int, exempt: Int = 0) {
        self.full = full
        self.probationary = probationary
        self.exempt = exempt
    }

    /// Everyone on the roll.
    public var total: Int { full + probationary + exempt }
    /// Members expected to attend: full and probationary, not exempt.
    public var expected: Int { full + probationary }
}

/// Whether a member attended, and why not (rules.md R10).
public enum AttendanceStatus: Hashable, Sendable, Codable {
    case present
    case absentExcused(reason: String)
    case absentUnexcused

    public var isPresent: Bool { self == .present }

    public var label: BilingualText {
        switch self {
        case .present: return BilingualText(vi: "Có mặt", en: "Present")
        case .absentExcused: return BilingualText(vi: "Vắng có lý do", en: "Absent, excused")
        case .absentUnexcused: return BilingualText(vi: "Vắng không lý do", en: "Absent, unexcused")
        }
    }
}

/// One member's line in the attendance record.
public struct MeetingAttendance: Hashable, Sendable, Codable {
    public var memberID: String
    /// The member's standing on the meeting day; exempt and suspended members are not expected (rules.md R4, R10).
    public var standing: PartyStanding
    public var status: AttendanceStatus
    /// Temporarily transferred in: takes part, but is not on the cell's roll and has no vote here (rules.md R4, R13).
    public var temporary: Bool

    public init(memberID: String, standing: PartyStanding, status: AttendanceStatus, temporary: Bool = false) {
        self.memberID = memberID
        self.standing = standing
        self.status = status
        self.temporary = temporary
    }

    private enum CodingKeys: String, CodingKey {
        case memberID, standing, status, temporary
    }

    /// Reads minutes stored before the temporary flag existed as official members.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            memberID: try container.decode(String.self, forKey: .memberID),
            standing: try container.decode(PartyStanding.self, forKey: .standing),
            status: try container.decode(AttendanceStatus.self, forKey: .status),
            temporary: try container.decodeIfPresent(Bool.self, forKey: .temporary) ?? false)
    }

    /// Whether the member was expected to attend, so that missing the meeting counts as an absence.
    /// Members temporarily transferred in are recorded, but the roll's arithmetic is the official roll's.
    public var isExpected: Bool { !temporary && (standing == .full || standing == .probationary) }

    /// Whether the member may vote here: a full member of the official roll (rules.md R13).
    public var mayVote: Bool { !temporary && standing.countsAsFull }
}

/// A task for next month assigned to named members (rules.md R10, A7).
public struct MeetingTask: Hashable, Sendable, Codable {
    public var description: String
    public var assigneeIDs: [String]

    public init(description: String, assigneeIDs: [String]) {
        self.description = description
        self.assigneeIDs = assigneeIDs
    }
}

/// A show-of-hands vote recorded in the minutes (rules.md R10).
public struct MeetingVote: Hashable, Sendable, Codable {
    public var subject: String
    public var inFavour: Int
    public var against: Int
    public var abstaining: Int

    public init(subject: String, inFavour: Int, against: Int, abstaining: Int = 0) {
        self.subject = subject
        self.inFavour = inFavour
        self.against = against
        self.abstaining = abstaining
    }

    public var total: Int { inFavour + against + abstaining }
    /// Adopted when more than half of `voters` are in favour.
    public func isAdopted(voters: Int) -> Bool { voters > 0 && inFavour * 2 > voters }
}

/// The minutes of one cell meeting, kept long-term and never deleted (rules.md R10).
public struct MeetingMinutes: Hashable, Sendable, Codable {
    public var date: CivilDate
    public var kind: MeetingKind
    public var startTime: TimeOfDay
    public var endTime: TimeOfDay
    /// The day notice and documents went out; nil when not recorded (rules.md R11).
    public var noticeSentOn: CivilDate?
    public var roll: MeetingRoll
    public var attendance: [MeetingAttendance]
    public var chairID: String
    public var recorderID: String
    public var agenda: [String]
    /// Commune and district policy relayed to the cell (rules.md A6).
    public var policyRelayed: String
    /// Review of last month's tasks (rules.md R10, A7).
    public var lastMonthReview: String
    /// Evaluation of this month's tasks (rules.md A7).
    public var monthEvaluation: String
    /// Direction for next month (rules.md A7).
    public var nextMonthDirection: String
    /// Next month's tasks, each assigned to named members (rules.md R10).
    public var tasks: [MeetingTask]
    public var discussion: String
    public var votes: [MeetingVote]
    public var conclusion: String

    public init(
        date: CivilDate, kind: MeetingKind, startTime: TimeOfDay, endTime: TimeOfDay, noticeSentOn: CivilDate?,
        roll: MeetingRoll, attendance: [MeetingAttendance], chairID: String, recorderID: String,
        agenda: [String] = [], policyRelayed: String = "", lastMonthReview: String = "",
        monthEvaluation: String = "", nextMonthDirection: String = "", tasks: [MeetingTask] = [],
        discussion: String = "", votes: [MeetingVote] = [], conclusion: String
    ) {
        self.date = date
        self.kind = kind
        self.startTime = startTime
        self.endTime = endTime
        self.noticeSentOn = noticeSentOn
        self.roll = roll
        self.attendance = attendance
        self.chairID = chairID
        self.recorderID = recorderID
        self.agenda = agenda
        self.policyRelayed = policyRelayed
        self.lastMonthReview = lastMonthReview
        self.monthEvaluation = monthEvaluation
        self.nextMonthDirection = nextMonthDirection
        self.tasks = tasks
        self.discussion = discussion
        self.votes = votes
        self.conclusion = conclusion
    }

    /// Minutes from start to end; zero or negative when the times are wrong.
    public var durationMinutes: Int { endTime.minutesSinceMidnight - startTime.minutesSinceMidnight }

    /// Expected members present (exempt members who came are not counted).
    public var presentCount: Int { attendance.filter { $0.isExpected && $0.status.isPresent }.count }
    /// Expected members absent, excused or not; exempt members are never absent (rules.md R4).
    public var absentCount: Int { attendance.filter { $0.isExpected && !$0.status.isPresent }.count }
    /// Present members who may vote: full members, exempt or not (probationary members have no vote).
    public var presentVoters: Int { attendance.filter { $0.status.isPresent && $0.mayVote }.count }

    /// The breaches the minutes record rather than refuse, as warnings on their fields: a short meeting, late or
    /// unrecorded notice; the meeting still stands (rules.md R8, R11).
    public func warnings(settings: MeetingSettings = .standard, cellFullMembers: Int? = nil) -> [InputIssue] {
        breaches(settings: settings, cellFullMembers: cellFullMembers).map {
            InputIssue.warning(field: $0.field, vi: $0.label.vi, en: $0.label.en)
        }
    }

    /// The notice warning for a meeting on `date`, or nil when notice went out in time (rules.md R11).
    public static func noticeWarning(date: CivilDate, noticeSentOn: CivilDate?, settings: MeetingSettings = .standard)
        -> String?
    {
        MeetingBreach.notice(date: date, noticeSentOn: noticeSentOn, settings: settings)?.label.en
    }

    /// Every problem in the minutes, each naming its field; breaches (short meeting, notice) come last as warnings
    /// (rules.md R8, R10, R11).
    public func issues(settings: MeetingSettings = .standard, cellFullMembers: Int) -> [InputIssue] {
        durationIssues() + attendanceIssues() + roleIssues() + recordIssues()
            + warnings(settings: settings, cellFullMembers: cellFullMembers)
    }

    /// The meeting ends after it starts; a meeting shorter than the minimum is a breach, not an error (rules.md R8).
    func durationIssues() -> [InputIssue] {
        guard endTime <= startTime else { return [] }
        return [
            InputIssue(
                field: "endTime", vi: "Cuộc họp kết thúc lúc \(endTime), không sau giờ bắt đầu \(startTime).",
                en: "The meeting ends at \(endTime), which is not after it starts at \(startTime).")
        ]
    }

    /// The roll and the attendance agree: each member once, excused absences with reasons (rules.md R10).
    func attendanceIssues() -> [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        if roll.full < 0 || roll.probationary < 0 || roll.exempt < 0 {
            add(
                "roll", "Số đảng viên trong danh sách không được là số âm.",
                "The numbers on the roll cannot be negative.")
        }
        var seen: Set<String> = []
        for (index, entry) in attendance.enumerated() {
            if !seen.insert(entry.memberID).inserted {
                add(
                    "attendance[\(index)].memberID", "Một đảng viên được ghi hai lần trong danh sách dự họp.",
                    "A member is listed twice in the attendance.")
            }
            if case .absentExcused(let reason) = entry.status,
                reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            {
                // rules.md R10: an excused absence names its reason.
                add(
                    "attendance[\(index)].reason", "Vắng có lý do thì phải ghi lý do.",
                    "An excused absence needs its reason.")
            }
        }
        if presentCount + absentCount != roll.expected {
            add(
                "attendance",
                "\(presentCount) có mặt và \(absentCount) vắng không khớp \(roll.expected) đảng viên phải dự họp "
                    + "(\(roll.full) chính thức, \(roll.probationary) dự bị; đảng viên được miễn sinh hoạt không tính vắng).",
                "\(presentCount) present and \(absentCount) absent do not add up to the \(roll.expected) members expected "
                    + "(\(roll.full) full, \(roll.probationary) probationary; members excused from meetings are not absent)."
            )
        }
        let exemptListed = attendance.filter { $0.standing == .exempt }.count
        if exemptListed > roll.exempt {
            add(
                "roll.exempt",
                "Có \(exemptListed) đảng viên miễn sinh hoạt được ghi, nhưng danh sách chỉ có \(roll.exempt).",
                "\(exemptListed) members excused from meetings are listed, but the roll has \(roll.exempt).")
        }
        return issues
    }

    /// A chair and a recorder are named and present (rules.md R10).
    func roleIssues() -> [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        func isPresent(_ id: String) -> Bool { attendance.contains { $0.memberID == id && $0.status.isPresent } }
        if chairID.isEmpty {
            // rules.md R10: the minutes name a chair and a recorder, both present.
            add("chairID", "Biên bản chưa ghi người chủ trì.", "The minutes name no one chairing the meeting.")
        } else if !isPresent(chairID) {
            add("chairID", "Người chủ trì không được ghi là có mặt.", "The person chairing is not recorded present.")
        }
        if recorderID.isEmpty {
            add("recorderID", "Biên bản chưa ghi thư ký cuộc họp.", "The minutes name no one taking the minutes.")
        } else if !isPresent(recorderID) {
            add(
                "recorderID", "Thư ký cuộc họp không được ghi là có mặt.",
                "The person taking the minutes is not recorded present.")
        }
        return issues
    }

    /// Tasks name their members, votes fit the voters present, and there is a conclusion (rules.md R10).
    func recordIssues() -> [InputIssue] {
        var issues: [InputIssue] = []
        func add(_ field: String, _ vi: String, _ en: String) {
            issues.append(InputIssue(field: field, vi: vi, en: en))
        }
        for (index, task) in tasks.enumerated()
        where task.assigneeIDs.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            // rules.md R10: every task names its members.
            add(
                "tasks[\(index)].assigneeIDs", "Nhiệm vụ \(index + 1) chưa giao cho đảng viên nào.",
                "Task \(index + 1) is assigned to no member.")
        }

        let voters = presentVoters
        for (index, vote) in votes.enumerated() {
            if vote.inFavour < 0 || vote.against < 0 || vote.abstaining < 0 {
                add("votes[\(index)]", "Số phiếu không được là số âm.", "Vote counts cannot be negative.")
            } else if vote.total > voters {
                add(
                    "votes[\(index)]",
                    "Có \(vote.total) phiếu nhưng chỉ \(voters) đảng viên có quyền biểu quyết có mặt.",
                    "\(vote.total) votes were cast but only \(voters) members with a vote were present.")
            }
        }

        if conclusion.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // rules.md R10: the minutes end with a conclusion.
            add("conclusion", "Biên bản chưa có kết luận.", "The minutes have no conclusion.")
        }
        return issues
    }
}

extension TimeOfDay {
    /// Decodes `HH:MM`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = TimeOfDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(text) is not HH:MM")
        }
        self = value
    }

    /// Encodes `HH:MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
