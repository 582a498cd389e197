import FluentKit

/// The phases of a dissolution (rules.md A1, R14): the decision's day, from which the superior committee has 30
/// working days to place the members, and the handover of the cell's records and seal (to whom, on which day).
struct AddDissolutionHandover: AsyncMigration {
    var name: String { "2027-02-14-add-dissolution-handover" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds a single column per ALTER TABLE.
        try await database.schema(DissolutionRecord.schema).field("decided_on", .string).update()
        try await database.schema(DissolutionRecord.schema).field("handover_to", .uuid).update()
        try await database.schema(DissolutionRecord.schema).field("handover_on", .string).update()
    }

    func revert(on database: any Database) async throws {
        for column in ["decided_on", "handover_to", "handover_on"] {
            try await database.schema(DissolutionRecord.schema).deleteField(FieldKey(stringLiteral: column)).update()
        }
    }
}
