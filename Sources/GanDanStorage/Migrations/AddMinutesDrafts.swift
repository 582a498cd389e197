import FluentKit

/// The table of unfinished minutes, one row per meeting at most (issue 20 item 5).
struct AddMinutesDrafts: AsyncMigration {
    var name: String { "2027-02-12-add-minutes-drafts" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MinutesDraftRecord.schema)
            .id()
            .field("meeting_id", .uuid, .required, .references(MeetingRecord.schema, .id, onDelete: .cascade))
            .field("fields", .string, .required)
            .field("saved_by", .string, .required)
            .field("saved_at", .datetime, .required)
            .unique(on: "meeting_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MinutesDraftRecord.schema).delete()
    }
}
