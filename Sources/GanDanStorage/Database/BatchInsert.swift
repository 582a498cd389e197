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
struct BulkRows: Sendable {
    let table: String
    let columns: [String]
    /// Rows of encodable values, checked for plain values when inserted.
    private var encodedRows: [[any Encodable & Sendable]] = []
    /// Rows appended as plain values, one after the other in a single array: an array per row cost an allocation
    /// and a release each, a tenth of a large import's write (bench/scale).
    private var plainValues: [BulkValue] = []

    init(_ table: String, _ columns: [String]) {
        self.table = table
        self.columns = columns
    }

    /// The number of rows appended.
    var count: Int { encodedRows.isEmpty ? plainValues.count / Swift.max(columns.count, 1) : encodedRows.count }

    mutating func append(_ values: [any Encodable & Sendable]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        precondition(plainValues.isEmpty, "\(table): plain and encoded rows cannot be mixed")
        encodedRows.append(values)
    }

    /// Appends a row of plain values (the bulk path of imports: no existential per value).
    mutating func append(plain values: [BulkValue]) {
        precondition(values.count == columns.count, "\(table): \(values.count) values for \(columns.count) columns")
        precondition(encodedRows.isEmpty, "\(table): plain and encoded rows cannot be mixed")
        plainValues.append(contentsOf: values)
    }

    /// Room for `rows` more plain rows.
    mutating func reserve(rows: Int) {
        plainValues.reserveCapacity(plainValues.count + rows * columns.count)
    }

    /// Inserts every row inside the caller's transaction.
    func insert(on db: any Database) async throws {
        guard count > 0 else { return }
        if let sqlite = db as? any SQLiteDatabase, let values = plainOrFlat {
            // Each statement's values are made ready while SQLite runs the one before.
            let statements = sqliteStatements(rows: values.count / width, inTransaction: db.inTransaction)
            var running: Task<Void, any Error>?
            for range in statements.ranges {
                let statement = statements.statement(range, values)
                try await running?.value
                running = Task { try await statement.run(on: sqlite) }
            }
            try await running?.value
            return
        }
        try await prepared(for: db).write(on: db)
    }

    /// The rows made ready for `db`: its statements with their bound values (SQLite), the text of its `COPY`
    /// (PostgreSQL), or the rows for SQLKit. Preparing is CPU work alone, so a large write prepares its next rows
    /// while the database writes the ones before (`WritePlan.apply`).
    func prepared(for db: any Database) -> PreparedBulkRows {
        guard count > 0 else { return PreparedBulkRows(form: .empty) }
        if let values = plainOrFlat {
            if db is any PostgresDatabase, (db as? any SQLDatabase)?.dialect.name == "postgresql" {
                return PreparedBulkRows(form: .copy(table: table, columns: columns, text: copyText(values)))
            }
            if db is any SQLiteDatabase {
                let statements = sqliteStatements(rows: values.count / width, inTransaction: db.inTransaction)
                return PreparedBulkRows(
                    form: .sqlite(statements.ranges.map { statements.statement($0, values) }))
            }
        }
        return PreparedBulkRows(form: .encoded(self))
    }

    /// Values per row.
    private var width: Int { Swift.max(columns.count, 1) }

    /// Every value as a plain value, row after row, or nil when some encoded value is of another type.
    private var plainOrFlat: [BulkValue]? { encodedRows.isEmpty ? plainValues : BulkValue.flat(encodedRows) }

    /// SQLite: statements of at most 32,000 bound values (SQLite allows 32,766), `INSERT OR FAIL` in a transaction.
    ///
    /// A multi-row `INSERT` that may abort keeps a statement journal: a copy of every existing page it changes, so
    /// it can undo its own rows. Each statement of a bulk write touches the same index pages again, so the copies
    /// cost more than the rows (bench/scale). `OR FAIL` stops at a violated constraint without undoing the
    /// statement's earlier rows, so it is used only inside a transaction, which the error then rolls back whole.
    /// Foreign keys still need the journal, so statements are also as large as SQLite allows.
    private func sqliteStatements(rows: Int, inTransaction: Bool) -> SQLiteBulkStatements {
        SQLiteBulkStatements(
            head: (inTransaction ? "INSERT OR FAIL INTO " : "INSERT INTO ")
                + "\"\(table)\" (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES ",
            width: width, rows: rows)
    }

    /// PostgreSQL: the rows in `COPY`'s text format, in buffers of about 1 MiB.
    private func copyText(_ values: [BulkValue]) -> [ByteBuffer] {
        var buffers: [ByteBuffer] = []
        var buffer = ByteBuffer()
        buffer.reserveCapacity(1 << 20)
        for (index, value) in values.enumerated() {
            value.writeCopyText(to: &buffer)
            buffer.writeInteger(UInt8(ascii: index % width == width - 1 ? "\n" : "\t"))
            if buffer.readableBytes >= 1 << 20 {
                buffers.append(buffer)
                buffer = ByteBuffer()
                buffer.reserveCapacity(1 << 20)
            }
        }
        if buffer.readableBytes > 0 { buffers.append(buffer) }
        return buffers
    }

