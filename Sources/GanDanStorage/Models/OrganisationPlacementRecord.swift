import FluentKit
import Foundation

/// A party organisation's name, unit and parent organisation during a period (rules.md R26). The organisation row
/// holds its present state; once anything about it has changed (a restructure moved it, a planner renamed or moved
/// it on the web) these rows hold every dated period, from its founding, and say what it was on each day (the same
/// cell keeps its id, its members and its history).
final class OrganisationPlacementRecord: Model, @unchecked Sendable {
    static let schema = "organisation_placements"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _organisationID, _name, _unitID, _parentID, _validFrom, _validUntil] }
}

/// An organisation that went into another on a restructure's date: an old commune's party committee into the new
/// commune's, the agency cells of merged communes into the new agency cell (rules.md R26).
final class OrganisationSuccessionRecord: Model, @unchecked Sendable {
    static let schema = "organisation_successions"

    @ID(key: .id) var id: UUID?
    @Field(key: "predecessor_id") var predecessorID: UUID
    @Field(key: "successor_id") var successorID: UUID
    @Field(key: "valid_from") var validFrom: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _predecessorID, _successorID, _validFrom] }
}

extension OrganisationPlacementRecord: DatedModel {
    static var validFromKey: KeyPath<OrganisationPlacementRecord, FieldProperty<OrganisationPlacementRecord, String>> {
        \.$validFrom
    }
    static var validUntilKey:
        KeyPath<OrganisationPlacementRecord, OptionalFieldProperty<OrganisationPlacementRecord, String>>
    { \.$validUntil }
}
