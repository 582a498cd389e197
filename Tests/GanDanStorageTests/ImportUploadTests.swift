import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanTesting
import Testing

@testable import GanDanStorage

/// The uploads' table as it was before issue 21, holding the file (`content`).
private final class FileUploadRecord: Model, @unchecked Sendable {
    static let schema = "import_uploads"

    @ID(key: .id) var id: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "format") var format: String
    @Field(key: "content") var content: Data
    @OptionalField(key: "mapping") var mapping: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "expires_at") var expiresAt: Date

    init() {}

    init(unitID: UUID, content: String, now: Date) {
        (id, ownerID, self.unitID, kind, fileName, format) = (UUID(), UUID(), unitID, "members", "m.csv", "csv")
        (self.content, mapping, createdAt, expiresAt) = (Data(content.utf8), nil, now, now.addingTimeInterval(3600))
    }
}

@Suite("Import uploads keep the table parsed at upload, not the file (issue 21)")
struct ImportUploadTests {
    static let table = ImportTable(
        header: ["Họ và tên", "Mã chi bộ"], rows: [.init(line: 2, cells: ["Lương Văn Mới", "CB-00001.01"])])

    @Test(
        "the stored upload holds the parsed table; stored bytes that are no table are corrupt",
        arguments: TestDatabase.all)
    func storedTable(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let uploads = ImportUploads(db: db, scope: .everything)
            let owner = UUID()
            let stored = try await uploads.create(
                owner: owner, unitID: UUID(), kind: .members, fileName: "m.csv", format: .csv, table: Self.table)
            #expect(try await uploads.upload(stored.id, owner: owner)?.table == Self.table)
            let record = try #require(try await ImportUploadRecord.find(stored.id, on: db))
            record.table = Data("Họ và tên,Mã chi bộ\n".utf8)
            try await record.update(on: db)
            await #expect(throws: StorageError.self) { try await uploads.upload(stored.id, owner: owner) }
        }
    }

    @Test(
        "uploads waiting at the upgrade are parsed once and keep their table; one past the limits is removed",
        arguments: TestDatabase.all)
    func upgrade(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await KeepParsedImportTables().revert(on: db)
            let now = Date()
            let good = FileUploadRecord(
                unitID: UUID(), content: "Họ và tên,Mã chi bộ\nLương Văn Mới,CB-00001.01\n", now: now)
            let wide = FileUploadRecord(
                unitID: UUID(), content: (0...200).map { "c\($0)" }.joined(separator: ",") + "\n", now: now)
            try await good.create(on: db)
            try await wide.create(on: db)
            try await KeepParsedImportTables().prepare(on: db)
            let kept = try await ImportUploadRecord.query(on: db).all()
            #expect(kept.map(\.id) == [good.id])
            let goodID = try #require(good.id)
            let upload = try #require(
                try await ImportUploads(db: db, scope: .everything).upload(goodID, owner: good.ownerID))
            #expect(upload.table == Self.table && upload.fileName == "m.csv" && upload.unitID == good.unitID)
            #expect(abs(upload.expiresAt.timeIntervalSince(good.expiresAt)) < 1)
        }
    }
}
