import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// A grassroots committee's meetings and its standing body's: the year's calendar against the rule, and a form to
/// plan one; minutes are recorded on the same pages as a cell's (rules.md R7, R10).
struct CommitteeMeetingPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        pages.requiring(.read).get("committees", ":committee", "meetings", use: list).reading(.year)
        pages.requiring(.write).post("committees", ":committee", "meetings", use: plan)
        api.requiring(.read).get("committees", ":committee", "meetings", use: json).reading(.fromDate, .untilDate)
        api.requiring(.write).post("committees", ":committee", "meetings", use: planJSON)
    }

    struct ListContext: Encodable {
        var page: PageContext
        var committeeID: UUID
        var committeeName: String
        var unitID: UUID
        var year: Int
        var previousYear: Int
        var nextYear: Int
        var meetings: [Row]
        /// The rhythm on the day (the year's last day for a past year); nil for a year not begun.
        var rhythm: Rhythm?
        var mayWrite: Bool
        var csrf: String
        var bodies: [Choice]
        var kinds: [Choice]
        var today: String
        var error: String?
    }

    struct Row: Encodable {
        var id: UUID
        var date: String
        var body: String
        var kind: String
        var status: String
        var topic: String?
        var attendance: String?
    }

    struct Rhythm: Encodable {
        var asOf: String
        var held: Int
        var expected: Int
        var perYear: Int
        var behind: Bool
        var missed: String
    }

    @Sendable func list(req: Request) async throws -> View {
        try await req.view.render("committee-meetings", try await context(req))
    }

    /// The page's view model: the year's meetings of the committee and its standing body, and the rule's check.
    func context(_ req: Request) async throws -> ListContext {
        let committee = try req.resolved.committee
        let language = req.language
        let year = try req.year()
        let meetings = try await req.meetings()
        let first = try CivilDate.firstDay(ofYear: year)
        let rows = try await meetings.meetings(of: committee.id, from: first, until: first.adding(months: 12))
        let day = min(try req.asOfDate(), first.adding(months: 12).adding(days: -1))
        let rhythm = day.year == year ? try await meetings.committeeRhythm(of: committee.id, asOf: day) : nil
        try await req.auditRead("committee_meetings", id: committee.id.uuidString, unit: committee.unitID)
        return ListContext(
            page: PageContext(req, title: "\(Labels.text("committeeMeetings", req)) · \(committee.name)"),
            committeeID: committee.id, committeeName: committee.name, unitID: committee.unitID, year: year,
            previousYear: year - 1, nextYear: year + 1,
            meetings: rows.map { meeting in
                Row(
                    id: meeting.id, date: meeting.date.vietnamese, body: meeting.body.label.text(in: language),
                    kind: meeting.kind.label.text(in: language), status: meeting.status.label.text(in: language),
                    topic: meeting.topic, attendance: meeting.present.map { "\($0)/\(meeting.expected ?? 0)" })
            },
            rhythm: rhythm.map {
                Rhythm(
                    asOf: day.vietnamese, held: $0.committeeMeetingsHeld, expected: $0.committeeMeetingsExpected,
                    perYear: $0.committeeMeetingsPerYear, behind: $0.committeeBehind,
                    missed: $0.standingBodyMissed.map(\.vietnamese).joined(separator: ", "))
            }, mayWrite: try await req.allows(.write), csrf: req.csrfToken,
            bodies: [MeetingBody.standingBody, .committee].map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == .standingBody)
            },
            kinds: MeetingKind.allCases.map {
                Choice(value: $0.rawValue, label: $0.label.text(in: language), selected: $0 == .regular)
            }, today: CivilDate.today().iso, error: nil)
    }

    @Sendable func plan(req: Request) async throws -> Response {
        let id = try req.resolved.committee.id
        let form = try req.content.decode(MeetingPlanForm.self)
        do {
            let meeting = try await req.meetings(.write).plan(
                committeeID: id, try form.draft(req, bodies: [.standingBody, .committee]),
                actor: try await req.actor())
            return req.redirect(to: "/meetings/\(meeting.id)/minutes")
        } catch let error as InputError {
            return try await req.renderForm("committee-meetings", try await context(req), issues: error.issues)
        }
    }

    @Sendable func json(req: Request) async throws -> [MeetingSummary] {
        let committee = try req.resolved.committee
        try await req.auditRead("committee_meetings", id: committee.id.uuidString, unit: committee.unitID)
        return try await req.meetings().meetings(
            of: committee.id, from: try req.queryDate(.fromDate), until: try req.queryDate(.untilDate))
    }

    @Sendable func planJSON(req: Request) async throws -> Response {
        let id = try req.resolved.committee.id
        let draft = try req.content.decode(MeetingPlanDraft.self)
        let summary = try await req.meetings(.write).plan(committeeID: id, draft, actor: try await req.actor())
        let response = try await summary.encodeResponse(for: req)
        response.status = .created
        return response
    }
}
