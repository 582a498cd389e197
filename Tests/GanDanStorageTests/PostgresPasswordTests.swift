import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import SQLKit
import Testing

@testable import GanDanStorage

/// `pg_dump` and `pg_restore` wrapped by scripts that write down their command line and whether PGPASSWORD came
/// in their environment, then run the real program.
struct RecordingTools {
    let folder: String
    var log: String { folder + "/argv.log" }
    var environment: String { folder + "/environment.log" }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("gandan-pgtools-\(UUID())").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for tool in ["pg_dump", "pg_restore"] {
            guard let real = Self.onPath(tool) else { throw StorageError.unavailable("\(tool) is not on PATH") }
            let script = """
                #!/bin/sh
                printf '%s\\n' "\(tool) $*" >> '\(log)'
                printf '%s\\n' "\(tool) PGPASSWORD=${PGPASSWORD:-(none)}" >> '\(environment)'
                exec '\(real)' "$@"
                """
            let path = folder + "/" + tool
            try script.write(toFile: path, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        }
    }

    static func onPath(_ tool: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    var tools: PostgresTools { PostgresTools(directory: folder) }
    func read(_ path: String) -> String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
}

@Suite("pg_dump and pg_restore never see the password on their command line (issue 24)")
struct PostgresPasswordTests {
    static func admin(_ statement: String) async throws {
        let url = try #require(ProcessInfo.processInfo.environment["GANDAN_TEST_POSTGRES_URL"])
        let context = try StorageContext(location: .postgres(url: url))
        do {
            try await (context.db as! any SQLDatabase).raw(SQLQueryString(statement)).run()
            await context.shutdown()
        } catch {
            await context.shutdown()
            throw error
        }
    }

    /// `location`'s URL signed in as `role` with `password`.
    static func url(_ location: DatabaseLocation, role: String, password: String) throws -> DatabaseLocation {
        guard case .postgres(let url) = location, var components = URLComponents(string: url) else {
            throw StorageError.unavailable("not PostgreSQL")
        }
        components.user = role
        components.password = password
        return .postgres(url: try #require(components.string))
    }

    @Test(
        "a backup and a restore as a role with a password: the tools get it in PGPASSWORD, their argv has none",
        .enabled(if: TestDatabase.all.contains(.postgres)))
    func passwordOutOfArgv() async throws {
        let role = "gandan_backup_\(UUID().uuidString.prefix(8).lowercased())"
        let password = "Pw-\(UUID().uuidString.prefix(12))"
        try await Self.admin("CREATE ROLE \(role) LOGIN SUPERUSER PASSWORD '\(password)'")
        let recording = try RecordingTools()
        defer { try? FileManager.default.removeItem(atPath: recording.folder) }
        do {
            try await TestDatabase.postgres.withLocation { plain in
                try await BackupTests.seed(plain)
                let source = try Self.url(plain, role: role, password: password)
                let folder = recording.folder + "/backup"
                try await DatabaseBackup.backup(source, to: folder, tools: recording.tools)
                try await TestDatabase.postgres.withLocation { empty in
                    let target = try Self.url(empty, role: role, password: password)
                    try await DatabaseBackup.restore(target, from: folder, replace: false, tools: recording.tools)
                    let restored = try await BackupTests.digests(empty)
                    #expect(try await restored == BackupTests.digests(plain))
                }
            }
            let argv = recording.read(recording.log)
            #expect(argv.contains("pg_dump --format=custom"))
            #expect(argv.contains("pg_restore --clean"))
            #expect(argv.contains(role))
            #expect(!argv.contains(password))
            let environment = recording.read(recording.environment)
            #expect(environment.contains("pg_dump PGPASSWORD=\(password)"))
            #expect(environment.contains("pg_restore PGPASSWORD=\(password)"))
        } catch {
            try? await Self.admin("DROP ROLE IF EXISTS \(role)")
            throw error
        }
        try await Self.admin("DROP ROLE IF EXISTS \(role)")
    }
}
