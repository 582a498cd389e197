import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Adding a member to a cell on the web (issue 18): planners and administrators, with the import's duplicate warning
/// confirmed on the form; audited.
struct NewMemberPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let plan = pages.requiring(.plan)
        plan.get("cells", ":cell", "members", "new", use: form)
        plan.post("cells", ":cell", "members", use: add)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var cellID: UUID
        var cellName: String
        var fields: NewMember
        var sexes: [Choice]
        var duplicate: Bool
        var today: String
    }

    func context(_ req: Request, fields: NewMember = NewMember(), duplicate: Bool = false) throws -> Context {
        let cell = try req.resolved.cell
        return Context(
            page: PageContext(req, title: "\(Labels.text("addMember", req)) · \(cell.name)"), csrf: req.csrfToken,
            cellID: cell.id, cellName: cell.name, fields: fields,
            sexes: Sex.allCases.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: req.language), selected: fields.sex == $0.rawValue)
            }, duplicate: duplicate, today: CivilDate.today().iso)
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.view.render("member-new", try context(req))
    }

    @Sendable func add(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let fields = try req.content.decode(NewMember.self)
        do {
            let id = try await MemberRegistryWriter(db: req.store, scope: try await req.scope(.plan)).add(
                fields, to: cell.id, today: CivilDate.today(), actor: try await req.actor())
            return req.redirect(to: "/members/\(id)")
        } catch let error as InputError {
            let duplicate = error.issues.contains { $0.field == MemberRegistryWriter.duplicateField }
            return try await req.renderForm(
                "member-new", try context(req, fields: fields, duplicate: duplicate), issues: error.issues)
        }
    }
}
