import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:member`: a party member the user may see, as registered on the date asked.
enum MemberResolver: PathResolver {
    static let notFound = "no member is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> MemberDetail? {
        try await MemberDirectory(db: req.store, scope: read).detail(id, on: try req.asOfDate())
    }

    static func covers(_ member: MemberDetail, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        try await MemberDirectory(db: req.store, scope: scope).detail(member.summary.id, on: try req.asOfDate()) != nil
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this member"
    }
}

extension Resolved {
    /// The member the path names.
    var member: MemberDetail { get throws { try object(MemberResolver.self) } }
}
