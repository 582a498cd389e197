import FluentKit
import Foundation

/// A party organisation (committee or cell) attached to a unit, with its founding and dissolution dates.
public final class OrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "organisations"

    @ID(key: .id) public var id: UUID?
    @Field(key: "code") public var code: String
    @Field(key: "kind") public var kind: String
    @Field(key: "name") public var name: String
    @Field(key: "name_sort") public var nameSort: String
    @Field(key: "name_search") public var nameSearch: String
    /// The stable identity of the unit (`UnitRecord.unitID`) it belongs to.
    @Field(key: "unit_id") public var unitID: UUID
    @OptionalField(key: "parent_id") public var parentID: UUID?
    @Field(key: "valid_from") public var validFrom: String
    @OptionalField(key: "valid_until") public var validUntil: String?

    public init() {}
}
