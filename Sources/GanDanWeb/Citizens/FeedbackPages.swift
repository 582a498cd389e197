import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// Citizens' feedback: recorded in the village, forwarded, answered, reported back; counts per village (rules.md A8).
struct FeedbackPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let read = pages.requiring(.read)
        let write = pages.requiring(.write)
        read.get("cells", ":cell", "feedback", use: list).reading(.overdue, .format)
        write.post("cells", ":cell", "feedback", use: record)
        write.post("feedback", ":feedback", "step", use: step)
        read.get("units", ":unit", "feedback", use: summary).reading(.format)
        let apiRead = api.requiring(.read)
        let apiWrite = api.requiring(.write)
        apiRead.get("cells", ":cell", "feedback", use: listJSON).reading(.openOnly)
        apiWrite.post("cells", ":cell", "feedback", use: recordJSON)
        apiWrite.post("feedback", ":feedback", "steps", use: stepJSON)
        apiRead.get("units", ":unit", "feedback-counts", use: countsJSON)
    }

    struct Row: Encodable {
        var id: UUID
        var receivedOn: String
        var topic: String
        var summary: String
        var citizenName: String?
        var receivedBy: String
        var stage: String
        var stageKey: String
        var due: String?
        var overdue: Bool
        var forwardedTo: String?
        var answer: String?
        var reportedBackOn: String?
        /// Held meetings of the cell since the answer, to name where the village was told (rules.md A8).
        var meetings: [Choice] = []
        /// The item as stored, for exports' typed dates.
        var item: CitizenFeedback
        var dueDate: CivilDate?

        init(_ view: FeedbackView, _ language: Language) {
            let feedback = view.feedback
            item = feedback
            dueDate = view.due
            id = view.id
            receivedOn = feedback.receivedOn.vietnamese
            topic = feedback.topic.label.text(in: language)
            summary = feedback.summary
            citizenName = feedback.citizenName
            receivedBy = feedback.receivedBy
            stage = view.stage.label.text(in: language)
            stageKey = view.stage.rawValue
            due = view.due?.vietnamese
            overdue = view.overdue
            forwardedTo = feedback.forwardedTo.map {
                $0.label.text(in: language) + (feedback.forwardedToDetail.map { " — \($0)" } ?? "")
            }
            answer = feedback.answer
            reportedBackOn = feedback.reportedBackOn?.vietnamese
        }
    }

    struct ListContext: Encodable {
        var page: PageContext
        var csrf: String
        var cellID: UUID
        var cellName: String
        var rows: [Row]
        var topics: [Choice]
        var bodies: [Choice]
        var today: String
        var receivedBy: String
        var mayWrite: Bool
        var error: String?
        /// `?overdue=1`: only the items overdue on the day asked (the dashboard's figure, rules.md A8).
        var overdueOnly: Bool = false
    }

    func book(_ req: Request, write: Bool = false) async throws -> FeedbackBook {
        FeedbackBook(
            db: req.store, scope: try await req.scope(write ? .write : .read), calendar: req.workingCalendar)
    }

    @Sendable func list(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await listContext(req, error: nil, audit: format == nil)
        return try await req.exportOrRender(
            "feedback", context, format: format, list: "citizen_feedback", object: context.cellID, unit: unitID
        ) { Self.table($0, req) }
    }

    /// The cell's feedback book again with what to fix.
    func render(_ req: Request, issues: [InputIssue]) async throws -> Response {
        let (context, _) = try await listContext(req, error: nil, audit: true)
        return try await req.renderForm("feedback", context, issues: issues)
    }

    /// A cell's feedback book as a view model, with the cell's village (for the audit entry); 404 outside the scope.
    func listContext(_ req: Request, error: String?, audit: Bool) async throws -> (ListContext, UUID) {
        let cell = try req.resolved.cell
        let id = cell.id
        let language = req.language
        let date = try req.asOfDate()
        let overdueOnly = try req.queryFlag(.overdue)
        let rows = try await book(req).list(cells: [id], on: date, overdueOnly: overdueOnly)
        let held = try await req.meetings().meetings(of: id).filter { $0.status == .held }
        if audit { try await req.auditRead("citizen_feedback", id: id.uuidString, unit: cell.unitID) }
        let context = ListContext(
            page: PageContext(req, title: "\(Labels.text("feedback", req)) · \(cell.name)", exportable: true),
            csrf: req.csrfToken,
            cellID: id, cellName: cell.name,
            rows: rows.map { view in
                var row = Row(view, language)
                if view.stage == .answered, let answered = view.feedback.answeredOn {
                    row.meetings = held.filter { $0.date >= answered }.sorted { $0.date < $1.date }.map {
                        Choice(
                            value: $0.id.uuidString,
                            label: "\($0.date.vietnamese) · \($0.kind.label.text(in: language))")
                    }
                }
                return row
            },
            topics: FeedbackTopic.allCases.map { Choice(value: $0.rawValue, label: $0.label.text(in: language)) },
            bodies: ResponsibleBody.allCases.map { Choice(value: $0.rawValue, label: $0.label.text(in: language)) },
            today: CivilDate.today().iso, receivedBy: try await req.account().displayName,
            mayWrite: try await req.allows(.write), error: error, overdueOnly: overdueOnly)
        return (context, cell.unitID)
    }

    struct RecordForm: Content {
        var receivedOn: String?
        var receivedBy: String?
        var topic: String?
        var summary: String?
        var citizenName: String?
        var nameConsent: String?
    }

    func feedback(_ form: RecordForm, _ req: Request) throws -> CitizenFeedback {
        guard let topic = FeedbackTopic(rawValue: form.topic ?? "") else {
            throw Abort(.badRequest, reason: "topic: choose one of the listed topics")
        }
        let name = form.citizenName?.trimmingCharacters(in: .whitespacesAndNewlines)
        return CitizenFeedback(
            receivedOn: try req.date(form.receivedOn, field: "receivedOn"), receivedBy: form.receivedBy ?? "",
            topic: topic, summary: form.summary ?? "", citizenName: (name ?? "").isEmpty ? nil : name,
            nameConsent: form.nameConsent == "on" || form.nameConsent == "true")
    }

    @Sendable func record(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let form = try req.content.decode(RecordForm.self)
        do {
            _ = try await book(req, write: true).record(
                cellID: id, try feedback(form, req), actor: try await req.actor())
        } catch let error as InputError {
            return try await render(req, issues: error.issues)
        }
        return req.redirect(to: "/cells/\(id)/feedback")
    }

    struct StepForm: Content {
        var step: String
        var date: String?
        var to: String?
        var detail: String?
        var text: String?
        /// A meeting id, or empty when the village was told outside a recorded meeting.
        var meetingID: String?
    }

    func step(_ form: StepForm, _ req: Request) throws -> FeedbackStep {
        let date = try req.date(form.date, field: "date")
        switch form.step {
        case "forward":
            guard let body = ResponsibleBody(rawValue: form.to ?? "") else {
                throw Abort(.badRequest, reason: "to: choose the body the feedback goes to")
            }
            return .forward(on: date, to: body, detail: form.detail)
        case "answer": return .answer(on: date, text: form.text ?? "")
        case "reportBack":
            let meeting = form.meetingID.flatMap { $0.isEmpty ? nil : $0 }
            guard meeting == nil || UUID(uuidString: meeting!) != nil else {
                throw Abort(.badRequest, reason: "meetingID: not a meeting id")
            }
            return .reportBack(on: date, meetingID: meeting.flatMap(UUID.init(uuidString:)))
        default: throw Abort(.badRequest, reason: "step must be forward, answer or reportBack")
        }
    }

    @Sendable func step(req: Request) async throws -> Response {
        let record = try req.resolved.feedback
        let id = try req.resolved.feedbackID
        let form = try req.content.decode(StepForm.self)
        do {
            _ = try await book(req, write: true).apply(try step(form, req), to: id, actor: try await req.actor())
        } catch let error as StorageError {
            return try await render(req, issues: [error.issue])
        }
        return req.redirect(to: "/cells/\(record.cellID)/feedback")
    }

    struct SummaryRow: Encodable {
        var village: String
        var topic: String
        var total: Int
        var open: Int
        var overdue: Int
    }

    struct SummaryContext: Encodable {
        var page: PageContext
        var unitName: String
        var rows: [SummaryRow]
        var overdue: [Row]
        var cells: [NamedID]
    }

    @Sendable func summary(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await summaryContext(req, audit: format == nil)
        return try await req.exportOrRender(
            "feedback-summary", context, format: format, list: "citizen_feedback_summary", object: unitID, unit: unitID
        ) { Self.table($0, req) }
    }

    /// A commune's (or any unit's) feedback counted per village and topic, with the overdue items listed.
    func summaryContext(_ req: Request, audit: Bool) async throws -> (SummaryContext, UUID) {
        let id = try req.resolved.unit.id
        let (unit, cells) = try await req.visibleCells()
        let language = req.language
        let date = try req.asOfDate()
        let book = try await book(req)
        let villages = Array(Set(cells.map(\.unitID)))
        let names = try await villageNames(req, villages, on: date)
        let counts = try await book.counts(villages: villages, on: date)
        let overdue = try await book.list(cells: cells.map(\.id), on: date, openOnly: true).filter(\.overdue)
        if audit { try await req.auditRead("citizen_feedback", id: "unit=\(id)", unit: id) }
        return (
            SummaryContext(
                page: PageContext(
                    req, title: "\(Labels.text("feedback", req)) · \(unit.title(in: language))", exportable: true),
                unitName: unit.title(in: language),
                rows: counts.map {
                    SummaryRow(
                        village: names[$0.villageID] ?? "", topic: $0.topic.label.text(in: language), total: $0.total,
                        open: $0.open, overdue: $0.overdue)
                }.sorted { ($0.village, $0.topic) < ($1.village, $1.topic) },
                overdue: overdue.map { Row($0, language) },
                cells: cells.map { NamedID(id: $0.id, name: $0.name) }), id
        )
    }

    func villageNames(_ req: Request, _ ids: [UUID], on date: CivilDate) async throws -> [UUID: String] {
        var names: [UUID: String] = [:]
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        for id in ids { names[id] = try await tree.unit(id, on: date)?.title(in: req.language) }
        return names
    }

    @Sendable func listJSON(req: Request) async throws -> [FeedbackView] {
        let cell = try req.resolved.cell
        let id = cell.id
        try await req.auditRead("citizen_feedback", id: id.uuidString, unit: cell.unitID)
        return try await book(req).list(
            cells: [id], on: try req.asOfDate(), openOnly: try req.queryFlag(.openOnly))
    }

    @Sendable func recordJSON(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(CitizenFeedback.self)
        let view = try await book(req, write: true).record(cellID: id, input, actor: try await req.actor())
        let response = try await view.encodeResponse(for: req)
        response.status = .created
        return response
    }

    @Sendable func stepJSON(req: Request) async throws -> FeedbackView {
        let id = try req.resolved.feedbackID
        let form = try req.content.decode(StepForm.self)
        return try await book(req, write: true).apply(try step(form, req), to: id, actor: try await req.actor())
    }

    @Sendable func countsJSON(req: Request) async throws -> [FeedbackCount] {
        let (_, cells) = try await req.visibleCells()
        return try await book(req).counts(villages: Array(Set(cells.map(\.unitID))), on: try req.asOfDate())
    }
}
