import Crypto
import FluentKit
import Foundation
import SQLKit

/// The units of entries that name several (a search over a commune, a member on two cells' rolls): each distinct set
/// is stored once, as rows `(set_key, unit_id)`, named by the SHA-256 of its sorted ids. The entry keeps the key, and
/// the key is in the entry's hash, so a set cannot change without `verify` noticing.
enum AuditUnitSets {
    static let table = "audit_unit_sets"
}

extension AuditTrail {
    /// The hash that names a set of units: SHA-256 over the sorted upper-case ids joined by commas.
    static func unitsKey(_ units: Set<UUID>) -> String {
        let text = units.map(\.upperCaseText).sorted().joined(separator: ",")
        return hex(SHA256.hash(data: Data(text.utf8)))
    }

    /// Stores the sets not stored yet. Runs in the audit trail's transaction, after its lock (one writer at a time).
    static func storeUnitSets(_ sets: [String: Set<UUID>], on db: any Database) async throws {
        guard !sets.isEmpty, let sql = db as? any SQLDatabase else { return }
        let stored = try await storedKeys(Array(sets.keys), on: sql)
        var rows = BulkRows(AuditUnitSets.table, ["set_key", "unit_id"])
        for (key, units) in sets where !stored.contains(key) {
            for unit in units { rows.append(plain: [.text(key), .uuid(unit)]) }
        }
        try await rows.insert(on: db)
    }

    private static func storedKeys(_ keys: [String], on sql: any SQLDatabase) async throws -> Set<String> {
        var found: Set<String> = []
        for chunk in keys.chunked(500) {
            let binds: [any Encodable & Sendable] = chunk
            let rows = try await sql.raw(
                "SELECT DISTINCT \(ident: "set_key") FROM \(ident: AuditUnitSets.table) WHERE \(ident: "set_key") IN (\(binds: binds))"
            ).all()
            for row in rows { found.insert(try row.decode(column: "set_key", as: String.self)) }
        }
        return found
    }

    /// The stored units of each set named, by key.
    static func unitSets(_ keys: Set<String>, on db: any Database) async throws -> [String: Set<UUID>] {
        guard !keys.isEmpty, let sql = db as? any SQLDatabase else { return [:] }
        var sets: [String: Set<UUID>] = [:]
        let all = Array(keys)
        for chunk in all.chunked(500) {
            let binds: [any Encodable & Sendable] = chunk
            let rows = try await sql.raw(
                "SELECT \(ident: "set_key"), \(ident: "unit_id") FROM \(ident: AuditUnitSets.table) WHERE \(ident: "set_key") IN (\(binds: binds))"
            ).all()
            for row in rows {
                sets[try row.decode(column: "set_key", as: String.self), default: []].insert(
                    try row.decode(column: "unit_id", as: UUID.self))
            }
        }
        return sets
    }

    /// `audit_entries` naming one of `units`, in its own column or in its set, as SQL.
    static func naming(_ units: [UUID]) -> DatabaseQuery.Filter {
        guard !units.isEmpty else { return .sql(unsafeRaw: "1 = 0") }
        let ids: [any Encodable & Sendable] = units
        let entries = AuditEntryRecord.schema
        return .sql(
            embed: """
                (\(ident: entries).\(ident: "unit_id") IN (\(binds: ids)) OR \(ident: entries).\(ident: "units_key") IN \
                (SELECT \(ident: "set_key") FROM \(ident: AuditUnitSets.table) WHERE \(ident: "unit_id") IN (\(binds: ids))))
                """)
    }
}

/// Entries may name several units (issue 21: reads, searches, exports and sign-ins name the units they touched).
struct AddAuditUnitSets: AsyncMigration {
    var name: String { "2026-12-06-add-audit-unit-sets" }

    func prepare(on database: any Database) async throws {
        try await database.schema(AuditEntryRecord.schema).field("units_key", .string).update()
        try await database.schema(AuditUnitSets.table)
            .field("set_key", .string, .required)
            .field("unit_id", .uuid, .required)
            .unique(on: "set_key", "unit_id")
            .create()
        if let sql = database as? any SQLDatabase {
            try await sql.create(index: "audit_unit_sets_unit_idx").on(AuditUnitSets.table).column("unit_id").run()
            try await sql.create(index: "audit_units_key_idx").on(AuditEntryRecord.schema).column("units_key").run()
        }
    }

    func revert(on database: any Database) async throws {
        if let sql = database as? any SQLDatabase {
            try await sql.drop(index: "audit_units_key_idx").run()
        }
        try await database.schema(AuditUnitSets.table).delete()
        try await database.schema(AuditEntryRecord.schema).deleteField("units_key").update()
    }
}
