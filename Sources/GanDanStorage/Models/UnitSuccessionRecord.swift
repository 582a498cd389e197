import FluentKit
import Foundation

/// One old unit that went, whole or in part, into a unit of a new structure (the 2025 list): the conversion a
/// restructure applies later (rules.md R26). Old units are named by code: they may not be in the database.
final class UnitSuccessionRecord: Model, @unchecked Sendable {
    static let schema = "unit_successions"

    @ID(key: .id) var id: UUID?
    /// The new unit's stable id.
    @Field(key: "successor_unit_id") var successorUnitID: UUID
    @Field(key: "successor_code") var successorCode: String
    /// The day the new unit begins (ISO text).
    @Field(key: "valid_from") var validFrom: String
    @Field(key: "predecessor_code") var predecessorCode: String
    @Field(key: "predecessor_name") var predecessorName: String
    @Field(key: "predecessor_kind") var predecessorKind: String
    @Field(key: "whole") var whole: Bool
    /// The villages of a part, by name, as a JSON array of strings ("[]" when none are named).
    @Field(key: "villages") var villages: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _successorUnitID, _successorCode, _validFrom, _predecessorCode, _predecessorName, _predecessorKind,
            _whole, _villages,
        ]
    }
}
