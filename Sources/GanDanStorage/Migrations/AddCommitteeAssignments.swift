import FluentKit
import SQLKit

/// The upper-level committee member assigned to a cell becomes a person with dated assignments, each meeting's notice
/// a list of the members told and how, and each version of the minutes says whether the assigned member was there
/// (rules.md R11, R26).
///
/// The text typed before (`meetings.notified_committee_member`) stays where it is, shown as a note: no assignment or
/// notification is made up from it.
struct AddCommitteeAssignments: AsyncMigration {
    var name: String { "2027-01-11-add-committee-assignments" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CommitteeAssignmentRecord.schema)
            .id()
            .field("cell_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .field("created_by", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
        try await database.schema(MeetingNotificationRecord.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, .id))
            .field("member_id", .uuid, .required, .references(MemberRecord.schema, .id))
            .field("method", .string, .required)
            .field("committee_member", .bool, .required)
            .unique(on: "meeting_id", "member_id")
            .create()
        try await database.schema(MinutesVersionRecord.schema).field("committee_member_id", .uuid).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "cell_committee_assignments_cell_id_idx").on(CommitteeAssignmentRecord.schema)
            .column("cell_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MinutesVersionRecord.schema).deleteField("committee_member_id").update()
        try await database.schema(MeetingNotificationRecord.schema).delete()
        try await database.schema(CommitteeAssignmentRecord.schema).delete()
    }
}
