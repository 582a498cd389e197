import ArgumentParser
import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import GanDanWeb

/// `gandan export members|district`: CSV (or XLSX) in the import layout.
struct Export: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export data.", subcommands: [Members.self, District.self])
}

extension Export {
    struct Members: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "members", abstract: "Export the members on an official roll as CSV (the import layout).")

        @ArgumentParser.Option(help: "Write to this file instead of standard output.") var output: String?
        @ArgumentParser.Option(help: "Only this cell (its code, e.g. CQ-02284).") var cell: String?
        @ArgumentParser.Option(help: "The roll as of this date (YYYY-MM-DD; default today).") var date: String?
        @OptionGroup var database: DatabaseOptions

        func validate() throws {
            if let date { _ = try CommandValues.date(date, option: "--date") }
            if let cell, cell.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CommandValues.refusal(
                    vi: "--cell cần mã chi bộ, ví dụ CQ-02284", en: "--cell needs a cell code, e.g. CQ-02284")
            }
        }

        func run() async throws {
            let asOf = try date.map { try CommandValues.date($0, option: "--date") } ?? CivilDate.today()
            let cellCode = cell
            let output = try ExportOutput(path: self.output)
            do {
                try await database.withStorage { db in
                    var cellID: UUID?
                    if let cellCode {
                        guard
                            let found = try await OrganisationTree(db: db, scope: .commandLineOperator).organisation(
                                code: cellCode)
                        else {
                            throw AppRunner.failure(
                                CommandText.both("không có chi bộ mã \(cellCode)", "no cell has code \(cellCode)"))
                        }
                        cellID = found.id
                    }
                    let exporter = MemberExporter(db: db, scope: .commandLineOperator)
                    // A page at a time: a province's or the country's roll is never held at once (issue 22).
                    var header = true
                    let count = try await exporter.pages(on: asOf, cellID: cellID) { page in
                        try output.write(MemberCSVWriter.lines(page.map(\.draft), header: header))
                        header = false
                    }
                    if header { try output.write(MemberCSVWriter.lines([], header: true)) }
                    // Filed under the units of the exported cells, so their auditors see it (rules.md R30).
                    try await AuditTrail(db: db, scope: .commandLineOperator).record(
                        AuditEvent(
                            actor: Actor.cli.name, action: "export", entity: "members", entityID: cellCode,
                            after: "{\"date\":\"\(asOf.iso)\",\"members\":\(count)}",
                            units: try await exporter.units(on: asOf, cellID: cellID)))
                }
                try output.finish()
            } catch {
                output.discard()
                throw error
            }
        }
    }
}
