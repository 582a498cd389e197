import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The upper-level committee member assigned to a cell: a member of the registry with dated assignments, the history
/// kept (rules.md R11, R26). The commune's planners assign; everyone who sees the cell reads.
struct CommitteeMemberPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.read).get("cells", ":cell", "committee-member", use: page)
        pages.requiring(.plan).post("cells", ":cell", "committee-member", use: change)
        api.requiring(.read).get("cells", ":cell", "committee-members", use: history)
        api.requiring(.plan).post("cells", ":cell", "committee-members", use: assign)
        api.requiring(.plan).post("cells", ":cell", "committee-members", "end", use: end)
    }

    struct Row: Encodable {
        var name: String
        var memberID: UUID
        var from: String
        var until: String?
        var current: Bool
    }

    struct Context: Encodable {
        var page: PageContext
        var cellID: UUID
        var cellName: String
        var current: String?
        var rows: [Row]
        var mayAssign: Bool
        var candidates: [Choice]
        var today: String
        var csrf: String
        var error: String?
    }

    func context(_ req: Request) async throws -> Context {
        let cell = try req.resolved.cell
        let assignments = CommitteeAssignments(db: req.store, scope: try await req.scope(.read))
        let day = try req.asOfDate()
        let rows = try await assignments.history(of: cell.id)
        try await req.auditRead("committee_assignments", id: cell.id.uuidString, unit: cell.unitID)
        let current = rows.first { $0.validity.contains(day) }
        return Context(
            page: PageContext(req, title: "\(Labels.text("committeeMember", req)) · \(cell.name)"), cellID: cell.id,
            cellName: cell.name, current: current?.member.name,
            rows: rows.reversed().map {
                Row(
                    name: $0.member.name, memberID: $0.member.id, from: $0.validity.from.vietnamese,
                    until: $0.validity.until?.vietnamese, current: $0.id == current?.id)
            }, mayAssign: try await req.allows(.plan),
            candidates: [Choice(value: "", label: "—", selected: true)]
                + (try await assignments.candidates(for: cell.id, on: day)).map {
                    Choice(value: $0.id.uuidString, label: $0.name)
                }, today: day.iso, csrf: req.csrfToken, error: nil)
    }

    @Sendable func page(req: Request) async throws -> View {
        try await req.view.render("committee-member", try await context(req))
    }

    struct ChangeForm: Content {
        /// `assign` or `end`.
        var action: String
        var memberID: String?
        var date: String
    }

    /// Assigns a member from a day, or ends the assignment in force; the page again with what to fix.
    @Sendable func change(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let form = try req.content.decode(ChangeForm.self)
        let assignments = CommitteeAssignments(db: req.store, scope: try await req.scope(.plan))
        do {
            guard let date = CivilDate(form.date) else {
                throw CivilDate.outOfRangeError(field: "from", text: form.date)
            }
            if form.action == "end" {
                try await assignments.end(cellID: cell.id, on: date, actor: try await req.actor())
            } else {
                guard let member = UUID(uuidString: form.memberID ?? "") else {
                    throw InputError.invalid([
                        InputIssue.unreadable(field: "committeeMember", value: form.memberID ?? "")
                    ])
                }
                try await assignments.assign(
                    cellID: cell.id, memberID: member, from: date, actor: try await req.actor())
            }
        } catch let error as InputError {
            return try await req.renderForm("committee-member", try await context(req), issues: error.issues)
        } catch let error as StorageError {
            guard case .refused = error else { throw error }
            return try await req.renderForm(
                "committee-member", try await context(req), issues: [error.issue], status: .conflict)
        }
        return req.redirect(to: "/cells/\(cell.id)/committee-member")
    }

    @Sendable func history(req: Request) async throws -> [CommitteeAssignmentView] {
        let cell = try req.resolved.cell
        try await req.auditRead("committee_assignments", id: cell.id.uuidString, unit: cell.unitID)
        return try await CommitteeAssignments(db: req.store, scope: try await req.scope(.read)).history(of: cell.id)
    }

    struct AssignInput: Content {
        var memberID: UUID
        var from: CivilDate
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let input = try req.content.decode(AssignInput.self)
        let view = try await CommitteeAssignments(db: req.store, scope: try await req.scope(.plan)).assign(
            cellID: cell.id, memberID: input.memberID, from: input.from, actor: try await req.actor())
        let response = try await view.encodeResponse(for: req)
        response.status = .created
        return response
    }

    struct EndInput: Content {
        var on: CivilDate
    }

    @Sendable func end(req: Request) async throws -> CommitteeAssignmentView {
        let cell = try req.resolved.cell
        let input = try req.content.decode(EndInput.self)
        return try await CommitteeAssignments(db: req.store, scope: try await req.scope(.plan)).end(
            cellID: cell.id, on: input.on, actor: try await req.actor())
    }
}
