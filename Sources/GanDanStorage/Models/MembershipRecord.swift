import FluentKit
import Foundation

/// A dated membership of a member in a cell: official roll, temporary, or residence contact (rules.md R13, R15).
///
/// "Who was in cell X on date D" reads these rows; a transfer closes one and opens another, never edits.
public final class MembershipRecord: Model, @unchecked Sendable {
    public static let schema = "memberships"

    @ID(key: .id) public var id: UUID?
    @Field(key: "member_id") public var memberID: UUID
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "kind") public var kind: String
    @Field(key: "transfer_kind") public var transferKind: String
    @Field(key: "valid_from") public var validFrom: String
    @OptionalField(key: "valid_until") public var validUntil: String?

    public init() {}
}
