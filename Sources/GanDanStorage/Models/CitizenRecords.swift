import FluentKit
import Foundation

/// What citizens raised with a placed leader or the secretary, followed to an answer (rules.md A8).
public final class FeedbackRecord: Model, @unchecked Sendable {
    public static let schema = "citizen_feedback"

    @ID(key: .id) public var id: UUID?
    /// The village cell that recorded it.
    @Field(key: "organisation_id") public var organisationID: UUID
    /// The stable id of the village.
    @Field(key: "unit_id") public var unitID: UUID
    /// The item as Core holds it (dates, topic, text, stages), JSON.
    @Field(key: "body") public var body: String
    @Field(key: "topic") public var topic: String
    @Field(key: "stage") public var stage: String
    @Field(key: "received_on") public var receivedOn: String
    /// The day the current stage must move on by; nil once answered. Kept for lists of overdue items.
    @OptionalField(key: "due_on") public var dueOn: String?
    @OptionalField(key: "reported_meeting_id") public var reportedMeetingID: UUID?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// The village cell's comment on a leader placed in it, and the leader's report back (rules.md A8).
public final class SupervisionRecord: Model, @unchecked Sendable {
    public static let schema = "leader_supervisions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "body") public var body: String
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A candidate for admission in a cell, with the pipeline's dates (rules.md R21–R23).
public final class CandidateRecord: Model, @unchecked Sendable {
    public static let schema = "candidates"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "full_name") public var fullName: String
    @Field(key: "name_sort") public var nameSort: String
    /// The candidate and their introducers, JSON.
    @Field(key: "candidate") public var candidate: String
    /// The pipeline's recorded dates and votes, JSON.
    @Field(key: "pipeline") public var pipeline: String
    @OptionalField(key: "mentor_id") public var mentorID: UUID?
    /// The earliest pending deadline, for lists sorted by urgency.
    @OptionalField(key: "next_due") public var nextDue: String?
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// One member's rating for a period (rules.md R18, R19).
public final class MemberRatingRecord: Model, @unchecked Sendable {
    public static let schema = "member_ratings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "member_id") public var memberID: UUID
    /// `2019` for a year, `2019-Q2` for a quarter.
    @Field(key: "period") public var period: String
    @OptionalField(key: "score") public var score: Double?
    /// Nil when the member is not rated (rules.md R19).
    @OptionalField(key: "level") public var level: String?
    @OptionalField(key: "not_rated_reason") public var notRatedReason: String?
    @Field(key: "rated_by") public var ratedBy: String
    @Field(key: "rated_at") public var ratedAt: Date

    public init() {}
}
