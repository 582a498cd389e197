import FluentKit
import SQLKit

/// Indexes the dashboards' reads need (rules.md R26 "as of D" views): plans by unit, a directive's cells, and each
/// cell's held meetings by date for "the last meeting by D".
struct CreateDashboardIndexes: AsyncMigration {
    var name: String { "2026-11-25-create-dashboard-indexes" }

    static let indexes: [(name: String, table: String, columns: [String])] = [
        ("placement_plans_unit_idx", "placement_plans", ["unit_id"]),
        ("dissolutions_directive_idx", "dissolutions", ["directive_id"]),
        ("meetings_organisation_status_date_idx", "meetings", ["organisation_id", "status", "date"]),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            var builder = sql.create(index: index.name).on(index.table)
            for column in index.columns { builder = builder.column(column) }
            try await builder.run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { return }
        for index in Self.indexes {
            try await sql.drop(index: index.name).run()
        }
    }
}
