import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A cell kept on the web (issue 18): a planner or administrator renames it, moves it under another grassroots
/// committee of their scope, or dissolves it once no member is on its roll, each on a date with a required reason.
struct CellEditPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let plan = pages.requiring(.plan)
        plan.get("cells", ":cell", "edit", use: form)
        plan.post("cells", ":cell", "rename", use: rename)
        plan.post("cells", ":cell", "move", use: move)
        plan.post("cells", ":cell", "dissolve", use: dissolve)
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var id: UUID
        var name: String
        var committee: String?
        var today: String
        var rename: DatedRename
        var move: CellMove
        var committees: [Choice]
        var dissolve: DatedEnd
    }

    func context(
        _ req: Request, rename: DatedRename? = nil, move: CellMove? = nil, dissolve: DatedEnd? = nil
    ) async throws -> Context {
        let cell = try req.resolved.cell
        let scope = try await req.scope(.plan)
        let tree = OrganisationTree(db: req.store, scope: scope)
        let others = try await committees(req, cell: cell, tree: tree).filter { $0.id != cell.parentID }
        var current: OrganisationSnapshot?
        if let parent = cell.parentID { current = try await tree.organisation(parent) }
        return Context(
            page: PageContext(req, title: "\(Labels.text("editCell", req)) · \(cell.name)"), csrf: req.csrfToken,
            id: cell.id, name: cell.name, committee: current?.name, today: CivilDate.today().iso,
            rename: rename ?? DatedRename(name: cell.name), move: move ?? CellMove(),
            committees: others.map {
                Choice(value: $0.id.uuidString, label: $0.name, selected: move?.committee == $0.id.uuidString)
            }, dissolve: dissolve ?? DatedEnd())
    }

    /// The grassroots committees in the planner's scope beside the cell's commune: those of the communes under the
    /// same district (or province, in the two-level structure).
    func committees(_ req: Request, cell: OrganisationSnapshot, tree: OrganisationTree) async throws
        -> [OrganisationSnapshot]
    {
        let today = CivilDate.today()
        let everything = OrganisationTree(db: req.store, scope: .everything)
        var commune = try await everything.unit(cell.unitID, on: today)
        if let unit = commune, unit.kind.isVillageLevel, let parent = unit.parentID {
            commune = try await everything.unit(parent, on: today)
        }
        guard let commune else { return [] }
        var communes: [UnitSnapshot] = []
        if let parent = commune.parentID { communes = try await tree.children(of: parent, on: today) }
        let units = communes.isEmpty ? [commune.id] : communes.map(\.id)
        return try await tree.organisations(atUnits: units, on: today).filter { $0.kind == .grassrootsCommittee }
    }

    @Sendable func form(req: Request) async throws -> View {
        try await req.view.render("cell-edit", try await context(req))
    }

    @Sendable func rename(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(DatedRename.self)
        do {
            try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).renameCell(
                id, input, actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("cell-edit", try await context(req, rename: input), issues: error.issues)
        }
        return req.redirect(to: "/cells/\(id)")
    }

    @Sendable func move(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(CellMove.self)
        do {
            try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).moveCell(
                id, input, actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("cell-edit", try await context(req, move: input), issues: error.issues)
        }
        return req.redirect(to: "/cells/\(id)")
    }

    @Sendable func dissolve(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(DatedEnd.self)
        do {
            try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).dissolveCell(
                id, input, actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm("cell-edit", try await context(req, dissolve: input), issues: error.issues)
        }
        return req.redirect(to: "/cells/\(id)")
    }
}
