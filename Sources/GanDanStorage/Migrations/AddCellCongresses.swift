import FluentKit

/// The congresses each cell held, from which its term and the next congress due are told (issue 18, rules.md R6).
struct AddCellCongresses: AsyncMigration {
    var name: String { "2027-02-10-add-cell-congresses" }

    func prepare(on database: any Database) async throws {
        try await database.schema(CellCongressRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, .id))
            .field("held_on", .string, .required)
            .field("note", .string)
            .field("created_by", .string, .required)
            .unique(on: "organisation_id", "held_on")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(CellCongressRecord.schema).delete()
    }
}
