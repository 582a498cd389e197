import FluentKit

/// Records whether a post came by election or by appointment of the superior committee (rules.md R5), so a district
/// moved between installations keeps it (issue 18).
struct AddPostSource: AsyncMigration {
    var name: String { "2026-12-06-add-post-source" }

    func prepare(on database: any Database) async throws {
        try await database.schema(PostRecord.schema).field("source", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(PostRecord.schema).deleteField("source").update()
    }
}
