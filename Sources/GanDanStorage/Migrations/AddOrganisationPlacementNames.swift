import FluentKit
import SQLKit

/// One convention for an organisation's dated history (rules.md R26): the organisation row holds its present name,
/// unit and parent; `organisation_placements` holds every dated period of name, unit and parent once anything has
/// changed. Adds the period's name (the organisation's name for the periods a restructure wrote, which renamed
/// nothing), and brings each row a restructure had left at its founding place to its latest period.
struct AddOrganisationPlacementNames: AsyncMigration {
    var name: String { "2027-02-05-add-organisation-placement-names" }

    func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationPlacementRecord.schema).field("name", .string).update()
        guard let sql = database as? any SQLDatabase else { return }
        try await sql.raw(
            """
            UPDATE organisation_placements SET name = (SELECT o.name FROM organisations o \
            WHERE o.id = organisation_placements.organisation_id)
            """
        ).run()
        for column in ["unit_id", "parent_id"] {
            try await sql.raw(
                """
                UPDATE organisations SET \(ident: column) = (SELECT p.\(ident: column) \
                FROM organisation_placements p WHERE p.organisation_id = organisations.id \
                ORDER BY p.valid_from DESC LIMIT 1) \
                WHERE id IN (SELECT organisation_id FROM organisation_placements)
                """
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema(OrganisationPlacementRecord.schema).deleteField("name").update()
    }
}
