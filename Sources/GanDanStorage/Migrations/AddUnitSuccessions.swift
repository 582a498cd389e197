import FluentKit
import SQLKit

/// The conversion from old units to the units of a new structure (which old communes, whole or in part, formed each
/// new one), stored by `gandan import units` for the restructure to apply (rules.md R26).
struct AddUnitSuccessions: AsyncMigration {
    var name: String { "2027-01-12-add-unit-successions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(UnitSuccessionRecord.schema)
            .id()
            .field("successor_unit_id", .uuid, .required)
            .field("successor_code", .string, .required)
            .field("valid_from", .string, .required)
            .field("predecessor_code", .string, .required)
            .field("predecessor_name", .string, .required)
            .field("predecessor_kind", .string, .required)
            .field("whole", .bool, .required)
            .field("villages", .string, .required)
            .unique(on: "successor_unit_id", "predecessor_code")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "unit_successions_valid_from_idx").on(UnitSuccessionRecord.schema)
            .column("valid_from").column("successor_code").run()
        try await sql.create(index: "unit_successions_predecessor_idx").on(UnitSuccessionRecord.schema)
            .column("predecessor_code").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(UnitSuccessionRecord.schema).delete()
    }
}
