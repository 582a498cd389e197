import FluentKit
import Foundation

/// A cell meeting, planned with notice and then held with minutes (rules.md R7–R11).
public final class MeetingRecord: Model, @unchecked Sendable {
    public static let schema = "meetings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "status") public var status: String
    @Field(key: "date") public var date: String
    /// `HH:MM`, the time members were called for.
    @Field(key: "scheduled_start") public var scheduledStart: String
    /// The thematic topic, for thematic and combined meetings (rules.md R9).
    @OptionalField(key: "topic") public var topic: String?
    @OptionalField(key: "notice_sent_on") public var noticeSentOn: String?
    /// The upper-level committee member assigned to the cell, who is notified too (rules.md R11).
    @OptionalField(key: "notified_committee_member") public var notifiedCommitteeMember: String?
    @OptionalField(key: "documents") public var documents: String?
    /// The version of the minutes in force; 0 until minutes are recorded (rules.md R10).
    @Field(key: "current_version") public var currentVersion: Int
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// One version of a meeting's minutes; corrections add versions and never overwrite (rules.md R10).
public final class MinutesVersionRecord: Model, @unchecked Sendable {
    public static let schema = "meeting_minutes"

    @ID(key: .id) public var id: UUID?
    @Field(key: "meeting_id") public var meetingID: UUID
    @Field(key: "version") public var version: Int
    /// The minutes as entered, JSON.
    @Field(key: "body") public var body: String
    @OptionalField(key: "correction_reason") public var correctionReason: String?
    @Field(key: "recorded_by") public var recordedBy: String
    @Field(key: "recorded_at") public var recordedAt: Date
    @Field(key: "duration_minutes") public var durationMinutes: Int
    @Field(key: "expected") public var expected: Int
    @Field(key: "present") public var present: Int
    @Field(key: "quality") public var quality: Double

    public init() {}
}

/// One member's attendance at a meeting, from the minutes in force (rules.md R10, R12).
public final class AttendanceRecordRow: Model, @unchecked Sendable {
    public static let schema = "meeting_attendance"

    @ID(key: .id) public var id: UUID?
    @Field(key: "meeting_id") public var meetingID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "date") public var date: String
    @Field(key: "standing") public var standing: String
    /// `present`, `excused` or `unexcused`.
    @Field(key: "status") public var status: String
    @OptionalField(key: "reason") public var reason: String?

    public init() {}
}

/// A task assigned at a meeting to named members, reviewed at a later one (rules.md R10, A6, A7).
public final class MemberTaskRecord: Model, @unchecked Sendable {
    public static let schema = "member_tasks"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "meeting_id") public var meetingID: UUID
    /// The task's place in the meeting's list, so a correction of the minutes updates it in place.
    @Field(key: "position") public var position: Int
    @Field(key: "kind") public var kind: String
    @Field(key: "description") public var description: String
    @Field(key: "due_month") public var dueMonth: String
    @Field(key: "status") public var status: String
    @OptionalField(key: "outcome") public var outcome: String?
    @OptionalField(key: "reviewed_meeting_id") public var reviewedMeetingID: UUID?
    @OptionalField(key: "criterion_set") public var criterionSet: String?
    @OptionalField(key: "criterion_number") public var criterionNumber: Int?
    @OptionalField(key: "households_target") public var householdsTarget: Int?
    @OptionalField(key: "households_persuaded") public var householdsPersuaded: Int?
    @OptionalField(key: "area_planted") public var areaPlanted: Double?

    public init() {}
}

/// A member named on a task.
public final class TaskAssigneeRecord: Model, @unchecked Sendable {
    public static let schema = "member_task_assignees"

    @ID(key: .id) public var id: UUID?
    @Field(key: "task_id") public var taskID: UUID
    @Field(key: "member_id") public var memberID: UUID

    public init() {}
}

/// A poor household a task helps (rules.md A6).
public final class TaskHouseholdRecord: Model, @unchecked Sendable {
    public static let schema = "member_task_households"

    @ID(key: .id) public var id: UUID?
    @Field(key: "task_id") public var taskID: UUID
    @Field(key: "household_id") public var householdID: UUID

    public init() {}
}

/// A topic of a cell's yearly thematic plan (rules.md R9).
public final class ThematicTopicRecord: Model, @unchecked Sendable {
    public static let schema = "thematic_topics"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "month") public var month: String
    @Field(key: "title") public var title: String

    public init() {}
}
