import ArgumentParser
import Foundation
import GanDanStorage

/// `gandan backup`: a consistent copy of the database into a new folder (SQLite `VACUUM INTO`, PostgreSQL `pg_dump`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Back the database up into a new folder.")

    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Option(help: ArgumentHelp("The folder to create.", valueName: "folder")) var output: String

    func validate() throws {
        guard !FileManager.default.fileExists(atPath: output) else {
            throw CommandValues.refusal(
                vi: "--output \(output) đã có; hãy ghi tên một thư mục mới",
                en: "--output \(output) exists already; name a new folder")
        }
    }

    func run() async throws {
        let location = try await database.settings().database
        do {
            let manifest = try await DatabaseBackup.backup(location, to: output)
            print("Backed up \(location) into \(output) (schema: \(manifest.migrations.count) migrations).")
            if let head = manifest.auditHead {
                print(
                    "Its manifest records the audit trail up to entry \(head.seq) (hash \(head.hash)); "
                        + "`gandan audit verify --against \(output)` checks the trail against it.")
            }
        } catch let error as StorageError {
            throw AppRunner.failure(error.description)
        }
    }
}

/// `gandan restore`: puts a backup back; refuses a newer backup, a newer database, and data unless `--replace`.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup folder into the database.")

    @OptionGroup var database: DatabaseOptions
    @ArgumentParser.Option(help: ArgumentHelp("The backup folder.", valueName: "folder")) var input: String
    @ArgumentParser.Flag(help: "Overwrite a database that holds data.") var replace = false

    func validate() throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandValues.refusal(
                vi: "--input \(input) không phải thư mục", en: "--input \(input) is not a folder")
        }
    }

    func run() async throws {
        let location = try await database.settings().database
        do {
            try await DatabaseBackup.restore(location, from: input, replace: replace)
            print("Restored \(input) into \(location).")
        } catch let error as StorageError {
            throw AppRunner.failure(error.description)
        }
    }
}
