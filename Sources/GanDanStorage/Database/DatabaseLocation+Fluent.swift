import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation

extension DatabaseLocation {
    /// The PostgreSQL pool's size on each event loop.
    static let postgresConnectionsPerEventLoop = 4

    /// Registers this location as the default database of `databases` (or as `replica`, not the default), creating
    /// the SQLite folder if needed.
    public func register(on databases: Databases, replica: DatabaseID? = nil) throws(StorageError) {
        switch self {
        case .sqlite(let path):
            guard replica == nil else {
                throw .unavailable("a read replica must be a PostgreSQL server, not \(description)")
            }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw .unavailable("cannot create the folder \(folder): \(error.localizedDescription)")
                }
            }
            databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
        case .postgres(let url):
            do {
                // A replica gives up on a connection after 2 s instead of 10: its reads then go to the primary.
                databases.use(
                    try .postgres(
                        url: url, maxConnectionsPerEventLoop: Self.postgresConnectionsPerEventLoop,
                        connectionPoolTimeout: .seconds(replica == nil ? 10 : 2)),
                    as: replica ?? .psql, isDefault: replica == nil)
            } catch {
                throw .unavailable("\(description) is not a valid PostgreSQL URL")
            }
        }
    }
}
