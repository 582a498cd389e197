import FluentKit
import Foundation

/// A party organisation (committee or cell) attached to a unit, with its founding and dissolution dates.
final class OrganisationRecord: Model, @unchecked Sendable {
    static let schema = "organisations"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    @Field(key: "name_sort") var nameSort: String
    @Field(key: "name_search") var nameSearch: String
    /// The stable identity of the unit (`UnitRecord.unitID`) it belongs to.
    @Field(key: "unit_id") var unitID: UUID
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [_id, _code, _kind, _name, _nameSort, _nameSearch, _unitID, _parentID, _validFrom, _validUntil]
    }
}

extension OrganisationRecord {
    /// The units these cells belong to, for audit entries (rules.md R30), read a thousand cells a query.
    static func units(of cells: [UUID], on db: any Database) async throws -> Set<UUID> {
        var units: Set<UUID> = []
        for chunk in cells.chunked(1000) {
            units.formUnion(try await query(on: db).filter(\.$id ~~ chunk).field(\.$unitID).all().map(\.unitID))
        }
        return units
    }
}
