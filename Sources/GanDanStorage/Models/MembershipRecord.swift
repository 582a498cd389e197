import FluentKit
import Foundation
import GanDanCore

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

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [_id, _memberID, _organisationID, _kind, _transferKind, _validFrom, _validUntil]
    }

    /// A new row: `member` in `cell` as `kind` (stored as its raw value), come by `transfer`, from `from` until
    /// `until` (the day it ends), with a new id. The one place a membership is made from typed values.
    convenience init(
        member: UUID, cell: UUID, kind: String, transfer: TransferKind, from: CivilDate, until: String? = nil
    ) {
        self.init()
        id = UUID()
        memberID = member
        organisationID = cell
        self.kind = kind
        transferKind = transfer.rawValue
        validFrom = from.iso
        validUntil = until
    }
}
