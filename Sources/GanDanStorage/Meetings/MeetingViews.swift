import Foundation
import GanDanCore

/// A meeting in a cell's (or a grassroots committee's) calendar, with the figures its minutes give.
public struct MeetingSummary: Codable, Sendable, Hashable {
    public var id: UUID
    /// The organisation that held it: a cell, or for the meetings of a committee and its standing body the
    /// grassroots committee (rules.md R7).
    public var cellID: UUID
    /// Who met: the cell, the committee as a whole, or its standing body (rules.md R7).
    public var body: MeetingBody
    public var kind: MeetingKind
    public var status: MeetingStatus
    public var date: CivilDate
    public var scheduledStart: TimeOfDay
    public var topic: String?
    public var noticeSentOn: CivilDate?
    /// The committee member as typed before assignments named a member: a note, not a person (rules.md R11).
    public var legacyCommitteeMemberNote: String?
    public var documents: String?
    /// The minutes' version in force; 0 before minutes are recorded.
    public var version: Int
    public var durationMinutes: Int?
    public var expected: Int?
    public var present: Int?
    /// The meeting-quality score of the minutes in force, out of 100.
    public var quality: Double?
    /// Notice later than the rule, or not recorded (rules.md R11).
    public var noticeWarning: String?
}

/// One version of a meeting's minutes, as the history lists it.
public struct MinutesVersionInfo: Codable, Sendable, Hashable {
    public var version: Int
    public var recordedBy: String
    public var recordedAt: Date
    public var correctionReason: String?
}

/// A task as lists show it: who, what, when due, and how it went.
public struct TaskView: Codable, Sendable, Hashable {
    public var id: UUID
    public var cellID: UUID
    public var meetingID: UUID
    public var meetingDate: CivilDate
    public var kind: MemberTaskKind
    public var description: String
    public var due: YearMonth
    public var status: MemberTaskStatus
    public var outcome: String?
    public var reviewedMeetingID: UUID?
    public var assignees: [NamedID]
    public var households: [NamedID]
    public var criterionSetID: String?
    public var criterionNumber: Int?
    public var persuasion: PersuasionProgress?
}

/// An id with the name to show for it.
public struct NamedID: Codable, Sendable, Hashable {
    public var id: UUID
    public var name: String

    public init(id: UUID, name: String) {
        self.id = id
        self.name = name
    }
}

/// Everything about one meeting: plan, the minutes version asked for, the version history, its tasks.
public struct MeetingDetail: Codable, Sendable, Hashable {
    public var meeting: MeetingSummary
    public var cellName: String
    /// The version shown: the one in force unless an older one was asked for.
    public var shownVersion: Int?
    public var body: MinutesBody?
    public var versions: [MinutesVersionInfo]
    /// Everyone the minutes mention, with their names.
    public var names: [NamedID]
    public var tasksAssigned: [TaskView]
    public var tasksReviewed: [TaskView]
    /// Problems the minutes in force still carry that are warnings only (rules.md R8, R11).
    public var warnings: [String]
    /// What the meeting broke that is recorded, not refused: short, late or unrecorded notice (rules.md R8, R11).
    public var breaches: [MeetingBreach]
    /// The upper-level committee member assigned to the cell on the meeting day (rules.md R11).
    public var assignedCommitteeMember: NamedID?
    /// Who was told of the meeting, and how (rules.md R11).
    public var notifications: [NoticeView]
}

/// One person told of a meeting, and how (rules.md R11).
public struct NoticeView: Codable, Sendable, Hashable {
    public var member: NamedID
    public var method: NoticeMethod
    /// The assigned upper-level committee member rather than a member of the roll.
    public var committeeMember: Bool
}

/// A member to put forward for removal from the list, with the meetings missed (rules.md R12).
public struct AbsenceFlagView: Codable, Sendable, Hashable {
    public var member: NamedID
    public var year: Int
    public var dates: [CivilDate]
}

/// A cell's mean meeting quality in one month.
public struct QualityPoint: Codable, Sendable, Hashable {
    public var month: YearMonth
    public var meetings: Int
    public var score: Double
    public var band: String
}
