import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The village cell supervises the leaders placed in it; the commune sees every comment (rules.md A8).
struct SupervisionPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get("cells", ":id", "supervision", use: cellPage)
        routes.post("cells", ":id", "supervision", use: record)
        routes.post("supervision", ":id", "report-back", use: reportBack)
        routes.get("units", ":id", "supervision", use: unitPage)
        let api = routes.grouped("api")
        api.get("cells", ":id", "supervision", use: listJSON)
        api.post("cells", ":id", "supervision", use: recordJSON)
        api.post("supervision", ":id", "report-back", use: reportBackJSON)
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
        let access = try await req.access()
        return LeaderSupervisions(db: req.store, scope: write ? access.scopes.write : access.scopes.read)
    }

    @Sendable func cellPage(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let (context, unitID) = try await cellContext(req, error: nil, audit: format == nil)
        if let format {
            return try await req.export(
                Self.table(context, req), format: format, list: "leader_supervision", object: context.cellID,
                unit: unitID)
        }
        return try await req.view.render("supervision", context).encodeResponse(for: req)
    }

    func renderCell(_ req: Request, error: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let (context, _) = try await cellContext(req, error: error, audit: true)
        let response = try await req.view.render("supervision", context).encodeResponse(for: req)
        response.status = status
        return response
    }

    /// The comments on a cell's leaders as a view model, with the cell's village; 404 outside the scope.
    func cellContext(_ req: Request, error: String?, audit: Bool) async throws -> (Context, UUID) {
        let id = try req.uuid("id")
        let cell = try await req.visibleCell(id)
        let supervisions = try await supervisions(req)
        if audit { try await req.auditRead("leader_supervision", id: id.uuidString, unit: cell.unitID) }
        let context = Context(
            page: PageContext(req, title: "\(Labels.text("supervision", req)) · \(cell.name)", exportable: true),
            csrf: req.csrfToken,
            title: cell.name, cellID: id, leaders: try await supervisions.leaders(of: id, on: try req.asOfDate()),
            rows: try await supervisions.list(cells: [id]).map(Row.init),
            mayWrite: try await req.access().scopes.write.contains(organisation: id), today: CivilDate.today().iso,
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
        let id = try req.uuid("id")
        _ = try await req.visibleCell(id)
        try await req.requireCellWrite(id)
        let form = try req.content.decode(CommentForm.self)
        do {
            _ = try await supervisions(req, write: true).record(
                cellID: id, try supervision(form, req), actor: try await req.access().actor)
        } catch StorageError.invalid(let error) {
            return try await renderCell(
                req, error: error.issues.map(\.description).joined(separator: "; "), status: .unprocessableEntity)
        }
        return req.redirect(to: "/cells/\(id)/supervision")
    }

    struct ReportForm: Content {
        var reportedOn: String?
        var text: String
    }

    /// The comment, when the user may change its cell: 404 outside the scope, 403 when they only read.
    func editable(_ req: Request, _ id: UUID) async throws -> SupervisionView {
        guard let record = try await supervisions(req).supervision(id)
        else { throw Abort(.notFound, reason: "no comment is at this address") }
        try await req.requireCellWrite(record.cellID)
        return record
    }

    @Sendable func reportBack(req: Request) async throws -> Response {
        let id = try req.uuid("id")
        let record = try await editable(req, id)
        let form = try req.content.decode(ReportForm.self)
        do {
            _ = try await supervisions(req, write: true).reportBack(
                id, LeaderReportBack(reportedOn: try req.date(form.reportedOn, field: "reportedOn"), text: form.text),
                actor: try await req.access().actor)
        } catch StorageError.invalid(let error) {
            req.parameters.set("id", to: record.cellID.uuidString)
            return try await renderCell(
                req, error: error.issues.map(\.description).joined(separator: "; "), status: .unprocessableEntity)
        }
        return req.redirect(to: "/cells/\(record.cellID)/supervision")
    }

    /// Every comment on the leaders placed in the unit's cells: the commune committee's view (rules.md A8).
    @Sendable func unitPage(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let id = try req.uuid("id")
        let context = try await unitContext(req, audit: format == nil)
        if let format {
            return try await req.export(
                Self.table(context, req), format: format, list: "leader_supervision", object: id, unit: id)
        }
        return try await req.view.render("supervision", context).encodeResponse(for: req)
    }

    /// Every comment on the leaders placed in the unit's cells as a view model; 404 outside the scope.
    func unitContext(_ req: Request, audit: Bool) async throws -> Context {
        let id = try req.uuid("id")
        let (unit, cells) = try await req.visibleCells(under: id)
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
        let id = try req.uuid("id")
        let cell = try await req.visibleCell(id)
        try await req.auditRead("leader_supervision", id: id.uuidString, unit: cell.unitID)
        return try await supervisions(req).list(cells: [id])
    }

    @Sendable func recordJSON(req: Request) async throws -> Response {
        let id = try req.uuid("id")
        _ = try await req.visibleCell(id)
        try await req.requireCellWrite(id)
        let input = try req.content.decode(SupervisionInput.self)
        let supervision = LeaderSupervision(
            leaderID: input.leaderID.uuidString, period: input.year.map { .year($0) } ?? .adHoc(input.commentedOn),
            commentedOn: input.commentedOn, comment: input.comment)
        let view = try await supervisions(req, write: true).record(
            cellID: id, supervision, actor: try await req.access().actor)
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
        let id = try req.uuid("id")
        _ = try await editable(req, id)
        let input = try req.content.decode(LeaderReportBack.self)
        return try await supervisions(req, write: true).reportBack(id, input, actor: try await req.access().actor)
    }
}
