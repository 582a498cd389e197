import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// `:member`: a party member the user may see, as registered on the date asked: one on a roll in the user's scope
/// that day (a member who has left it is a 404 today and a record as of then on an earlier date; `MemberDirectory`).
enum MemberResolver: PathResolver {
    static let notFound = "no member is at this address"

    static func load(_ id: UUID, in read: AccessScope, _ req: Request) async throws -> MemberDetail? {
        try await MemberDirectory(db: req.store, scope: read).detail(id, on: try req.asOfDate())
    }

    /// Whether `scope` holds the member today: changes are made to today's record, so a former member seen as of
    /// a day they were in the scope may not be changed (nor is an edit offered).
    static func covers(_ member: MemberDetail, _ scope: AccessScope, _ req: Request) async throws -> Bool {
        try await MemberDirectory(db: req.store, scope: scope).isOnRoll(member.summary.id, on: CivilDate.today())
    }

    static func forbidden(_ action: Action) -> String {
        "your role does not allow changing this member"
    }
}

extension Resolved {
    /// The member the path names.
    var member: MemberDetail { get throws { try object(MemberResolver.self) } }
}
