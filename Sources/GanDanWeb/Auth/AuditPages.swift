import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// The audit trail for administrators and auditors, limited to the auditor's subtree.
struct AuditPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.audit).get("audit", use: page).reading(.page, .format)
        api.requiring(.audit).get("audit", use: list).reading(.page)
    }

    func entries(_ req: Request) async throws -> [AuditEntry] {
        try await AuditTrail(db: req.store, scope: try await req.scope(.audit)).entries(
            page: try req.queryNumber(.page, default: 1), perPage: 100)
    }

    struct AuditContext: Encodable {
        var page: PageContext
        var entries: [AuditEntry]
    }

    @Sendable func page(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        // People read the time in Vietnam's time, dd/mm/yyyy HH:mm; the API keeps the stored UTC timestamp.
        let entries = try await entries(req).map {
            var entry = $0
            entry.at = VietnamTime.text(iso: entry.at)
            return entry
        }
        let context = AuditContext(
            page: PageContext(req, title: Labels.text("audit", req), exportable: true), entries: entries)
        // An export of the trail is filed under the units whose entries it holds: those of the auditor's scope.
        var covered: Set<UUID> = []
        if case .restricted(let units, _) = try await req.scope(.audit) { covered = units }
        return try await req.exportOrRender(
            "audit", context, format: format, list: "audit_trail", units: covered
        ) { Self.table($0, req) }
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
