import FluentKit
import SQLKit

extension Array where Element: Model {
    /// Inserts the rows in multi-row statements of `batchSize`, so large loads take few round trips.
    func createInBatches(on db: any Database, batchSize: Int = 200) async throws {
        var start = 0
        while start < count {
            let end = Swift.min(start + batchSize, count)
            try await Array(self[start..<end]).create(on: db)
            start = end
        }
    }
}

/// Rows for one table, inserted straight through SQLKit: for generated bulk data (the demo), where building
/// a Fluent model per row costs more than the database does.
struct BulkRows {
    let table: String
    let columns: [String]
    private(set) var rows: [[any Encodable & Sendable]] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func append(_ values: [any Encodable & Sendable]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        rows.append(values)
    }

    /// Inserts every row, in statements of at most about 4,000 bound values (within SQLite's and PostgreSQL's limits).
    func insert(on db: any Database) async throws {
        guard !rows.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
        let perStatement = Swift.max(1, 4000 / Swift.max(columns.count, 1))
        var start = 0
        while start < rows.count {
            let end = Swift.min(start + perStatement, rows.count)
            var insert = sql.insert(into: table).columns(columns)
            for row in rows[start..<end] { insert = insert.values(row.map { SQLBind($0) }) }
            try await insert.run()
            start = end
        }
    }
}
