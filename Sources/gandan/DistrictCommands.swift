import ArgumentParser
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanWeb

extension Export {
    /// `gandan export district --unit CODE --date D --output DIR`: the files that move a district (issue 18).
    struct District: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "district",
            abstract:
                "Write a district's units, villages, organisations, cell ratings, members and posts as of a day, "
                + "as files `gandan import district` loads into an empty database.")

        @ArgumentParser.Option(help: "The district or commune code, e.g. 072.") var unit: String
        @ArgumentParser.Option(help: "As of this date (YYYY-MM-DD; default today): nothing later is written.")
        var date: String?
        @ArgumentParser.Option(help: "The folder to write (created if missing).") var output: String
        @ArgumentParser.Option(help: "csv or xlsx.") var format = "csv"
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let date { _ = try CommandValues.date(date, option: "--date") }
            guard TableFormat(rawValue: format) != nil else {
                throw CommandValues.refusal(vi: "--format là csv hoặc xlsx", en: "--format is csv or xlsx")
            }
        }

        func run() async throws {
            let day = try date.map { try CommandValues.date($0, option: "--date") } ?? CivilDate.today()
            let code = unit
            let (dataset, transfers) = try await database.withStorage { db in
                let export = DistrictExport(db: db, scope: .commandLineOperator)
                let dataset = try await export.dataset(unitCode: code, on: day, actor: .cli)
                return (dataset, try await export.pendingTransfers(of: dataset, on: day))
            }
            let written: [URL]
            do {
                written = try DistrictFolder.write(
                    dataset, transfers: transfers, to: URL(fileURLWithPath: output),
                    format: TableFormat(rawValue: format) ?? .csv)
            } catch {
                throw AppRunner.failure(CommandText.cannotWrite(output, error))
            }
            print(
                "Wrote \(written.map(\.lastPathComponent).joined(separator: ", ")) to \(output): "
                    + "\(dataset.units.count) unit(s), \(dataset.organisations.count) organisation(s), "
                    + "\(dataset.members.count) member(s), \(dataset.members.map(\.posts.count).reduce(0, +)) post(s), "
                    + "\(transfers.count) transfer(s) waiting as of \(day.iso).")
        }
    }
}

extension Import {
    /// `gandan import district DIR`: a folder written by `gandan export district`, or prepared by hand, into an
    /// empty database, all or nothing.
    struct District: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "district",
            abstract:
                "Load a district folder (units, villages, organisations, cell_ratings, members, posts, transfers; .csv or "
                + ".xlsx) "
                + "into an empty database; see docs/import-formats.md.")

        @Argument(help: "The folder.") var folder: String
        @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
                throw CommandValues.refusal(
                    vi: "THƯ MỤC \"\(folder)\" không phải thư mục", en: "FOLDER \"\(folder)\" is not a folder")
            }
        }

        func run() async throws {
            let contents = DistrictFolder.read(from: URL(fileURLWithPath: folder), today: CivilDate.today())
            let dryRun = dryRun
            let started = Date()
            let summary: DatasetWriteSummary
            do {
                summary = try await database.withStorage { db in
                    try await DistrictImport(db: db, scope: .commandLineOperator).run(
                        contents, dryRun: dryRun, actor: .cli)
                }
            } catch let error as InputError {
                throw AppRunner.failure("\(folder): \(CommandText.refusal(error))")
            }
            let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
            let counts =
                "\(summary.unitsCreated) unit(s), \(summary.organisations) organisation(s), "
                + "\(summary.members) member(s), \(contents.dataset.members.map(\.posts.count).reduce(0, +)) post(s), "
                + "\(contents.transfers.count) transfer(s) waiting"
            print(
                dryRun
                    ? "Dry run, nothing written: \(counts) are valid." : "Imported \(counts) in \(seconds) s.")
        }
    }
}
