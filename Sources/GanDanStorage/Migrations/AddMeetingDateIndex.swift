import FluentKit
import SQLKit

/// `meetings_date` on (date), both databases: the commune dashboard's open tasks include those reviewed at a meeting
/// after the day asked (rules.md R26), and this finds the meetings after a recent day without reading them all.
struct AddMeetingDateIndex: AsyncMigration {
    var name: String { "2027-03-04-add-meeting-date-index" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "meetings_date").on(MeetingRecord.schema).column("date").run()
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.drop(index: "meetings_date").run()
    }
}
