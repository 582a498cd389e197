import FluentKit
import Foundation

/// A cell's rating for one year, with the local "weak" flag (rules.md R18, R20).
public final class CellRatingRecord: Model, @unchecked Sendable {
    public static let schema = "cell_ratings"

    @ID(key: .id) public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "level") public var level: String
    @Field(key: "weak") public var weak: Bool
    @OptionalField(key: "weak_reason") public var weakReason: String?

    public init() {}
}
