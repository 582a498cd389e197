import FluentKit
import Foundation

/// What citizens raised with a placed leader or the secretary, followed to an answer (rules.md A8).
final class FeedbackRecord: Model, @unchecked Sendable {
    static let schema = "citizen_feedback"

    @ID(key: .id) var id: UUID?
    /// The village cell that recorded it.
    @Field(key: "organisation_id") var organisationID: UUID
    /// The stable id of the village.
    @Field(key: "unit_id") var unitID: UUID
    /// The item as Core holds it (dates, topic, text, stages), JSON.
    @Field(key: "body") var body: String
    @Field(key: "topic") var topic: String
    @Field(key: "stage") var stage: String
    @Field(key: "received_on") var receivedOn: String
    /// The day the current stage must move on by; nil once answered. Kept for lists of overdue items.
    @OptionalField(key: "due_on") var dueOn: String?
    /// The day it was answered, copied from the body: SQL finds the items still unanswered on a day by it.
    @OptionalField(key: "answered_on") var answeredOn: String?
    @OptionalField(key: "reported_meeting_id") var reportedMeetingID: UUID?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _organisationID, _unitID, _body, _topic, _stage, _receivedOn, _dueOn, _answeredOn, _reportedMeetingID,
            _createdBy, _createdAt,
        ]
    }
}

/// The village cell's comment on a leader placed in it, and the leader's report back (rules.md A8).
final class SupervisionRecord: Model, @unchecked Sendable {
    static let schema = "leader_supervisions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "body") var body: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _organisationID, _memberID, _year, _body, _createdBy, _createdAt] }
}

/// A candidate for admission in a cell, with the pipeline's dates (rules.md R21–R23).
final class CandidateRecord: Model, @unchecked Sendable {
    static let schema = "candidates"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "full_name") var fullName: String
    @Field(key: "name_sort") var nameSort: String
    /// The candidate and their introducers, JSON.
    @Field(key: "candidate") var candidate: String
    /// The pipeline's recorded dates and votes, JSON.
    @Field(key: "pipeline") var pipeline: String
    @OptionalField(key: "mentor_id") var mentorID: UUID?
    /// The earliest pending deadline, for lists sorted by urgency.
    @OptionalField(key: "next_due") var nextDue: String?
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _organisationID, _fullName, _nameSort, _candidate, _pipeline, _mentorID, _nextDue, _createdBy,
            _createdAt,
        ]
    }
}

/// One member's rating for a period (rules.md R18, R19).
final class MemberRatingRecord: Model, @unchecked Sendable {
    static let schema = "member_ratings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "member_id") var memberID: UUID
    /// `2019` for a year, `2019-Q2` for a quarter.
    @Field(key: "period") var period: String
    @OptionalField(key: "score") var score: Double?
    /// Nil when the member is not rated (rules.md R19).
    @OptionalField(key: "level") var level: String?
    @OptionalField(key: "not_rated_reason") var notRatedReason: String?
    @Field(key: "rated_by") var ratedBy: String
    @Field(key: "rated_at") var ratedAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [_id, _organisationID, _memberID, _period, _score, _level, _notRatedReason, _ratedBy, _ratedAt]
    }
}
