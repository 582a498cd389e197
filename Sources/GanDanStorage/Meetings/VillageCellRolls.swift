import FluentKit
import Foundation
import GanDanCore

/// The official rolls of village cells over time, each member with their party record and posts: what a committee
/// enters past cell life against (meetings, attendance, tasks; rules.md A9).
public struct VillageCellRolls: Sendable {
    let db: any Database
    let scope: AccessScope

    public init(db: any Database, scope: AccessScope) {
        self.db = db
        self.scope = scope
    }

    /// The cells of `kinds` (village cells unless told) under `unitID` on `date` (those in scope) in the order of
    /// their codes, each with every official membership it has had, members ordered by a key that does not depend on
    /// the database's ids.
    public func rolls(
        under unitID: UUID, on date: CivilDate, kinds: Set<OrganisationKind> = [.villageCell]
    ) async throws -> [HistoryCell] {
        let tree = OrganisationTree(db: db, scope: scope)
        let units = try await tree.subtree(of: unitID, on: date)
        let cells = try await tree.organisations(atUnits: units, on: date).filter {
            kinds.contains($0.kind) && scope.contains(organisation: $0.id)
        }
        let memberships = try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ cells.map(\.id))
            .filter(\.$kind == MembershipKind.official.rawValue).all()
        let people = try await self.people(Array(Set(memberships.map(\.memberID))))
        // Grouped once: filtering every membership for each cell was quadratic (a province's 3,000 cells × 160,000
        // memberships, bench/national).
        let byCell = Dictionary(grouping: memberships, by: \.organisationID)
        var rolls: [HistoryCell] = []
        for cell in cells.sorted(by: { $0.code < $1.code }) {
            let village = try await tree.unit(cell.unitID, on: date)
            let roll = try (byCell[cell.id] ?? []).compactMap { membership in
                try Self.member(membership, of: cell.id, people: people)
            }
            rolls.append(
                HistoryCell(
                    id: cell.id.uuidString, villageName: village?.name ?? cell.name, profile: village?.profile,
                    members: roll.sorted { ($0.key, $0.validity.from.iso) < ($1.key, $1.validity.from.iso) },
                    key: cell.code))
        }
        return rolls
    }

    /// The members and their posts, read 500 at a time.
    func people(_ memberIDs: [UUID]) async throws -> (members: [UUID: MemberRecord], posts: [UUID: [PostRecord]]) {
        var members: [UUID: MemberRecord] = [:]
        var posts: [UUID: [PostRecord]] = [:]
        for chunk in memberIDs.chunked(500) {
            for record in try await MemberRecord.query(on: db).filter(\.$id ~~ chunk).all() {
                members[try record.requireID()] = record
            }
            for post in try await PostRecord.query(on: db).filter(\.$memberID ~~ chunk).all() {
                posts[post.memberID, default: []].append(post)
            }
        }
        return (members, posts)
    }

    /// One membership as a roll line; nil for a membership whose member is not among `people`.
    static func member(
        _ membership: MembershipRecord, of cellID: UUID,
        people: (members: [UUID: MemberRecord], posts: [UUID: [PostRecord]])
    ) throws -> HistoryMember? {
        guard let member = people.members[membership.memberID] else { return nil }
        let held = people.posts[membership.memberID] ?? []
        return HistoryMember(
            id: membership.memberID.uuidString,
            validity: try membership.validity, party: try member.partyRecord,
            isKeyLeader: try held.contains { try $0.decode(\.$kind, as: PostKind.self).isKeyLeader },
            isSecretary: held.contains { $0.kind == PostKind.cellSecretary.rawValue && $0.organisationID == cellID },
            key: [member.citizenID, member.cardNumber, member.fullName, member.birthDate].compactMap { $0 }
                .joined(separator: "|"))
    }
}
