import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

/// A plan's papers per commune: the placement decision and the transfer letters (mail merge over the plan), as
/// print pages and .docx. `?unit=` picks one commune; without it every commune's paper follows the other.
/// Read access to the plan (its district's or commune's planners, viewers and auditors; 404 outside).
struct PlacementPaperPages: RouteCollection {
    enum Kind: String, CaseIterable {
        case decision, letters
    }

    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read)
        for kind in Kind.allCases {
            read.get("placement", "plans", ":plan", "papers", "\(kind.rawValue)") { req in
                try await self.paper(req, kind, docx: false)
            }.reading(.unit)
            read.get("placement", "plans", ":plan", "papers", "\(kind.rawValue).docx") { req in
                try await self.paper(req, kind, docx: true)
            }.reading(.unit)
        }
    }

    func paper(_ req: Request, _ kind: Kind, docx: Bool) async throws -> Response {
        let plan = try req.resolved.plan
        let asked = try req.queryID(.unit)
        let communes = plan.communes.filter { asked == nil || $0.communeID == asked }
        guard !communes.isEmpty else { throw QueryValueError.notInPlan(asked) }
        try await req.auditPlanRead(plan, entity: "placement_\(kind.rawValue)_paper")
        var pages: [PaperPage] = []
        var title = kind == .decision ? "Quyết định chuyển sinh hoạt đảng" : "Giấy giới thiệu sinh hoạt đảng"
        for commune in communes {
            let papers = try await Self.papers(req, plan, commune)
            let paper = kind == .decision ? papers.decision : papers.letters
            pages += paper.pages
            if communes.count == 1 { title = paper.title }
        }
        let combined = Paper(title: title, pages: pages)
        let date = try plan.decisionDate ?? req.asOfDate()
        if docx { return try req.docxResponse(combined, date: date) }
        let query = asked.map { "?unit=\($0)" } ?? ""
        return try await req.renderPaper(
            combined, back: "/placement/plans/\(plan.id)\(query)", backLabel: Labels.text("plan", req),
            docx: "/placement/plans/\(plan.id)/papers/\(kind.rawValue).docx\(query)")
    }

    /// The commune's papers: each moved member with year of birth, standing and posts on the day, origin and
    /// receiving cells, in Vietnamese order of names.
    static func papers(_ req: Request, _ plan: PlacementPlan, _ commune: CommunePlan) async throws -> PlacementPapers {
        let read = try await req.scope(.read)
        let day = try plan.decisionDate ?? plan.proposedOn ?? req.asOfDate()
        let tree = OrganisationTree(db: req.store, scope: read)
        let unit = try await tree.unit(commune.communeID, on: day)
        let above = try await tree.parent(of: commune.communeID, on: day)
        let communeTitle = unit.map(PaperWords.unitTitle) ?? commune.communeName
        // Each member as on the origin cell's roll the day the plan was made: one roll per agency cell, not one
        // lookup per member (a district's plan moves hundreds).
        let rollDay = plan.proposedOn ?? day
        let cells = CellDirectory(db: req.store, scope: read)
        var onRoll: [UUID: RosterEntry] = [:]
        for cellID in Set(commune.proposal.decisions.map(\.fromCellID)) {
            for entry in try await cells.roster(of: cellID, on: rollDay) { onRoll[entry.member.id] = entry }
        }
        var members: [MovedMember] = []
        for decision in commune.proposal.decisions {
            let entry = onRoll[decision.memberID]
            members.append(
                MovedMember(
                    name: decision.memberName, birthYear: entry.map { "\($0.member.birthDate.year)" } ?? "",
                    standing: entry?.member.standing?.label.vi ?? "",
                    posts: (entry?.posts ?? []).map(\.label.vi).joined(separator: ", "),
                    fromCell: commune.agencyCellNames[decision.fromCellID] ?? "",
                    toCell: decision.toCellName.contains(unit?.name ?? commune.communeName)
                        ? decision.toCellName : "\(decision.toCellName), \(communeTitle)"))
        }
        members.sort { VietnameseText.personNameSortKey($0.name) < VietnameseText.personNameSortKey($1.name) }
        let calendar = req.workingCalendar
        let receiveBy = plan.decisionDate.flatMap {
            calendar.covers(year: $0.year) ? calendar.adding(workingDays: 30, to: $0) : nil
        }
        return PlacementPapers(
            communeTitle: communeTitle, communeName: unit?.name ?? commune.communeName,
            communeKind: unit?.kind ?? .commune,
            upper: above.map(PaperWords.partyBody) ?? "",
            upperCommittee: above.map { PaperWords.committee(kind: $0.kind, name: $0.name).body } ?? "",
            date: plan.decisionDate, members: members, receiveBy: receiveBy)
    }
}
