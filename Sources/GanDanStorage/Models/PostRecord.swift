import FluentKit
import Foundation

/// A post a member holds in an organisation, with dates; key leaders and cell officers derive from these.
public final class PostRecord: Model, @unchecked Sendable {
    public static let schema = "posts"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "valid_from") public var validFrom: String
    @OptionalField(key: "valid_until") public var validUntil: String?

    public init() {}
}
