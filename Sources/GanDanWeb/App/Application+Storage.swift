import GanDanStorage
import Vapor

struct StorageContextKey: StorageKey {
    typealias Value = StorageContext
}

/// Closes the databases when the application shuts down.
struct StorageShutdown: LifecycleHandler {
    let context: StorageContext

    func shutdownAsync(_ application: Application) async {
        await context.shutdown()
    }
}

extension Application {
    /// The databases `configure(app, settings)` opened.
    public var storageContext: StorageContext {
        guard let context = storage[StorageContextKey.self] else {
            preconditionFailure("configure(app, settings) opens the databases before anything uses them")
        }
        return context
    }

    /// The database, for work outside a request (a CLI command, a test).
    public var store: DatabaseHandle { storageContext.database(logger: logger, on: eventLoopGroup.any()) }
}

extension Request {
    /// The database for this request's work: on its event loop, logging with its request id.
    var store: DatabaseHandle { application.storageContext.database(logger: logger, on: eventLoop) }
}
