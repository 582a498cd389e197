import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// JSON for members: `/api/members?q=&cell=&date=&page=&per_page=` and `/api/members/:member`.
struct MemberAPI: RouteCollection {
    func boot(routes api: any RoutesBuilder) throws {
        api.requiring(.read).get("members", use: search).reading(.search, .cell, .page, .perPage)
        api.requiring(.read).get("members", ":member", use: detail)
        api.requiring(.write).patch("members", ":member", use: update)
    }

    @Sendable func search(req: Request) async throws -> MemberPage {
        var cellID: UUID?
        if let id = try req.queryID(.cell) {
            // The filter's cell is resolved like a path object: 404 outside the read scope, not an empty list.
            try await PathKind.cell.resolve(id, req, for: .read)
            cellID = id
        }
        try await req.auditRead("member_list", id: nil)
        return try await MemberDirectory(db: req.store, scope: try await req.scope(.read)).search(
            .init(
                text: try req.querySearchText(.search), cellID: cellID, date: try req.asOfDate(),
                page: try req.queryNumber(.page, default: 1),
                perPage: min(try req.queryNumber(.perPage, default: 50), 500)))
    }

    @Sendable func detail(req: Request) async throws -> MemberDetail {
        let member = try req.resolved.member
        let id = member.summary.id
        try await req.auditRead("member", id: id.uuidString)
        return member
    }

    /// Changes a member's contact fields: 404 outside the user's scope, 403 inside it without the right to write.
    @Sendable func update(req: Request) async throws -> MemberDetail {
        let id = try req.resolved.member.summary.id
        let change = try req.content.decode(MemberContactChange.self)
        try await MemberWriter(db: req.store, scope: try await req.scope(.write)).updateContact(
            id, change, on: CivilDate.today(), actor: try await req.actor())
        guard
            let member = try await MemberDirectory(db: req.store, scope: try await req.scope(.read)).detail(
                id, on: CivilDate.today())
        else { throw Abort(.notFound) }
        return member
    }
}
