import FluentKit
import Foundation
import GanDanCore

extension ImpactGroup {
    init(before: PeriodFigures, after: PeriodFigures) {
        self.before = before
        self.after = after
    }

    /// Adds one cell's two sides.
    mutating func add(_ before: PeriodFigures, _ after: PeriodFigures) {
        cells += 1
        self.before = self.before + before
        self.after = self.after + after
    }
}

extension ImpactReports {
    /// The cells among `cellIDs` whose official roll a commune key leader joined from `from` until `until`: a member
    /// holding a key-leader post on the day the membership began (rules.md A3, A9).
    func cellsReceivingKeyLeaders(_ cellIDs: [UUID], from: CivilDate, until: CivilDate) async throws -> Set<UUID> {
        var joined: [MembershipRecord] = []
        for chunk in cellIDs.chunked(500) {
            joined += try await MembershipRecord.query(on: db).filter(\.$organisationID ~~ chunk)
                .filter(\.$kind == MembershipKind.official.rawValue)
                .filter(\.$validFrom >= from.iso).filter(\.$validFrom < until.iso).all()
        }
        var posts: [UUID: [PostRecord]] = [:]
        for chunk in Array(Set(joined.map(\.memberID))).chunked(500) {
            for post in try await PostRecord.query(on: db).filter(\.$memberID ~~ chunk).all() {
                posts[post.memberID, default: []].append(post)
            }
        }
        var cells: Set<UUID> = []
        for membership in joined {
            let day = membership.validFrom
            let leader = try (posts[membership.memberID] ?? []).contains { post in
                try post.decode(\.$kind, as: PostKind.self).isKeyLeader && post.validFrom <= day
                    && (post.validUntil.map { day < $0 } ?? true)
            }
            if leader { cells.insert(membership.organisationID) }
        }
        return cells
    }
}
