import ArgumentParser
import Fluent
import Foundation
import GanDanCore
import GanDanStorage
import GanDanWeb

/// `gandan bench`: benchmarks that need a database (bench/scale). Hidden from help: they measure.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Benchmarks (for bench/*/run).", shouldDisplay: false,
        subcommands: [ScaleBenchCommand.self])
}

/// `gandan bench scale`: generates a province, imports its members from CSV and times that against the database's
/// own bulk loader, writes 24 months of meetings, then times the reports. Prints a Markdown table and exits
/// non-zero when a target is missed: import ≥ 0.5 × the bulk loader's rows/s; dashboard p95 < 100 ms on PostgreSQL.
struct ScaleBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scale",
        abstract: "Time import and reports on a generated province (an empty database is needed).")

    @ArgumentParser.Option(help: "Districts in the province.") var districts = ScaleProvinceShape.full.districts
    @ArgumentParser.Option(help: "Communes per district.") var communes = ScaleProvinceShape.full.communesPerDistrict
    @ArgumentParser.Option(help: "Villages (village cells) per commune.")
    var villages = ScaleProvinceShape.full.villagesPerCommune
    @ArgumentParser.Option(help: "Members in all.") var members = ScaleProvinceShape.full.members
    @ArgumentParser.Option(help: "Months of meetings, half before and half after the placement.") var months = 24
    @ArgumentParser.Option(help: "Random seed.") var seed: UInt64 = ScaleProvinceShape.full.seed
    @ArgumentParser.Option(help: "Untimed runs of each report first.") var warmups = 5
    @ArgumentParser.Option(help: "Timed runs of each report.") var repetitions = 50
    @ArgumentParser.Option(
        help: "Rounds of import then bulk reload, each on emptied tables; the target compares their medians.")
    var importRounds = 3
    @ArgumentParser.Option(help: "Folder for the CSV and the bulk loader's SQLite file (default: a temporary one).")
    var work: String?
    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let shape = ScaleProvinceShape(
            districts: districts, communesPerDistrict: communes, villagesPerCommune: villages, members: members,
            seed: seed)
        if let problem = shape.problem { throw AppRunner.failure(problem) }
        guard months >= 2, months <= 48, months % 2 == 0 else {
            throw AppRunner.failure("--months must be an even number 2–48")
        }
        guard warmups >= 0, (1...10_000).contains(repetitions) else {
            throw AppRunner.failure("--warmups must be 0 or more and --repetitions 1–10000")
        }
        guard (1...25).contains(importRounds) else { throw AppRunner.failure("--import-rounds must be 1–25") }
        let location = database.location
        let folder = try workFolder()
        defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let loader = try BulkLoader(location: location, folder: folder)
        let clock = ContinuousClock()

        var dataset = OrganisationDataset()
        let generated = clock.measure { dataset = ScaleProvince.dataset(shape) }
        let csvPath = (folder as NSString).appendingPathComponent("members.csv")
        let csv = try ScaleBench.membersCSV(dataset.members)
        guard FileManager.default.createFile(atPath: csvPath, contents: Data(csv.utf8)) else {
            throw AppRunner.failure("cannot write \(csvPath)")
        }
        let rows = dataset.members.count
        let months = self.months
        let warmups = self.warmups
        let repetitions = self.repetitions
        let importRounds = self.importRounds
        let tree = dataset

        let report = try await AppRunner.withApp(Settings(database: location)) { app in
            guard try await MemberDirectory(db: app.store, scope: .commandLineOperator).isEmpty() else {
                throw StorageError.conflict("the database already holds members: the benchmark needs an empty one")
            }
            let bench = ScaleBench(db: app.store)
            var report = ScaleReport(database: location, shape: shape, rows: rows)
            report.generated = ScaleBench.milliseconds(generated) / 1000
            Self.note("generated \(rows) members in \(ScaleReport.format(report.generated, 2)) s")
            report.tree =
                ScaleBench.milliseconds(try await clock.measure { _ = try await bench.writeTree(tree) }) / 1000
            // Import, then the bulk loader writing the same rows into the same tables, `importRounds` times: single
            // runs of either vary by a third on a shared machine, so the target compares the medians. Each round
            // after the first starts from emptied tables, as each reload does.
            for round in 0..<importRounds {
                if round > 0 { try loader.clearImportTables() }
                let imported =
                    ScaleBench.milliseconds(
                        try await clock.measure {
                            guard let data = FileManager.default.contents(atPath: csvPath) else {
                                throw StorageError.notFound(csvPath)
                            }
                            let summary = try await bench.importMembers(data)
                            guard summary.valid == rows else {
                                throw StorageError.invalid(.unreadable("imported \(summary.valid) of \(rows) members"))
                            }
                        }) / 1000
                Self.note("round \(round + 1): imported \(rows) members in \(ScaleReport.format(imported, 2)) s")
                // The rows the import wrote, loaded again by the database's own loader into the same tables.
                let reloaded = try loader.reload(members: rows)
                Self.note(
                    "round \(round + 1): \(loader.toolName) reloaded them in \(ScaleReport.format(reloaded, 2)) s")
                report.importRounds.append(ScaleReport.ImportRound(imported: imported, reloaded: reloaded))
            }
            var history = ScaleHistorySummary()
            report.history =
                ScaleBench.milliseconds(
                    try await clock.measure { history = try await bench.writeHistory(shape, months: months) }) / 1000
            report.meetings = history.meetings
            report.attendance = history.attendance
            Self.note("wrote \(history.meetings) meetings in \(ScaleReport.format(report.history, 2)) s")
            report.timings = try await ScaleBench.measure(
                try await bench.operations(months: months), warmups: warmups, repetitions: repetitions)
            return report
        }
        var final = report
        final.bulk = try loader.load(csv: csvPath, expectedRows: rows)
        final.bulkTool = loader.toolName
        print(final.markdown)
        if !final.missed.isEmpty {
            FileHandle.standardError.write(Data("scale: missed \(final.missed.joined(separator: "; "))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// A progress line on standard error: the full run takes minutes.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("scale: \(message)\n".utf8))
    }

    func workFolder() throws -> String {
        let path =
            work
            ?? (FileManager.default.temporaryDirectory.path as NSString).appendingPathComponent(
                "gandan-scale-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw AppRunner.failure("cannot create \(path): \(error.localizedDescription)")
        }
        return path
    }
}
