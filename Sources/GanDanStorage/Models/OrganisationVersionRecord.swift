import FluentKit
import Foundation

/// A party organisation's name and parent committee as they were before a rename or move (rules.md R26): the
/// organisation's row holds what is in force now; each earlier state is kept here with the days it held.
final class OrganisationVersionRecord: Model, @unchecked Sendable {
    static let schema = "organisation_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "name") var name: String
    @OptionalField(key: "parent_id") var parentID: UUID?
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?

    init() {}
}

extension OrganisationVersionRecord: DatedModel {
    static var validFromKey: KeyPath<OrganisationVersionRecord, FieldProperty<OrganisationVersionRecord, String>> {
        \.$validFrom
    }
    static var validUntilKey:
        KeyPath<OrganisationVersionRecord, OptionalFieldProperty<OrganisationVersionRecord, String>>
    { \.$validUntil }
}
