import Crypto
import FluentKit
import Foundation
import SQLKit

/// One thing to record: who did what to which record, with the values before and after.
public struct AuditEvent: Sendable {
    public var actor: String
    /// "create", "update", "export", "read", "login" …
    public var action: String
    public var entity: String
    public var entityID: String?
    public var before: String?
    public var after: String?
    public var requestID: String?
    public var unitID: UUID?

    public init(
        actor: String, action: String, entity: String, entityID: String? = nil, before: String? = nil,
        after: String? = nil, requestID: String? = nil, unitID: UUID? = nil
    ) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
        self.requestID = requestID
        self.unitID = unitID
    }
}

/// Who makes a change: a user (with the request it came in), the CLI, or the system.
public struct Actor: Sendable, Hashable {
    public var name: String
    public var requestID: String?

    public init(name: String, requestID: String? = nil) {
        self.name = name
        self.requestID = requestID
    }

    /// The command-line tool, run by the operating-system user.
    public static var cli: Actor {
        Actor(name: "cli:" + NSUserName())
    }
    public static let system = Actor(name: "system")
}

/// An entry as auditors read it.
public struct AuditEntry: Sendable, Codable, Hashable {
    public var seq: Int
    public var at: String
    public var actor: String
    public var action: String
    public var entity: String
    public var entityID: String?
    public var before: String?
    public var after: String?
    public var requestID: String?
    public var hash: String
}

/// The append-only, hash-chained audit trail. Nothing here updates or deletes an entry.
public struct AuditTrail: Sendable {
    let db: any Database

    public init(db: any Database) {
        self.db = db
    }

    /// Appends an entry chained to the last one. Call inside the transaction of the change it records.
    public func record(_ event: AuditEvent, at time: Date = Date()) async throws {
        try await record([event], at: time)
    }

    /// Appends several entries in order, in batches, chained as if written one by one.
    public func record(_ events: [AuditEvent], at time: Date = Date()) async throws {
        guard !events.isEmpty else { return }
        try await StorageTimings.shared.measure(.auditAppend) {
            try await db.writeTransaction { db in
                try await Self.append(events, at: time, on: db)
            }
        }
    }

    private static func append(_ events: [AuditEvent], at time: Date, on db: any Database) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // One writer at a time, so the sequence has no gaps and each entry chains to the true last one.
            try await sql.raw("LOCK TABLE \(ident: AuditEntryRecord.schema) IN EXCLUSIVE MODE").run()
        }
        let last = try await AuditEntryRecord.query(on: db).sort(\.$seq, .descending).first()
        var seq = last?.seq ?? 0
        var previous = last?.hash ?? Self.genesis
        let at = Self.timestamp(time)
        var rows: [AuditEntryRecord] = []
        for event in events {
            seq += 1
            let row = AuditEntryRecord()
            row.id = UUID()
            row.seq = seq
            row.at = at
            row.actor = event.actor
            row.action = event.action
            row.entity = event.entity
            row.entityID = event.entityID
            row.before = event.before
            row.after = event.after
            row.requestID = event.requestID
            row.unitID = event.unitID
            row.prevHash = previous
            row.hash = Self.hash(of: row)
            previous = row.hash
            rows.append(row)
        }
        try await BulkRows.auditEntries(rows).insert(on: db)
    }

    /// JSON of a value for the before/after columns, keys sorted so equal values read equal.
    public static func json(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }

    /// The result of checking the chain: fine, or the first entry that does not fit.
    public enum Verification: Sendable, Equatable {
        case intact(entries: Int)
        case broken(seq: Int, reason: String)
    }

    /// Walks the trail in order and names the first edited, deleted or reordered entry.
    public func verify() async throws -> Verification {
        var previousHash = Self.genesis
        var expected = 1
        var count = 0
        var offset = 0
        while true {
            let page = try await AuditEntryRecord.query(on: db).sort(\.$seq).range(offset..<(offset + 1000)).all()
            if page.isEmpty { break }
            offset += page.count
            for row in page {
                if row.seq != expected {
                    return .broken(
                        seq: expected, reason: "entry \(expected) is missing (the next entry is \(row.seq))")
                }
                if row.prevHash != previousHash {
                    return .broken(seq: row.seq, reason: "entry \(row.seq) does not follow entry \(row.seq - 1)")
                }
                if Self.hash(of: row) != row.hash {
                    return .broken(seq: row.seq, reason: "entry \(row.seq) was changed after it was written")
                }
                previousHash = row.hash
                expected += 1
                count += 1
            }
        }
        return .intact(entries: count)
    }

    /// Entries about units in `scope`, newest first.
    public func entries(in scope: AccessScope, page: Int = 1, perPage: Int = 100) async throws -> [AuditEntry] {
        var query = AuditEntryRecord.query(on: db)
        if let units = scope.unitFilter { query = query.filter(\.$unitID ~~ units) }
        let start = (max(page, 1) - 1) * perPage
        return try await query.sort(\.$seq, .descending).range(start..<(start + perPage)).all().map {
            AuditEntry(
                seq: $0.seq, at: $0.at, actor: $0.actor, action: $0.action, entity: $0.entity, entityID: $0.entityID,
                before: $0.before, after: $0.after, requestID: $0.requestID, hash: $0.hash)
        }
    }

    static let genesis = String(repeating: "0", count: 64)

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: date)
    }

    /// SHA-256 over every field but the hash itself, each length-prefixed so no two entries collide.
    static func hash(of row: AuditEntryRecord) -> String {
        let fields: [String?] = [
            String(row.seq), row.at, row.actor, row.action, row.entity, row.entityID, row.before, row.after,
            row.requestID, row.unitID?.uuidString, row.prevHash,
        ]
        var data = Data()
        for field in fields {
            if let field {
                data.append(contentsOf: Array("\(field.utf8.count):".utf8))
                data.append(contentsOf: Array(field.utf8))
            } else {
                data.append(contentsOf: Array("-;".utf8))
            }
        }
        return hex(SHA256.hash(data: data))
    }

    /// Lower-case hex of the bytes, as `%02x` per byte wrote it, without a formatter per byte: it runs once per
    /// audit entry, 60,000 times for a large member import.
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var output: [UInt8] = []
        output.reserveCapacity(64)
        for byte in bytes {
            output.append(digits[Int(byte >> 4)])
            output.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: output, as: UTF8.self)
    }
}
