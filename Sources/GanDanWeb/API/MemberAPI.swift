import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// JSON for members: `/api/members?q=&cell=&date=&page=&per_page=` and `/api/members/:id`.
struct MemberAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.grouped("api")
        api.get("members", use: search)
        api.get("members", ":id", use: detail)
        api.patch("members", ":id", use: update)
    }

    @Sendable func search(req: Request) async throws -> MemberPage {
        var cellID: UUID?
        if let text = req.query[String.self, at: "cell"], !text.isEmpty {
            guard let id = UUID(uuidString: text) else { throw Abort(.badRequest, reason: "cell must be a cell id") }
            cellID = id
        }
        try await req.auditRead("member_list", id: nil)
        return try await MemberDirectory(db: req.store, scope: try await req.access().scopes.read).search(
            .init(
                text: req.query[String.self, at: "q"] ?? "", cellID: cellID, date: try req.asOfDate(),
                page: try req.positiveInt("page", default: 1),
                perPage: min(try req.positiveInt("per_page", default: 50), 500)))
    }

    @Sendable func detail(req: Request) async throws -> MemberDetail {
        let id = try req.uuid("id")
        guard
            let member = try await MemberDirectory(db: req.store, scope: try await req.access().scopes.read).detail(
                id, on: try req.asOfDate())
        else {
            throw Abort(.notFound, reason: "no member has this id")
        }
        try await req.auditRead("member", id: id.uuidString)
        return member
    }

    /// Changes a member's contact fields: 404 outside the user's scope, 403 inside it without the right to write.
    @Sendable func update(req: Request) async throws -> MemberDetail {
        let id = try req.uuid("id")
        _ = try await MemberPages.editable(req, id)
        let change = try req.content.decode(MemberContactChange.self)
        let access = try await req.access()
        try await MemberWriter(db: req.store, scope: access.scopes.write).updateContact(
            id, change, on: CivilDate.today(), actor: access.actor)
        guard
            let member = try await MemberDirectory(db: req.store, scope: access.scopes.read).detail(
                id, on: CivilDate.today())
        else { throw Abort(.notFound) }
        return member
    }
}
