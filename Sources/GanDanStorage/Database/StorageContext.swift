import FluentKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import SQLKit

/// A connection to the application's database, as the web layer and the CLI hold it: they pass it to Storage's
/// queries and writers and never use it themselves.
public typealias DatabaseHandle = any Database

/// The databases of a process: the server, the CLI and the tests open them here, and only here.
public final class StorageContext: Sendable {
    let databases: Databases
    public let logger: Logger
    /// Where the data lives.
    public let location: DatabaseLocation
    /// A PostgreSQL streaming replica of `location` for reads that may be a moment behind (DATABASE_READ_URL).
    public let readLocation: DatabaseLocation?
    /// Until when the replica is left alone after it failed to answer (`ReadReplica.swift`).
    let replicaResting = NIOLockedValueBox<ContinuousClock.Instant?>(nil)
    /// How many connections the pool may hold: SQLite's driver keeps one; PostgreSQL's four per event loop.
    public let poolCapacity: Int
    /// Writes the audit entries of reads in batches (`AuditBatcher`): one for the database, shared by every request.
    public let auditReads: AuditBatcher

    /// Opens `location` (and its replica `readLocation`, if any); `threadPool` and `eventLoopGroup` are the web
    /// application's when there is one.
    public init(
        location: DatabaseLocation, readLocation: DatabaseLocation? = nil,
        logger: Logger = Logger(label: "gandan.storage"),
        threadPool: NIOThreadPool = .singleton,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(StorageError) {
        self.databases = Databases(threadPool: threadPool, on: eventLoopGroup)
        self.logger = logger
        self.location = location
        self.readLocation = readLocation
        switch location {
        case .sqlite: poolCapacity = 1
        case .postgres: poolCapacity = DatabaseLocation.postgresConnectionsPerEventLoop * eventLoopGroup.loopCount
        }
        try location.register(on: databases)
        if let readLocation {
            guard case .postgres = location else {
                throw .unavailable("a read replica needs a PostgreSQL primary, not \(location)")
            }
            try readLocation.register(on: databases, replica: Self.replicaID)
        }
        auditReads = AuditBatcher { [databases, logger] in
            databases.database(logger: logger, on: databases.eventLoopGroup.any())!
        }
    }

    /// The default database.
    public var db: DatabaseHandle {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    /// The default database for work on `eventLoop` (a request's), logging to `logger`.
    public func database(logger: Logger, on eventLoop: any EventLoop) -> DatabaseHandle {
        databases.database(logger: logger, on: eventLoop)!
    }

    /// Creates or upgrades the schema; an SQLite database is also put in WAL mode (`useWriteAheadLog`).
    public func migrate() async throws {
        try await useWriteAheadLog()
        let migrations = Migrations()
        migrations.add(GanDanMigrations.all)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any(),
            migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// The names of the migrations this program knows that the database has not had, in order; all of them for a
    /// database without a schema. Only reads (`GanDanMigrations.pending(on:)`).
    public func pendingMigrations() async throws -> [String] {
        try await GanDanMigrations.pending(on: db)
    }

    /// SQLite only: the write-ahead log, so pages keep reading while an import commits (in the default rollback
    /// journal readers wait for the writer). The mode is stored in the file, so once is enough; `migrate` (run at
    /// installation and at every upgrade, and by `serve --migrate` and the demo) sets it. PostgreSQL needs nothing.
    public func useWriteAheadLog() async throws {
        guard let sql = db as? any SQLDatabase, sql.dialect.name == "sqlite" else { return }
        let mode = try await sql.raw("PRAGMA journal_mode = WAL").first()?.decode(
            column: "journal_mode", as: String.self)
        guard mode?.lowercased() == "wal" else {
            throw StorageError.unavailable("SQLite refused the write-ahead log (journal mode \(mode ?? "unknown"))")
        }
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}

extension EventLoopGroup {
    /// How many event loops the group runs.
    var loopCount: Int {
        var count = 0
        for _ in makeIterator() { count += 1 }
        return max(count, 1)
    }
}
