import FluentKit
import Foundation
import GanDanCore

/// A cell's roll and counts on any date (rules.md R4): who was in cell X on date D, and how many were full members.
///
/// Callers find the cell through a scoped `OrganisationTree` first; a cell outside the scope has an empty roll here.
public struct CellDirectory: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// Everyone on the cell's official or temporary roll on `date`, in Vietnamese name order.
    /// Residence contacts are not members and are not listed (rules.md R15).
    public func roster(of cellID: UUID, on date: CivilDate) async throws -> [RosterEntry] {
        guard scope.contains(organisation: cellID) else { return [] }
        let memberships = try await MembershipRecord.query(on: db).filter(\.$organisationID == cellID)
            .filter(\.$kind ~~ [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue])
            .inForce(on: date).all()
        let kindOf = Dictionary(
            try memberships.map { ($0.memberID, try $0.decode(\.$kind, as: MembershipKind.self)) },
            uniquingKeysWith: { first, _ in first })
        guard !kindOf.isEmpty else { return [] }
        let records = try await MemberRecord.query(on: db).filter(\.$id ~~ Array(kindOf.keys))
            .sort(\.$nameSort).sort(\.$id).all()
        let posts = try await PostRecord.query(on: db).filter(\.$memberID ~~ Array(kindOf.keys)).inForce(on: date).all()
        var postsOf: [UUID: [PostKind]] = [:]
        for post in posts {
            let kind = try post.decode(\.$kind, as: PostKind.self)
            guard !kind.isCellPost || post.organisationID == cellID else { continue }
            postsOf[post.memberID, default: []].append(kind)
        }
        let summaries = try await MemberDirectory(db: db, scope: .storageInternal).summaries(records, on: date)
        return summaries.compactMap { summary in
            guard summary.standing != nil else { return nil }
            return RosterEntry(
                member: summary, membership: kindOf[summary.id] ?? .official,
                posts: (postsOf[summary.id] ?? []).sorted { $0.rawValue < $1.rawValue })
        }
    }

    /// Counts, officers and charter flags of each cell on `date`, in one pass over the rolls.
    public func summaries(
        of cells: [OrganisationSnapshot], on date: CivilDate, settings: CharterSettings = .standard
    ) async throws -> [CellSummary] {
        let ids = cells.filter { $0.kind.isCell && scope.contains(organisation: $0.id) }.map(\.id)
        guard !ids.isEmpty else { return [] }
        let memberships = try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ ids)
            .filter(\.$kind ~~ [MembershipKind.official.rawValue, MembershipKind.temporary.rawValue])
            .inForce(on: date).all()
        let memberIDs = Array(Set(memberships.map(\.memberID)))
        let members = try await memberIDs.isEmpty ? [] : MemberRecord.query(on: db).filter(\.$id ~~ memberIDs).all()
        let standingOf = Dictionary(
            try members.compactMap { record in
                try record.partyRecord.standing(on: date).map { (try record.requireID(), $0) }
            },
            uniquingKeysWith: { first, _ in first })
        var official: [UUID: [PartyStanding]] = [:]
        var temporary: [UUID: Int] = [:]
        for membership in memberships {
            guard let standing = standingOf[membership.memberID] else { continue }
            if membership.kind == MembershipKind.official.rawValue {
                official[membership.organisationID, default: []].append(standing)
            } else {
                temporary[membership.organisationID, default: 0] += 1
            }
        }
        let officers = try await PostRecord.query(on: db).filter(\.$organisationID ~~ ids)
            .filter(\.$kind ~~ [PostKind.cellSecretary.rawValue, PostKind.cellDeputySecretary.rawValue])
            .inForce(on: date).all()
        let officerIDs = Array(Set(officers.map(\.memberID)))
        let officerRecords =
            try await officerIDs.isEmpty ? [] : MemberRecord.query(on: db).filter(\.$id ~~ officerIDs).all()
        let names = try Dictionary(
            officerRecords.map { (try $0.requireID(), $0.fullName) }, uniquingKeysWith: { first, _ in first })
        func officer(_ kind: PostKind, of cell: UUID) -> String? {
            officers.first { $0.organisationID == cell && $0.kind == kind.rawValue }.flatMap { names[$0.memberID] }
        }
        return cells.filter { $0.kind.isCell && scope.contains(organisation: $0.id) }.map { cell in
            let counts = CellCounts(officialStandings: official[cell.id] ?? [], temporary: temporary[cell.id] ?? 0)
            return CellSummary(
                cell: cell, counts: counts, secretary: officer(.cellSecretary, of: cell.id),
                deputySecretary: officer(.cellDeputySecretary, of: cell.id),
                meetsMinimum: counts.meetsMinimum(settings),
                mayProposeCommittee: counts.mayProposeCommittee(settings))
        }
    }
}
