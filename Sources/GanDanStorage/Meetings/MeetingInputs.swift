import Foundation
import GanDanCore

/// A meeting to put in the calendar, with its notice (rules.md R7, R9, R11).
public struct MeetingPlanDraft: Encodable, Sendable, Hashable {
    /// Who meets: for a grassroots committee, the committee or its standing body (required); a cell's meeting is
    /// the cell's (rules.md R7).
    public var body: MeetingBody?
    public var kind: MeetingKind
    public var date: CivilDate
    public var scheduledStart: TimeOfDay
    /// The thematic topic, required for thematic and combined meetings (rules.md R9).
    public var topic: String?
    public var noticeSentOn: CivilDate?
    /// The documents sent with the notice.
    public var documents: String?
    /// Who was told and how: members on the roll, and the committee member assigned to the cell (rules.md R11).
    public var notifications: [NoticeEntry]

    public init(
        body: MeetingBody? = nil, kind: MeetingKind, date: CivilDate, scheduledStart: TimeOfDay, topic: String? = nil,
        noticeSentOn: CivilDate? = nil, documents: String? = nil, notifications: [NoticeEntry] = []
    ) {
        self.body = body
        self.kind = kind
        self.date = date
        self.scheduledStart = scheduledStart
        self.topic = topic
        self.noticeSentOn = noticeSentOn
        self.documents = documents
        self.notifications = notifications
    }
}

extension MeetingPlanDraft: Decodable {
    private enum CodingKeys: String, CodingKey {
        case body, kind, date, scheduledStart, topic, noticeSentOn, documents, notifications
        /// The free text of old; refused rather than dropped without a word.
        case notifiedCommitteeMember
    }

    /// Reads a draft; a committee member typed as text is refused (rules.md R11: a person from the registry).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if container.contains(.notifiedCommitteeMember) {
            // rules.md R11: the committee member comes from the cell's assignment, not typed.
            throw InputError.invalid(
                field: "notifiedCommitteeMember",
                vi:
                    "Không nhập tên cấp ủy viên nữa: hãy phân công cấp ủy viên phụ trách chi bộ và chọn trong danh sách báo họp.",
                en:
                    "The committee member is no longer typed: assign a member to the cell and list them among those told."
            )
        }
        self.init(
            body: try container.decodeIfPresent(MeetingBody.self, forKey: .body),
            kind: try container.decode(MeetingKind.self, forKey: .kind),
            date: try container.decode(CivilDate.self, forKey: .date),
            scheduledStart: try container.decode(TimeOfDay.self, forKey: .scheduledStart),
            topic: try container.decodeIfPresent(String.self, forKey: .topic),
            noticeSentOn: try container.decodeIfPresent(CivilDate.self, forKey: .noticeSentOn),
            documents: try container.decodeIfPresent(String.self, forKey: .documents),
            notifications: try container.decodeIfPresent([NoticeEntry].self, forKey: .notifications) ?? [])
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encode(kind, forKey: .kind)
        try container.encode(date, forKey: .date)
        try container.encode(scheduledStart, forKey: .scheduledStart)
        try container.encodeIfPresent(topic, forKey: .topic)
        try container.encodeIfPresent(noticeSentOn, forKey: .noticeSentOn)
        try container.encodeIfPresent(documents, forKey: .documents)
        try container.encode(notifications, forKey: .notifications)
    }
}

/// One person told of a meeting and how (rules.md R11).
public struct NoticeEntry: Codable, Sendable, Hashable {
    public var memberID: UUID
    public var method: NoticeMethod

    public init(memberID: UUID, method: NoticeMethod) {
        self.memberID = memberID
        self.method = method
    }
}

/// The notice of a planned meeting as the secretary records it after telling people (rules.md R11).
public struct MeetingNoticeDraft: Codable, Sendable, Hashable {
    public var noticeSentOn: CivilDate
    public var notifications: [NoticeEntry]
    /// The documents sent with the notice; left out, those recorded before stay.
    public var documents: String?

    public init(noticeSentOn: CivilDate, notifications: [NoticeEntry], documents: String? = nil) {
        self.noticeSentOn = noticeSentOn
        self.notifications = notifications
        self.documents = documents
    }
}

/// How a member attended, as a secretary marks it.
public enum AttendanceMark: String, Codable, Sendable, CaseIterable {
    case present, excused, unexcused
}

/// One line of the attendance sheet.
public struct AttendanceEntry: Codable, Sendable, Hashable {
    public var memberID: UUID
    public var mark: AttendanceMark
    public var reason: String?

    public init(memberID: UUID, mark: AttendanceMark, reason: String? = nil) {
        self.memberID = memberID
        self.mark = mark
        self.reason = reason
    }
}

