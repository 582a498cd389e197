import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The audit trail for administrators and auditors, limited to the auditor's subtree.
struct AuditPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("audit", use: page)
        routes.get("api", "audit", use: list)
    }

    func entries(_ req: Request) async throws -> [AuditEntry] {
        let access = try await req.access()
        guard access.account.grants.contains(where: \.role.mayReadAudit) else {
            throw Abort(.forbidden, reason: "only auditors and administrators read the audit trail")
        }
        return try await AuditTrail(db: req.db).entries(
            in: access.scopes.audit, page: try req.positiveInt("page", default: 1), perPage: 100)
    }

    struct AuditContext: Encodable {
        var page: PageContext
        var entries: [AuditEntry]
    }

    @Sendable func page(req: Request) async throws -> View {
        let entries = try await entries(req)
        return try await req.view.render(
            "audit", AuditContext(page: PageContext(req, title: Labels.text("audit", req)), entries: entries))
    }

    @Sendable func list(req: Request) async throws -> [AuditEntry] {
        try await entries(req)
    }
}

extension AuditEntry: Content {}
