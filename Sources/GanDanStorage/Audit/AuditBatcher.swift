import FluentKit
import Foundation

/// The audit entries of reads, written by group commit (issue 24): one batcher per database collects the reads' events
/// in arrival order and writes them in one transaction, chained as `AuditTrail.record` would chain them one by one.
/// While one batch is being written the next gathers, so N concurrent reads cost about two transactions instead of N
/// taking the chain's lock one after the other.
///
/// Nothing is answered before its entry is stored: `record` returns only once the transaction holding the entry has
/// committed, and throws when that transaction failed (then none of its batch's entries is written). A crash loses
/// only reads that were never answered. Changes do not come here: their entries are written in their own transaction
/// (`AuditTrail.record`), so a change and its entry commit together.
public actor AuditBatcher {
    /// What the batcher has done since the process started (its times are in `StorageTimings`).
    public struct Statistics: Sendable, Equatable {
        /// Transactions that wrote a batch, and those that failed (their reads were refused).
        public var committedBatches = 0
        public var failedBatches = 0
        /// Entries written by committed batches.
        public var entries = 0
    }

    private struct Read {
        var event: AuditEvent
        /// When the read was queued: the entry's time, so times follow the chain's order.
        var at: Date
        var queued: ContinuousClock.Instant
        var continuation: CheckedContinuation<Void, any Error>
    }

    /// A batch holds at most this many entries, so one transaction stays short under any load.
    static let batchLimit = 500

    private let database: @Sendable () -> any Database
    private var queue: [Read] = []
    private var writing = 0
    private var draining = false
    public private(set) var statistics = Statistics()

    /// A batcher writing on the databases `database` hands out (one per call: a pooled connection per batch).
    init(database: @escaping @Sendable () -> any Database) {
        self.database = database
    }

    /// Reads whose entries wait for the next batch.
    public var queued: Int { queue.count }
    /// Reads whose entries are in the batch being written.
    public var inFlight: Int { writing }

    /// Appends the entry of a read to the trail and returns once it is stored. `scope` bounds the entry's units as it
    /// bounds `AuditTrail.record`'s (rules.md R30): an entry naming a unit outside it is refused here, alone.
    public func record(_ event: AuditEvent, scope: AccessScope) async throws {
        try AuditTrail.check([event], in: scope)
        try await withCheckedThrowingContinuation { continuation in
            queue.append(Read(event: event, at: Date(), queued: .now, continuation: continuation))
            if !draining {
                draining = true
                Task { await self.writeBatches() }
            }
        }
    }

    /// Writes the queue batch after batch, in arrival order, until it is empty; reads arriving meanwhile join the
    /// next batch.
    private func writeBatches() async {
        while !queue.isEmpty {
            let batch = Array(queue.prefix(Self.batchLimit))
            queue.removeFirst(batch.count)
            writing = batch.count
            do {
                try await AuditTrail.append(batch.map { ($0.event, $0.at) }, on: database())
                statistics.committedBatches += 1
                statistics.entries += batch.count
                let now = ContinuousClock.now
                for read in batch {
                    StorageTimings.shared.record(.auditReadWait, now - read.queued)
                    read.continuation.resume()
                }
            } catch {
                statistics.failedBatches += 1
                for read in batch { read.continuation.resume(throwing: error) }
            }
            writing = 0
        }
        draining = false
    }
}
