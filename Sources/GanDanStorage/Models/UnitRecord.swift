import FluentKit
import Foundation

/// One dated version of an administrative unit (rules.md R26): a change closes a version and opens another.
///
/// `unitID` is the unit's stable identity across versions; everything else refers to units by it.
public final class UnitRecord: Model, @unchecked Sendable {
    public static let schema = "units"

    @ID(key: .id) public var id: UUID?
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "code") public var code: String
    @Field(key: "kind") public var kind: String
    @Field(key: "name") public var name: String
    @Field(key: "name_sort") public var nameSort: String
    @Field(key: "name_search") public var nameSearch: String
    @OptionalField(key: "parent_unit_id") public var parentUnitID: UUID?
    @Field(key: "valid_from") public var validFrom: String
    @OptionalField(key: "valid_until") public var validUntil: String?
    @OptionalField(key: "distance_km") public var distanceKm: Double?
    @OptionalField(key: "households") public var households: Int?
    @OptionalField(key: "poor_households") public var poorHouseholds: Int?
    @OptionalField(key: "poverty_standard") public var povertyStandard: String?
    @OptionalField(key: "poverty_year") public var povertyYear: Int?
    @Field(key: "ethnic_minority") public var ethnicMinority: Bool
    @Field(key: "mountain") public var mountain: Bool

    public init() {}
}
