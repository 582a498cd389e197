import Foundation
import GanDanCore
import GanDanInterchange
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
    /// The benchmark's database file (SQLite), for `reload`.
    let databaseFile: String?
    /// Where the loader's files go.
    let folder: String
    static let table = "scale_bench_members"

    init(location: DatabaseLocation, folder: String) throws {
        self.folder = folder
        switch location {
        case .sqlite(let path):
            databaseFile = path
            let file = (folder as NSString).appendingPathComponent("bulk-loader.sqlite")
            try? FileManager.default.removeItem(atPath: file)
            target = .sqlite(file: file)
        case .postgres(let url):
            databaseFile = nil
            target = .postgres(url: url)
        }
        for tool in [toolExecutable] where Self.which(tool) == nil {
            throw Bench.failure("\(tool) is not installed (bench/scale/run installs it)")
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
            throw Bench.failure(
                "\(toolName) loaded \(loaded.trimmingCharacters(in: .whitespacesAndNewlines)) rows, not \(expectedRows)"
            )
        }
        return ScaleBench.milliseconds(elapsed) / 1000
    }

    /// Runs a tool found on PATH; its standard output, or a failure naming the tool and its error output.
    static func run(_ tool: String, _ arguments: [String], input: String? = nil) throws -> String {
        guard let executable = which(tool) else { throw Bench.failure("\(tool) is not installed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let feed = Pipe()
        if input != nil { process.standardInput = feed }
        try process.run()
        if let input {
            feed.fileHandleForWriting.write(Data(input.utf8))
            try feed.fileHandleForWriting.close()
        }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Bench.failure("\(tool) failed: \(String(decoding: err, as: UTF8.self))")
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

extension BulkLoader {
    /// The tables a member import writes, in the order they are loaded (memberships refer to members).
    static let importTables = ["members", "memberships"]

    /// Deletes every row of the tables a member import writes (memberships first: they refer to members), with the
    /// database's own client: before a reload, and before each import after the first.
    func clearImportTables() throws {
        let delete = "DELETE FROM memberships; DELETE FROM members;"
        switch target {
        case .sqlite:
            guard let file = databaseFile else { throw Bench.failure("no database file") }
            _ = try Self.run("sqlite3", [file, delete])
        case .postgres(let url):
            _ = try Self.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", delete])
        }
    }

    /// What GanDan's bulk writes set on their SQLite connection (a 256 MiB page cache, temporary storage in
    /// memory), given to `sqlite3` too so both write with the same settings.
    static let sqlitePragmas = ["PRAGMA cache_size = -262144", "PRAGMA temp_store = MEMORY"]

    /// Times the database's own loader writing what a member import wrote: the rows of `members` and `memberships`
    /// are exported to CSV, deleted, and loaded again into the same tables, with their indexes, unique and foreign
    /// keys, in one transaction: `sqlite3 .import` (through a staging table, since it cannot load NULLs) with the
    /// pragmas GanDan's bulk writes set (`sqlitePragmas`), or `COPY`. Checks that every row came back; returns the
    /// seconds.
    func reload(members expected: Int) throws -> Double {
        let (elapsed, counts): (Duration, [String])
        switch target {
        case .sqlite:
            guard let file = databaseFile else { throw Bench.failure("no database file") }
            (elapsed, counts) = try reloadSQLite(file)
        case .postgres(let url):
            (elapsed, counts) = try reloadPostgres(url)
        }
        let loaded = counts.map { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) ?? -1 }
        guard loaded.allSatisfy({ $0 >= expected }) else {
            throw Bench.failure(
                "\(toolName) reloaded \(loaded) rows of \(Self.importTables), expected \(expected) each")
        }
        return ScaleBench.milliseconds(elapsed) / 1000
    }

    /// `sqlite3 .import` through staging tables: the time of the load and the tables' row counts after it.
    func reloadSQLite(_ file: String) throws -> (Duration, [String]) {
        var script = ["PRAGMA foreign_keys = ON;"]
        script += Self.sqlitePragmas.map { $0 + ";" }
        script.append(".mode csv")
        var load = ["BEGIN;"]
        for table in Self.importTables {
            let columns = try Self.run(
                "sqlite3", [file, "SELECT name || ',' || \"notnull\" FROM pragma_table_info('\(table)')"]
            )
            .split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
            let names = columns.map { "\"\($0[0])\"" }.joined(separator: ", ")
            let values = columns.map { $0[1] == "1" ? "\"\($0[0])\"" : "NULLIF(\"\($0[0])\", '')" }
                .joined(separator: ", ")
            let csv = (folder as NSString).appendingPathComponent("reload-\(table).csv")
            let exported = try Self.run("sqlite3", [file, ".mode csv", "SELECT \(names) FROM \"\(table)\""])
            guard FileManager.default.createFile(atPath: csv, contents: Data(exported.utf8)) else {
                throw Bench.failure("cannot write \(csv)")
            }
            script.append("CREATE TEMP TABLE \"stage_\(table)\" (\(names));")
            script.append(".import \(csv) stage_\(table)")
            load.append("INSERT INTO \"\(table)\" (\(names)) SELECT \(values) FROM temp.\"stage_\(table)\";")
        }
        load.append("COMMIT;")
        try clearImportTables()
        let elapsed = try ContinuousClock().measure {
            _ = try Self.run("sqlite3", ["-bail", file], input: (script + load).joined(separator: "\n") + "\n")
        }
        let counts = try Self.importTables.map { table in
            try Self.run("sqlite3", [file, "SELECT count(*) FROM \"\(table)\""])
        }
        return (elapsed, counts)
    }

    /// `COPY` through psql in one transaction: the time of the load and the tables' row counts after it.
    func reloadPostgres(_ url: String) throws -> (Duration, [String]) {
        let psql = ["-X", "-q", "-v", "ON_ERROR_STOP=1", url]
        var copies: [String] = []
        for table in Self.importTables {
            let csv = (folder as NSString).appendingPathComponent("reload-\(table).csv").replacingOccurrences(
                of: "'", with: "''")
            _ = try Self.run("psql", psql + ["-c", "\\copy \"\(table)\" TO '\(csv)' WITH (FORMAT csv)"])
            copies.append("\\copy \"\(table)\" FROM '\(csv)' WITH (FORMAT csv)")
        }
        try clearImportTables()
        let elapsed = try ContinuousClock().measure {
            _ = try Self.run("psql", psql + ["-1"], input: copies.joined(separator: "\n") + "\n")
        }
        let counts = try Self.importTables.map { table in
            try Self.run("psql", psql + ["-t", "-A", "-c", "SELECT count(*) FROM \"\(table)\""])
        }
        return (elapsed, counts)
    }
}
