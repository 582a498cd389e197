import FluentKit
import Foundation

/// A meeting of a cell, or of a grassroots committee or its standing body, planned with notice and then held with
/// minutes (rules.md R7–R11).
final class MeetingRecord: Model, @unchecked Sendable {
    static let schema = "meetings"

    @ID(key: .id) var id: UUID?
    /// The cell or grassroots committee that held it.
    @Field(key: "organisation_id") var organisationID: UUID
    /// `MeetingBody`: the cell, or the committee as a whole or its standing body (rules.md R7).
    @Field(key: "body") var body: String
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @Field(key: "date") var date: String
    /// `HH:MM`, the time members were called for.
    @Field(key: "scheduled_start") var scheduledStart: String
    /// The thematic topic, for thematic and combined meetings (rules.md R9).
    @OptionalField(key: "topic") var topic: String?
    @OptionalField(key: "notice_sent_on") var noticeSentOn: String?
    /// The committee member as typed before assignments named a member (rules.md R11): kept as a note, read only.
    @OptionalField(key: "notified_committee_member") var notifiedCommitteeMember: String?
    @OptionalField(key: "documents") var documents: String?
    /// The version of the minutes in force; 0 until minutes are recorded (rules.md R10).
    @Field(key: "current_version") var currentVersion: Int
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _organisationID, _body, _kind, _status, _date, _scheduledStart, _topic, _noticeSentOn,
            _notifiedCommitteeMember, _documents, _currentVersion, _createdBy, _createdAt,
        ]
    }
}

/// One version of a meeting's minutes; corrections add versions and never overwrite (rules.md R10).
final class MinutesVersionRecord: Model, @unchecked Sendable {
    static let schema = "meeting_minutes"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "version") var version: Int
    /// The minutes as entered, JSON.
    @Field(key: "body") var body: String
    @OptionalField(key: "correction_reason") var correctionReason: String?
    @Field(key: "recorded_by") var recordedBy: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "duration_minutes") var durationMinutes: Int
    @Field(key: "expected") var expected: Int
    @Field(key: "present") var present: Int
    @Field(key: "quality") var quality: Double
    /// The upper-level committee member assigned to the cell, recorded present by this version (rules.md R11).
    @OptionalField(key: "committee_member_id") var committeeMemberID: UUID?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _meetingID, _version, _body, _correctionReason, _recordedBy, _recordedAt, _durationMinutes, _expected,
            _present, _quality, _committeeMemberID,
        ]
    }
}

/// One member's attendance at a meeting, from the minutes in force (rules.md R10, R12).
final class AttendanceRecordRow: Model, @unchecked Sendable {
    static let schema = "meeting_attendance"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "date") var date: String
    @Field(key: "standing") var standing: String
    /// `present`, `excused` or `unexcused`.
    @Field(key: "status") var status: String
    @OptionalField(key: "reason") var reason: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [_id, _meetingID, _organisationID, _memberID, _date, _standing, _status, _reason]
    }
}

/// A task assigned at a meeting to named members, reviewed at a later one (rules.md R10, A6, A7).
final class MemberTaskRecord: Model, @unchecked Sendable {
    static let schema = "member_tasks"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "meeting_id") var meetingID: UUID
    /// The task's place in the meeting's list, so a correction of the minutes updates it in place.
    @Field(key: "position") var position: Int
    @Field(key: "kind") var kind: String
    @Field(key: "description") var description: String
    @Field(key: "due_month") var dueMonth: String
    @Field(key: "status") var status: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "reviewed_meeting_id") var reviewedMeetingID: UUID?
    @OptionalField(key: "criterion_set") var criterionSet: String?
    @OptionalField(key: "criterion_number") var criterionNumber: Int?
    @OptionalField(key: "households_target") var householdsTarget: Int?
    @OptionalField(key: "households_persuaded") var householdsPersuaded: Int?
    @OptionalField(key: "area_planted") var areaPlanted: Double?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _organisationID, _meetingID, _position, _kind, _description, _dueMonth, _status, _outcome,
            _reviewedMeetingID, _criterionSet, _criterionNumber, _householdsTarget, _householdsPersuaded, _areaPlanted,
        ]
    }
}

/// A member named on a task.
final class TaskAssigneeRecord: Model, @unchecked Sendable {
    static let schema = "member_task_assignees"

    @ID(key: .id) var id: UUID?
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "member_id") var memberID: UUID

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _taskID, _memberID] }
}

/// A poor household a task helps (rules.md A6).
final class TaskHouseholdRecord: Model, @unchecked Sendable {
    static let schema = "member_task_households"

    @ID(key: .id) var id: UUID?
    @Field(key: "task_id") var taskID: UUID
    @Field(key: "household_id") var householdID: UUID

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _taskID, _householdID] }
}

/// A topic of a cell's yearly thematic plan (rules.md R9).
final class ThematicTopicRecord: Model, @unchecked Sendable {
    static let schema = "thematic_topics"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "month") var month: String
    @Field(key: "title") var title: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _organisationID, _year, _month, _title] }
}
