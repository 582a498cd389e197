import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

extension UnitListPlan {
    /// Writes the plan inside the caller's transaction; returns its audit entries: one per unit created or versioned
    /// (a new unit's entry names its predecessors) and one for the list with its source.
    func apply(on db: any Database, actor: Actor) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        var rows = Self.unitRows()
        for (stored, draft) in changedProvinces {
            events.append(
                event(
                    actor, "update", stored.unitID, before: AuditTrail.json(try UnitSnapshot(stored)),
                    after: AuditTrail.json(draft)))
            stored.validUntil = list.date.iso
            try await stored.update(on: db)
            rows.appendUnit(draft, unitID: stored.unitID, parentID: nil)
        }
        let predecessors = Dictionary(
            list.successions.map { ($0.code, $0.predecessors) }, uniquingKeysWith: { a, _ in a })
        for draft in newUnits {
            guard let unitID = unitIDs[draft.code] else { continue }
            rows.appendUnit(draft, unitID: unitID, parentID: draft.parentCode.flatMap { unitIDs[$0] })
            let created = CreatedUnit(unit: draft, predecessors: predecessors[draft.code] ?? [])
            events.append(event(actor, "create", unitID, before: nil, after: AuditTrail.json(created)))
        }
        // Bulk rows (COPY on PostgreSQL): the whole country is 3,355 units and 10,602 predecessors.
        try await rows.insert(on: db)
        try await successionRows().insert(on: db)
        let note = ListNote(
            source: list.source, validFrom: list.date.iso, unitsCreated: summary.unitsCreated,
            unitsChanged: summary.unitsChanged, predecessors: summary.predecessors)
        events.append(
            AuditEvent(
                actor: actor.name, action: "import", entity: "unit-list", after: AuditTrail.json(note),
                requestID: actor.requestID, units: Set(unitIDs.values)))
        return events
    }

    private func successionRows() -> BulkRows {
        var rows = BulkRows(
            UnitSuccessionRecord.schema,
            [
                "id", "successor_unit_id", "successor_code", "valid_from", "predecessor_code", "predecessor_name",
                "predecessor_kind", "whole", "villages",
            ])
        for succession in newSuccessions {
            guard let unitID = unitIDs[succession.code] else { continue }
            for predecessor in succession.predecessors {
                rows.append(plain: [
                    .uuid(UUID()), .uuid(unitID), .text(succession.code), .text(list.date.iso), .text(predecessor.code),
                    .text(predecessor.name), .text(predecessor.kind.rawValue), .boolean(predecessor.whole),
                    .text(AuditTrail.json(predecessor.villages) ?? "[]"),
                ])
            }
        }
        return rows
    }

    /// The units table's columns, for units without a village profile (the list holds provinces and communes).
    private static func unitRows() -> BulkRows {
        BulkRows(
            UnitRecord.schema,
            [
                "id", "unit_id", "code", "kind", "name", "name_sort", "name_search", "parent_unit_id", "valid_from",
                "valid_until", "distance_km", "households", "poor_households", "poverty_standard", "poverty_year",
                "ethnic_minority", "mountain",
            ])
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

extension BulkRows {
    /// A unit version from a list draft (no village profile), stored as `UnitRecord(_:unitID:parentID:)` stores it.
    fileprivate mutating func appendUnit(_ draft: UnitDraft, unitID: UUID, parentID: UUID?) {
        let name = MemberValidation.normalisedName(draft.name)
        append(plain: [
            .uuid(UUID()), .uuid(unitID), .text(draft.code), .text(draft.kind.rawValue), .text(name),
            .text(VietnameseText.sortKey(name)), .text(VietnameseText.searchKey(name)), .of(parentID),
            .text(draft.validity.from.iso), .of(draft.validity.until?.iso), .null, .null, .null, .null, .null,
            .boolean(false), .boolean(false),
        ])
    }
}
