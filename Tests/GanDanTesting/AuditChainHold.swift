import FluentKit
import Foundation
import GanDanStorage
import NIOPosix

/// A change holding the audit chain from a connection of its own: its transaction has appended an entry and not yet
/// committed, so every other append waits for it (PostgreSQL's lock on the table, SQLite's write lock) until
/// `release()` commits it. Tests use it to catch reads' entries while they wait.
///
/// Its SQLite connection runs on a thread of its own: SQLite's busy handler spins on the thread of a writer waiting for
/// the lock, and with the shared pool's threads all spinning, the commit that would free them could never run.
public final class AuditChainHold: Sendable {
    private let context: StorageContext
    private let threads: NIOThreadPool
    private let task: Task<Void, any Error>
    private let releasing: AsyncStream<Void>.Continuation

    private init(
        context: StorageContext, threads: NIOThreadPool, task: Task<Void, any Error>,
        releasing: AsyncStream<Void>.Continuation
    ) {
        self.context = context
        self.threads = threads
        self.task = task
        self.releasing = releasing
    }

    /// Holds the chain of the (migrated) database at `location`; returns once the change's entry is appended.
    public static func hold(_ location: DatabaseLocation) async throws -> AuditChainHold {
        let threads = NIOThreadPool(numberOfThreads: 1)
        threads.start()
        let context = try StorageContext(location: location, threadPool: threads)
        let (held, holding) = AsyncStream<Void>.makeStream()
        let (released, releasing) = AsyncStream<Void>.makeStream()
        let task = Task {
            defer { holding.finish() }
            try await context.db.writeTransaction { db in
                try await AuditTrail(db: db, scope: .everything).record(
                    AuditEvent(actor: "test", action: "update", entity: "held change"))
                holding.yield()
                for await _ in released { break }
            }
        }
        var iterator = held.makeAsyncIterator()
        if await iterator.next() == nil {
            let ended = await task.result
            await context.shutdown()
            try await threads.shutdownGracefully()
            try ended.get()
            throw StorageError.unavailable("the held change ended before holding the audit chain")
        }
        return AuditChainHold(context: context, threads: threads, task: task, releasing: releasing)
    }

    /// Runs `body` while the chain is held, then releases it, whether `body` returned or threw (so nothing waits on
    /// a test that failed).
    public func releasing<T>(after body: () async throws -> T) async throws -> T {
        let result: Result<T, any Error>
        do {
            result = .success(try await body())
        } catch {
            result = .failure(error)
        }
        try await release()
        return try result.get()
    }

    /// Commits the change and closes its connection.
    public func release() async throws {
        releasing.yield()
        releasing.finish()
        let ended = await task.result
        await context.shutdown()
        try await threads.shutdownGracefully()
        try ended.get()
    }
}

/// Waits until `condition` holds, checking every 10 ms; throws after `seconds`.
public func waitUntil(
    _ what: String, seconds: Double = 30, _ condition: @Sendable () async throws -> Bool
) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while !(try await condition()) {
        guard ContinuousClock.now < deadline else {
            throw StorageError.unavailable("waited \(seconds) s in vain for \(what)")
        }
        try await Task.sleep(for: .milliseconds(10))
    }
}
