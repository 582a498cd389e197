import ArgumentParser
import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanTesting
import Testing

@testable import GanDanStorage
@testable import gandan

@Suite("gandan export members writes the roll page by page into its file, or leaves no file at all")
struct ExportMembersCommandTests {
    /// An SQLite file holding the fixture tree and three members; its path.
    static func database(in folder: URL) async throws -> String {
        let path = folder.appendingPathComponent("export.sqlite").path
        let context = try StorageContext(location: .sqlite(path: path))
        do {
            try await context.migrate()
            var dataset = Fixtures.tree
            dataset.members = [
                Fixtures.member("Hoàng Văn Hoan", citizenID: "000000000001"),
                Fixtures.member("Ma Thị Thu", cell: "CB-00001.01", citizenID: "000000000002"),
                Fixtures.member("Đào Văn An", cell: "CB-00001.02", citizenID: "000000000003"),
            ]
            _ = try await DatasetWriter(db: context.db, scope: .everything).write(dataset)
            await context.shutdown()
        } catch {
            await context.shutdown()
            throw error
        }
        return path
    }

    /// A new folder with the database in it; the folder, the database's path and the export's.
    static func folder() async throws -> (URL, String, String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-export-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return (folder, try await database(in: folder), folder.appendingPathComponent("members.csv").path)
    }

    @Test("the file holds the same CSV as the whole roll read at once, and the export is audited with its count")
    func writesTheRoll() async throws {
        let (folder, path, output) = try await Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try Export.Members.parse(["--database", path, "--output", output, "--date", "2026-11-25"])
        try await command.run()
        let written = try String(contentsOfFile: output, encoding: .utf8)
        let context = try StorageContext(location: .sqlite(path: path))
        let expected = try MemberCSVWriter.csv(
            try await MemberExporter(db: context.db, scope: .everything).drafts(on: Fixtures.date("2026-11-25")))
        let audit = try await AuditEntryRecord.query(on: context.db).filter(\.$action == "export").all()
        await context.shutdown()
        #expect(written == expected)
        #expect(
            written.split(separator: "\n").map { $0.prefix(14) }.dropFirst() == [
                "Đào Văn An,197", "Hoàng Văn Hoan", "Ma Thị Thu,197",
            ])
        #expect(audit.count == 1 && audit.first?.after?.contains("\"members\":3") == true)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: folder.path)).contains { $0.contains("partial") })
    }

    @Test("an export that fails (a cell that does not exist) leaves no file, not even a partial one")
    func failsWithoutAFile() async throws {
        let (folder, path, output) = try await Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var command = try Export.Members.parse(["--database", path, "--output", output, "--cell", "CB-99999.99"])
        await #expect(throws: ExitCode.failure) { try await command.run() }
        #expect(!FileManager.default.fileExists(atPath: output))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy {
                $0.hasPrefix("export.sqlite")
            })
    }
}
