import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Placement for planners: directives and plans, review with reasons, move (pin) and re-run, approve,
/// the printable decision, and the charter list after placement (rules.md A1–A5).
struct PlacementPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read)
        let write = routes.requiring(.write)
        read.get("placement", use: index)
        routes.requiring(.plan, objectInBody: .unit).post("placement", "plans", use: propose)
        read.get("placement", "plans", ":plan", use: review).reading(.format, .unit)
        write.post("placement", "plans", ":plan", "move", use: move)
        routes.requiring(.approve).post("placement", "plans", ":plan", "approve", use: approve)
        read.get("placement", "plans", ":plan", "decision", use: decision).reading(.format, .unit)
        write.post("placement", "plans", ":plan", "correct", use: correct)
        read.get("directives", ":directive", use: directive).reading(.format)
        read.get("charter", ":unit", use: charter).reading(.format)
    }

    struct UnitChoice: Encodable {
        var id: UUID
        var title: String
    }

    struct PlanRow: Encodable {
        var id: UUID
        var unit: String
        var status: String
        var members: Int
        var decisionDate: String?
    }

    struct DirectiveRow: Encodable {
        var id: UUID
        var title: String
        var dissolved: Int
        var total: Int
        var deadline: String
        var completedOn: String?
    }

    struct IndexContext: Encodable {
        var page: PageContext
        var csrf: String
        var units: [UnitChoice]
        var plans: [PlanRow]
        var directives: [DirectiveRow]
    }

    @Sendable func index(req: Request) async throws -> View {
        let date = try req.asOfDate()
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.write))
        var units: [UnitChoice] = []
        for root in try await tree.roots(on: date) {
            let candidates = root.kind.level <= 2 ? [root] + (try await tree.children(of: root.id, on: date)) : [root]
            units += candidates.filter { $0.kind.level == 2 || $0.kind.level == 3 }.map {
                UnitChoice(id: $0.id, title: $0.title(in: req.language))
            }
        }
        let readTree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        var plans: [PlanRow] = []
        for plan in try await PlacementPlans(db: req.store, scope: try await req.scope(.read)).plans() {
            let unit = try await readTree.unit(plan.unitID, on: date)?.title(in: req.language) ?? ""
            plans.append(
                PlanRow(
                    id: plan.id, unit: unit, status: Self.statusLabel(plan.status, req), members: plan.decisions.count,
                    decisionDate: plan.decisionDate?.vietnamese))
        }
        let ranking = try await Directives(db: req.store, scope: try await req.scope(.read)).ranking(on: date)
        return try await req.view.render(
            "placement",
            IndexContext(
                page: PageContext(req, title: Labels.text("placement", req)), csrf: req.csrfToken, units: units,
                plans: plans,
                directives: ranking.map {
                    DirectiveRow(
                        id: $0.id, title: $0.title, dissolved: $0.dissolved, total: $0.total,
                        deadline: $0.deadline.vietnamese, completedOn: $0.completedOn?.vietnamese)
                }))
    }

    struct ProposeForm: Content {
        var unit: UUID
        var date: String?
    }

    @Sendable func propose(req: Request) async throws -> Response {
        let form = try req.content.decode(ProposeForm.self)
        try await req.resolveBodyObject(form.unit)
        let date = try form.date.flatMap { CivilDate($0) } ?? req.asOfDate()
        let plan = try await PlacementPlans(db: req.store, scope: try await req.scope(.write)).propose(
            unitID: form.unit, on: date, actor: try await req.actor())
        return req.redirect(to: "/placement/plans/\(plan.id)?date=\(date.iso)")
    }

    struct DecisionRow: Encodable {
        var memberID: UUID
        var name: String
        var keyLeader: Bool
        var pinned: Bool
        var to: String
        var toID: UUID
        var reasons: [String]
    }

    struct CellChoice: Encodable {
        var id: UUID
        var name: String
        var received: Int
    }

    struct CommuneSection: Encodable {
        var id: UUID
        var name: String
        var rows: [DecisionRow]
        var cells: [CellChoice]
        var warnings: [String]
        var notes: [String]
    }

    /// One commune's line in the summary above a plan paged by commune: what the district checks first (rules.md
    /// A2, A3): key leaders placed, cells that receive members, weak cells a key leader reaches.
    struct CommuneSummary: Encodable {
        var id: UUID
        var name: String
        var link: String
        var members: Int
        var keyLeaders: Int
        var cellsCovered: Int
        var weakReached: Int
        var weakCells: Int
        var current: Bool
    }

    struct ChangeRow: Encodable {
        var name: String
        var from: String
        var to: String
    }

    struct ReviewContext: Encodable {
        var page: PageContext
        var csrf: String
        var id: UUID
        var version: Int
        var isDraft: Bool
        var isApproved: Bool
        var mayEdit: Bool
        var status: String
        var decisionDate: String?
        var total: String
        /// Every commune, for the exports; the page shows `shown`, one commune at a time, under `summary`.
        var communes: [CommuneSection]
        var shown: [CommuneSection]
        var summary: [CommuneSummary]
        var totals: CommuneSummary?
        var changes: [ChangeRow]
        var error: String?
        /// "at most N working days after the decision", N from the charter settings the approval checks.
        var placedOnHint: String
        var dissolvedOnHint: String
    }

    func renderReview(
        _ req: Request, _ plan: PlacementPlan, changes: [PlacementChange] = [], error: String? = nil
    ) async throws -> View {
        try await req.view.render(
            "placement-plan", try await reviewContext(req, plan, changes: changes, error: error, exportable: false))
    }

    /// The plan review's view model: per commune, each member's proposed cell with the reasons.
    func reviewContext(
        _ req: Request, _ plan: PlacementPlan, changes: [PlacementChange] = [], error: String? = nil,
        exportable: Bool = true
    ) async throws -> ReviewContext {
        let language = req.language
        let mayEdit = try await req.allows(.write)
        let communes = plan.communes.map { commune in
            var names: [UUID: String] = [:]
            for decision in commune.proposal.decisions { names[decision.toCellID] = decision.toCellName }
            for decision in commune.proposal.decisions {
                if let alternative = decision.alternative { names[alternative.cellID] = alternative.cellName }
            }
            let cells = names.map {
                CellChoice(id: $0.key, name: $0.value, received: commune.proposal.received[$0.key] ?? 0)
            }
            .sorted { VietnameseText.sortKey($0.name) < VietnameseText.sortKey($1.name) }
            let rows = commune.proposal.decisions.map { decision in
                DecisionRow(
                    memberID: decision.memberID, name: decision.memberName, keyLeader: decision.isKeyLeader,
                    pinned: decision.pinned, to: decision.toCellName, toID: decision.toCellID,
                    reasons: decision.reasons.map { $0.text(in: language) })
            }
            .sorted {
                ($0.keyLeader ? 0 : 1, VietnameseText.sortKey($0.to)) < (
                    $1.keyLeader ? 0 : 1, VietnameseText.sortKey($1.to)
                )
            }
            return CommuneSection(
                id: commune.communeID, name: commune.communeName, rows: rows, cells: cells,
                warnings: commune.proposal.warnings.map { $0.text(in: language) },
                notes: commune.proposal.notes.map { $0.text(in: language) })
        }
        let weak = try await PlacementPlans(db: req.store, scope: try await req.scope(.read)).weakCells(
            of: plan, on: plan.proposedOn ?? (try req.asOfDate()))
        let asked = try req.queryID(.unit)
        let current = communes.first { $0.id == asked }?.id ?? communes.first?.id
        let summary = plan.communes.map { Self.summary($0, plan: plan.id, weak: weak, current: current) }
        return ReviewContext(
            page: PageContext(req, title: Labels.text("plan", req), exportable: exportable), csrf: req.csrfToken,
            id: plan.id,
            version: plan.version, isDraft: plan.status == .draft, isApproved: plan.status == .approved,
            mayEdit: mayEdit,
            status: Self.statusLabel(plan.status, req), decisionDate: plan.decisionDate?.vietnamese,
            total: String(format: "%.0f", plan.total), communes: communes,
            shown: communes.filter { $0.id == current }, summary: summary.count > 1 ? summary : [],
            totals: summary.count > 1 ? Self.totals(summary) : nil,
            changes: changes.map { ChangeRow(name: $0.memberName, from: $0.fromCellName, to: $0.toCellName) },
            error: error,
            placedOnHint: Labels.text(
                "placedOnHintDays", req, days: req.application.settings.charter.placementWorkingDays),
            dissolvedOnHint: Labels.text("dissolvedOnHint", req))
    }

    /// A commune's line in the plan's summary.
    static func summary(_ commune: CommunePlan, plan: UUID, weak: Set<UUID>, current: UUID?)
        -> CommuneSummary
    {
        let decisions = commune.proposal.decisions
        let received = Set(commune.proposal.received.filter { $0.value > 0 }.keys)
        let leaderCells = Set(decisions.filter(\.isKeyLeader).map(\.toCellID))
        return CommuneSummary(
            id: commune.communeID, name: commune.communeName,
            link: "/placement/plans/\(plan)?unit=\(commune.communeID)", members: decisions.count,
            keyLeaders: decisions.filter(\.isKeyLeader).count, cellsCovered: received.count,
            weakReached: leaderCells.intersection(weak).count, weakCells: received.intersection(weak).count,
            current: commune.communeID == current)
    }

    /// The summary's total line.
    static func totals(_ lines: [CommuneSummary]) -> CommuneSummary {
        func sum(_ field: KeyPath<CommuneSummary, Int>) -> Int { lines.reduce(0) { $0 + $1[keyPath: field] } }
        return CommuneSummary(
            id: UUID(), name: "", link: "", members: sum(\.members), keyLeaders: sum(\.keyLeaders),
            cellsCovered: sum(\.cellsCovered), weakReached: sum(\.weakReached), weakCells: sum(\.weakCells),
            current: false)
    }

    @Sendable func review(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let plan = try req.resolved.plan
        let context = try await reviewContext(req, plan)
        let units = try await req.planUnits(plan)
        if format == nil { try await req.auditPlanRead(plan, entity: "placement_plan") }
        return try await req.exportOrRender(
            "placement-plan", context, format: format, list: "placement_plan", object: plan.id, units: units
        ) { Self.table($0, req) }
    }

    struct MoveForm: Content {
        var member: UUID
        var cell: UUID
    }

    @Sendable func move(req: Request) async throws -> Response {
        let plan = try req.resolved.plan
        let form = try req.content.decode(MoveForm.self)
        guard plan.decisions.contains(where: { $0.memberID == form.member }) else {
            throw Abort(.badRequest, reason: "that member is not in this plan")
        }
        var settings = plan.settings
        settings.pins[form.member] = form.cell
        do {
            let result = try await PlacementPlans(db: req.store, scope: try await req.scope(.write)).rerun(
                plan.id, settings: settings, on: try req.asOfDate(), actor: try await req.actor())
            return try await renderReview(req, result.plan, changes: result.changes).encodeResponse(for: req)
        } catch let error as StorageError {
            let response = try await renderReview(req, plan, error: error.sentence(in: req.language)).encodeResponse(
                for: req)
            response.status = .conflict
            return response
        }
    }

    struct ApproveForm: Content {
        var decisionDate: String
        var version: Int
        /// Each commune's day for placing its members, by commune id; empty means the decision date (rules.md R14).
        var placedOn: [String: String]?
        /// Each commune's day for dissolving its agency cells; empty means its placement day.
        var dissolvedOn: [String: String]?
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let plan = try req.resolved.plan
        let form = try req.content.decode(ApproveForm.self)
        guard let date = CivilDate(form.decisionDate) else {
            throw CivilDate.outOfRangeError(field: "decisionDate", text: form.decisionDate)
        }
        do {
            _ = try await PlacementPlans(
                db: req.store, scope: try await req.scope(.approve), charter: req.application.settings.charter,
                calendar: req.workingCalendar
            ).approve(
                plan.id, version: form.version, decisionDate: date,
                placedOn: try Self.placementDays(form.placedOn, field: "placedOn"),
                dissolvedOn: try Self.placementDays(form.dissolvedOn, field: "dissolvedOn"),
                actor: try await req.actor())
        } catch let error as StorageError {
            let response = try await renderReview(req, plan, error: error.sentence(in: req.language)).encodeResponse(
                for: req)
            response.status = .conflict
            return response
        } catch let error as InputError {
            let message = error.issues.map { $0.shown(in: req.language) }.joined(separator: " ")
            let response = try await renderReview(req, plan, error: message).encodeResponse(for: req)
            response.status = .unprocessableEntity
            return response
        }
        return req.redirect(to: "/placement/plans/\(plan.id)/decision")
    }

    /// Starts a new draft that corrects an approved plan: history is never rewritten (issue "placement").
    @Sendable func correct(req: Request) async throws -> Response {
        let plan = try req.resolved.plan
        let correction = try await PlacementPlans(db: req.store, scope: try await req.scope(.write)).correct(
            plan.id, on: try req.asOfDate(), settings: plan.settings, actor: try await req.actor())
        return req.redirect(to: "/placement/plans/\(correction.id)")
    }

    struct ProgressContext: Encodable {
        var page: PageContext
        var progress: DirectiveProgress
        var deadline: String
        var completedOn: String?
        var cells: [ProgressCell]
        var coverage: [DirectiveProgress.Coverage]
        /// The deadline column's heading, with the charter's number of working days (rules.md R14).
        var placeByHeading: String
    }

    struct ProgressCell: Encodable {
        var name: String
        var status: String
        var date: String?
        var day: CivilDate?
        /// The decision, the last day for placing the members (30 working days later) and whether it was kept, and
        /// the handover of records and seal (rules.md R14).
        var decidedOn: String?
        var placeBy: String?
        var kept: Bool?
        var handoverTo: String?
        var handoverOn: String?
    }

    @Sendable func directive(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await directiveContext(req)
        return try await req.exportOrRender(
            "directive", context, format: format, list: "directive", object: context.progress.id, unit: unitID
        ) { Self.table($0, req) }
    }

    /// A dissolution directive's progress as a view model, with its unit; 404 outside the scope.
    func directiveContext(_ req: Request) async throws -> (ProgressContext, UUID) {
        var progress = try req.resolved.directive
        try await Self.nameCommittees(&progress, req)
        return (
            ProgressContext(
                page: PageContext(req, title: progress.title, exportable: true), progress: progress,
                deadline: progress.deadline.vietnamese,
                completedOn: progress.completedOn?.vietnamese,
                cells: progress.cells.map { Self.progressCell($0, req) },
                coverage: progress.coverage,
                placeByHeading: Labels.text(
                    "placeByDays", req, days: req.application.settings.charter.placementWorkingDays)),
            progress.unitID
        )
    }

    /// Names each cell's receiver of records and seal as its committee ("Đảng ủy xã Thanh Tương", rules.md R14), not
    /// as the organisation ("Đảng bộ xã …"); the organisation's name stays when its unit is not in the read scope.
    static func nameCommittees(_ progress: inout DirectiveProgress, _ req: Request) async throws {
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        for index in progress.cells.indices {
            let cell = progress.cells[index]
            guard let unitID = cell.handoverUnitID, let day = cell.handoverOn,
                let unit = try await tree.unit(unitID, on: day)
            else { continue }
            progress.cells[index].handoverTo = PaperWords.committee(kind: unit.kind, name: unit.name).body
        }
    }

    /// One agency cell's line: its status and date, the 30-working-day deadline from the decision and whether the
    /// members were placed by then, and who took over its records and seal (rules.md A1, R14).
    static func progressCell(_ cell: DirectiveProgress.Cell, _ req: Request) -> ProgressCell {
        let placeBy = cell.decidedOn.map {
            req.workingCalendar.adding(workingDays: req.application.settings.charter.placementWorkingDays, to: $0)
        }
        return ProgressCell(
            name: cell.cellName, status: Labels.text("dissolution." + cell.status.rawValue, req),
            date: (cell.dissolvedOn ?? cell.placedOn)?.vietnamese, day: cell.dissolvedOn ?? cell.placedOn,
            decidedOn: cell.decidedOn?.vietnamese, placeBy: placeBy?.vietnamese,
            kept: placeBy.flatMap { deadline in cell.placedOn.map { $0 <= deadline } },
            handoverTo: cell.handoverTo, handoverOn: cell.handoverOn?.vietnamese)
    }

    struct CharterContext: Encodable {
        var page: PageContext
        var unit: String
        /// Cells that newly reached the threshold: no committee yet, each one step from recording its appointment.
        var propose: [CellRow]
        /// Cells at the threshold that already have a committee (rules.md A5).
        var hasCommittee: [CellRow]
        var below: [CellRow]
    }

    @Sendable func charter(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let context = try await charterContext(req)
        let id = try req.resolved.unit.id
        return try await req.exportOrRender("charter", context, format: format, list: "charter", object: id, unit: id) {
            Self.table($0, req)
        }
    }

    /// After placement: cells with ≥ 9 full members may propose a committee and a deputy (A5, R3), apart from those
    /// that already have one; < 3 is below R1.
    func charterContext(_ req: Request) async throws -> CharterContext {
        let id = try req.resolved.unit.id
        let date = try req.asOfDate()
        let read = try await req.scope(.read)
        let tree = OrganisationTree(db: req.store, scope: read)
        guard let unit = try await tree.unit(id, on: date) else { throw Abort(.notFound, reason: "no such unit") }
        let units = try await tree.subtree(of: id, on: date).filter { read.contains(unit: $0) }
        let cells = try await tree.organisations(atUnits: units, on: date).filter(\.kind.isCell)
        let summaries = try await CellDirectory(db: req.store, scope: read).summaries(
            of: cells, on: date, settings: req.application.settings.charter)
        let rows = summaries.map { CellRow($0, req.language) }
        let reached = rows.filter(\.mayProposeCommittee)
        let had = try await CellCommittees(db: req.store, scope: read).withCommittee(reached.map(\.id), on: date)
        return CharterContext(
            page: PageContext(req, title: Labels.text("charter", req), exportable: true),
            unit: unit.title(in: req.language), propose: reached.filter { !had.contains($0.id) },
            hasCommittee: reached.filter { had.contains($0.id) }, below: rows.filter(\.belowMinimum))
    }

    static func statusLabel(_ status: PlacementPlan.Status, _ req: Request) -> String {
        Labels.text("plan." + status.rawValue, req)
    }
}
