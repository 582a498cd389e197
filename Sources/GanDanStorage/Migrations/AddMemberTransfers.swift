import FluentKit
import SQLKit

/// Transfers of one member between cells outside a placement plan, with the receiving cell's deadline (issue 18,
/// rules.md R13, R14).
struct AddMemberTransfers: AsyncMigration {
    var name: String { "2027-02-01-add-member-transfers" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MemberTransferRecord.schema)
            .id()
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("from_cell_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("to_cell_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("kind", .string, .required)
            .field("sent_on", .string, .required)
            .field("deadline", .string)
            .field("received_on", .string)
            .field("until", .string)
            .field("cancelled_on", .string)
            .field("reason", .string, .required)
            .field("created_by", .string, .required)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "member_transfers_to_cell_id_idx").on(MemberTransferRecord.schema)
            .column("to_cell_id").run()
        try await sql.create(index: "member_transfers_member_id_idx").on(MemberTransferRecord.schema)
            .column("member_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MemberTransferRecord.schema).delete()
    }
}
