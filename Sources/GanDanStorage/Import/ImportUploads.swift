import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

/// A stored upload as its owner sees it: the table its file was parsed into at upload (issue 21: the steps
/// after the upload read this table; nothing parses the file again, and the file is not kept).
public struct ImportUpload: Sendable {
    public var id: UUID
    public var ownerID: UUID
    public var unitID: UUID
    public var kind: ImportKind
    public var fileName: String
    public var format: TableFormat
    public var table: ImportTable
    public var mapping: ColumnMapping?
    public var expiresAt: Date
}

/// Uploaded import files, each visible only to its owner, within the caller's scope, and kept for `lifetime`
/// (then removed).
public struct ImportUploads: Sendable {
    let db: any Database
    /// The units whose uploads the caller may store, see or change: others are not found.
    let scope: AccessScope
    /// How long an upload waits for its confirmation: a day, so work can resume after a lost connection.
    public static let lifetime: TimeInterval = 24 * 3600
    /// The largest file accepted (about 60,000 member rows fit comfortably).
    public static let maxBytes = 20 * 1024 * 1024

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Stores the table parsed from a file, for a unit in scope (`StorageError.notFound` outside it); expired
    /// uploads are removed on the way.
    public func create(
        owner: UUID, unitID: UUID, kind: ImportKind, fileName: String, format: TableFormat, table: ImportTable,
        now: Date = Date()
    ) async throws -> ImportUpload {
        guard scope.contains(unit: unitID) else { throw StorageError.notFound("no unit \(unitID)") }
        try await ImportUploadRecord.query(on: db).filter(\.$expiresAt < now).delete()
        let record = ImportUploadRecord()
        record.id = UUID()
        record.ownerID = owner
        record.unitID = unitID
        record.kind = kind.rawValue
        record.fileName = String(fileName.suffix(200))
        record.format = format.rawValue
        record.table = table.encoded()
        record.createdAt = now
        record.expiresAt = now.addingTimeInterval(Self.lifetime)
        try await record.create(on: db)
        return try Self.view(record)
    }

    /// The upload, when it belongs to `owner`, is for a unit in scope and has not expired.
    public func upload(_ id: UUID, owner: UUID, now: Date = Date()) async throws -> ImportUpload? {
        guard let record = try await ImportUploadRecord.find(id, on: db), record.ownerID == owner,
            scope.contains(unit: record.unitID), record.expiresAt > now
        else { return nil }
        return try Self.view(record)
    }

    /// Remembers the mapping chosen for the upload (of a unit in scope).
    public func setMapping(_ id: UUID, _ mapping: ColumnMapping) async throws {
        guard let record = try await ImportUploadRecord.find(id, on: db), scope.contains(unit: record.unitID) else {
            throw StorageError.notFound("no upload \(id)")
        }
        record.mapping = String(decoding: try JSONEncoder().encode(mapping), as: UTF8.self)
        try await record.update(on: db)
    }

    /// Removes the upload (of a unit in scope) once it has been imported.
    public func delete(_ id: UUID) async throws {
        let query = ImportUploadRecord.query(on: db).filter(\.$id == id)
        if let units = scope.unitFilter { query.filter(\.$unitID ~~ units) }
        try await query.delete()
    }

    static func view(_ record: ImportUploadRecord) throws -> ImportUpload {
        let kind = try record.decode(\.$kind, as: ImportKind.self)
        let format = try record.decode(\.$format, as: TableFormat.self)
        guard let table = ImportTable(encoded: record.table) else {
            throw StorageError.corrupt(
                table: ImportUploadRecord.schema, column: "parsed_table", value: "\(record.table.count) bytes")
        }
        return ImportUpload(
            id: try record.requireID(), ownerID: record.ownerID, unitID: record.unitID, kind: kind,
            fileName: record.fileName, format: format, table: table,
            mapping: record.mapping.flatMap { try? JSONDecoder().decode(ColumnMapping.self, from: Data($0.utf8)) },
            expiresAt: record.expiresAt)
    }
}
