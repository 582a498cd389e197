import FluentKit
import Foundation
import GanDanCore

extension CellMeetings {
    /// The posts of a grassroots committee's standing body: its members meet monthly (rules.md R7).
    static let standingBodyPosts: [PostKind] = [
        .partySecretary, .partyDeputySecretary, .partyStandingMember, .partyCommitteeMember,
    ]

    /// The roll of a meeting on its day, read from the registry (rules.md R10); nil outside the scope.
    public func roll(ofMeeting id: UUID) async throws -> [RosterEntry]? {
        guard let meeting = try await meetingRecord(id),
            let holder = try await OrganisationRecord.find(meeting.organisationID, on: db)
        else { return nil }
        return try await roll(
            holder: holder, body: try meeting.decode(\.$body, as: MeetingBody.self), on: try meeting.date(\.$date))
    }

    /// Who a meeting's roll holds on `date`: a cell's official and temporary roll; for a grassroots committee's
    /// meeting, everyone on the rolls of the cells under it; for its standing body, the members holding its posts
    /// (rules.md R7). In Vietnamese name order.
    func roll(holder: OrganisationRecord, body: MeetingBody, on date: CivilDate) async throws -> [RosterEntry] {
        let id = try holder.requireID()
        let directory = CellDirectory(db: db, scope: .storageInternal)
        switch body {
        case .cell:
            return try await directory.roster(of: id, on: date)
        case .committee:
            var byMember: [UUID: RosterEntry] = [:]
            for cell in try await cells(under: id, on: date) {
                for entry in try await directory.roster(of: cell, on: date)
                where byMember[entry.member.id]?.membership != .official {
                    byMember[entry.member.id] = entry
                }
            }
            let keys = byMember.mapValues { VietnameseText.personNameSortKey($0.member.fullName) }
            return byMember.values.sorted {
                (keys[$0.member.id] ?? "", $0.member.id.uuidString) < (
                    keys[$1.member.id] ?? "", $1.member.id.uuidString
                )
            }
        case .standingBody:
            let posts = try await PostRecord.query(on: db).filter(\.$organisationID == id)
                .filter(\.$kind ~~ Self.standingBodyPosts.map(\.rawValue)).inForce(on: date).all()
            var postsOf: [UUID: [PostKind]] = [:]
            for post in posts {
                postsOf[post.memberID, default: []].append(try post.decode(\.$kind, as: PostKind.self))
            }
            guard !postsOf.isEmpty else { return [] }
            let records = try await MemberRecord.query(on: db).filter(\.$id ~~ Array(postsOf.keys))
                .sort(\.$nameSort).sort(\.$id).all()
            return try await MemberDirectory(db: db, scope: .storageInternal).summaries(records, on: date).compactMap {
                guard $0.standing != nil else { return nil }
                return RosterEntry(
                    member: $0, membership: .official,
                    posts: (postsOf[$0.id] ?? []).sorted { $0.rawValue < $1.rawValue })
            }
        }
    }

    /// The cells under an organisation on `date`, through any committees between (one query per level).
    func cells(under organisation: UUID, on date: CivilDate) async throws -> [UUID] {
        var cells: [UUID] = []
        var frontier = [organisation]
        var seen: Set<UUID> = [organisation]
        while !frontier.isEmpty {
            let children = try await OrganisationRecord.children(of: frontier, on: date, db: db)
            frontier = []
            for child in children {
                let id = try child.requireID()
                guard seen.insert(id).inserted else { continue }
                if try child.decode(\.$kind, as: OrganisationKind.self).isCell {
                    cells.append(id)
                } else {
                    frontier.append(id)
                }
            }
        }
        return cells
    }
}
