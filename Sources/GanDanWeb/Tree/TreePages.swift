import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The organisation tree as pages: provinces, any unit with its children and party organisations, and a cell's roll.
struct TreePages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read)
        read.get(use: home)
        read.get("units", ":unit", use: unit).reading(.format)
        read.get("cells", ":cell", use: cell).reading(.format)
    }

    struct HomeContext: Encodable {
        var page: PageContext
        var heading: String
        var provinces: [UnitRow]
        /// The cells the user is secretary of, with a direct link to their meetings (issue 6).
        var myCells: [NamedID]
        /// What the user's cells have to do today (issue 20).
        var todo: HomeToDo
        /// Whether the user may restructure the whole tree (issue 19: an administrator of all of it).
        var mayRestructure = false
    }

    @Sendable func home(req: Request) async throws -> View {
        let date = try req.asOfDate()
        let roots = try await OrganisationTree(db: req.store, scope: try await req.scope(.read)).roots(on: date)
        let page = PageContext(req, title: Labels.text("tree", req))
        let heading = Labels.text(try await req.scope(.read) == .everything ? "provinces" : "yourUnits", req)
        var myCells: [NamedID] = []
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        for grant in try await req.account().grants where grant.role == .secretary {
            if let id = grant.organisationID, let cell = try await tree.organisation(id) {
                myCells.append(NamedID(id: id, name: cell.name))
            }
        }
        return try await req.view.render(
            "home",
            HomeContext(
                page: page, heading: heading, provinces: roots.map { UnitRow($0, req.language) }, myCells: myCells,
                todo: try await HomeToDo.load(req, on: date),
                mayRestructure: try await RestructurePages.mayRestructure(req)))
    }

    struct UnitContext: Encodable {
        var page: PageContext
        var unit: UnitRow
        var validFrom: String
        var validUntil: String?
        var profile: ProfileRow?
        var breadcrumbs: [UnitRow]
        var children: [UnitRow]
        var childrenAreVillages: Bool
        var committees: [CommitteeRow]
        var cells: [CellRow]
        var history: [DatedRow]
        /// Official transfers into these cells waiting to be received (issue 18, rules.md R13, R14).
        var transfers: [TransferRow] = []
        /// Whether the user may keep this unit in the tree (a planner or administrator of it, issue 18).
        var mayEditTree = false
        var isCommune = false
        /// The village this one was split from, if it was (issue 18).
        var splitFrom: SplitNote?
    }

    struct ProfileRow: Encodable {
        var distance: String?
        var households: Int?
        var poorHouseholds: Int?
        var povertyRate: String?
        var povertyStandard: String?
        var povertyYear: Int?
        var ethnicMinority: Bool
        var mountain: Bool
    }

    @Sendable func unit(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let context = try await unitContext(req)
        return try await req.exportOrRender(
            "unit", context, format: format, list: "unit_cells", object: context.unit.id, unit: context.unit.id
        ) { Self.table($0, req) }
    }

    /// A unit's page as a view model: its children, committees and cells, in the user's read scope.
    func unitContext(_ req: Request) async throws -> UnitContext {
        let id = try req.resolved.unit.id
        let date = try req.asOfDate()
        let language = req.language
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        guard let unit = try await tree.unit(id, on: date) else {
            throw Abort(.notFound, reason: "this unit did not exist on \(date.vietnamese)")
        }
        let children = try await tree.children(of: id, on: date)
        let organisations = try await tree.organisations(atUnits: [id] + children.map(\.id), on: date)
        let cells = try await CellDirectory(db: req.store, scope: try await req.scope(.read)).summaries(
            of: organisations, on: date, settings: req.application.settings.charter)
        let history = try await tree.history(of: id)
        let breadcrumbs = try await tree.path(to: id, on: date).dropLast()
        var context = UnitContext(
            page: PageContext(req, title: unit.title(in: language), exportable: true), unit: UnitRow(unit, language),
            validFrom: unit.validity.from.vietnamese, validUntil: unit.validity.until?.vietnamese,
            profile: unit.profile.map {
                ProfileRow(
                    distance: $0.distanceKm.map(UnitRow.kilometres), households: $0.households,
                    poorHouseholds: $0.poorHouseholds,
                    povertyRate: $0.povertyRate.map { String(format: "%.0f %%", $0 * 100) },
                    povertyStandard: $0.povertyStandard, povertyYear: $0.povertyYear, ethnicMinority: $0.ethnicMinority,
                    mountain: $0.mountain)
            },
            breadcrumbs: breadcrumbs.map { UnitRow($0, language) }, children: children.map { UnitRow($0, language) },
            childrenAreVillages: children.contains { $0.kind.isVillageLevel },
            committees: organisations.filter { !$0.kind.isCell }.map {
                CommitteeRow(
                    id: $0.id, name: $0.name, kind: $0.kind.label.text(in: language),
                    holdsMeetings: $0.kind == .grassrootsCommittee)
            },
            cells: cells.map { CellRow($0, language) },
            history: history.map { DatedRow(label: $0.title(in: language), detail: $0.code, validity: $0.validity) })
        context.mayEditTree = try await req.allows(.plan)
        context.isCommune = unit.kind.level == 3
        context.splitFrom = try await splitNote(
            req, unit: unit, hasCell: organisations.contains { $0.unitID == id && $0.kind.isCell }, on: date)
        return try await context.withTransfers(req, cells: cells.map(\.cell.id))
    }

    struct CellContext: Encodable {
        var page: PageContext
        var cell: CellRow
        var unit: UnitRow?
        var breadcrumbs: [UnitRow]
        var validFrom: String
        var validUntil: String?
        var roster: [MemberRow]
        /// Official transfers into the cell waiting to be received (issue 18, rules.md R13, R14).
        var transfers: [TransferRow] = []
        /// Whether the user may receive them here (a planner or administrator of the cell).
        var mayReceive = false
        var today = ""
        /// Whether the user may rename, move or dissolve the cell (a planner or administrator of it, issue 18).
        var mayEditTree = false
    }

    @Sendable func cell(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await cellContext(req, audit: format == nil)
        return try await req.exportOrRender(
            "cell", context, format: format, list: "cell_roster", object: context.cell.id, unit: unitID
        ) { Self.table($0, req) }
    }

    /// A cell's page as a view model (its counts and roll), with the unit it belongs to; 404 outside the scope.
    func cellContext(_ req: Request, audit: Bool) async throws -> (CellContext, UUID) {
        let id = try req.resolved.cell.id
        let date = try req.asOfDate()
        let language = req.language
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        // Its name as it was on the day viewed (rules.md R26: a rename keeps the old name before its date).
        let cell = try await tree.organisation(id, on: date) ?? req.resolved.cell
        let directory = CellDirectory(db: req.store, scope: try await req.scope(.read))
        guard
            let summary = try await directory.summaries(
                of: [cell], on: date, settings: req.application.settings.charter
            ).first
        else {
            throw Abort(.notFound, reason: "no cell is at this address")
        }
        let roster = try await directory.roster(of: id, on: date)
        if audit { try await req.auditRead("cell_roster", id: id.uuidString, unit: cell.unitID) }
        let path = try await tree.path(to: cell.unitID, on: date)
        var context = CellContext(
            page: PageContext(req, title: cell.name, exportable: true), cell: CellRow(summary, language),
            unit: path.last.map { UnitRow($0, language) }, breadcrumbs: path.map { UnitRow($0, language) },
            validFrom: cell.validity.from.vietnamese, validUntil: cell.validity.until?.vietnamese,
            roster: roster.map { MemberRow($0.member, language, membership: $0.membership, posts: $0.posts) })
        context.mayEditTree = try await req.allows(.plan)
        return (try await context.withTransfers(req, cell: id), cell.unitID)
    }
}

extension TreePages.CellContext {
    /// The transfers waiting for the cell, and whether the user may press "Nhận".
    func withTransfers(_ req: Request, cell: UUID) async throws -> Self {
        var context = self
        let today = CivilDate.today()
        context.transfers = try await TransferRow.waiting(
            try await MemberTransfers(db: req.store, scope: try await req.scope(.read)).pending(into: [cell]), req)
        context.mayReceive = try await req.scope(.plan).contains(organisation: cell)
        context.today = today.iso
        return context
    }
}

extension TreePages.UnitContext {
    /// The transfers waiting for the unit's cells, the to-do home's line leads here.
    func withTransfers(_ req: Request, cells: [UUID]) async throws -> Self {
        var context = self
        context.transfers = try await TransferRow.waiting(
            try await MemberTransfers(db: req.store, scope: try await req.scope(.read)).pending(into: cells), req)
        return context
    }
}
