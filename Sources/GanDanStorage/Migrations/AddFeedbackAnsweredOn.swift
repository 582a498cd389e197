import FluentKit
import SQLKit

/// `citizen_feedback.answered_on`: the day an item was answered, copied out of its JSON body. Only an item not yet
/// answered at the end of a day can be open or overdue on it (rules.md A8, R26), so the dashboards, to-do lists and
/// monthly reports ask SQL for those instead of decoding every item a cell ever received (issue 24: a sixth of the
/// commune dashboard's time). Existing rows are filled from their bodies; a body that is not JSON stops the migration.
struct AddFeedbackAnsweredOn: AsyncMigration {
    var name: String { "2027-03-03-add-feedback-answered-on" }

    func prepare(on database: any Database) async throws {
        try await database.schema(FeedbackRecord.schema).field("answered_on", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await Self.backfill(sql)
        try await sql.create(index: "citizen_feedback_answered").on(FeedbackRecord.schema)
            .column("organisation_id").column("answered_on").run()
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase { try await sql.drop(index: "citizen_feedback_answered").run() }
        try await database.schema(FeedbackRecord.schema).deleteField("answered_on").update()
    }

    /// Copies each body's `answeredOn` (an ISO date, as Core encodes it) into the column, in one statement.
    static func backfill(_ sql: any SQLDatabase) async throws {
        let answered: SQLQueryString =
            sql.dialect.name == "postgresql"
            ? "CAST(body AS jsonb) ->> 'answeredOn'" : "json_extract(body, '$.answeredOn')"
        try await sql.raw("UPDATE \(ident: FeedbackRecord.schema) SET answered_on = \(answered)").run()
    }
}
