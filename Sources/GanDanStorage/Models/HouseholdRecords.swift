import FluentKit
import Foundation

/// A household in a village's register, by its head (rules.md R25).
public final class HouseholdRecord: Model, @unchecked Sendable {
    public static let schema = "households"

    @ID(key: .id) public var id: UUID?
    /// The stable id of the village.
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "head_name") public var headName: String
    @Field(key: "name_sort") public var nameSort: String
    @Field(key: "name_search") public var nameSearch: String
    @OptionalField(key: "size") public var size: Int?
    @Field(key: "created_at") public var createdAt: Date

    public init() {}
}

/// A household's poverty status in one year under a named standard (rules.md R25).
public final class HouseholdStatusRecord: Model, @unchecked Sendable {
    public static let schema = "household_statuses"

    @ID(key: .id) public var id: UUID?
    @Field(key: "household_id") public var householdID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "standard_id") public var standardID: String
    @Field(key: "status") public var status: String

    public init() {}
}

/// Whether a village meets one new-rural criterion in one year (rules.md R24).
public final class VillageCriterionRecord: Model, @unchecked Sendable {
    public static let schema = "village_criteria"

    @ID(key: .id) public var id: UUID?
    @Field(key: "unit_id") public var unitID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "set_id") public var setID: String
    @Field(key: "number") public var number: Int
    @Field(key: "met") public var met: Bool
    @OptionalField(key: "note") public var note: String?

    public init() {}
}
