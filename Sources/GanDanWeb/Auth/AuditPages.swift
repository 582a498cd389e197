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
        return try await AuditTrail(db: req.store).entries(
            in: access.scopes.audit, page: try req.positiveInt("page", default: 1), perPage: 100)
    }

    struct AuditContext: Encodable {
        var page: PageContext
        var entries: [AuditEntry]
    }

    @Sendable func page(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let entries = try await entries(req)
        let context = AuditContext(
            page: PageContext(req, title: Labels.text("audit", req), exportable: true), entries: entries)
        if let format {
            return try await req.export(Self.table(context, req), format: format, list: "audit_trail")
        }
        return try await req.view.render("audit", context).encodeResponse(for: req)
    }

    /// The entries shown (one page of the trail, newest first as listed), every field as recorded.
    static func table(_ context: AuditContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.page.title,
            columns: ["#", word("when"), word("who"), word("action"), word("record"), "ID", "before", "after", "hash"],
            rows: context.entries.map {
                [
                    .integer($0.seq), .text($0.at), .text($0.actor), .text($0.action), .text($0.entity),
                    .optional($0.entityID), .optional($0.before), .optional($0.after), .text($0.hash),
                ]
            })
    }

    @Sendable func list(req: Request) async throws -> [AuditEntry] {
        try await entries(req)
    }
}

extension AuditEntry: Content {}
