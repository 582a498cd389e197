import ArgumentParser
import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage

/// `gandan-bench national`: loads the generated country into an empty PostgreSQL database province by province
/// through the product's member import, compares the last province's import with `COPY`, then times searches,
/// dashboards and the impact report (issue 22). Prints a Markdown table; exits non-zero when a target is missed.
struct NationalBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national",
        abstract: "Load the generated country into an empty PostgreSQL database and time imports and reads.")

    @Option(help: "Provinces in the country.") var provinces = NationalShape.full.provinces
    @Option(help: "Communes in the country.") var communes = NationalShape.full.communes
    @Option(help: "Villages (village cells) per commune.") var villages = NationalShape.full.villagesPerCommune
    @Option(help: "Members in the country.") var members = NationalShape.full.members
    @Option(help: "Random seed.") var seed: UInt64 = NationalShape.full.seed
    @Option(help: "Load only the first N provinces (default: all).") var load: Int?
    @Option(help: "Months of meetings per cell, half before and half after the placement day.") var months = 2
    @Option(help: "Write meetings for only the first N provinces this run loads (default: all of them).")
    var historyProvinces: Int?
    @Option(help: "Start at this province (1-based), the ones before it already loaded by an earlier run.")
    var first = 1
    @Option(help: "Only import this member CSV into the loaded database and time it (to profile one import).")
    var importFile: String?
    @Flag(help: "Only time the reads, on a database an earlier run loaded (no import, no COPY).") var readsOnly = false
    @Option(help: "Untimed runs of each read first.") var warmups = 5
    @Option(help: "Timed runs of each read.") var repetitions = 50
    @Option(help: "Folder for the CSV files (default: a temporary one).") var work: String?
    @Option(help: ArgumentHelp("A postgres:// URL (default: DATABASE_URL).", valueName: "url")) var database: String?

    var shape: NationalShape {
        NationalShape(
            provinces: provinces, communes: communes, villagesPerCommune: villages, members: members, seed: seed)
    }

    func validate() throws {
        if let problem = shape.problem { throw ValidationError(problem) }
        if let load, !(1...provinces).contains(load) { throw ValidationError("--load must be 1–\(provinces)") }
        guard (1...(load ?? provinces)).contains(first) else {
            throw ValidationError("--first must be 1–\(load ?? provinces)")
        }
        guard months >= 2, months <= 24, months % 2 == 0 else {
            throw ValidationError("--months must be an even number 2–24")
        }
        guard warmups >= 0, (1...10_000).contains(repetitions) else {
            throw ValidationError("--warmups must be 0 or more and --repetitions 1–10000")
        }
    }

    func run() async throws {
        let location = DatabaseLocation.resolve(argument: database, environment: ProcessInfo.processInfo.environment)
        guard case .postgres(let url) = location else { throw Bench.failure("the national bench needs PostgreSQL") }
        let folder = work ?? NSTemporaryDirectory() + "gandan-national-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if work == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let storage: StorageContext
        do { storage = try StorageContext(location: location) } catch { throw Bench.failure("\(error)") }
        var report = NationalReport(shape: shape, loaded: load ?? provinces)
        do {
            try await storage.migrate()
            try await measure(into: &report, db: storage.db, reload: ProvinceReload(url: url, folder: folder))
            await storage.shutdown()
        } catch {
            await storage.shutdown()
            throw Bench.failure("\(error)")
        }
        report.peakMemory = NationalReport.peakResidentBytes()
        print(report.markdown)
        if !report.missed.isEmpty {
            FileHandle.standardError.write(Data("national: missed \(report.missed.joined(separator: "; "))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// The provinces one by one, the last one's `COPY` reload, then the reads.
    func measure(into report: inout NationalReport, db: any Database, reload: ProvinceReload) async throws {
        if readsOnly {
            try await timeReads(into: &report, db: db)
            return
        }
        if let importFile {
            guard let data = FileManager.default.contents(atPath: importFile) else {
                throw StorageError.notFound(importFile)
            }
            let elapsed = try await ContinuousClock().measure { _ = try await ScaleBench(db: db).importMembers(data) }
            Self.note(
                "imported \(importFile) in \(NationalReport.format(ScaleBench.milliseconds(elapsed) / 1000, 1)) s")
            return
        }
        let holds = try await MemberDirectory(db: db, scope: .everything).holdsMembers()
        guard first > 1 || !holds else {
            throw StorageError.conflict("the database already holds members: the benchmark needs an empty one")
        }
        let bench = NationalBench(db: db, shape: shape, months: months)
        // Every province's members first, the last one's again by `COPY` (while no meeting refers to them: a member
        // referred to from the cell-life tables costs a scan of each to delete), then every province's meetings.
        for index in (first - 1)..<report.loaded {
            let load = try await bench.load(province: index, folder: reload.folder)
            report.provinces.append(load)
            Self.note(
                "province \(index + 1): \(load.members) members generated in \(NationalReport.format(load.generated, 1)) s, "
                    + "tree \(NationalReport.format(load.tree, 1)) s, imported in \(NationalReport.format(load.imported, 1)) s"
            )
        }
        let last = report.loaded - 1
        report.copy = try reload.reload(province: last, expected: report.provinces.last?.members ?? 0)
        Self.note("COPY reloaded province \(last + 1) in \(NationalReport.format(report.copy, 1)) s")
        for (position, index) in ((first - 1)..<report.loaded).enumerated() where position < historyProvinces ?? .max {
            try await bench.writeHistory(province: index, into: &report.provinces[position])
            Self.note(
                "province \(index + 1): \(report.provinces[position].meetings) meetings in "
                    + "\(NationalReport.format(report.provinces[position].history, 1)) s")
        }
        try reload.analyze()
        report.databaseSize = try reload.size()
        try await timeReads(into: &report, db: db)
    }

    /// The reads, as of the end of the meetings' window.
    func timeReads(into report: inout NationalReport, db: any Database) async throws {
        let bench = NationalBench(db: db, shape: shape, months: months)
        let placement = NationalCountry.placementDate
        report.timings = try await ScaleBench.measure(
            try await bench.operations(on: placement.adding(months: max(months / 2, 1)), placementDate: placement),
            warmups: warmups, repetitions: repetitions)
    }

    /// A progress line on standard error: a national run takes a long time.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("national: \(message)\n".utf8))
    }
}
