import FluentKit
import Foundation

/// A directive to dissolve the commune agency cells of a district by a deadline (rules.md A1).
public final class DirectiveRecord: Model, @unchecked Sendable {
    public static let schema = "directives"

    @ID(key: .id) public var id: UUID?
    @Field(key: "title") public var title: String
    @Field(key: "legal_basis") public var legalBasis: String
    @Field(key: "deadline") public var deadline: String
    /// The stable id of the district (or province) the directive covers.
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// One agency cell under a directive: planned → members placed → dissolved, with dates (rules.md A1, R14).
public final class DissolutionRecord: Model, @unchecked Sendable {
    public static let schema = "dissolutions"

    @ID(key: .id) public var id: UUID?
    @Field(key: "directive_id") public var directiveID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "status") public var status: String
    @Field(key: "planned_on") public var plannedOn: String
    @OptionalField(key: "placed_on") public var placedOn: String?
    @OptionalField(key: "dissolved_on") public var dissolvedOn: String?

    public init() {}
}

/// A placement plan: a draft planners edit and re-run, then approve once (rules.md A2–A4, R13).
public final class PlacementPlanRecord: Model, @unchecked Sendable {
    public static let schema = "placement_plans"

    @ID(key: .id) public var id: UUID?
    /// The stable id of the commune or district the plan covers.
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "status") public var status: String
    /// Bumped on every change of the draft, so two planners cannot approve different versions.
    @Field(key: "version") public var version: Int
    /// The planner's choices (weights, pins, forbidden pairs, capacities) as JSON.
    @Field(key: "settings") public var settings: String
    /// The proposal as JSON.
    @Field(key: "proposal") public var proposal: String
    @Field(key: "total") public var total: Double
    @Field(key: "created_by") public var createdBy: String
    @Field(key: "created_at") public var createdAt: Date
    @OptionalField(key: "approved_by") public var approvedBy: String?
    @OptionalField(key: "decision_date") public var decisionDate: String?
    /// The plan this one corrects: approving it supersedes that one (history is never rewritten).
    @OptionalField(key: "corrects_id") public var correctsID: UUID?

    public init() {}
}
