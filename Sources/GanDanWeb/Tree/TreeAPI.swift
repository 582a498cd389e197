import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// JSON for the tree: `/api/units`, `/api/units/:unit`, `/api/cells/:cell`, each with `?date=` (rules.md R26).
struct TreeAPI: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let api = routes.requiring(.read)
        api.get("units", use: roots)
        api.get("units", ":unit", use: unit)
        api.get("cells", ":cell", use: cell)
    }

    struct UnitsResponse: Content {
        var date: CivilDate
        var units: [UnitSnapshot]
    }

    @Sendable func roots(req: Request) async throws -> UnitsResponse {
        let date = try req.asOfDate()
        return UnitsResponse(
            date: date,
            units: try await OrganisationTree(db: req.store, scope: try await req.scope(.read)).roots(on: date))
    }

    struct UnitResponse: Content {
        var date: CivilDate
        var unit: UnitSnapshot
        var path: [UnitSnapshot]
        var children: [UnitSnapshot]
        var organisations: [OrganisationSnapshot]
        var cells: [CellSummary]
        var history: [UnitSnapshot]
    }

    @Sendable func unit(req: Request) async throws -> UnitResponse {
        let id = try req.resolved.unit.id
        let date = try req.asOfDate()
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        guard let unit = try await tree.unit(id, on: date) else {
            throw Abort(.notFound, reason: "this unit did not exist on \(date.iso)")
        }
        let children = try await tree.children(of: id, on: date)
        let organisations = try await tree.organisations(atUnits: [id] + children.map(\.id), on: date)
        let cells = try await CellDirectory(db: req.store, scope: try await req.scope(.read)).summaries(
            of: organisations, on: date, settings: req.application.settings.charter)
        return UnitResponse(
            date: date, unit: unit, path: try await tree.path(to: id, on: date), children: children,
            organisations: organisations, cells: cells, history: try await tree.history(of: id))
    }

    struct CellResponse: Content {
        var date: CivilDate
        var summary: CellSummary
        var roster: [RosterEntry]
    }

    @Sendable func cell(req: Request) async throws -> CellResponse {
        let cell = try req.resolved.cell
        let id = cell.id
        let date = try req.asOfDate()
        let directory = CellDirectory(db: req.store, scope: try await req.scope(.read))
        guard
            let summary = try await directory.summaries(
                of: [cell], on: date, settings: req.application.settings.charter
            ).first
        else { throw Abort(.notFound, reason: "no cell has this id") }
        let roster = try await directory.roster(of: id, on: date)
        try await req.auditRead("cell_roster", id: id.uuidString, unit: cell.unitID)
        return CellResponse(date: date, summary: summary, roster: roster)
    }
}
