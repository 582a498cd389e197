import ArgumentParser
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage

/// `gandan restructure apply FILE --date 2025-07-01 [--dry-run]`: a new structure as one dated operation.
struct RestructureCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restructure", abstract: "Apply a new administrative structure (docs/restructure.md).",
        subcommands: [Apply.self])

    struct Apply: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Import the file's units if needed, then end the districts and old communes on the day before DATE, "
                + "move villages and party organisations to the new communes; all or nothing.")

        @Argument(help: "The JSON Lines of scripts/units-2025 (docs/units-2025.md, docs/restructure.md).")
        var file: String
        @ArgumentParser.Option(help: "The day the new units begin (YYYY-MM-DD); must be the file's date.")
        var date: String
        @Flag(help: "Report every change and conflict, but write nothing.") var dryRun = false
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            _ = try CommandValues.date(date, option: "--date")
            try CommandValues.readable(file, option: "FILE")
        }

        func run() async throws {
            let day = try CommandValues.date(date, option: "--date")
            let list: UnitListFile
            do {
                list = try UnitListLines.parse(try readFile(file))
            } catch {
                throw AppRunner.failure("\(file): \(CommandText.refusal(error))")
            }
            let dryRun = dryRun
            let report: RestructureReport
            do {
                report = try await database.withStorage { db in
                    try await Restructure(db: db, scope: .commandLineOperator).apply(
                        list, on: day, dryRun: dryRun, actor: .cli)
                }
            } catch let error as InputError {
                throw AppRunner.failure(
                    "\(file): "
                        + CommandText.listing(
                            error.issues,
                            heading: CommandText.both("không áp dụng được, chưa ghi gì", "refused, nothing written")
                                + ":"))
            }
            print(Self.text(report))
        }

        static func text(_ report: RestructureReport) -> String {
            if report.alreadyApplied {
                return "The restructure of \(report.date.iso) was applied already: nothing written."
            }
            var lines = report.changes.map { "  " + $0.en }
            if !report.conflicts.isEmpty {
                lines.append(
                    CommandText.listing(report.conflicts, heading: "Conflicts (the restructure would be refused):"))
            }
            lines.append(
                "\(report.dryRun ? "Dry run, nothing written. Would end" : "Ended") \(report.districtsEnded) district(s) "
                    + "and \(report.communesEnded) commune(s); moved \(report.villagesMoved) village(s) and "
                    + "\(report.organisationsMoved) party organisation(s); founded \(report.committeesCreated) "
                    + "committee(s); ended \(report.organisationsEnded) organisation(s); carried "
                    + "\(report.membershipsCarried) membership(s); \(report.units.unitsCreated) new unit(s) imported.")
            return lines.joined(separator: "\n")
        }
    }
}
