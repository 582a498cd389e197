import FluentKit
import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore
import SQLKit

/// A position in PostgreSQL's write-ahead log ("0/3001120"): how far a server has written, or a replica replayed.
public struct WALPosition: Sendable, Comparable, CustomStringConvertible {
    public let value: UInt64

    /// Reads PostgreSQL's `high/low` hexadecimal text; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ (1...8).contains($0.count) }),
            let high = UInt64(parts[0], radix: 16), let low = UInt64(parts[1], radix: 16)
        else { return nil }
        value = high << 32 | low
    }

    public var description: String {
        String(value >> 32, radix: 16, uppercase: true) + "/" + String(value & 0xFFFF_FFFF, radix: 16, uppercase: true)
    }

    public static func < (lhs: WALPosition, rhs: WALPosition) -> Bool { lhs.value < rhs.value }
}

/// How current the figures of a read from the replica are.
public enum ReplicaReading: Sendable, Equatable {
    /// The replica had replayed everything the primary had written when it was asked.
    case current
    /// The replica is behind the primary: its figures are those of `asOf`, the commit time of the last transaction
    /// it replayed (nil when it has replayed none since it started).
    case behind(asOf: Date?)
}

extension StorageContext {
    /// The replica's identifier among the process's databases.
    static let replicaID = DatabaseID(string: "psql-read")

    /// Whether reads for dashboards, reports, searches and exports may go to a replica (DATABASE_READ_URL).
    public var hasReplica: Bool { readLocation != nil }

    /// How long the replica is left alone after it failed to answer: every page would otherwise wait for its
    /// connection to fail.
    static let replicaRest: Duration = .seconds(30)

    /// The database for a read that may be a moment behind: the replica when there is one, it answers, and it has
    /// replayed `seen` (the primary's position after this user's last write, so she reads what she wrote); else the
    /// primary. The reading says whether the replica was behind the primary (nil when the primary answers). A replica
    /// that fails to answer is left alone for `replicaRest`, and the primary answers meanwhile.
    public func readDatabase(logger: Logger, on eventLoop: any EventLoop, seen: WALPosition?) async
        -> (database: DatabaseHandle, reading: ReplicaReading?)
    {
        let primary = database(logger: logger, on: eventLoop)
        guard hasReplica, !isResting, let replica = databases.database(Self.replicaID, logger: logger, on: eventLoop)
        else { return (primary, nil) }
        do {
            guard let written = try await Self.position(primary, "pg_current_wal_lsn()") else { return (primary, nil) }
            var state = try await Self.replayState(replica)
            if let seen, state.replayed.map({ $0 < seen }) ?? true { return (primary, nil) }
            // A commit a few milliseconds old is usually on its way: look again (20, 40, 40 ms) before saying "behind".
            for pause in [20, 40, 40] where state.replayed.map({ $0 < written }) ?? true {
                try await Task.sleep(for: .milliseconds(pause))
                state = try await Self.replayState(replica)
            }
            let current = state.replayed.map { $0 >= written } ?? false
            return (replica, current ? .current : .behind(asOf: state.committed))
        } catch {
            replicaResting.withLockedValue { $0 = .now + Self.replicaRest }
            logger.warning(
                "the read replica did not answer; the primary serves its reads for \(Self.replicaRest): \(error)")
            return (primary, nil)
        }
    }

    /// Whether the replica failed a moment ago and is left alone.
    private var isResting: Bool {
        replicaResting.withLockedValue { until in until.map { .now < $0 } ?? false }
    }

    /// The primary's write position now, for a user's read-your-own-writes mark; nil on SQLite.
    public func writePosition(logger: Logger, on eventLoop: any EventLoop) async throws -> WALPosition? {
        guard hasReplica else { return nil }
        return try await Self.position(database(logger: logger, on: eventLoop), "pg_current_wal_lsn()")
    }

    private static func position(_ database: DatabaseHandle, _ function: String) async throws -> WALPosition? {
        guard let sql = database as? any SQLDatabase else { return nil }
        let text = try await sql.raw("SELECT \(unsafeRaw: function)::text AS position").first()?.decode(
            column: "position", as: String?.self)
        return text.flatMap(WALPosition.init)
    }

    private static func replayState(_ replica: DatabaseHandle) async throws -> (
        replayed: WALPosition?, committed: Date?
    ) {
        guard let sql = replica as? any SQLDatabase else { return (nil, nil) }
        let row = try await sql.raw(
            "SELECT pg_last_wal_replay_lsn()::text AS replayed, pg_last_xact_replay_timestamp() AS committed"
        ).first()
        let replayed = try row?.decode(column: "replayed", as: String?.self)
        return (replayed.flatMap(WALPosition.init), try row?.decode(column: "committed", as: Date?.self))
    }
}
