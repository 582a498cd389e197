import FluentKit
import SQLKit

/// Earlier names and parent committees of party organisations, kept when a planner renames or moves a cell on the
/// web (issue 18, rules.md R26).
struct AddOrganisationVersions: AsyncMigration {
    var name: String { "2027-02-03-add-organisation-versions" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationVersionRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required)
            .field("name", .string, .required)
            .field("parent_id", .uuid)
            .field("valid_from", .string, .required)
            .field("valid_until", .string)
            .create()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.create(index: "organisation_versions_organisation_idx").on(OrganisationVersionRecord.schema)
            .column("organisation_id").column("valid_from").run()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationVersionRecord.schema).delete()
    }
}
