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
    /// The stable ids of the units the entry concerns: the unit a change was made in, the units of the cells a read
    /// member was on, the units a search or an export covered, the units of a signed-in user's scope. Auditors see
    /// the entries naming a unit of their subtree (rules.md R30).
    public var units: Set<UUID>

    /// `unitID` and `units` together are the entry's units.
    public init(
        actor: String, action: String, entity: String, entityID: String? = nil, before: String? = nil,
        after: String? = nil, requestID: String? = nil, unitID: UUID? = nil, units: Set<UUID> = []
    ) {
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
        self.requestID = requestID
        self.units = unitID.map { units.union([$0]) } ?? units
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
    /// The entry's units that lie in the reader's scope, in id order.
    public var units: [UUID]
    public var hash: String
}

/// The append-only, hash-chained audit trail. Nothing here updates or deletes an entry.
///
/// `scope` bounds both ways (rules.md R30): an entry may name only units in the writer's scope, and a reader sees
/// only the entries naming a unit in theirs.
public struct AuditTrail: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// An entry naming a unit outside the writer's scope: a defect of the caller, never written.
    public struct UnitOutsideScope: Error, CustomStringConvertible {
        public var unit: UUID
        public var description: String { "an audit entry names the unit \(unit), outside the writer's scope" }
    }

    /// Appends an entry chained to the last one. Call inside the transaction of the change it records.
    public func record(_ event: AuditEvent, at time: Date = Date()) async throws {
        try await record([event], at: time)
    }

    /// Appends several entries in order, in batches, chained as if written one by one.
    public func record(_ events: [AuditEvent], at time: Date = Date()) async throws {
        guard !events.isEmpty else { return }
        try Self.check(events, in: scope)
        try await Self.append(events.map { ($0, time) }, on: db)
    }

    /// Throws `UnitOutsideScope` for the first unit of an event that `scope` does not hold.
    static func check(_ events: [AuditEvent], in scope: AccessScope) throws {
        guard case .restricted(let units, _) = scope else { return }
        for event in events {
            if let outside = event.units.first(where: { !units.contains($0) }) {
                throw UnitOutsideScope(unit: outside)
            }
        }
    }

    /// Appends the events, each with its time, in one write transaction (or in the caller's), timed as one append.
    static func append(_ events: [(AuditEvent, Date)], on db: any Database) async throws {
        try await StorageTimings.shared.measure(.auditAppend) {
            try await db.writeTransaction { db in
                try await Self.chain(events, on: db)
            }
        }
    }

    private static func chain(_ events: [(AuditEvent, Date)], on db: any Database) async throws {
        if let sql = db as? any SQLDatabase, sql.dialect.name == "postgresql" {
            // One writer at a time, so the sequence has no gaps and each entry chains to the true last one.
            try await sql.raw("LOCK TABLE \(ident: AuditEntryRecord.schema) IN EXCLUSIVE MODE").run()
        }
        let last = try await AuditEntryRecord.query(on: db).sort(\.$seq, .descending).first()
        var seq = last?.seq ?? 0
        var previous = last?.hash ?? Self.genesis
        let timestamps = Self.timestamps(events.map(\.1))
        var rows: [AuditEntryRecord] = []
        var sets: [String: Set<UUID>] = [:]
        for ((event, _), at) in zip(events, timestamps) {
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
            // One unit in the entry's own column; several as a stored set named by its hash (a set is stored once).
            row.unitID = event.units.count == 1 ? event.units.first : nil
            row.unitsKey = event.units.count > 1 ? Self.unitsKey(event.units) : nil
            if let key = row.unitsKey { sets[key] = event.units }
            row.prevHash = previous
            row.hash = Self.hash(of: row)
            previous = row.hash
            rows.append(row)
        }
        try await BulkRows.auditEntries(rows).insert(on: db)
        try await storeUnitSets(sets, on: db)
    }

    /// JSON of a value for the before/after columns, keys sorted so equal values read equal.
    public static func json(_ value: some Encodable) -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).flatMap { String(data: $0, encoding: .utf8) }
    }

    static let genesis = String(repeating: "0", count: 64)

    static func timestamp(_ date: Date) -> String {
        timestamps([date])[0]
    }

    /// The dates as the `at` column holds them, with one formatter for them all.
    static func timestamps(_ dates: [Date]) -> [String] {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var previous: (Date, String)?
        return dates.map { date in
            if let previous, previous.0 == date { return previous.1 }
            let text = formatter.string(from: date)
            previous = (date, text)
            return text
        }
    }

    /// SHA-256 over every field but the hash itself, each length-prefixed so no two entries collide.
    static func hash(of row: AuditEntryRecord) -> String {
        var fields: [String?] = [
            String(row.seq), row.at, row.actor, row.action, row.entity, row.entityID, row.before, row.after,
            row.requestID, row.unitID?.uuidString, row.prevHash,
        ]
        // An entry naming several units also hashes its set's key (itself the hash of the set); entries naming one
        // unit or none hash as they always did, so the trail written before sets existed still verifies.
        if let key = row.unitsKey { fields.append(key) }
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