    /// Any other values: SQLKit binds them through `Encodable`, in statements of at most about 4,000 values.
    func insertEncoded(on sql: any SQLDatabase) async throws {
        let rows =
            encodedRows.isEmpty
            ? stride(from: 0, to: plainValues.count, by: width).map { plainValues[$0..<$0 + width].map(\.encodable) }
            : encodedRows
        let perStatement = Swift.max(1, 4000 / width)
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

/// Bulk rows made ready for one database (`BulkRows.prepared(for:)`), written inside the caller's transaction.
struct PreparedBulkRows: Sendable {
    enum Form: Sendable {
        case empty
        /// SQLite's multi-row INSERTs with their values, run in order.
        case sqlite([SQLiteBulkStatement])
        /// PostgreSQL's `COPY … FROM STDIN` text.
        case copy(table: String, columns: [String], text: [ByteBuffer])
        /// Values SQLKit encodes.
        case encoded(BulkRows)
    }

    let form: Form

    func write(on db: any Database) async throws {
        switch form {
        case .empty:
            return
        case .sqlite(let statements):
            guard let sqlite = db as? any SQLiteDatabase else { throw StorageError.unavailable("not SQLite") }
            for statement in statements { try await statement.run(on: sqlite) }
        case .copy(let table, let columns, let text):
            guard let postgres = db as? any PostgresDatabase else { throw StorageError.unavailable("not PostgreSQL") }
            let logger = postgres.logger
            try await postgres.withConnection { connection in
                connection.eventLoop.makeFutureWithTask {
                    try await connection.copyFrom(table: table, columns: columns, logger: logger) { writer in
                        for buffer in text { try await writer.write(buffer) }
                    }
                }
            }.get()
        case .encoded(let rows):
            guard let sql = db as? any SQLDatabase else { throw StorageError.unavailable("an SQL database is needed") }
            try await rows.insertEncoded(on: sql)
        }
    }
}

/// How a table's rows split into SQLite statements of at most 32,000 bound values.
struct SQLiteBulkStatements {
    let head: String
    let width: Int
    let rows: Int

    var rowsPerStatement: Int { Swift.max(1, 32_000 / width) }

    /// The rows of each statement, in order.
    var ranges: [Range<Int>] {
        stride(from: 0, to: rows, by: rowsPerStatement).map { $0..<Swift.min($0 + rowsPerStatement, rows) }
    }

    /// The statement of `range`'s rows, its values taken from `values` (row after row).
    func statement(_ range: Range<Int>, _ values: [BulkValue]) -> SQLiteBulkStatement {
        // No spaces: each statement's text is about 100 KB, copied and tokenised by SQLite for every statement.
        let tuple = "(" + Array(repeating: "?", count: width).joined(separator: ",") + ")"
        var binds: [SQLiteData] = []
        binds.reserveCapacity(range.count * width)
        for value in values[range.lowerBound * width..<range.upperBound * width] { binds.append(value.sqliteData) }
        return SQLiteBulkStatement(
            sql: head + Array(repeating: tuple, count: range.count).joined(separator: ","), binds: binds,
            bulk: rows >= BulkWriteSettings.bulkRows && range.lowerBound == 0)
    }
}

/// One multi-row INSERT with its values.
struct SQLiteBulkStatement: Sendable {
    let sql: String
    let binds: [SQLiteData]
    /// The first statement of a bulk write: the connection gets `BulkWriteSettings.sqlitePragmas` first.
    let bulk: Bool

    func run(on sqlite: any SQLiteDatabase) async throws {
        if bulk {
            for pragma in BulkWriteSettings.sqlitePragmas { try await sqlite.query(pragma, []) { _ in } }
        }
        try await sqlite.query(sql, binds) { _ in }
    }
}

/// Settings of GanDan's bulk writes.
enum BulkWriteSettings {
    /// SQLite's page cache during a bulk write (`PRAGMA cache_size`, negative: KiB): 256 MiB instead of 2 MiB, so a
    /// 60,000-member import does not spill pages to disk and read them back before it commits. The connection keeps
    /// the setting; SQLite only allocates the pages a write uses.
    static let sqliteCacheSize = -262_144
    /// What a bulk write sets on its SQLite connection: that page cache, and temporary storage in memory, where each
    /// multi-row INSERT keeps the statement journal it would roll back with (a temporary file otherwise).
    static let sqlitePragmas = ["PRAGMA cache_size = \(sqliteCacheSize)", "PRAGMA temp_store = MEMORY"]
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

    /// The rows' values as plain values, row after row, or nil when some value is of another type (then SQLKit
    /// encodes them all).
    static func flat(_ rows: [[any Encodable & Sendable]]) -> [BulkValue]? {
        var values: [BulkValue] = []
        values.reserveCapacity(rows.count * (rows.first?.count ?? 0))
        for row in rows {
            for value in row {
                guard let plain = BulkValue(value) else { return nil }
                values.append(plain)
            }
        }
        return values
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
        case .uuid(let id): return .text(id.upperCaseText)
        }
    }

    /// The value in COPY's text format: `\N` for null; backslash, tab, newline and carriage return escaped.
    func writeCopyText(to buffer: inout ByteBuffer) {
        switch self {
        case .null: buffer.writeStaticString("\\N")
        case .integer(let number): buffer.writeString(String(number))
        case .boolean(let flag): buffer.writeStaticString(flag ? "t" : "f")
        case .uuid(let id): buffer.writeString(id.upperCaseText)
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
