import FluentKit
import Foundation

/// A congress (đại hội) a cell held on a day, which begins a term (rules.md R6).
final class CellCongressRecord: Model, @unchecked Sendable {
    static let schema = "cell_congresses"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "held_on") var heldOn: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "created_by") var createdBy: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _organisationID, _heldOn, _note, _createdBy] }
}
