import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanInterchange
import GanDanStorage

/// A named read the scale benchmark times, e.g. the impact report for one district.
struct TimedOperation: Sendable {
    var name: String
    var run: @Sendable () async throws -> Void

    init(_ name: String, run: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// The timings of one operation.
struct OperationTiming: Sendable, Hashable {
    var name: String
    var latency: LatencySummary
}

/// What the history step wrote.
struct ScaleHistorySummary: Sendable, Hashable {
    var meetings = 0
    var attendance = 0

    init() {}
}

/// The storage steps of the scale benchmark (bench/scale): a generated province (`ScaleProvince`) is written,
/// its members imported from CSV through the importer's own code path, 24 months of meetings generated as the
/// demo's and written with the product's history writer, and the reports timed. Only public Storage APIs, with
/// the whole province in scope.
struct ScaleBench: Sendable {
    let db: any Database

    init(db: any Database) {
        self.db = db
    }

    /// Writes the units and organisations of `dataset`, not its members (they come through the CSV import).
    func writeTree(_ dataset: OrganisationDataset) async throws -> DatasetWriteSummary {
        try await DatasetWriter(db: db, scope: .everything).write(
            OrganisationDataset(units: dataset.units, organisations: dataset.organisations))
    }

    /// The members as the CSV `gandan import members` reads (rules.md R28).
    static func membersCSV(_ members: [MemberDraft]) throws -> String {
        try MemberCSVWriter.csv(members)
    }

    /// Imports a member CSV file exactly as `gandan import members FILE` does: read the table, guess the column
    /// mapping, check every row, write in one transaction with its audit entries. Throws when a row is refused.
    func importMembers(_ data: Data, today: CivilDate = .today()) async throws -> ImportReport {
        let table = try TableReader.read(data, format: .csv, limits: .commandLine)
        let mapping = ColumnMapping.guess(header: table.header, kind: .members)
        let report = try await SpreadsheetImport(db: db, scope: .everything).run(
            table, kind: .members, mapping: mapping, today: today, dryRun: false, actor: .cli)
        guard report.errors.isEmpty else { throw InputError.invalid(report.errors) }
        guard report.written else {
            throw InputError.malformed("\(report.duplicates.count) possible duplicates: nothing written")
        }
        return report
    }

    /// Writes `months` months of meetings with attendance, tasks and registers, half each side of
    /// `ScaleProvince.placementDate`, for every village cell, district by district (rules.md A9).
    func writeHistory(_ shape: ScaleProvinceShape, months: Int = 24) async throws -> ScaleHistorySummary {
        let date = ScaleProvince.placementDate
        var summary = ScaleHistorySummary()
        let tree = OrganisationTree(db: db, scope: .everything)
        for district in 0..<shape.districts {
            guard let unit = try await tree.unit(code: ScaleProvince.districtCode(district), on: date) else {
                throw StorageError.notFound("district \(ScaleProvince.districtCode(district))")
            }
            let written = try await DemoHistory(db: db, policy: .standard).write(
                districtID: unit.id, placementDate: date, actor: .cli, monthsEachSide: max(months / 2, 1))
            summary.meetings += written.meetings
            summary.attendance += written.attendance
        }
        return summary
    }

    /// The reads to time: the impact report and the dashboard for the first district and for its first commune,
    /// the dashboards as of the end of a history of `months` months.
    func operations(months: Int = 24) async throws -> [TimedOperation] {
        let date = ScaleProvince.placementDate
        let tree = OrganisationTree(db: db, scope: .everything)
        guard let district = try await tree.unit(code: ScaleProvince.districtCode(0), on: date),
            let commune = try await tree.unit(code: ScaleProvince.communeCode(district: 0, commune: 0), on: date)
        else { throw StorageError.notFound("the generated province's first district and commune") }
        let db = db
        let asOf = date.adding(months: max(months / 2, 1))
        return [
            TimedOperation("impact report, district") {
                _ = try await ImpactReports(db: db, scope: .everything).report(
                    unitID: district.id, placementDate: date, months: 12)
            },
            TimedOperation("impact report, commune") {
                _ = try await ImpactReports(db: db, scope: .everything).report(
                    unitID: commune.id, placementDate: date, months: 12)
            },
            TimedOperation("dashboard, district") {
                _ = try await DistrictDashboard(db: db, scope: .everything).load(unit: district.id, asOf: asOf)
            },
            TimedOperation("dashboard, commune") {
                _ = try await CommuneDashboard(db: db, scope: .everything).load(unit: commune.id, asOf: asOf)
            },
        ]
    }

    /// Runs each operation `warmups` times untimed, then `repetitions` times timed, one operation after another.
    static func measure(_ operations: [TimedOperation], warmups: Int, repetitions: Int) async throws
        -> [OperationTiming]
    {
        let clock = ContinuousClock()
        var timings: [OperationTiming] = []
        for operation in operations {
            for _ in 0..<max(warmups, 0) { try await operation.run() }
            var samples: [Double] = []
            for _ in 0..<max(repetitions, 1) {
                let elapsed = try await clock.measure { try await operation.run() }
                samples.append(milliseconds(elapsed))
            }
            if let latency = LatencySummary(milliseconds: samples) {
                timings.append(OperationTiming(name: operation.name, latency: latency))
            }
        }
        return timings
    }

    /// A duration in milliseconds.
    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
