import FluentKit
import Foundation

/// One dated version of an administrative unit (rules.md R26): a change closes a version and opens another.
///
/// `unitID` is the unit's stable identity across versions; everything else refers to units by it.
final class UnitRecord: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "code") var code: String
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "name_sort") var nameSort: String
    @Field(key: "name_search") var nameSearch: String
    @OptionalField(key: "parent_unit_id") var parentUnitID: UUID?
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?
    @OptionalField(key: "distance_km") var distanceKm: Double?
    @OptionalField(key: "households") var households: Int?
    @OptionalField(key: "poor_households") var poorHouseholds: Int?
    @OptionalField(key: "poverty_standard") var povertyStandard: String?
    @OptionalField(key: "poverty_year") var povertyYear: Int?
    @Field(key: "ethnic_minority") var ethnicMinority: Bool
    @Field(key: "mountain") var mountain: Bool

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _unitID, _code, _kind, _name, _nameSort, _nameSearch, _parentUnitID, _validFrom, _validUntil,
            _distanceKm, _households, _poorHouseholds, _povertyStandard, _povertyYear, _ethnicMinority, _mountain,
        ]
    }
}
