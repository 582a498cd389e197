import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
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

/// Rows for one table, inserted without Fluent models: for imports and generated bulk data (the demo), where
/// building a model per row, or encoding every value through `Encodable`, costs more than the database does.
///
/// Rows whose values are all text, integers, booleans, UUIDs or nil take the database's fast path: `COPY … FROM
/// STDIN` on PostgreSQL, multi-row INSERTs of ready-made values on SQLite. Values are stored exactly as Fluent
/// stores them (SQLite: UUIDs as upper-case text, booleans as 0/1), so models read them back unchanged.
struct BulkRows {
    let table: String
    let columns: [String]
    private(set) var rows: [[any Encodable & Sendable]] = []
    /// Rows appended as plain values, which skip the type checks of `BulkValue.table`.
    private var plainRows: [[BulkValue]] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    mutating func append(_ values: [any Encodable & Sendable]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        precondition(plainRows.isEmpty, "\(table): plain and encoded rows cannot be mixed")
        rows.append(values)
    }

    /// Appends a row of plain values (the bulk path of imports: no existential per value).
    mutating func append(plain values: [BulkValue]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        precondition(rows.isEmpty, "\(table): plain and encoded rows cannot be mixed")
        plainRows.append(values)
    }

    /// Inserts every row inside the caller's transaction.
    func insert(on db: any Database) async throws {
        guard !rows.isEmpty || !plainRows.isEmpty else { return }
        guard let sql = db as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
        if let values = plainRows.isEmpty ? BulkValue.table(rows) : plainRows {
            if let postgres = db as? any PostgresDatabase, sql.dialect.name == "postgresql" {
                return try await copy(values, on: postgres)
            }
            if let sqlite = db as? any SQLiteDatabase {
                return try await insert(values, on: sqlite, inTransaction: db.inTransaction)
            }
        }
        try await insertEncoded(on: sql, rows.isEmpty ? plainRows.map { $0.map(\.encodable) } : rows)
    }

    /// SQLite: statements of at most 32,000 bound values (SQLite allows 32,766), `INSERT OR FAIL` in a transaction.
    ///
    /// A multi-row `INSERT` that may abort keeps a statement journal: a copy of every existing page it changes, so
    /// it can undo its own rows. Each statement of a bulk write touches the same index pages again, so the copies
    /// cost more than the rows (bench/scale). `OR FAIL` stops at a violated constraint without undoing the
    /// statement's earlier rows, so it is used only inside a transaction, which the error then rolls back whole.
    /// Foreign keys still need the journal, so statements are also as large as SQLite allows.
    private func insert(_ values: [[BulkValue]], on sqlite: any SQLiteDatabase, inTransaction: Bool) async throws {
        if values.count >= BulkWriteSettings.bulkRows {
            for pragma in BulkWriteSettings.sqlitePragmas { try await sqlite.query(pragma, []) { _ in } }
        }
        let perStatement = Swift.max(1, 32_000 / Swift.max(columns.count, 1))
        let head =
            (inTransaction ? "INSERT OR FAIL INTO " : "INSERT INTO ")
            + "\"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES "
        let tuple = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var start = 0
        while start < values.count {
            let end = Swift.min(start + perStatement, values.count)
            let query = head + Array(repeating: tuple, count: end - start).joined(separator: ", ")
            var binds: [SQLiteData] = []
            binds.reserveCapacity((end - start) * columns.count)
            for row in values[start..<end] {
                for value in row { binds.append(value.sqliteData) }
            }
            try await sqlite.query(query, binds) { _ in }
            start = end
        }
    }

