import FluentKit
import Foundation

/// The upper-level committee member assigned to a cell, from a day until another day (rules.md R11): a member of the
/// registry, never free text. A new assignment ends the one before on its first day; rows are never rewritten
/// otherwise (rules.md R26).
final class CommitteeAssignmentRecord: Model, @unchecked Sendable {
    static let schema = "cell_committee_assignments"

    @ID(key: .id) var id: UUID?
    @Field(key: "cell_id") var cellID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _cellID, _memberID, _validFrom, _validUntil, _createdBy, _createdAt] }
}

extension CommitteeAssignmentRecord: DatedModel {
    static var validFromKey: KeyPath<CommitteeAssignmentRecord, FieldProperty<CommitteeAssignmentRecord, String>> {
        \.$validFrom
    }
    static var validUntilKey:
        KeyPath<CommitteeAssignmentRecord, OptionalFieldProperty<CommitteeAssignmentRecord, String>>
    { \.$validUntil }
}

/// One person told of a meeting, and how (rules.md R11): a member on the roll, or the assigned committee member.
final class MeetingNotificationRecord: Model, @unchecked Sendable {
    static let schema = "meeting_notifications"

    @ID(key: .id) var id: UUID?
    @Field(key: "meeting_id") var meetingID: UUID
    @Field(key: "member_id") var memberID: UUID
    /// `NoticeMethod`.
    @Field(key: "method") var method: String
    /// The upper-level committee member assigned to the cell on the meeting day, not a member of its roll.
    @Field(key: "committee_member") var committeeMember: Bool

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _meetingID, _memberID, _method, _committeeMember] }
}
