import FluentKit
import Foundation

/// A session in use is marked used at most every so often, not on every request (issue 24): a page read then writes
/// nothing for its session, where an `UPDATE` per request made every read a write (SQLite's one writer, a row lock and
/// a commit on PostgreSQL).
extension SessionStore {
    /// A stored session as a request read it: its data and when it was last marked used.
    public struct StoredSession: Sendable, Equatable {
        public var data: [String: String]
        public var touched: Date
    }

    /// How long a session's last marked use may lag behind its true last use: a tenth of the idle lifetime, at most a
    /// minute. A session therefore ends at most that much before its idle lifetime since its last use.
    public static func touchInterval(_ lifetimes: Lifetimes) -> TimeInterval {
        min(60, lifetimes.idle / 10)
    }

    /// The session's data and last marked use, nil when no session has this id or it outlived `lifetimes` (then it is
    /// deleted). A session without timestamps (made before lifetimes existed) counts as expired.
    public func session(_ id: String, lifetimes: Lifetimes = Lifetimes(), now: Date = Date()) async throws
        -> StoredSession?
    {
        guard let record = try await SessionRecord.query(on: db).filter(\.$key == id).first() else { return nil }
        guard let created = record.createdAt, let touched = record.touchedAt,
            now.timeIntervalSince(created) <= lifetimes.absolute, now.timeIntervalSince(touched) <= lifetimes.idle
        else {
            try await record.delete(on: db)
            return nil
        }
        return StoredSession(data: record.data, touched: touched)
    }

    /// Stores the session's data at the end of a request that read it as `read`: nothing when the data is unchanged
    /// and its use was marked less than `touchInterval(lifetimes)` ago; otherwise the data, marked used now.
    public func save(
        _ id: String, data: [String: String], read: StoredSession?, lifetimes: Lifetimes = Lifetimes(),
        now: Date = Date()
    ) async throws {
        if let read, read.data == data, now.timeIntervalSince(read.touched) < Self.touchInterval(lifetimes) {
            return
        }
        try await update(id, to: data, now: now)
    }
}
