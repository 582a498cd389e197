import Foundation
import GanDanDemo

/// `COPY` writing one province's members again into the full national tables: the rows its import wrote (members
/// whose invented citizen IDs carry the province's prefix, and their memberships) are exported, deleted, and loaded
/// by psql's `\copy` in one transaction, with every index, unique and foreign key of the tables in place.
struct ProvinceReload {
    let url: String
    let folder: String

    /// The seconds `COPY` took for province `index`'s rows; checks that `expected` members came back.
    func reload(province index: Int, expected: Int) throws -> Double {
        let prefix = NationalCountry.citizenIDPrefix(province: index)
        let members = "SELECT * FROM members WHERE citizen_id LIKE '\(prefix)%'"
        let memberships =
            "SELECT ms.* FROM memberships ms JOIN members m ON m.id = ms.member_id WHERE m.citizen_id LIKE '\(prefix)%'"
        let psql = ["-X", "-q", "-v", "ON_ERROR_STOP=1", url]
        var copies: [String] = []
        for (table, query) in [("members", members), ("memberships", memberships)] {
            let csv = (folder as NSString).appendingPathComponent("reload-\(table).csv")
            _ = try BulkLoader.run("psql", psql + ["-c", "\\copy (\(query)) TO '\(csv)' WITH (FORMAT csv)"])
            copies.append("\\copy \"\(table)\" FROM '\(csv)' WITH (FORMAT csv)")
        }
        _ = try BulkLoader.run(
            "psql",
            psql + [
                // The rows were just imported and nothing refers to them, but each deleted member is checked against
                // every table that refers to members, some without an index on it: with meetings stored that is a
                // scan per member. The checks of the delete alone are skipped; the timed `COPY` keeps its own.
                "-1", "-c", "SET LOCAL session_replication_role = replica", "-c",
                "DELETE FROM memberships WHERE member_id IN (SELECT id FROM members WHERE citizen_id LIKE '\(prefix)%');"
                    + " DELETE FROM members WHERE citizen_id LIKE '\(prefix)%'",
            ])
        let elapsed = try ContinuousClock().measure {
            _ = try BulkLoader.run("psql", psql + ["-1"], input: copies.joined(separator: "\n") + "\n")
        }
        let count = try BulkLoader.run(
            "psql", psql + ["-t", "-A", "-c", "SELECT count(*) FROM members WHERE citizen_id LIKE '\(prefix)%'"])
        guard Int(count.trimmingCharacters(in: .whitespacesAndNewlines)) == expected else {
            throw Bench.failure("COPY reloaded \(count) members of province \(index + 1), not \(expected)")
        }
        return ScaleBench.milliseconds(elapsed) / 1000
    }

    /// `ANALYZE`, as autovacuum would have done after a load this size, before the reads are timed.
    func analyze() throws {
        _ = try BulkLoader.run("psql", ["-X", "-q", "-v", "ON_ERROR_STOP=1", url, "-c", "ANALYZE"])
    }

    /// The database's size on disk, e.g. "9.1 GB".
    func size() throws -> String {
        try BulkLoader.run(
            "psql",
            ["-X", "-t", "-A", url, "-c", "SELECT pg_size_pretty(pg_database_size(current_database()))"]
        ).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
