import Foundation
import GanDanDemo

/// The figures of one `gandan-bench national` run, printed as Markdown with the issue's targets.
struct NationalReport {
    /// Our import must reach 0.8 × `COPY`'s rows per second.
    static let importRatioTarget = 0.8

    let shape: NationalShape
    let loaded: Int
    var provinces: [NationalBench.ProvinceLoad] = []
    /// `COPY`'s seconds for the last province's rows.
    var copy = 0.0
    var databaseSize = ""
    var peakMemory = 0
    var timings: [OperationTiming] = []

    var members: Int { provinces.reduce(0) { $0 + $1.members } }
    var lastImport: Double { provinces.last?.imported ?? 0 }
    /// The last province's import against `COPY` writing the same rows into the same (national) tables.
    var ratio: Double { lastImport > 0 ? copy / lastImport : 0 }

    /// The p95 target of an operation, in milliseconds.
    static func p95Target(_ name: String) -> Double? {
        if name.hasPrefix("search") { return name.hasSuffix("province") ? 50 : 20 }
        if name == "dashboard, province" { return 100 }
        if name == "dashboard, commune" { return 30 }
        if name.hasPrefix("impact report") { return 300 }
        return nil
    }

    var missed: [String] {
        var missed: [String] = []
        if !provinces.isEmpty, ratio < Self.importRatioTarget {
            missed.append("import at \(Self.format(ratio, 3)) × COPY (target ≥ 0.8)")
        }
        for timing in timings {
            if let target = Self.p95Target(timing.name), timing.latency.p95 >= target {
                missed.append("\(timing.name) p95 \(Self.format(timing.latency.p95, 1)) ms (target < \(Int(target)))")
            }
        }
        return missed
    }

    var markdown: String {
        let imports = provinces.map(\.imported).sorted()
        let total = imports.reduce(0, +)
        var lines = [
            "### PostgreSQL: \(loaded) of \(shape.provinces) provinces, \(members) members "
                + "(\(shape.communes) communes and \(shape.villagesPerCommune) villages each in the whole country)",
            "",
            "| step | rows | seconds | rows/s | target | result |",
            "|---|---:|---:|---:|---|---|",
            "| generate the provinces (in memory) | \(members) | \(Self.format(provinces.reduce(0) { $0 + $1.generated }, 1)) | | | |",
            "| write units and organisations, province by province | | \(Self.format(provinces.reduce(0) { $0 + $1.tree }, 1)) | | | |",
            "| import members, province by province (`gandan import members`) | \(members) | \(Self.format(total, 1)) "
                + "| \(Self.format(total > 0 ? Double(members) / total : 0, 0)) | | |",
            "| one province's import: fastest, median, slowest | | \(Self.format(imports.first ?? 0, 1)), "
                + "\(Self.format(imports.isEmpty ? 0 : imports[imports.count / 2], 1)), \(Self.format(imports.last ?? 0, 1)) | | | |",
            "| the last province imported | \(provinces.last?.members ?? 0) | \(Self.format(lastImport, 2)) "
                + "| \(Self.format(lastImport > 0 ? Double(provinces.last?.members ?? 0) / lastImport : 0, 0)) | | |",
            "| `COPY` (psql `\\copy`): the same rows into the same tables (members, memberships) | "
                + "\(provinces.last?.members ?? 0) | \(Self.format(copy, 2)) "
                + "| \(Self.format(copy > 0 ? Double(provinces.last?.members ?? 0) / copy : 0, 0)) | | |",
            "| write the cells' meetings, minutes, attendance, tasks and feedback (`CellHistoryWriter`), province by "
                + "province | \(provinces.reduce(0) { $0 + $1.meetings }) meetings, \(provinces.reduce(0) { $0 + $1.attendance }) "
                + "attendance rows | \(Self.format(provinces.reduce(0) { $0 + $1.history }, 1)) | | | |",
            "| import ÷ `COPY` | | | \(Self.format(ratio, 3)) × | ≥ 0.8 × | \(ratio >= Self.importRatioTarget ? "ok" : "MISSED") |",
            "| database size after the load | | \(databaseSize) | | | |",
            "| the bench's peak memory (VmHWM) | | \(peakMemory / 1_048_576) MB | | | |",
            "",
            "| read (first province, its first commune) | runs | p50 ms | p95 ms | max ms | target | result |",
            "|---|---:|---:|---:|---:|---|---|",
        ]
        for timing in timings {
            let latency = timing.latency
            let target = Self.p95Target(timing.name)
            lines.append(
                "| \(timing.name) | \(latency.samples) | \(Self.format(latency.p50, 1)) | \(Self.format(latency.p95, 1)) "
                    + "| \(Self.format(latency.max, 1)) | \(target.map { "p95 < \(Self.format($0, 0)) ms" } ?? "") "
                    + "| \(target.map { latency.p95 < $0 ? "ok" : "MISSED" } ?? "") |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ value: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", value) }

    /// The process's peak resident memory (Linux `VmHWM`), in bytes; 0 where it cannot be read.
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
            let kilobytes = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "")
        else { return 0 }
        return kilobytes * 1024
    }
}