    /// PostgreSQL: one `COPY … FROM STDIN` in text format, sent in chunks of about 1 MiB.
    private func copy(_ values: [[BulkValue]], on postgres: any PostgresDatabase) async throws {
        let table = table
        let columns = columns
        let logger = postgres.logger
        try await postgres.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                    var buffer = ByteBuffer()
                    buffer.reserveCapacity(1 << 20)
                    for row in values {
                        for (index, value) in row.enumerated() {
                            if index > 0 { buffer.writeInteger(UInt8(ascii: "\t")) }
                            value.writeCopyText(to: &buffer)
                        }
                        buffer.writeInteger(UInt8(ascii: "\n"))
                        if buffer.readableBytes >= 1 << 20 {
                            try await writer.write(buffer)
                            buffer.clear()
                        }
                    }
                    if buffer.readableBytes > 0 { try await writer.write(buffer) }
                }
            }
        }.get()
    }

    /// Any other values: SQLKit binds them through `Encodable`, in statements of at most about 4,000 values.
    private func insertEncoded(on sql: any SQLDatabase, _ rows: [[any Encodable & Sendable]]) async throws {
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

/// Settings of GanDan's bulk writes, public so the benchmark can give the database's own loader the same.
public enum BulkWriteSettings {
    /// SQLite's page cache during a bulk write (`PRAGMA cache_size`, negative: KiB): 256 MiB instead of 2 MiB, so a
    /// 60,000-member import does not spill pages to disk and read them back before it commits. The connection keeps
    /// the setting; SQLite only allocates the pages a write uses.
    public static let sqliteCacheSize = -262_144
    /// What a bulk write sets on its SQLite connection: that page cache, and temporary storage in memory, where each
    /// multi-row INSERT keeps the statement journal it would roll back with (a temporary file otherwise).
    public static let sqlitePragmas = ["PRAGMA cache_size = \(sqliteCacheSize)", "PRAGMA temp_store = MEMORY"]
    /// Rows from which a write counts as bulk.
    static let bulkRows = 1_000
}

/// A value of a bulk row in the forms both fast paths can write.
enum BulkValue: Sendable {
    case null
    case text(String)
    case integer(Int)
    case boolean(Bool)
    case uuid(UUID)

    /// The rows as plain values, or nil when some value is of another type (then SQLKit encodes them all).
    static func table(_ rows: [[any Encodable & Sendable]]) -> [[BulkValue]]? {
        var table: [[BulkValue]] = []
        table.reserveCapacity(rows.count)
        for row in rows {
            var values: [BulkValue] = []
            values.reserveCapacity(row.count)
            for value in row {
                guard let plain = BulkValue(value) else { return nil }
                values.append(plain)
            }
            table.append(values)
        }
        return table
    }

    /// Text, or null.
    static func of(_ text: String?) -> BulkValue { text.map(BulkValue.text) ?? .null }
    /// A UUID, or null.
    static func of(_ id: UUID?) -> BulkValue { id.map(BulkValue.uuid) ?? .null }

    /// The value for SQLKit's `Encodable` path.
    var encodable: any Encodable & Sendable {
        switch self {
        case .null: return String?.none
        case .text(let text): return text
        case .integer(let number): return number
        case .boolean(let flag): return flag
        case .uuid(let id): return id
        }
    }

    init?(_ value: any Encodable & Sendable) {
        if let optional = value as? any OptionalValue, optional.isNone {
            self = .null
        } else if let text = value as? String {
            self = .text(text)
        } else if let id = value as? UUID {
            self = .uuid(id)
        } else if let number = value as? Int {
            self = .integer(number)
        } else if let flag = value as? Bool {
            self = .boolean(flag)
        } else {
            return nil
        }
    }

    /// As `SQLiteDataEncoder` would bind it (UUIDs encode as their string).
    var sqliteData: SQLiteData {
        switch self {
        case .null: return .null
        case .text(let text): return .text(text)
        case .integer(let number): return .integer(number)
        case .boolean(let flag): return .integer(flag ? 1 : 0)
        case .uuid(let id): return .text(id.uuidString)
        }
    }

    /// The value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped.
    func writeCopyText(to buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("\\N")
        case .integer(let number): buffer.writeString(String(number))
        case .boolean(let flag): buffer.writeStaticString(flag ? "t" : "f")
        case .uuid(let id): buffer.writeString(id.uuidString)
        case .text(let text):
            let utf8 = text.utf8
            if !utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
                buffer.writeString(text)
                return
            }
            for byte in utf8 {
                switch byte {
                case 0x5C: buffer.writeStaticString("\\\\")
                case 0x09: buffer.writeStaticString("\\t")
                case 0x0A: buffer.writeStaticString("\\n")
                case 0x0D: buffer.writeStaticString("\\r")
                default: buffer.writeInteger(byte)
                }
            }
        }
    }
}

/// Lets a type-erased value say whether it is an empty optional.
private protocol OptionalValue {
    var isNone: Bool { get }
}

extension Optional: OptionalValue {
    var isNone: Bool { self == nil }
}
