import FluentKit
import Logging
import NIOCore
import NIOPosix

/// A connection to the application's database, as the web layer and the CLI hold it: they pass it to Storage's
/// queries and writers and never use it themselves.
public typealias DatabaseHandle = any Database

/// The databases of a process: the server, the CLI and the tests open them here, and only here.
public final class StorageContext: Sendable {
    let databases: Databases
    public let logger: Logger

    /// Opens `location`; `threadPool` and `eventLoopGroup` are the web application's when there is one.
    public init(
        location: DatabaseLocation, logger: Logger = Logger(label: "gandan.storage"),
        threadPool: NIOThreadPool = .singleton,
        eventLoopGroup: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) throws(StorageError) {
        self.databases = Databases(threadPool: threadPool, on: eventLoopGroup)
        self.logger = logger
        try location.register(on: databases)
    }

    /// The default database.
    public var db: DatabaseHandle {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
    }

    /// The default database for work on `eventLoop` (a request's), logging to `logger`.
    public func database(logger: Logger, on eventLoop: any EventLoop) -> DatabaseHandle {
        databases.database(logger: logger, on: eventLoop)!
    }

    /// Creates or upgrades the schema.
    public func migrate() async throws {
        let migrations = Migrations()
        migrations.add(GanDanMigrations.all)
        let migrator = Migrator(
            databases: databases, migrations: migrations, logger: logger, on: databases.eventLoopGroup.any(),
            migrationLogLevel: .debug)
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    public func shutdown() async {
        await databases.shutdownAsync()
    }
}
