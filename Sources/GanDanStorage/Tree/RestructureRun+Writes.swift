import FluentKit
import Foundation
import GanDanCore
import GanDanInterchange

extension RestructureRun {
    /// Creates each new committee (and merged agency cell), ends the old organisations, moves the others.
    mutating func writeOrganisations(committees: [NewCommittee]) async throws {
        for plan in committees {
            let kindWord = Self.kindWord(plan.succession, list: list)
            let committee = try await create(
                id: plan.id, code: OrganisationDraft.committeeCode(unitCode: plan.succession.code),
                kind: .grassrootsCommittee, name: "Đảng bộ \(kindWord) \(plan.succession.name)",
                unitID: plan.unitID, parentID: plan.parentID)
            try await succeed(plan.predecessors, by: committee)
            guard !plan.agencyCells.isEmpty else { continue }
            if plan.fate == .merge {
                let cell = try await create(
                    id: UUID(), code: OrganisationDraft.agencyCellCode(communeCode: plan.succession.code),
                    kind: .communeAgencyCell, name: "Chi bộ cơ quan \(kindWord) \(plan.succession.name)",
                    unitID: plan.unitID, parentID: plan.id)
                try await succeed(plan.agencyCells, by: cell)
                try await carryMembers(from: plan.agencyCells, to: cell)
            } else {
                for cell in plan.agencyCells {
                    change(
                        vi: "\(cell.name) giải thể ngày \(eve.vietnamese).",
                        en: "\(cell.name) is dissolved on \(eve.vietnamese).")
                }
            }
        }
        try await endOrganisations()
        try await moveOrganisations()
    }

    static func kindWord(_ succession: UnitSuccession, list: UnitListFile) -> String {
        switch list.units.first(where: { $0.code == succession.code })?.kind {
        case .ward: return "phường"
        case .specialZone: return "đặc khu"
        default: return "xã"
        }
    }

    /// A new organisation from the date, with a code not yet taken (the new Nà Hang took the township's code).
    mutating func create(
        id: UUID, code: String, kind: OrganisationKind, name: String, unitID: UUID, parentID: UUID?
    ) async throws -> OrganisationRecord {
        var unique = code
        if try await OrganisationRecord.query(on: db).filter(\.$code == code).count() > 0 {
            unique = "\(code)-\(date.year)"
        }
        let record = OrganisationRecord()
        record.id = id
        record.code = unique
        record.kind = kind.rawValue
        record.name = name
        record.nameSort = VietnameseText.sortKey(name)
        record.nameSearch = VietnameseText.searchKey(name)
        record.unitID = unitID
        record.parentID = parentID
        record.validFrom = date.iso
        try await record.create(on: db)
        report.committeesCreated += kind == .grassrootsCommittee ? 1 : 0
        change(vi: "Thành lập \(name) từ ngày \(date.vietnamese).", en: "\(name) is founded on \(date.vietnamese).")
        events.append(organisationEvent(id, before: nil, after: record, unitID: unitID))
        return record
    }

    /// Records that each old organisation went into the new one on the date.
    mutating func succeed(_ predecessors: [OrganisationRecord], by successor: OrganisationRecord) async throws {
        for old in predecessors {
            let row = OrganisationSuccessionRecord()
            row.predecessorID = try old.requireID()
            row.successorID = try successor.requireID()
            row.validFrom = date.iso
            try await row.create(on: db)
            change(
                vi: "\(old.name) kết thúc ngày \(eve.vietnamese), hợp nhất vào \(successor.name).",
                en: "\(old.name) ends on \(eve.vietnamese), merged into \(successor.name).")
        }
    }

    /// The members of merged agency cells continue in the new cell from the date: same kind of membership, no gap.
    mutating func carryMembers(from cells: [OrganisationRecord], to cell: OrganisationRecord) async throws {
        let ids = try cells.map { try $0.requireID() }
        for membership in try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ ids)
            .inForce(on: eve).all()
        {
            let next = MembershipRecord(
                member: membership.memberID, cell: try cell.requireID(), kind: membership.kind, transfer: .internal,
                from: date, until: membership.validUntil.flatMap { $0 > date.iso ? $0 : nil })
            membership.validUntil = date.iso
            try await membership.update(on: db)
            try await next.create(on: db)
            report.membershipsCarried += 1
            events.append(
                AuditEvent(
                    actor: actor.name, action: "restructure", entity: "membership",
                    entityID: membership.memberID.uuidString, before: membership.organisationID.uuidString,
                    after: next.organisationID.uuidString, requestID: actor.requestID, unitID: cell.unitID))
        }
    }

    /// Ends every organisation that ends on the date, with the posts held in it.
    mutating func endOrganisations() async throws {
        let ids = Array(ending)
        for record in try await OrganisationRecord.query(on: db).filter(\.$id ~~ ids).all() {
            guard record.validUntil == nil else {
                throw InputError.invalid(
                    vi: "\(record.name) đã kết thúc ngày \(record.validUntil ?? ""): không ghi đè lịch sử.",
                    en: "\(record.name) already ends on \(record.validUntil ?? ""): history is not rewritten.")
            }
            record.validUntil = date.iso
            try await record.update(on: db)
            try await OrganisationPlacements(db: db).end([try record.requireID()], on: date)
            report.organisationsEnded += 1
            events.append(organisationEvent(try record.requireID(), before: nil, after: record, unitID: record.unitID))
        }
        for post in try await PostRecord.query(on: db).filter(\.$organisationID ~~ ids).inForce(on: date).all() {
            post.validUntil = date.iso
            try await post.update(on: db)
        }
    }

    /// Each moving organisation keeps its id, members and history: its periods in `organisation_placements` say
    /// where it sat before and from the date, and its row takes the new unit and parent (rules.md R26).
    mutating func moveOrganisations() async throws {
        let ids = Array(moves.keys)
        let placements = OrganisationPlacements(db: db)
        for record in try await OrganisationRecord.query(on: db).filter(\.$id ~~ ids).all() {
            let id = try record.requireID()
            guard let move = moves[id] else { continue }
            let (unit, parent) = (record.unitID, record.parentID)
            try await placements.change(record, from: date, .init(unitID: move.unit, parentID: .some(move.parent)))
            report.organisationsMoved += 1
            events.append(
                AuditEvent(
                    actor: actor.name, action: "restructure", entity: "organisation", entityID: id.uuidString,
                    before: parent?.uuidString, after: move.parent?.uuidString, requestID: actor.requestID,
                    units: [unit, move.unit]))
        }
    }

    func organisationEvent(_ id: UUID, before: OrganisationRecord?, after: OrganisationRecord, unitID: UUID)
        -> AuditEvent
    {
        AuditEvent(
            actor: actor.name, action: "restructure", entity: "organisation", entityID: id.uuidString,
            before: before.flatMap { AuditTrail.json(try? OrganisationSnapshot($0, latestRating: nil)) },
            after: AuditTrail.json(try? OrganisationSnapshot(after, latestRating: nil)), requestID: actor.requestID,
            unitID: unitID)
    }
}
