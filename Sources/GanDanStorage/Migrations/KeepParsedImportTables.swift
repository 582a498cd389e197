import FluentKit
import Foundation
import GanDanInterchange
import SQLKit

/// Uploads keep the table parsed at upload instead of the file, so no later step parses it again (issue 21).
/// Uploads waiting at the upgrade are parsed here, once; one that no longer reads within the web's limits is
/// removed, as it could not be imported. The table is made anew rather than altered: SQLite's `DROP COLUMN`
/// opens the connection's temporary database, after which the bulk import's `PRAGMA temp_store` fails inside
/// its transaction.
struct KeepParsedImportTables: AsyncMigration {
    var name: String { "2026-12-06-keep-parsed-import-tables" }

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StorageError.unavailable("not an SQL database") }
        let waiting = try await sql.select().column("*").from(ImportUploadRecord.schema).all()
        var kept: [ImportUploadRecord] = []
        for row in waiting {
            let format = TableFormat(rawValue: try row.decode(column: "format", as: String.self))
            guard let format,
                let table = try? TableReader.read(
                    try row.decode(column: "content", as: Data.self), format: format, limits: .web)
            else { continue }
            let record = ImportUploadRecord()
            record.id = try row.decode(column: "id", as: UUID.self)
            record.ownerID = try row.decode(column: "owner_id", as: UUID.self)
            record.unitID = try row.decode(column: "unit_id", as: UUID.self)
            record.kind = try row.decode(column: "kind", as: String.self)
            record.fileName = try row.decode(column: "file_name", as: String.self)
            record.format = format.rawValue
            record.table = table.encoded()
            record.mapping = try row.decode(column: "mapping", as: String?.self)
            record.createdAt = try row.decode(column: "created_at", as: Date.self)
            record.expiresAt = try row.decode(column: "expires_at", as: Date.self)
            kept.append(record)
        }
        try await database.schema(ImportUploadRecord.schema).delete()
        try await Self.createTable(on: database, holding: "parsed_table")
        for record in kept { try await record.create(on: database) }
    }

    /// The files are gone: back to the old table, empty.
    func revert(on database: any Database) async throws {
        try await database.schema(ImportUploadRecord.schema).delete()
        try await Self.createTable(on: database, holding: "content")
    }

    /// The uploads' table, with `column` for what an upload holds (the file before, the parsed table now).
    private static func createTable(on database: any Database, holding column: String) async throws {
        try await database.schema(ImportUploadRecord.schema)
            .id()
            .field("owner_id", .uuid, .required)
            .field("unit_id", .uuid, .required)
            .field("kind", .string, .required)
            .field("file_name", .string, .required)
            .field("format", .string, .required)
            .field(FieldKey(stringLiteral: column), .data, .required)
            .field("mapping", .string)
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .create()
    }
}
