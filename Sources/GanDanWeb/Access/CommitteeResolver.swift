import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:committee`: a grassroots party committee the user may see (a cell or any other organisation is a 404).
enum CommitteeResolver: PathResolver {
    static let notFound = "no grassroots committee is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> OrganisationSnapshot? {
        try await CellMeetings(db: req.store, scope: read, policy: req.meetingPolicy).committee(id)
    }

    static func covers(_ committee: OrganisationSnapshot, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        scope.contains(organisation: committee.id)
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow recording this committee's meetings"
    }

    /// Loads and remembers the committee a meeting belongs to, so its pages read it as `req.resolved.committee`.
    static func remember(_ id: UUID, in read: AccessScope, _ req: Request) async throws {
        guard let committee = try await load(id, in: read, req) else { throw Abort(.notFound, reason: notFound) }
        req.remember(Self.self, committee)
    }
}

extension Resolved {
    /// The grassroots committee the path names, or the committee whose meeting it names.
    var committee: OrganisationSnapshot { get throws { try object(CommitteeResolver.self) } }

    /// The cell or grassroots committee that holds the meeting the path names (rules.md R7).
    var meetingHolder: OrganisationSnapshot {
        get throws { try meeting.body == .cell ? try cell : try committee }
    }
}
