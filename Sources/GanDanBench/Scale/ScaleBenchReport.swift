import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage

/// The figures of one `gandan-bench scale` run, printed as Markdown with the targets.
struct ScaleReport {
    /// Our import must reach half the bulk loader's rows per second.
    static let importRatioTarget = 0.5
    /// The dashboard's p95 on PostgreSQL, in milliseconds.
    static let dashboardP95Target = 100.0

    let database: DatabaseLocation
    let shape: ScaleProvinceShape
    let rows: Int
    /// One round of the import comparison: GanDan's import, then the bulk loader writing the rows it wrote into the
    /// same tables (`BulkLoader.reload`), in seconds.
    struct ImportRound {
        var imported: Double
        var reloaded: Double

        var ratio: Double { imported > 0 ? reloaded / imported : 0 }
    }

    var generated = 0.0
    var tree = 0.0
    var importRounds: [ImportRound] = []
    var bulk = 0.0
    var bulkTool = ""
    var history = 0.0
    var meetings = 0
    var attendance = 0
    var timings: [OperationTiming] = []

    var isPostgres: Bool {
        if case .postgres = database { return true }
        return false
    }

    var engine: String { isPostgres ? "PostgreSQL" : "SQLite" }

    /// The import's median seconds over the rounds (`LatencySummary.p50`: nearest rank, the median of an odd count).
    var imported: Double { LatencySummary(milliseconds: importRounds.map(\.imported))?.p50 ?? 0 }
    /// The bulk loader's median seconds over the rounds, reloading the same rows into the same tables.
    var reloaded: Double { LatencySummary(milliseconds: importRounds.map(\.reloaded))?.p50 ?? 0 }

    var importRate: Double { imported > 0 ? Double(rows) / imported : 0 }
    var bulkRate: Double { bulk > 0 ? Double(rows) / bulk : 0 }
    var reloadRate: Double { reloaded > 0 ? Double(rows) / reloaded : 0 }
    /// The target's ratio: GanDan's import against the database's loader writing the same rows into the same tables,
    /// median against median.
    var ratio: Double { reloadRate > 0 ? importRate / reloadRate : 0 }
    /// Against the loader filling a plain table of text columns (no keys, no indexes): for context only, since the
    /// database itself cannot write GanDan's tables at that rate.
    var plainRatio: Double { bulkRate > 0 ? importRate / bulkRate : 0 }

    /// The p95 target of an operation on this database, if it has one.
    func p95Target(_ name: String) -> Double? {
        isPostgres && name.hasPrefix("dashboard") ? Self.dashboardP95Target : nil
    }

    /// The targets missed, described.
    var missed: [String] {
        var missed: [String] = []
        if ratio < Self.importRatioTarget {
            missed.append("\(engine) import at \(Self.format(ratio, 3)) × the bulk loader (target ≥ 0.5)")
        }
        for timing in timings {
            if let target = p95Target(timing.name), timing.latency.p95 >= target {
                missed.append("\(engine) \(timing.name) p95 \(Self.format(timing.latency.p95, 1)) ms (target < 100)")
            }
        }
        return missed
    }

    var markdown: String {
        var lines = [
            "### \(engine): \(shape.districts) districts, \(shape.communes) communes, \(shape.villages) village cells, "
                + "\(rows) members, \(meetings) meetings, \(attendance) attendance rows",
            "",
            "| step | rows | seconds | rows/s | target | result |",
            "|---|---:|---:|---:|---|---|",
            "| generate the province (in memory) | \(rows) | \(Self.format(generated, 2)) | | | |",
            "| write units and organisations | | \(Self.format(tree, 2)) | | | |",
            "| import members (`gandan import members`: read, map, check, write, audit), median of "
                + "\(importRounds.count) | \(rows) | \(Self.format(imported, 2)) | \(Self.format(importRate, 0)) | | |",
            "| bulk loader (\(bulkTool)): the same rows into the same tables (members, memberships), median of "
                + "\(importRounds.count) | \(rows) | \(Self.format(reloaded, 2)) | \(Self.format(reloadRate, 0)) | | |",
            "| import ÷ bulk loader, same tables (medians; rounds: \(roundRatios)) | | | \(Self.format(ratio, 3)) × "
                + "| ≥ 0.5 × | \(ratio >= Self.importRatioTarget ? "ok" : "MISSED") |",
            "| bulk loader (\(bulkTool)): the CSV into a plain text table, no keys | \(rows) | \(Self.format(bulk, 2)) "
                + "| \(Self.format(bulkRate, 0)) | | |",
            "| import ÷ bulk loader, plain table | | | \(Self.format(plainRatio, 2)) × | | |",
            "| write \(meetings) meetings with attendance | \(attendance) | \(Self.format(history, 2)) | | | |",
            "",
            "| operation | runs | p50 ms | p95 ms | max ms | target | result |",
            "|---|---:|---:|---:|---:|---|---|",
        ]
        for timing in timings {
            let latency = timing.latency
            let target = p95Target(timing.name)
            lines.append(
                "| \(timing.name) | \(latency.samples) | \(Self.format(latency.p50, 1)) | \(Self.format(latency.p95, 1)) "
                    + "| \(Self.format(latency.max, 1)) | \(target.map { "p95 < \(Self.format($0, 0)) ms" } ?? "") "
                    + "| \(target.map { latency.p95 < $0 ? "ok" : "MISSED" } ?? "") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Each round's seconds and ratio, e.g. "1.45 s / 0.82 s = 0.566 ×, …".
    var roundRatios: String {
        importRounds.map {
            "\(Self.format($0.imported, 2)) s / \(Self.format($0.reloaded, 2)) s = \(Self.format($0.ratio, 3)) ×"
        }.joined(separator: ", ")
    }

    static func format(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
