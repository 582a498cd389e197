import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The printed placement decision: one paper per commune of the plan, each issued by that commune's party committee
/// (rules.md A1, R13), its receiving cells named with the commune (R27); `?unit=` prints one commune's paper.
extension PlacementPages {
    struct DecisionGroup: Encodable {
        var cell: String
        var members: [String]
    }

    /// One commune's decision: its committee's head, the agency cell it dissolves, the members by receiving cell.
    struct CommuneDecision: Encodable {
        var id: UUID
        /// "ĐẢNG BỘ HUYỆN NA HANG" and "ĐẢNG ỦY XÃ THANH TƯƠNG": the body above and the issuing committee.
        var upper: String
        var committee: String
        var commune: String
        /// The cells the members leave ("Chi bộ cơ quan xã Thanh Tương").
        var fromCells: String
        /// "Thanh Tương, ngày 25 tháng 4 năm 2019".
        var placeAndDate: String
        var groups: [DecisionGroup]
        var count: Int
        var link: String
    }

    struct DecisionContext: Encodable {
        var page: PageContext
        var status: String
        var decisionDate: String?
        var papers: [CommuneDecision]
        /// Every commune's paper of the plan, for the links above a plan of several communes.
        var others: [CommuneDecision]
        var count: Int
        /// The unit the plan is for (the export's title).
        var unitName: String
        var isApproved: Bool
    }

    @Sendable func decision(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let plan = try req.resolved.plan
        let context = try await decisionContext(req, plan)
        let units = try await req.planUnits(plan)
        if format == nil { try await req.auditPlanRead(plan, entity: "placement_decision") }
        return try await req.exportOrRender(
            "placement-decision", context, format: format, list: "placement_decision", object: plan.id, units: units
        ) { Self.table($0, req) }
    }

    /// The decision's view model: every commune's paper, or the one `?unit=` names (404 for a commune not in the
    /// plan).
    func decisionContext(_ req: Request, _ plan: PlacementPlan) async throws -> DecisionContext {
        let day = try plan.decisionDate ?? plan.proposedOn ?? req.asOfDate()
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        let unit = try await tree.unit(plan.unitID, on: day)
        var papers: [CommuneDecision] = []
        for commune in plan.communes {
            papers.append(try await communeDecision(tree, plan, commune, on: day, dateLine: ReportDate.line(day, req)))
        }
        let asked = try req.queryID(.unit)
        let shown = papers.filter { asked == nil || $0.id == asked }
        guard !shown.isEmpty else { throw QueryValueError.notInPlan(asked) }
        return DecisionContext(
            page: PageContext(req, title: Labels.text("decision", req), exportable: true),
            status: Self.statusLabel(plan.status, req), decisionDate: plan.decisionDate?.vietnamese, papers: shown,
            others: papers.count > 1 ? papers : [], count: shown.reduce(0) { $0 + $1.count },
            unitName: unit?.title(in: req.language) ?? "", isApproved: plan.status == .approved)
    }

    /// One commune's paper: the head of its party committee, and its members grouped by receiving cell.
    func communeDecision(
        _ tree: OrganisationTree, _ plan: PlacementPlan, _ commune: CommunePlan, on day: CivilDate, dateLine: String
    ) async throws -> CommuneDecision {
        let unit = try await tree.unit(commune.communeID, on: day)
        let above = try await tree.parent(of: commune.communeID, on: day)
        let name = unit?.name ?? commune.communeName
        let committee = PaperWords.committee(kind: unit?.kind ?? .commune, name: name).body
        let groups = Dictionary(grouping: commune.proposal.decisions) {
            CellNaming.withCommune($0.toCellName, communeKind: unit?.kind, communeName: unit?.name)
        }
        .map {
            DecisionGroup(
                cell: $0.key,
                members: $0.value.map(\.memberName).sorted {
                    VietnameseText.personNameSortKey($0) < VietnameseText.personNameSortKey($1)
                })
        }
        .sorted { VietnameseText.sortKey($0.cell) < VietnameseText.sortKey($1.cell) }
        var fromCells: [String] = []
        for decision in commune.proposal.decisions {
            let from = commune.agencyCellNames[decision.fromCellID] ?? ""
            if !from.isEmpty && !fromCells.contains(from) { fromCells.append(from) }
        }
        return CommuneDecision(
            id: commune.communeID, upper: above.map { PaperWords.partyBody(of: $0).uppercased() } ?? "",
            committee: committee.uppercased(), commune: unit.map(PaperWords.unitTitle) ?? name,
            fromCells: fromCells.joined(separator: ", "),
            placeAndDate: "\(name), \(dateLine)",
            groups: groups, count: commune.proposal.decisions.count,
            link: "/placement/plans/\(plan.id)/decision?unit=\(commune.communeID)")
    }
}