/// The minutes as a secretary enters them; the roll is read from the registry, not typed (rules.md R10).
public struct MinutesEntry: Codable, Sendable, Hashable {
    public var startTime: TimeOfDay
    public var endTime: TimeOfDay
    /// Every member on the roll, marked present or absent.
    public var attendance: [AttendanceEntry]
    public var chairID: UUID?
    public var recorderID: UUID?
    public var agenda: [String]
    public var policyRelayed: String
    public var lastMonthReview: String
    public var monthEvaluation: String
    public var nextMonthDirection: String
    public var discussion: String
    public var votes: [MeetingVote]
    public var conclusion: String
    /// Tasks assigned at this meeting (rules.md R10, A7); assignee ids are member ids.
    public var tasks: [MemberTaskDraft]
    /// Reviews of tasks from earlier meetings (rules.md A7); task ids are those the API lists.
    public var reviews: [MemberTaskReview]
    /// Why the minutes are corrected; required for every version after the first (rules.md R10).
    public var correctionReason: String?
    /// The upper-level committee member assigned to the cell, when present at the meeting (rules.md R11).
    public var committeeMemberID: UUID?

    public init(
        startTime: TimeOfDay, endTime: TimeOfDay, attendance: [AttendanceEntry], chairID: UUID?, recorderID: UUID?,
        agenda: [String] = [], policyRelayed: String = "", lastMonthReview: String = "", monthEvaluation: String = "",
        nextMonthDirection: String = "", discussion: String = "", votes: [MeetingVote] = [], conclusion: String,
        tasks: [MemberTaskDraft] = [], reviews: [MemberTaskReview] = [], correctionReason: String? = nil,
        committeeMemberID: UUID? = nil
    ) {
        self.startTime = startTime
        self.endTime = endTime
        self.attendance = attendance
        self.chairID = chairID
        self.recorderID = recorderID
        self.agenda = agenda
        self.policyRelayed = policyRelayed
        self.lastMonthReview = lastMonthReview
        self.monthEvaluation = monthEvaluation
        self.nextMonthDirection = nextMonthDirection
        self.discussion = discussion
        self.votes = votes
        self.conclusion = conclusion
        self.tasks = tasks
        self.reviews = reviews
        self.correctionReason = correctionReason
        self.committeeMemberID = committeeMemberID
    }
}

/// One stored version of the minutes: what the registry made of the entry, kept for ever (rules.md R10).
public struct MinutesBody: Codable, Sendable, Hashable {
    public var minutes: MeetingMinutes
    public var tasks: [MemberTaskDraft]
    public var reviews: [MemberTaskReview]
    /// The assigned upper-level committee member, recorded present (rules.md R11); absent from minutes of before.
    public var committeeMemberID: UUID?
}

extension MinutesEntry {
    private enum CodingKeys: String, CodingKey {
        case startTime, endTime, attendance, chairID, recorderID, agenda, policyRelayed, lastMonthReview
        case monthEvaluation, nextMonthDirection, discussion, votes, conclusion, tasks, reviews, correctionReason
        case committeeMemberID
    }

    /// Reads an entry where only the times, the attendance and the conclusion are required; the rest may be left out.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            startTime: try container.decode(TimeOfDay.self, forKey: .startTime),
            endTime: try container.decode(TimeOfDay.self, forKey: .endTime),
            attendance: try container.decodeIfPresent([AttendanceEntry].self, forKey: .attendance) ?? [],
            chairID: try container.decodeIfPresent(UUID.self, forKey: .chairID),
            recorderID: try container.decodeIfPresent(UUID.self, forKey: .recorderID),
            agenda: try container.decodeIfPresent([String].self, forKey: .agenda) ?? [],
            policyRelayed: try container.decodeIfPresent(String.self, forKey: .policyRelayed) ?? "",
            lastMonthReview: try container.decodeIfPresent(String.self, forKey: .lastMonthReview) ?? "",
            monthEvaluation: try container.decodeIfPresent(String.self, forKey: .monthEvaluation) ?? "",
            nextMonthDirection: try container.decodeIfPresent(String.self, forKey: .nextMonthDirection) ?? "",
            discussion: try container.decodeIfPresent(String.self, forKey: .discussion) ?? "",
            votes: try container.decodeIfPresent([MeetingVote].self, forKey: .votes) ?? [],
            conclusion: try container.decodeIfPresent(String.self, forKey: .conclusion) ?? "",
            tasks: try container.decodeIfPresent([MemberTaskDraft].self, forKey: .tasks) ?? [],
            reviews: try container.decodeIfPresent([MemberTaskReview].self, forKey: .reviews) ?? [],
            correctionReason: try container.decodeIfPresent(String.self, forKey: .correctionReason),
            committeeMemberID: try container.decodeIfPresent(UUID.self, forKey: .committeeMemberID))
    }
}
