import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A cell's committee (chi ủy) and term (issue 18 item 3): who holds the cell's posts, whether the cell may have a
/// committee, its congresses and the next one due (rules.md R2, R3, R5, R6). Everyone who sees the cell reads; the
/// commune's planners record a post (elected, or appointed by the superior committee) and a congress.
struct CellCommitteePages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.read).get("cells", ":cell", "cell-committee", use: page).reading(.postSource)
        pages.requiring(.plan).post("cells", ":cell", "cell-committee", use: assign)
        pages.requiring(.plan).post("cells", ":cell", "congresses", use: congress)
    }

    struct Seat: Encodable {
        var memberID: UUID
        var name: String
        var posts: String
        var since: String
        var source: String?
    }

    struct Context: Encodable {
        var page: PageContext
        var cellID: UUID
        var cellName: String
        var fullMembers: Int
        var threshold: Int
        var maximum: Int
        var mayHaveCommittee: Bool
        var seats: [Seat]
        var congresses: [String]
        var lastCongress: String?
        var nextDue: String?
        var nextWindow: String?
        var standing: String
        var standingWarn: Bool
        var mayRecord: Bool
        var members: [Choice]
        var kinds: [Choice]
        var sources: [Choice]
        var assignment: PostAssignment
        var congress: CongressForm
        var today: String
    }

    func context(
        _ req: Request, assignment: PostAssignment? = nil, member: String? = nil, congress: CongressForm? = nil
    ) async throws -> Context {
        let cell = try req.resolved.cell
        let day = try req.asOfDate()
        let charter = req.application.settings.charter
        let committees = CellCommittees(db: req.store, scope: try await req.scope(.read))
        guard let view = try await committees.committee(of: cell.id, on: day) else {
            throw Abort(.notFound, reason: "no cell is at this address")
        }
        try await req.auditRead("cell_committee", id: cell.id.uuidString, unit: cell.unitID)
        let language = req.language
        let chosen =
            try assignment ?? PostAssignment(source: req.queryChoice(.postSource, as: PostSource.self)?.rawValue)
        let (standing, warn) = Self.standing(view, req)
        return Context(
            page: PageContext(req, title: "\(Labels.text("cellCommittee", req)) · \(cell.name)"), cellID: cell.id,
            cellName: cell.name, fullMembers: view.fullMembers, threshold: charter.committeeThreshold,
            maximum: charter.maximumCommitteeSize, mayHaveCommittee: view.fullMembers >= charter.committeeThreshold,
            seats: view.seats.map {
                Seat(
                    memberID: $0.member.id, name: $0.member.name,
                    posts: $0.posts.map { $0.label.text(in: language) }.joined(separator: ", "),
                    since: $0.since.vietnamese, source: $0.source?.label.text(in: language))
            }, congresses: view.congresses.map { $0.heldOn.vietnamese + ($0.note.map { " · " + $0 } ?? "") },
            lastCongress: view.congresses.first?.heldOn.vietnamese, nextDue: view.next?.due.vietnamese,
            nextWindow: view.next.map { "\($0.earliest.vietnamese) – \($0.latest.vietnamese)" },
            standing: standing, standingWarn: warn, mayRecord: try await req.allows(.plan),
            members: [Choice(value: "", label: "—", selected: member == nil)]
                + view.eligible.map {
                    Choice(value: $0.id.uuidString, label: $0.name, selected: member == $0.id.uuidString)
                },
            kinds: PostKind.allCases.filter(\.isCellPost).map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: chosen.kind == $0.rawValue)
            },
            sources: PostSource.allCases.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: chosen.source == $0.rawValue)
            }, assignment: chosen, congress: congress ?? CongressForm(), today: CivilDate.today().iso)
    }

    /// Where the cell stands toward its next congress, and whether that needs attention.
    static func standing(_ view: CellCommitteeView, _ req: Request) -> (String, Bool) {
        switch view.standing {
        case .unknown: return (Labels.text("congressUnknown", req), true)
        case .notYetDue: return (Labels.text("congressNotYetDue", req), false)
        case .due: return (Labels.text("congressDue", req), false)
        case .overdue: return (Labels.text("congressOverdue", req), true)
        }
    }

    @Sendable func page(req: Request) async throws -> View {
        try await req.view.render("cell-committee", try await context(req))
    }

    /// The form names the member in `member` (the writer's assignment names the organisation: the cell).
    struct SeatForm: Content {
        var member: String?
        var kind: String?
        var from: String?
        var source: String?
        var reason: String?
    }

    @Sendable func assign(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let form = try req.content.decode(SeatForm.self)
        let assignment = PostAssignment(
            kind: form.kind, organisation: cell.id.uuidString, from: form.from, source: form.source,
            reason: form.reason)
        do {
            guard let member = UUID(uuidString: form.member ?? "") else {
                throw InputError.invalid(
                    field: "member", vi: "Hãy chọn đảng viên.", en: "Please choose the member.")
            }
            try await PostWriter(
                db: req.store, scope: try await req.scope(.plan), charter: req.application.settings.charter
            ).assign(member, assignment, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm(
                "cell-committee", try await context(req, assignment: assignment, member: form.member),
                issues: error.issues)
        }
        return req.redirect(to: "/cells/\(cell.id)/cell-committee")
    }

    @Sendable func congress(req: Request) async throws -> Response {
        let cell = try req.resolved.cell
        let form = try req.content.decode(CongressForm.self)
        do {
            try await CellCommittees(db: req.store, scope: try await req.scope(.plan)).recordCongress(
                cell.id, form, today: CivilDate.today(), actor: try await req.actor())
        } catch let error as InputError {
            return try await req.renderForm(
                "cell-committee", try await context(req, congress: form), issues: error.issues)
        } catch let error as StorageError {
            guard case .refused = error else { throw error }
            return try await req.renderForm(
                "cell-committee", try await context(req, congress: form), issues: [error.issue], status: .conflict)
        }
        return req.redirect(to: "/cells/\(cell.id)/cell-committee")
    }
}
