import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The village cell supervises the leaders placed in it; the commune sees every comment (rules.md A8).
struct SupervisionPages: FeatureRoutes {
    func boot(pages: any RoutesBuilder, api: any RoutesBuilder) throws {
        let read = pages.requiring(.read)
        let write = pages.requiring(.write)
        read.get("cells", ":cell", "supervision", use: cellPage).reading(.format)
        write.post("cells", ":cell", "supervision", use: record)
        write.post("supervision", ":supervision", "report-back", use: reportBack)
        read.get("units", ":unit", "supervision", use: unitPage).reading(.format)
        let apiRead = api.requiring(.read)
        let apiWrite = api.requiring(.write)
        apiRead.get("cells", ":cell", "supervision", use: listJSON)
        apiWrite.post("cells", ":cell", "supervision", use: recordJSON)
        apiWrite.post("supervision", ":supervision", "report-back", use: reportBackJSON)
    }

    struct Row: Encodable {
        var id: UUID
        var cellName: String
        var leader: String
        var period: String
        var commentedOn: String
        var comment: String
        var reportedOn: String?
        var report: String?
        /// The dates as values, for exports.
        var commentedDay: CivilDate
        var reportedDay: CivilDate?

        init(_ view: SupervisionView) {
            id = view.id
            commentedDay = view.supervision.commentedOn
            reportedDay = view.supervision.reportBack?.reportedOn
            cellName = view.cellName
            leader = view.leader.name
            switch view.supervision.period {
            case .year(let year): period = String(year)
            case .adHoc(let date): period = date.vietnamese
            }
            commentedOn = view.supervision.commentedOn.vietnamese
            comment = view.supervision.comment
            reportedOn = view.supervision.reportBack?.reportedOn.vietnamese
            report = view.supervision.reportBack?.text
        }
    }

    struct Context: Encodable {
        var page: PageContext
        var csrf: String
        var title: String
        var cellID: UUID?
        var leaders: [NamedID]
        var rows: [Row]
        var mayWrite: Bool
        var today: String
        var year: Int
        var error: String?
    }

    func supervisions(_ req: Request, write: Bool = false) async throws -> LeaderSupervisions {
        LeaderSupervisions(db: req.store, scope: try await req.scope(write ? .write : .read))
    }

    @Sendable func cellPage(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await cellContext(req, error: nil, audit: format == nil)
        return try await req.exportOrRender(
            "supervision", context, format: format, list: "leader_supervision", object: context.cellID, unit: unitID
        ) { Self.table($0, req) }
    }

    /// The cell's comments again with what to fix.
    func renderCell(_ req: Request, issues: [InputIssue]) async throws -> Response {
        let (context, _) = try await cellContext(req, error: nil, audit: true)
        return try await req.renderForm("supervision", context, issues: issues)
    }

    /// The comments on a cell's leaders as a view model, with the cell's village; 404 outside the scope.
    func cellContext(_ req: Request, error: String?, audit: Bool) async throws -> (Context, UUID) {
        let cell = try req.resolved.cell
        let id = cell.id
        let supervisions = try await supervisions(req)
        if audit { try await req.auditRead("leader_supervision", id: id.uuidString, unit: cell.unitID) }
        let context = Context(
            page: PageContext(req, title: "\(Labels.text("supervision", req)) · \(cell.name)", exportable: true),
            csrf: req.csrfToken,
            title: cell.name, cellID: id, leaders: try await supervisions.leaders(of: id, on: try req.asOfDate()),
            rows: try await supervisions.list(cells: [id]).map(Row.init),
            mayWrite: try await req.allows(.write), today: CivilDate.today().iso,
            year: CivilDate.today().year, error: error)
        return (context, cell.unitID)
    }

    struct CommentForm: Content {
        var leaderID: String
        var year: Int?
        var commentedOn: String?
        var comment: String
    }

