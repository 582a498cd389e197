import FluentKit

/// Keeps each plan's proposal date and approval time, so approval can refuse a stale plan (rules.md R13).
struct AddPlacementPlanDates: AsyncMigration {
    var name: String { "2026-12-05-add-placement-plan-dates" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(PlacementPlanRecord.schema).field("proposed_on", .string).update()
        try await database.schema(PlacementPlanRecord.schema).field("approved_at", .datetime).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PlacementPlanRecord.schema).deleteField("approved_at").update()
        try await database.schema(PlacementPlanRecord.schema).deleteField("proposed_on").update()
    }
}
