import FluentKit
import Foundation
import GanDanCore

/// A named read the scale benchmark times, e.g. the impact report for one district.
public struct TimedOperation: Sendable {
    public var name: String
    public var run: @Sendable () async throws -> Void

    public init(_ name: String, run: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.run = run
    }
}

/// The timings of one operation.
public struct OperationTiming: Sendable, Hashable {
    public var name: String
    public var latency: LatencySummary
}

/// What the history step wrote.
public struct ScaleHistorySummary: Sendable, Hashable {
    public var meetings = 0
    public var attendance = 0

    public init() {}
}

/// The storage steps of the scale benchmark (bench/scale): a generated province (`ScaleProvince`) is written,
/// its members imported from CSV through the importer's own code path, 24 months of meetings written with the
/// demo's history writer, and the reports timed.
public struct ScaleBench: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// Writes the units and organisations of `dataset`, not its members (they come through the CSV import).
    public func writeTree(_ dataset: OrganisationDataset) async throws -> DatasetWriteSummary {
        try await DatasetWriter(db: db).write(
            OrganisationDataset(units: dataset.units, organisations: dataset.organisations))
    }

    /// The members as the CSV `gandan import members` reads (rules.md R28).
    public static func membersCSV(_ members: [MemberDraft]) throws -> String {
        try MemberExporter.csv(members)
    }

    /// Imports a member CSV file exactly as `gandan import members FILE` does: read the table, guess the column
    /// mapping, check every row, write in one transaction with its audit entries. Throws when a row is refused.
    public func importMembers(_ data: Data, today: CivilDate = .today()) async throws -> ImportReport {
        let table = try TableReader.read(data, format: .csv)
        let mapping = ColumnMapping.guess(header: table.header, kind: .members)
        let report = try await SpreadsheetImport(db: db, scope: .storageInternal).run(
            table, kind: .members, mapping: mapping, today: today, dryRun: false, actor: .cli)
        guard report.errors.isEmpty else { throw StorageError.invalid(.invalid(report.errors)) }
        guard report.written else {
            throw StorageError.invalid(.unreadable("\(report.duplicates.count) possible duplicates: nothing written"))
        }
        return report
    }

    /// Writes `months` months of meetings with attendance, tasks and registers, half each side of
    /// `ScaleProvince.placementDate`, for every village cell, district by district (rules.md A9).
    public func writeHistory(_ shape: ScaleProvinceShape, months: Int = 24) async throws -> ScaleHistorySummary {
        let date = ScaleProvince.placementDate
        var summary = ScaleHistorySummary()
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        for district in 0..<shape.districts {
            guard let unit = try await tree.unit(code: ScaleProvince.districtCode(district), on: date) else {
                throw StorageError.notFound("district \(ScaleProvince.districtCode(district))")
            }
            summary.meetings += try await DemoHistoryWriter(db: db, policy: .standard).write(
                districtID: unit.id, placementDate: date, actor: .cli, monthsEachSide: max(months / 2, 1))
        }
        summary.attendance = try await AttendanceRecordRow.query(on: db).count()
        return summary
    }

    /// The reads to time: the impact report and the dashboard for the first district and for its first commune,
    /// the dashboards as of the end of a history of `months` months.
    public func operations(months: Int = 24) async throws -> [TimedOperation] {
        let date = ScaleProvince.placementDate
        let tree = OrganisationTree(db: db, scope: .storageInternal)
        guard let district = try await tree.unit(code: ScaleProvince.districtCode(0), on: date),
            let commune = try await tree.unit(code: ScaleProvince.communeCode(district: 0, commune: 0), on: date)
        else { throw StorageError.notFound("the generated province's first district and commune") }
        let db = db
        let asOf = date.adding(months: max(months / 2, 1))
        return [
            TimedOperation("impact report, district") {
                _ = try await ImpactReports(db: db, scope: .storageInternal).report(
                    unitID: district.id, placementDate: date, months: 12)
            },
            TimedOperation("impact report, commune") {
                _ = try await ImpactReports(db: db, scope: .storageInternal).report(
                    unitID: commune.id, placementDate: date, months: 12)
            },
            TimedOperation("dashboard, district") {
                _ = try await DistrictDashboard(db: db, scope: .storageInternal).load(unit: district.id, asOf: asOf)
            },
            TimedOperation("dashboard, commune") {
                _ = try await CommuneDashboard(db: db, scope: .storageInternal).load(unit: commune.id, asOf: asOf)
            },
        ]
    }

    /// Runs each operation `warmups` times untimed, then `repetitions` times timed, one operation after another.
    public static func measure(_ operations: [TimedOperation], warmups: Int, repetitions: Int) async throws
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
    public static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
