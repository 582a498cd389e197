import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Adding a village under a commune and founding a cell under its grassroots committee.
extension UnitEditPages {
    struct VillageContext: Encodable {
        var page: PageContext
        var csrf: String
        var unit: UnitRow
        var fields: NewVillage
        var kinds: [Choice]
        var today: String
    }

    /// The commune the path names; any other unit has no villages or cells to add here (404).
    func commune(_ req: Request) throws -> UnitSnapshot {
        let unit = try req.resolved.unit
        guard unit.kind.level == 3 else { throw Abort(.notFound, reason: "villages and cells are added to a commune") }
        return unit
    }

    func villageContext(_ req: Request, fields: NewVillage? = nil) throws -> VillageContext {
        let commune = try commune(req)
        let fields = fields ?? NewVillage(code: commune.code + ".", kind: UnitKind.village.rawValue)
        return VillageContext(
            page: PageContext(req, title: "\(Labels.text("addVillage", req)) · \(commune.title(in: req.language))"),
            csrf: req.csrfToken, unit: UnitRow(commune, req.language), fields: fields,
            kinds: [UnitKind.village, .hamlet, .residentialGroup].map {
                Choice(value: $0.rawValue, label: $0.label.text(in: req.language), selected: fields.kind == $0.rawValue)
            }, today: CivilDate.today().iso)
    }

    @Sendable func villageForm(req: Request) async throws -> View {
        try await req.view.render("village-new", try villageContext(req))
    }

    @Sendable func addVillage(req: Request) async throws -> Response {
        let commune = try commune(req)
        let input = try req.content.decode(NewVillage.self)
        do {
            let id = try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).addVillage(
                under: commune.id, input, actor: try await req.actor())
            return req.redirect(to: "/units/\(id)")
        } catch let error as InputError {
            return try await req.renderForm("village-new", try villageContext(req, fields: input), issues: error.issues)
        }
    }

    struct CellContext: Encodable {
        var page: PageContext
        var csrf: String
        var unit: UnitRow
        var fields: NewCell
        var kinds: [Choice]
        var villages: [Choice]
        var today: String
    }

    func cellContext(_ req: Request, fields: NewCell? = nil) async throws -> CellContext {
        let commune = try commune(req)
        let fields = fields ?? NewCell(kind: OrganisationKind.villageCell.rawValue)
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.plan))
        let villages = try await tree.children(of: commune.id, on: CivilDate.today())
        return CellContext(
            page: PageContext(req, title: "\(Labels.text("foundCell", req)) · \(commune.title(in: req.language))"),
            csrf: req.csrfToken, unit: UnitRow(commune, req.language), fields: fields,
            kinds: [OrganisationKind.villageCell, .otherCell].map {
                Choice(value: $0.rawValue, label: $0.label.text(in: req.language), selected: fields.kind == $0.rawValue)
            },
            villages: [Choice(value: "", label: "—", selected: fields.village == nil)]
                + villages.map {
                    Choice(
                        value: $0.id.uuidString, label: $0.title(in: req.language),
                        selected: fields.village == $0.id.uuidString)
                }, today: CivilDate.today().iso)
    }

    @Sendable func cellForm(req: Request) async throws -> View {
        try await req.view.render("cell-new", try await cellContext(req))
    }

    @Sendable func foundCell(req: Request) async throws -> Response {
        let commune = try commune(req)
        let input = try req.content.decode(NewCell.self)
        do {
            let id = try await TreeEditor(db: req.store, scope: try await req.scope(.plan)).foundCell(
                in: commune.id, input, actor: try await req.actor())
            return req.redirect(to: "/cells/\(id)")
        } catch let error as InputError {
            return try await req.renderForm(
                "cell-new", try await cellContext(req, fields: input), issues: error.issues)
        }
    }
}
