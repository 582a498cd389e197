import FluentKit
import SQLKit

/// Who held each meeting: a cell (every meeting so far), a grassroots committee or its standing body (rules.md R7).
struct AddMeetingBodies: AsyncMigration {
    var name: String { "2027-01-10-add-meeting-bodies" }

    func prepare(on database: any Database) async throws {
        try await database.schema(MeetingRecord.schema)
            .field("body", .string, .required, .sql(.default(SQLLiteral.string(MeetingBodyColumn.cell))))
            .update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(MeetingRecord.schema).deleteField("body").update()
    }
}

/// The stored value of the meetings held before bodies were recorded: all were cells' meetings.
enum MeetingBodyColumn {
    static let cell = "cell"
}
