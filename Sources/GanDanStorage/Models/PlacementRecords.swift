import FluentKit
import Foundation
import GanDanCore

/// A directive to dissolve the commune agency cells of a district by a deadline (rules.md A1).
final class DirectiveRecord: Model, @unchecked Sendable {
    static let schema = "directives"

    @ID(key: .id) var id: UUID?
    @Field(key: "title") var title: String
    @Field(key: "legal_basis") var legalBasis: String
    @Field(key: "deadline") var deadline: String
    /// The stable id of the district (or province) the directive covers.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _title, _legalBasis, _deadline, _unitID, _createdAt] }
}

/// One agency cell under a directive: planned → members placed → dissolved, with dates (rules.md A1, R14).
final class DissolutionRecord: Model, @unchecked Sendable {
    static let schema = "dissolutions"

    @ID(key: .id) var id: UUID?
    @Field(key: "directive_id") var directiveID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    /// Where the dates lead once every one has come (kept for readers of the table); pages take the status as of
    /// their day from the dates (`status(on:)`).
    @Field(key: "status") var status: String
    @Field(key: "planned_on") var plannedOn: String
    @OptionalField(key: "placed_on") var placedOn: String?
    @OptionalField(key: "dissolved_on") var dissolvedOn: String?
    /// The day of the placement decision, from which the 30 working days for placing the members run (rules.md R14).
    @OptionalField(key: "decided_on") var decidedOn: String?
    /// The party organisation whose committee took over the cell's records and seal, and the day (rules.md R14).
    @OptionalField(key: "handover_to") var handoverTo: UUID?
    @OptionalField(key: "handover_on") var handoverOn: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _directiveID, _organisationID, _status, _plannedOn, _placedOn, _dissolvedOn, _decidedOn, _handoverTo,
            _handoverOn,
        ]
    }

    /// The cell's status on `date`, from its dates alone: nothing dated after that day counts (rules.md R26).
    func status(on date: CivilDate) throws -> DissolutionStatus {
        if try self.date(\.$dissolvedOn).map({ $0 <= date }) ?? false { return .dissolved }
        if try self.date(\.$placedOn).map({ $0 <= date }) ?? false { return .placed }
        if try self.date(\.$decidedOn).map({ $0 <= date }) ?? false { return .decided }
        return .planned
    }
}

/// A placement plan: a draft planners edit and re-run, then approve once (rules.md A2–A4, R13).
final class PlacementPlanRecord: Model, @unchecked Sendable {
    static let schema = "placement_plans"

    @ID(key: .id) var id: UUID?
    /// The stable id of the commune or district the plan covers.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "status") var status: String
    /// Bumped on every change of the draft, so two planners cannot approve different versions.
    @Field(key: "version") var version: Int
    /// The planner's choices (weights, pins, forbidden pairs, capacities) as JSON.
    @Field(key: "settings") var settings: String
    /// The proposal as JSON.
    @Field(key: "proposal") var proposal: String
    @Field(key: "total") var total: Double
    @Field(key: "created_by") var createdBy: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "approved_by") var approvedBy: String?
    @OptionalField(key: "decision_date") var decisionDate: String?
    /// The plan this one corrects: approving it supersedes that one (history is never rewritten).
    @OptionalField(key: "corrects_id") var correctsID: UUID?
    /// The date the plan was proposed "as of" (nil for plans stored before it was kept: their creation day).
    @OptionalField(key: "proposed_on") var proposedOn: String?
    /// When the plan was approved, so that a later approval can tell what changed since it was proposed.
    @OptionalField(key: "approved_at") var approvedAt: Date?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _unitID, _status, _version, _settings, _proposal, _total, _createdBy, _createdAt, _approvedBy,
            _decisionDate, _correctsID, _proposedOn, _approvedAt,
        ]
    }
}
