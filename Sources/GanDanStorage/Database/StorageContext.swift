import FluentKit
import Logging
import NIOCore
import NIOPosix

/// Databases opened without a web application, for tests and tools that need only storage.
///
/// The server and the CLI open their databases through `configure(app, settings)` instead.
public final class StorageContext: Sendable {
    public let databases: Databases
    public let logger: Logger

    public init(location: DatabaseLocation, logger: Logger = Logger(label: "gandan.storage")) throws(StorageError) {
        self.databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        self.logger = logger
        try location.register(on: databases)
    }

    /// The default database.
    public var db: any Database {
        databases.database(logger: logger, on: databases.eventLoopGroup.any())!
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