    func supervision(_ form: CommentForm, _ req: Request) throws -> LeaderSupervision {
        let day = try req.date(form.commentedOn, field: "commentedOn")
        return LeaderSupervision(
            leaderID: form.leaderID, period: form.year.map { .year($0) } ?? .adHoc(day), commentedOn: day,
            comment: form.comment)
    }

    @Sendable func record(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let form = try req.content.decode(CommentForm.self)
        do {
            _ = try await supervisions(req, write: true).record(
                cellID: id, try supervision(form, req), actor: try await req.actor())
        } catch let error as InputError {
            return try await renderCell(req, issues: error.issues)
        }
        return req.redirect(to: "/cells/\(id)/supervision")
    }

    struct ReportForm: Content {
        var reportedOn: String?
        var text: String
    }

    @Sendable func reportBack(req: Request) async throws -> Response {
        let record = try req.resolved.supervision
        let id = try req.resolved.supervisionID
        let form = try req.content.decode(ReportForm.self)
        do {
            _ = try await supervisions(req, write: true).reportBack(
                id, LeaderReportBack(reportedOn: try req.date(form.reportedOn, field: "reportedOn"), text: form.text),
                actor: try await req.actor())
        } catch let error as InputError {
            return try await renderCell(req, issues: error.issues)
        }
        return req.redirect(to: "/cells/\(record.cellID)/supervision")
    }

    /// Every comment on the leaders placed in the unit's cells: the commune committee's view (rules.md A8).
    @Sendable func unitPage(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let id = try req.resolved.unit.id
        let context = try await unitContext(req, audit: format == nil)
        return try await req.exportOrRender(
            "supervision", context, format: format, list: "leader_supervision", object: id, unit: id
        ) { Self.table($0, req) }
    }

    /// Every comment on the leaders placed in the unit's cells as a view model; 404 outside the scope.
    func unitContext(_ req: Request, audit: Bool) async throws -> Context {
        let id = try req.resolved.unit.id
        let (unit, cells) = try await req.visibleCells()
        if audit { try await req.auditRead("leader_supervision", id: "unit=\(id)", unit: id) }
        return Context(
            page: PageContext(
                req, title: "\(Labels.text("supervision", req)) · \(unit.title(in: req.language))",
                exportable: true),
            csrf: req.csrfToken, title: unit.title(in: req.language), cellID: nil, leaders: [],
            rows: try await supervisions(req).list(cells: cells.map(\.id)).map(Row.init), mayWrite: false,
            today: CivilDate.today().iso, year: CivilDate.today().year, error: nil)
    }

    @Sendable func listJSON(req: Request) async throws -> [SupervisionView] {
        let cell = try req.resolved.cell
        let id = cell.id
        try await req.auditRead("leader_supervision", id: id.uuidString, unit: cell.unitID)
        return try await supervisions(req).list(cells: [id])
    }

    @Sendable func recordJSON(req: Request) async throws -> Response {
        let id = try req.resolved.cell.id
        let input = try req.content.decode(SupervisionInput.self)
        let supervision = LeaderSupervision(
            leaderID: input.leaderID.uuidString, period: input.year.map { .year($0) } ?? .adHoc(input.commentedOn),
            commentedOn: input.commentedOn, comment: input.comment)
        let view = try await supervisions(req, write: true).record(
            cellID: id, supervision, actor: try await req.actor())
        let response = try await view.encodeResponse(for: req)
        response.status = .created
        return response
    }

    /// A comment as the API takes it: for a year, or ad hoc on the day commented when no year is given.
    struct SupervisionInput: Content {
        var leaderID: UUID
        var year: Int?
        var commentedOn: CivilDate
        var comment: String
    }

    @Sendable func reportBackJSON(req: Request) async throws -> SupervisionView {
        let id = try req.resolved.supervisionID
        let input = try req.content.decode(LeaderReportBack.self)
        return try await supervisions(req, write: true).reportBack(id, input, actor: try await req.actor())
    }
}
