import FluentKit
import Foundation

/// A cell's rating for one year, with the local "weak" flag (rules.md R18, R20).
final class CellRatingRecord: Model, @unchecked Sendable {
    static let schema = "cell_ratings"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "year") var year: Int
    @Field(key: "level") var level: String
    @Field(key: "weak") var weak: Bool
    @OptionalField(key: "weak_reason") var weakReason: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _organisationID, _year, _level, _weak, _weakReason] }
}
