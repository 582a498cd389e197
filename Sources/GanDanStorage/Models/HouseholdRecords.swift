import FluentKit
import Foundation

/// A household in a village's register, by its head (rules.md R25).
final class HouseholdRecord: Model, @unchecked Sendable {
    static let schema = "households"

    @ID(key: .id) var id: UUID?
    /// The stable id of the village.
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "head_name") var headName: String
    @Field(key: "name_sort") var nameSort: String
    @Field(key: "name_search") var nameSearch: String
    @OptionalField(key: "size") var size: Int?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _unitID, _headName, _nameSort, _nameSearch, _size, _createdAt] }
}

/// A household's poverty status in one year under a named standard (rules.md R25).
final class HouseholdStatusRecord: Model, @unchecked Sendable {
    static let schema = "household_statuses"

    @ID(key: .id) var id: UUID?
    @Field(key: "household_id") var householdID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "standard_id") var standardID: String
    @Field(key: "status") var status: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _householdID, _year, _standardID, _status] }
}

/// Whether a village meets one new-rural criterion in one year (rules.md R24).
final class VillageCriterionRecord: Model, @unchecked Sendable {
    static let schema = "village_criteria"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "set_id") var setID: String
    @Field(key: "number") var number: Int
    @Field(key: "met") var met: Bool
    @OptionalField(key: "note") var note: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _unitID, _year, _setID, _number, _met, _note] }
}
