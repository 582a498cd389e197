import FluentKit
import Foundation

extension AuditTrail {
    /// The result of checking the chain: fine, or the first entry that does not fit.
    public enum Verification: Sendable, Equatable {
        case intact(entries: Int)
        case broken(seq: Int, reason: String)
    }

    /// Walks the trail in order and names the first edited, deleted or reordered entry, or the first whose set of
    /// units was changed. The chain is one for the whole database: it is checked whole, whatever the scope.
    public func verify() async throws -> Verification {
        var previousHash = Self.genesis
        var expected = 1
        var count = 0
        var offset = 0
        var checkedSets: Set<String> = []
        while true {
            let page = try await AuditEntryRecord.query(on: db).sort(\.$seq).range(offset..<(offset + 1000)).all()
            if page.isEmpty { break }
            offset += page.count
            let keys = Set(page.compactMap(\.unitsKey)).subtracting(checkedSets)
            let sets = try await Self.unitSets(keys, on: db)
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
                if let key = row.unitsKey, !checkedSets.contains(key) {
                    guard Self.unitsKey(sets[key] ?? []) == key else {
                        return .broken(
                            seq: row.seq, reason: "the units of entry \(row.seq) were changed after it was written")
                    }
                    checkedSets.insert(key)
                }
                previousHash = row.hash
                expected += 1
                count += 1
            }
        }
        return .intact(entries: count)
    }

    /// Entries naming a unit in the scope, newest first; each with its units in the scope.
    public func entries(page: Int = 1, perPage: Int = 100) async throws -> [AuditEntry] {
        var query = AuditEntryRecord.query(on: db)
        if let units = scope.unitFilter { query = query.filter(Self.naming(units)) }
        let start = (max(page, 1) - 1) * perPage
        let rows = try await query.sort(\.$seq, .descending).range(start..<(start + perPage)).all()
        let sets = try await Self.unitSets(Set(rows.compactMap(\.unitsKey)), on: db)
        return rows.map { row in
            let units = row.unitID.map { [$0] } ?? row.unitsKey.flatMap { sets[$0] } ?? []
            return AuditEntry(
                seq: row.seq, at: row.at, actor: row.actor, action: row.action, entity: row.entity,
                entityID: row.entityID, before: row.before, after: row.after, requestID: row.requestID,
                units: units.filter { scope.contains(unit: $0) }.sorted { $0.uuidString < $1.uuidString },
                hash: row.hash)
        }
    }
}
