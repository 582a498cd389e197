import FluentKit
import SQLKit

/// Dated placements of party organisations and their successions, written by a restructure (rules.md R26).
struct AddOrganisationPlacements: AsyncMigration {
    var name: String { "2027-01-20-add-organisation-placements" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationPlacementRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("unit_id", .uuid, .required)
            .field("parent_id", .uuid, .references(OrganisationRecord.schema, .id))
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .unique(on: "organisation_id", "valid_from")
            .create()
        try await database.schema(OrganisationSuccessionRecord.schema)
            .id()
            .field("predecessor_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("successor_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("valid_from", .string, .required)
            .unique(on: "predecessor_id", "successor_id")
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "organisation_placements_parent_idx").on(OrganisationPlacementRecord.schema)
            .column("parent_id").run()
        try await sql.create(index: "organisation_placements_unit_idx").on(OrganisationPlacementRecord.schema)
            .column("unit_id").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationSuccessionRecord.schema).delete()
        try await database.schema(OrganisationPlacementRecord.schema).delete()
    }
}
