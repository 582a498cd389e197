import FluentKit
import Foundation

/// A post a member holds in an organisation, with dates; key leaders and cell officers derive from these.
final class PostRecord: Model, @unchecked Sendable {
    static let schema = "posts"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?
    /// `PostSource`: elected or appointed by the superior committee (rules.md R5); nil when not recorded.
    @OptionalField(key: "source") var source: String?

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] { [_id, _memberID, _organisationID, _kind, _validFrom, _validUntil, _source] }
}
