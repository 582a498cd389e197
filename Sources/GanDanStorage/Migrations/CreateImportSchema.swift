import FluentKit

/// Uploaded import files waiting for their mapping and confirmation (issue 8, imports).
struct CreateImportSchema: AsyncMigration {
    var name: String { "2026-11-25-create-import-schema" }

    func prepare(on database: any Database) async throws {
        try await database.schema(ImportUploadRecord.schema)
            .id()
            .field("owner_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field("content", .data, .required)
            .field("mapping", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema(ImportUploadRecord.schema).delete()
    }
}
