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
        let date = try req.asOfDate()
        let page = try await MemberDirectory(db: await req.readStore(), scope: try await req.scope(.read)).search(
            .init(
                text: try req.querySearchText(.search), cellID: cellID, date: date,
                page: try req.queryNumber(.page, default: 1),
                perPage: min(try req.queryNumber(.perPage, default: 50), 500)))
        // Filed under the units the search covered: the cell's, or the read scope's (rules.md R30).
        let units =
            cellID == nil
            ? try await req.coveredUnits(listing: page.items.map(\.id), on: date) : [try req.resolved.cell.unitID]
        try await req.auditRead("member_list", id: nil, units: units)
        return page
    }

    @Sendable func detail(req: Request) async throws -> MemberDetail {
        let member = try req.resolved.member
        let id = member.summary.id
        try await req.auditMemberRead(id)
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

extension Request {
    /// Records a read of a member, filed under the units of the member's cells in the read scope on the date viewed
    /// (rules.md R30), so the auditors of those units see it.
    func auditMemberRead(_ id: UUID) async throws {
        let units = try await MemberDirectory(db: store, scope: try await scope(.read)).units(
            ofMembers: [id], on: try asOfDate())
        try await auditRead("member", id: id.uuidString, units: units)
    }
}
