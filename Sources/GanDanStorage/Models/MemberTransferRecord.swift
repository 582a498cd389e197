import FluentKit
import Foundation

/// A transfer of one member between cells outside a placement plan (issue 18, rules.md R13, R14): sent on a day,
/// received (or cancelled) later; the memberships it makes are the dated rows of `memberships`.
final class MemberTransferRecord: Model, @unchecked Sendable {
    static let schema = "member_transfers"

    @ID(key: .id) var id: UUID?
    @Field(key: "member_id") var memberID: UUID
    @Field(key: "from_cell_id") var fromCellID: UUID
    @Field(key: "to_cell_id") var toCellID: UUID
    /// A `TransferKind` raw value: official, temporary or internal.
    @Field(key: "kind") var kind: String
    @Field(key: "sent_on") var sentOn: String
    @OptionalField(key: "deadline") var deadline: String?
    @OptionalField(key: "received_on") var receivedOn: String?
    @OptionalField(key: "until") var until: String?
    @OptionalField(key: "cancelled_on") var cancelledOn: String?
    @Field(key: "reason") var reason: String
    @Field(key: "created_by") var createdBy: String

    init() {}

    /// The stored fields, named here so that Fluent does not find them by reflection on every row read
    /// (docs/scale.md: reflection was most of a province dashboard's time).
    var properties: [any AnyProperty] {
        [
            _id, _memberID, _fromCellID, _toCellID, _kind, _sentOn, _deadline, _receivedOn, _until, _cancelledOn,
            _reason, _createdBy,
        ]
    }
}
