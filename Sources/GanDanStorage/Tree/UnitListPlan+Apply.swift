import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

extension UnitListPlan {
    /// Writes the plan inside the caller's transaction; returns its audit entries: one per unit created or versioned
    /// (a new unit's entry names its predecessors) and one for the list with its source.
    func apply(on db: any Database, actor: Actor) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var rows: [UnitRecord] = []
        for (stored, draft) in changedProvinces {
            events.append(
                event(
                    actor, "update", stored.unitID, before: AuditTrail.json(try UnitSnapshot(stored)),
                    after: AuditTrail.json(draft)))
            stored.validUntil = list.date.iso
            try await stored.update(on: db)
            rows.append(UnitRecord(draft, unitID: stored.unitID, parentID: nil))
        }
        let predecessors = Dictionary(
            list.successions.map { ($0.code, $0.predecessors) }, uniquingKeysWith: { a, _ in a })
        for draft in newUnits {
            guard let unitID = unitIDs[draft.code] else { continue }
            rows.append(UnitRecord(draft, unitID: unitID, parentID: draft.parentCode.flatMap { unitIDs[$0] }))
            let created = CreatedUnit(unit: draft, predecessors: predecessors[draft.code] ?? [])
            events.append(event(actor, "create", unitID, before: nil, after: AuditTrail.json(created)))
        }
        try await rows.createInBatches(on: db, batchSize: 200)
        try await successionRows().createInBatches(on: db, batchSize: 200)
        let note = ListNote(
            source: list.source, validFrom: list.date.iso, unitsCreated: summary.unitsCreated,
            unitsChanged: summary.unitsChanged, predecessors: summary.predecessors)
        events.append(
            AuditEvent(
                actor: actor.name, action: "import", entity: "unit-list", after: AuditTrail.json(note),
                requestID: actor.requestID, units: Set(unitIDs.values)))
        return events
    }

    private func successionRows() -> [UnitSuccessionRecord] {
        var rows: [UnitSuccessionRecord] = []
        for succession in newSuccessions {
            guard let unitID = unitIDs[succession.code] else { continue }
            for predecessor in succession.predecessors {
                let row = UnitSuccessionRecord()
                row.id = UUID()
                row.successorUnitID = unitID
                row.successorCode = succession.code
                row.validFrom = list.date.iso
                row.predecessorCode = predecessor.code
                row.predecessorName = predecessor.name
                row.predecessorKind = predecessor.kind.rawValue
                row.whole = predecessor.whole
                row.villages = AuditTrail.json(predecessor.villages) ?? "[]"
                rows.append(row)
            }
        }
        return rows
    }

    private func event(_ actor: Actor, _ action: String, _ unitID: UUID, before: String?, after: String?) -> AuditEvent
    {
        AuditEvent(
            actor: actor.name, action: action, entity: "unit", entityID: unitID.uuidString, before: before,
            after: after, requestID: actor.requestID, unitID: unitID)
    }

    /// A created unit's audit entry: the unit and the old units it was formed from.
    struct CreatedUnit: Encodable {
        var unit: UnitDraft
        var predecessors: [UnitPredecessor]
    }

    /// The list's own audit entry.
    struct ListNote: Encodable {
        var source: String
        var validFrom: String
        var unitsCreated: Int
        var unitsChanged: Int
        var predecessors: Int
    }
}
