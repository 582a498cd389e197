import FluentKit
import Foundation
import GanDanCore

/// Reads the members on official rolls for an export in the import layout (written by `MemberCSVWriter`).
public struct MemberExporter: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Members on an official roll on `date` of the cells in scope (optionally one cell's), in Vietnamese name order.
    public func drafts(on date: CivilDate, cellID: UUID? = nil) async throws -> [MemberDraft] {
        try await members(on: date, cellID: cellID).map(\.draft)
    }

    /// `drafts(on:cellID:)` with each member's id, for the posts of a district export.
    func members(on date: CivilDate, cellID: UUID? = nil) async throws -> [(id: UUID, draft: MemberDraft)] {
        let rows = try await officialRolls(on: date, cellID: cellID).all()
        let cellOf = Dictionary(rows.map { ($0.memberID, $0) }, uniquingKeysWith: { first, _ in first })
        let organisations = try await OrganisationRecord.query(on: db).all()
        let codes = try Dictionary(
            organisations.map { (try $0.requireID(), $0.code) }, uniquingKeysWith: { first, _ in first })
        let units = try await UnitRecord.query(on: db).inForce(on: date).all()
        let unitCodes = Dictionary(units.map { ($0.unitID, $0.code) }, uniquingKeysWith: { first, _ in first })
        var drafts: [(id: UUID, draft: MemberDraft)] = []
        let ids = Array(cellOf.keys)
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(start + 500, ids.count)])
            start += 500
            for record in try await MemberRecord.query(on: db).filter(\.$id ~~ chunk).all() {
                // On the roll on `date` means a member that day: one who had left or died by then is not listed,
                // and what became true later (official date, a later status) is not shown (rules.md R26, R28).
                let party = try record.partyRecord
                guard let membership = cellOf[try record.requireID()], party.standing(on: date) != nil else { continue }
                drafts.append(
                    (
                        try record.requireID(),
                        MemberDraft(
                            fullName: record.fullName, birthDate: try record.date(\.$birthDate),
                            sex: try record.decode(\.$sex, as: Sex.self),
                            ethnicity: record.ethnicity, citizenID: record.citizenID, phone: record.phone,
                            residenceVillageCode: record.residenceUnitID.flatMap { unitCodes[$0] },
                            education: record.education, cardNumber: record.cardNumber, party: party.asOf(date),
                            cellCode: codes[membership.organisationID] ?? "",
                            joinedCellOn: try membership.date(\.$validFrom))
                    ))
            }
        }
        // Each name's key is made once: made in the comparison, it was most of a large district's export.
        return drafts.map { (key: VietnameseText.personNameSortKey($0.draft.fullName), member: $0) }
            .sorted { ($0.key, $0.member.draft.birthDate) < ($1.key, $1.member.draft.birthDate) }.map(\.member)
    }

    /// The units of the cells whose members `drafts(on:cellID:)` exports, for the export's audit entry (rules.md R30).
    public func units(on date: CivilDate, cellID: UUID? = nil) async throws -> Set<UUID> {
        let cells = Array(Set(try await officialRolls(on: date, cellID: cellID).all().map(\.organisationID)))
        var units: Set<UUID> = []
        for start in stride(from: 0, to: cells.count, by: 1000) {
            let chunk = Array(cells[start..<min(start + 1000, cells.count)])
            units.formUnion(try await OrganisationRecord.query(on: db).filter(\.$id ~~ chunk).all().map(\.unitID))
        }
        return units
    }

    /// Official memberships in force on `date` of the cells in scope (optionally one cell's).
    private func officialRolls(on date: CivilDate, cellID: UUID?) -> QueryBuilder<MembershipRecord> {
        var memberships = MembershipRecord.query(on: db).filter(\.$kind == MembershipKind.official.rawValue)
            .inForce(on: date)
        if let cellID { memberships = memberships.filter(\.$organisationID == cellID) }
        if let organisations = scope.organisationFilter {
            memberships = memberships.filter(\.$organisationID ~~ organisations)
        }
        return memberships
    }
}
