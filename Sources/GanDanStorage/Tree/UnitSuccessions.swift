import FluentKit
import Foundation
import GanDanCore

/// Reads the stored conversion from old units to the units of a new structure (rules.md R26): for each new unit in
/// scope, the old units it was formed from, whole or in part, with the old unit's stable id when the database holds
/// it (the unit with that code in force the day before).
public struct UnitSuccessions: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Every new unit in scope beginning on `date` with its predecessors, in code order.
    public func conversion(on date: CivilDate) async throws -> [UnitSuccession] {
        var query = UnitSuccessionRecord.query(on: db).filter(\.$validFrom == date.iso)
        if let units = scope.unitFilter { query = query.filter(\.$successorUnitID ~~ units) }
        return try await successions(try await query.all(), on: date)
    }

    /// The predecessors of one new unit, or nil when it has none stored (or is outside the scope).
    public func predecessors(of unitID: UUID) async throws -> UnitSuccession? {
        guard scope.contains(unit: unitID) else { return nil }
        let rows = try await UnitSuccessionRecord.query(on: db).filter(\.$successorUnitID == unitID).all()
        guard let first = rows.first, let date = CivilDate(first.validFrom) else { return nil }
        return try await successions(rows, on: date).first
    }

    private func successions(_ rows: [UnitSuccessionRecord], on date: CivilDate) async throws -> [UnitSuccession] {
        let newUnits = try await unitsByID(Array(Set(rows.map(\.successorUnitID))), on: date)
        let oldUnits = try await openCodes(Array(Set(rows.map(\.predecessorCode))), on: date.adding(days: -1))
        var result: [UnitSuccession] = []
        for (unitID, group) in Dictionary(grouping: rows, by: \.successorUnitID) {
            guard let unit = newUnits[unitID] else {
                throw StorageError.corrupt(
                    table: UnitSuccessionRecord.schema, column: "successor_unit_id", value: unitID.uuidString)
            }
            let predecessors = try group.map { row in
                var predecessor = try UnitListPlan.predecessor(row)
                predecessor.unitID = oldUnits[row.predecessorCode]
                return predecessor
            }
            result.append(
                UnitSuccession(
                    code: unit.code, name: unit.name, date: date, unitID: unitID,
                    predecessors: predecessors.sorted { $0.code < $1.code }))
        }
        return result.sorted { $0.code < $1.code }
    }

    private func unitsByID(_ ids: [UUID], on date: CivilDate) async throws -> [UUID: UnitRecord] {
        var found: [UUID: UnitRecord] = [:]
        for chunk in ids.chunked(500) {
            for unit in try await UnitRecord.query(on: db).filter(\.$unitID ~~ chunk).inForce(on: date).all() {
                found[unit.unitID] = unit
            }
        }
        return found
    }

    /// The stable id of the unit with each code in force on `date`.
    private func openCodes(_ codes: [String], on date: CivilDate) async throws -> [String: UUID] {
        var found: [String: UUID] = [:]
        for chunk in codes.chunked(500) {
            for unit in try await UnitRecord.query(on: db).filter(\.$code ~~ chunk).inForce(on: date).all() {
                found[unit.code] = unit.unitID
            }
        }
        return found
    }
}
