import Foundation
import GanDanCore
import GanDanStorage

/// The database's own bulk loader, loading the benchmark's member CSV into a plain table of text columns:
/// `sqlite3 FILE ".import"` into a new SQLite file, or `psql "\copy … CSV HEADER"` (COPY) into the same
/// PostgreSQL database (a table `scale_bench_members`, dropped afterwards).
struct BulkLoader {
    enum Target {
        case sqlite(file: String)
        case postgres(url: String)
    }

    let target: Target
    static let table = "scale_bench_members"

    init(location: DatabaseLocation, folder: String) throws {
        switch location {
        case .sqlite:
            let file = (folder as NSString).appendingPathComponent("bulk-loader.sqlite")
            try? FileManager.default.removeItem(atPath: file)
            target = .sqlite(file: file)
        case .postgres(let url):
            target = .postgres(url: url)
        }
        for tool in [toolExecutable] where Self.which(tool) == nil {
            throw AppRunner.failure("\(tool) is not installed (bench/scale/run installs it)")
        }
    }

    var toolExecutable: String {
        switch target {
        case .sqlite: return "sqlite3"
        case .postgres: return "psql"
        }
    }

    var toolName: String {
        switch target {
        case .sqlite: return "sqlite3 .import"
        case .postgres: return "psql \\copy (COPY)"
        }
    }

    /// Creates the empty table, times the load of `csv`, checks the row count, and cleans up.
    func load(csv: String, expectedRows: Int) throws -> Double {
        let columns = MemberCSVFormat.columns.map { "\($0) text" }.joined(separator: ", ")
        let create = "CREATE TABLE \(Self.table) (\(columns))"
        let count = "SELECT count(*) FROM \(Self.table)"
        let clock = ContinuousClock()
        let elapsed: Duration
        let loaded: String
        switch target {
        case .sqlite(let file):
            defer { try? FileManager.default.removeItem(atPath: file) }
            _ = try Self.run("sqlite3", [file, create])
            elapsed = try clock.measure {
                _ = try Self.run("sqlite3", [file, ".mode csv", ".import --skip 1 \(csv) \(Self.table)"])
            }
            loaded = try Self.run("sqlite3", [file, count])
        case .postgres(let url):
            let psql = ["-X", "-q", "-v", "ON_ERROR_STOP=1", url]
            _ = try Self.run("psql", psql + ["-c", "DROP TABLE IF EXISTS \(Self.table)", "-c", create])
            defer { _ = try? Self.run("psql", psql + ["-c", "DROP TABLE IF EXISTS \(Self.table)"]) }
            let path = csv.replacingOccurrences(of: "'", with: "''")
            elapsed = try clock.measure {
                _ = try Self.run(
                    "psql", psql + ["-c", "\\copy \(Self.table) FROM '\(path)' WITH (FORMAT csv, HEADER true)"])
            }
            loaded = try Self.run("psql", psql + ["-t", "-A", "-c", count])
        }
        guard Int(loaded.trimmingCharacters(in: .whitespacesAndNewlines)) == expectedRows else {
            throw AppRunner.failure(
                "\(toolName) loaded \(loaded.trimmingCharacters(in: .whitespacesAndNewlines)) rows, not \(expectedRows)"
            )
        }
        return ScaleBench.milliseconds(elapsed) / 1000
    }

    /// Runs a tool found on PATH; its standard output, or a failure naming the tool and its error output.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        guard let executable = which(tool) else { throw AppRunner.failure("\(tool) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AppRunner.failure("\(tool) failed: \(String(decoding: err, as: UTF8.self))")
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The full path of `tool` on PATH.
    static func which(_ tool: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = "\(folder)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
