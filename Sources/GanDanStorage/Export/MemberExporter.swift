import FluentKit
import FluentSQL
import Foundation
import GanDanCore

/// Reads the members on official rolls for an export in the import layout (written by `MemberCSVWriter`), a page at
/// a time in Vietnamese name order, so that a province's or the country's export never holds its members at once
/// (issue 22).
public struct MemberExporter: Sendable {
    let db: any Database
    let scope: AccessScope

    /// Members read per query: the memory an export holds, whatever the roll's size.
    public static let pageSize = 2_000

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
        var all: [(id: UUID, draft: MemberDraft)] = []
        try await pages(on: date, cellID: cellID) { all += $0 }
        return all
    }

    /// `drafts(on:cellID:)` a page at a time (in name order, then birth date, then id), handed to `each` before the
    /// next page is read; returns how many members were handed over.
    @discardableResult
    public func pages(
        on date: CivilDate, cellID: UUID? = nil, pageSize: Int = MemberExporter.pageSize,
        _ each: ([(id: UUID, draft: MemberDraft)]) async throws -> Void
    ) async throws -> Int {
        var codes = Codes(db: db, date: date)
        var after: PageKey?
        var count = 0
        while true {
            let page = try await page(after: after, on: date, cellID: cellID, size: pageSize)
            guard let last = page.rows.last else { break }
            after = PageKey(
                nameSort: last.member.nameSort, birthDate: last.member.birthDate, id: try last.member.requireID())
            let drafts = try await self.drafts(page.rows, on: date, codes: &codes)
            count += drafts.count
            if !drafts.isEmpty { try await each(drafts) }
            if page.isLast { break }
        }
        return count
    }

    /// The units of the cells whose members `drafts(on:cellID:)` exports, for the export's audit entry (rules.md R30).
    public func units(on date: CivilDate, cellID: UUID? = nil) async throws -> Set<UUID> {
        let cells = try await officialRolls(on: date, cellID: cellID).unique().all(\.$organisationID)
        return try await OrganisationRecord.units(of: cells, on: db)
    }

    /// Where the last page ended.
    struct PageKey {
        var nameSort: String
        var birthDate: String
        var id: UUID
    }

    /// `(name_sort, birth_date, id) > key`: a row-value comparison both databases answer from `members_name_order`,
    /// starting where the last page ended.
    static func after(_ key: PageKey) -> DatabaseQuery.Filter {
        let members = MemberRecord.schema
        return .sql(
            embed: "(\(ident: members).\(ident: "name_sort"), \(ident: members).\(ident: "birth_date"), "
                + "\(ident: members).\(ident: "id")) > (\(bind: key.nameSort), \(bind: key.birthDate), \(bind: key.id))"
        )
    }

    /// One page's members, each with the membership that puts them on the roll.
    struct Page {
        var rows: [(member: MemberRecord, membership: MembershipRecord)] = []
        /// Fewer rows came than were asked for: nothing follows. Counted before a member on two rolls is folded.
        var isLast: Bool
    }

    /// The next `size` rows of members on an official roll on `date` after `key` (a member on two official rolls at
    /// once, which the writers refuse, is listed once).
    private func page(after key: PageKey?, on date: CivilDate, cellID: UUID?, size: Int) async throws -> Page {
        var query = MemberRecord.query(on: db)
            .join(MembershipRecord.self, on: \MembershipRecord.$memberID == \MemberRecord.$id)
            .filter(MembershipRecord.self, \.$kind == MembershipKind.official.rawValue)
            .filter(MembershipRecord.self, \.$validFrom <= date.iso)
            .group(.or) { group in
                group.filter(MembershipRecord.self, \.$validUntil == nil)
                    .filter(MembershipRecord.self, \.$validUntil > date.iso)
            }
        if let cellID { query = query.filter(MembershipRecord.self, \.$organisationID == cellID) }
        if let organisations = scope.organisationFilter {
            query = query.filter(MembershipRecord.self, \.$organisationID ~~ organisations)
        }
        if let key { query = query.filter(Self.after(key)) }
        let records = try await query.sort(\.$nameSort).sort(\.$birthDate).sort(\.$id).limit(size).all()
        var seen: Set<UUID> = []
        var page = Page(isLast: records.count < size)
        for record in records where seen.insert(try record.requireID()).inserted {
            page.rows.append((record, try record.joined(MembershipRecord.self)))
        }
        return page
    }

    /// The drafts of one page. On the roll on `date` means a member that day: one who had left or died by then is
    /// not listed, and what became true later (official date, a later status) is not shown (rules.md R26, R28).
    private func drafts(
        _ rows: [(member: MemberRecord, membership: MembershipRecord)], on date: CivilDate, codes: inout Codes
    ) async throws -> [(id: UUID, draft: MemberDraft)] {
        try await codes.load(
            organisations: rows.map(\.membership.organisationID), units: rows.compactMap(\.member.residenceUnitID))
        var drafts: [(id: UUID, draft: MemberDraft)] = []
        for (record, membership) in rows {
            let party = try record.partyRecord
            guard party.standing(on: date) != nil else { continue }
            guard let cellCode = codes.organisations[membership.organisationID] else {
                throw StorageError.corrupt(
                    table: MembershipRecord.schema, column: "organisation_id",
                    value: membership.organisationID.uuidString)
            }
            drafts.append(
                (
                    try record.requireID(),
                    MemberDraft(
                        fullName: record.fullName, birthDate: try record.date(\.$birthDate),
                        sex: try record.decode(\.$sex, as: Sex.self),
                        ethnicity: record.ethnicity, citizenID: record.citizenID, phone: record.phone,
                        residenceVillageCode: record.residenceUnitID.flatMap { codes.units[$0] },
                        education: record.education, cardNumber: record.cardNumber, party: party.asOf(date),
                        cellCode: cellCode,
                        joinedCellOn: try membership.date(\.$validFrom))
                ))
        }
        return drafts
    }

    /// The codes of the cells and villages met so far: read as pages name them, so they grow with the tree, not with
    /// the members.
    struct Codes {
        let db: any Database
        let date: CivilDate
        var organisations: [UUID: String] = [:]
        var units: [UUID: String] = [:]

        mutating func load(organisations wanted: [UUID], units wantedUnits: [UUID]) async throws {
            let missing = Array(Set(wanted).subtracting(organisations.keys))
            for chunk in missing.chunked(500) {
                for record in try await OrganisationRecord.query(on: db).filter(\.$id ~~ chunk).all() {
                    organisations[try record.requireID()] = record.code
                }
            }
            let missingUnits = Array(Set(wantedUnits).subtracting(units.keys))
            for chunk in missingUnits.chunked(500) {
                for record in try await UnitRecord.query(on: db).filter(\.$unitID ~~ chunk).inForce(on: date).all() {
                    units[record.unitID] = record.code
                }
            }
        }
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
