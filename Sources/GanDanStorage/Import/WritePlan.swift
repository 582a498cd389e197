import FluentKit
import Foundation
import GanDanCore

/// The checked rows of a write, applied inside one transaction.
struct WritePlan: Sendable {
    var summary = DatasetWriteSummary()
    var newUnits: [UnitDraft] = []
    var changedUnits: [(UnitRecord, UnitDraft)] = []
    var organisations: [OrganisationDraft] = []
    var members: [MemberDraft] = []
    /// The input line of each member, when they came from a file.
    var memberLines: [Int]?
    var openUnitIDs: [String: UUID] = [:]
    var organisationIDs: [String: UUID] = [:]
    var organisationUnits: [String: UUID] = [:]

    /// Rows per INSERT: well under SQLite's limit on bound parameters.
    static let batchSize = 200
    /// Members whose rows are built while the database writes the chunks before: two of SQLite's largest member
    /// statements (`SQLiteBulkStatements`, 2,000 rows of 16 values).
    static let memberChunk = 4_000

    /// Writes the rows and returns the audit entries that record them.
    func apply(on db: any Database, actor: Actor) async throws -> [AuditEvent] {
        var events: [AuditEvent] = []
        let unitIDs = try await applyUnits(on: db, actor: actor, events: &events)
        let organisations = try await applyOrganisations(on: db, unitIDs: unitIDs, actor: actor, events: &events)
        try await applyMembers(
            on: db, unitIDs: unitIDs, organisationIDs: organisations.ids, unitOfOrganisation: organisations.units,
            actor: actor, events: &events)
        return events
    }

    /// One audit entry of this write.
    static func event(
        _ actor: Actor, _ action: String, _ entity: String, _ id: UUID?, before: String? = nil, after: String?,
        unit: UUID?
    ) -> AuditEvent {
        AuditEvent(
            actor: actor.name, action: action, entity: entity, entityID: id?.uuidString, before: before, after: after,
            requestID: actor.requestID, unitID: unit)
    }

    /// Closes the changed units' stored versions and writes their new versions and the new units; returns every
    /// open unit's ID by code.
    func applyUnits(on db: any Database, actor: Actor, events: inout [AuditEvent]) async throws -> [String: UUID] {
        var unitIDs = openUnitIDs
        for draft in newUnits { unitIDs[draft.code] = UUID() }
        var unitRows: [UnitRecord] = []
        for (stored, draft) in changedUnits {
            events.append(
                Self.event(
                    actor, "update", "unit", stored.unitID, before: AuditTrail.json(try UnitSnapshot(stored)),
                    after: AuditTrail.json(draft), unit: stored.unitID))
            stored.validUntil = draft.validity.from.iso
            try await stored.update(on: db)
            unitRows.append(
                UnitRecord(draft, unitID: stored.unitID, parentID: draft.parentCode.flatMap { unitIDs[$0] }))
        }
        for draft in newUnits {
            unitRows.append(
                UnitRecord(draft, unitID: unitIDs[draft.code]!, parentID: draft.parentCode.flatMap { unitIDs[$0] }))
        }
        try await unitRows.createInBatches(on: db, batchSize: Self.batchSize)
        for draft in newUnits {
            events.append(
                Self.event(
                    actor, "create", "unit", unitIDs[draft.code], after: AuditTrail.json(draft),
                    unit: unitIDs[draft.code]))
        }
        return unitIDs
    }

    /// Writes the organisations, parents before children, and their ratings; returns every organisation's ID by code
    /// and the unit of each new one.
    func applyOrganisations(on db: any Database, unitIDs: [String: UUID], actor: Actor, events: inout [AuditEvent])
        async throws -> (ids: [String: UUID], units: [String: UUID])
    {
        var organisationIDs = self.organisationIDs
        for draft in organisations { organisationIDs[draft.code] = UUID() }
        var ratingRows: [CellRatingRecord] = []
        let organisationRows = try organisations.map { draft in
            let record = OrganisationRecord()
            record.id = organisationIDs[draft.code]
            record.code = draft.code
            record.kind = draft.kind.rawValue
            record.name = MemberValidation.normalisedName(draft.name)
            record.nameSort = VietnameseText.sortKey(record.name)
            record.nameSearch = VietnameseText.searchKey(record.name)
            record.unitID = unitIDs[draft.unitCode]!
            record.parentID = draft.parentCode.flatMap { organisationIDs[$0] }
            record.validFrom = draft.validity.from.iso
            record.validUntil = draft.validity.until?.iso
            for rating in draft.ratings {
                let row = CellRatingRecord()
                row.id = UUID()
                row.organisationID = try record.requireID()
                row.year = rating.year
                row.level = rating.level.rawValue
                row.weak = rating.weak
                row.weakReason = rating.weakReason
                ratingRows.append(row)
            }
            return record
        }
        // Parents before children, level by level, so the foreign key on parent_id holds at every insert.
        let parentOf = Dictionary(
            organisations.map { ($0.code, $0.parentCode) }, uniquingKeysWith: { first, _ in first })
        func depth(_ code: String) -> Int {
            var depth = 0
            var next = parentOf[code] ?? nil
            while let current = next, depth < 32 {
                depth += 1
                next = parentOf[current] ?? nil
            }
            return depth
        }
        let levels = Dictionary(grouping: organisationRows, by: { depth($0.code) })
        for level in levels.keys.sorted() {
            try await (levels[level] ?? []).createInBatches(on: db, batchSize: Self.batchSize)
        }
        try await ratingRows.createInBatches(on: db, batchSize: Self.batchSize)
        for draft in organisations {
            events.append(
                Self.event(
                    actor, "create", "organisation", organisationIDs[draft.code], after: AuditTrail.json(draft),
                    unit: unitIDs[draft.unitCode]))
        }
        let unitOfOrganisation = Dictionary(
            organisationRows.map { ($0.code, $0.unitID) }, uniquingKeysWith: { first, _ in first })
        return (organisationIDs, unitOfOrganisation)
    }
}
