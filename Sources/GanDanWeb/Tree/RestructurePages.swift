import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// The 2025 restructure as a page (issue 19 item 3), beside `gandan restructure apply`: an administrator of the whole
/// tree sends the units file (docs/restructure.md), reads the dry run — every change and every conflict — and applies
/// it, all or nothing, on the file's own date. The checked file comes back with the confirmation (base64 in the
/// form), so nothing waits on the server between the two steps; applying it twice writes nothing the second time.
struct RestructurePages: FeatureRoutes {
    /// A units file of the whole country is about 2 MB; the limit is the import upload's.
    static let bodyLimit = ByteCount(value: ImportUploads.maxBytes + 65_536)

    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let plan = pages.requiring(.plan)
        plan.get("restructure", use: form)
        plan.on(.POST, "restructure", "check", body: .collect(maxSize: Self.bodyLimit), use: check)
        plan.on(.POST, "restructure", "apply", body: .collect(maxSize: Self.bodyLimit), use: apply)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var fileName: String?
        var report: RestructureView?
        /// The checked file, base64, for the confirmation form; only when the dry run found no conflict.
        var content: String?
    }

    struct Upload: Content {
        var file: File?
        /// The checked file sent back by the confirmation form.
        var content: String?
        var fileName: String?
    }

    @Sendable func form(req: Request) async throws -> View {
        try await Self.requireWholeTree(req)
        return try await req.view.render("restructure", Context(page: Self.page(req), csrf: req.csrfToken))
    }

    /// The dry run: what applying the file would change, and every conflict.
    @Sendable func check(req: Request) async throws -> Response {
        try await Self.requireWholeTree(req)
        let upload = try? req.content.decode(Upload.self)
        guard let file = upload?.file, file.data.readableBytes > 0 else {
            return try await Self.refuse(req, [RestructureLabels.noFile])
        }
        let data = Data(file.data.readableBytesView)
        return try await run(req, data: data, fileName: file.filename, dryRun: true)
    }

    /// Applies the checked file on its own date, all or nothing.
    @Sendable func apply(req: Request) async throws -> Response {
        try await Self.requireWholeTree(req)
        let upload = try? req.content.decode(Upload.self)
        guard let content = upload?.content, let data = Data(base64Encoded: content), !data.isEmpty else {
            return try await Self.refuse(req, [RestructureLabels.noFile])
        }
        return try await run(req, data: data, fileName: upload?.fileName ?? "", dryRun: false)
    }

    func run(_ req: Request, data: Data, fileName: String, dryRun: Bool) async throws -> Response {
        let list: UnitListFile
        do {
            list = try UnitListLines.parse(data)
        } catch {
            return try await Self.refuse(req, RestructureLabels.unreadable(error), fileName: fileName)
        }
        let report: RestructureReport
        do {
            report = try await Restructure(db: req.store, scope: try await req.scope(.plan)).apply(
                list, on: list.date, dryRun: dryRun, actor: try await req.actor())
        } catch let error as InputError {
            // Conflicts found while applying (the data changed since the dry run): nothing was written.
            return try await Self.refuse(req, error.issues, fileName: fileName)
        }
        let view = RestructureView(report, language: req.language)
        let context = Context(
            page: Self.page(req), csrf: req.csrfToken, fileName: fileName, report: view,
            content: view.mayApply ? data.base64EncodedString() : nil)
        return try await req.view.render("restructure", context).encodeResponse(for: req)
    }

    /// The form again with what is wrong with the file, nothing written.
    static func refuse(_ req: Request, _ issues: [InputIssue], fileName: String? = nil) async throws -> Response {
        try await req.renderForm(
            "restructure", Context(page: page(req), csrf: req.csrfToken, fileName: fileName), issues: issues)
    }

    static func page(_ req: Request) -> PageContext {
        PageContext(req, title: Labels.text("restructureTitle", req))
    }

    /// Only an administrator of the whole tree restructures it (`Restructure` refuses any narrower scope too).
    static func requireWholeTree(_ req: Request) async throws {
        guard try await mayRestructure(req) else {
            throw SaidAbort(status: .forbidden, text: RestructureLabels.wholeTreeOnly)
        }
    }

    /// Whether the user may restructure: a planner's or administrator's scope over the whole tree.
    static func mayRestructure(_ req: Request) async throws -> Bool {
        guard try await req.holds(.plan) else { return false }
        return try await req.scope(.plan) == .everything
    }
}
