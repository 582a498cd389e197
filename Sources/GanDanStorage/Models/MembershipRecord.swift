import FluentKit
import Foundation

/// A dated membership of a member in a cell: official roll, temporary, or residence contact (rules.md R13, R15).
///
/// "Who was in cell X on date D" reads these rows; a transfer closes one and opens another, never edits.
final class MembershipRecord: Model, @unchecked Sendable {
    static let schema = "memberships"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "organisation_id") var organisationID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "transfer_kind") var transferKind: String
    @Field(key: "valid_from") var validFrom: String
    @OptionalField(key: "valid_until") var validUntil: String?

    init() {}
}
