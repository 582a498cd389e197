import FluentKit
import SQLKit

/// The cells' monthly dues registers and the totals passed up to the commune (issue 20 item 7, rules.md R12).
struct AddPartyDues: AsyncMigration {
    var name: String { "2027-02-01-add-party-dues" }

    func prepare(on database: any Database) async throws {
        try await database.schema(DuesPaymentRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("month", .string, .required)
            .field("band", .string, .required)
            .field("income", .int64)
            .field("amount_due", .int64, .required)
            .field("paid_on", .string)
            .field("collected_by", .uuid, .references(MemberRecord.schema, .id))
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "organisation_id", "member_id", "month")
            .create()
        try await database.schema(DuesHandoverRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("month", .string, .required)
            .field("total", .int64, .required)
            .field("passed_on", .string, .required)
            .field("passed_by", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("recorded_by", .string, .required)
            .field("recorded_at", .datetime, .required)
            .unique(on: "organisation_id", "month")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "dues_payments_member_month_idx").on(DuesPaymentRecord.schema)
            .column("member_id").column("month").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(DuesHandoverRecord.schema).delete()
        try await database.schema(DuesPaymentRecord.schema).delete()
    }
}
