import Foundation
import GanDanCore
import GanDanStorage
import Vapor

/// The printable monthly cell report and the commune summary of village cells, each downloadable as CSV or XLSX
/// (`?format=`; the cell report's tables one at a time with `&table=`).
struct MonthlyReportPages: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        let read = routes.requiring(.read)
        read.get("cells", ":cell", "report", use: cellReport).reading(.month, .table, .format)
        read.get("units", ":unit", "summary", use: communeSummary).reading(.month, .fromMonth, .toMonth, .format)
    }

    /// The tables of the monthly cell report, each exportable on its own.
    enum Section: String, CaseIterable {
        case meetings, tasks, feedback, candidates, absences
    }

    struct SectionLinks: Encodable {
        var meetings: ExportLinks
        var tasks: ExportLinks
        var feedback: ExportLinks
        var candidates: ExportLinks
        var absences: ExportLinks
    }

    struct MeetingLine: Encodable {
        var id: UUID
        var date: String
        var kind: String
        var status: String
        var duration: Int?
        var attendance: String?
        var topic: String?
    }

    struct TaskLine: Encodable {
        var description: String
        var assignees: String
        var assignedOn: String
        var due: String
        var status: String
        var outcome: String?
    }

    struct FeedbackLine: Encodable {
        var receivedOn: String
        var topic: String
        var summary: String
        var stage: String
        var forwardedOn: String?
        var answeredOn: String?
        var overdue: Bool
    }

    struct StepLine: Encodable {
        var date: String
        var name: String
        var step: String
    }

    struct AbsenceRow: Encodable {
        var date: String
        var name: String
        var excused: String
        var reason: String?
    }

    struct CellReportContext: Encodable {
        var page: PageContext
        var report: CellMonthReport
        var cellID: UUID
        var cellName: String
        var unitName: String
        var month: String
        var monthISO: String
        /// `YYYY-MM` for the links; the `…Text` forms (`MM/YYYY`) for people.
        var previousMonth: String
        var nextMonth: String
        var previousMonthText: String
        var nextMonthText: String
        var dateLine: String
        var secretary: String?
        var meetings: [MeetingLine]
        var assigned: [TaskLine]
        var reviewed: [TaskLine]
        var feedback: [FeedbackLine]
        var steps: [StepLine]
        var absences: [AbsenceRow]
        var heldCount: Int
        var exports: SectionLinks
        var auditHead: AuditHeadLine
    }

    func reports(_ req: Request) async throws -> MonthlyReports {
        MonthlyReports(
            db: await req.readStore(), scope: try await req.scope(.read), policy: req.meetingPolicy,
            charter: req.application.settings.charter, calendar: req.workingCalendar)
    }

    @Sendable func cellReport(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let section = try Self.section(req)
        let context = try await cellReportContext(req, audit: format == nil)
        return try await req.exportOrRender(
            "cell-report", context, format: format, list: "cell_month_report_\(section)", object: context.cellID,
            unit: context.report.unitID
        ) { Self.table($0, section: section, req) }
    }

    static func section(_ req: Request) throws -> Section {
        try req.queryChoice(.table, as: Section.self) ?? .meetings
    }

    /// The monthly report's view model; 404 for a cell outside the user's scope.
    func cellReportContext(_ req: Request, audit: Bool) async throws -> CellReportContext {
        let cell = try req.resolved.cell
        let id = cell.id
        let date = try req.asOfDate()
        let month = try req.queryMonth(.month) ?? YearMonth(date)
        guard let report = try await reports(req).cellMonth(cellID: id, month: month) else {
            throw Abort(.notFound, reason: "no cell is at this address")
        }
        if audit { try await req.auditRead("cell_month_report", id: "\(id)#\(month.iso)", unit: cell.unitID) }
        let language = req.language
        let last = month.adding(months: 1).firstDay.adding(days: -1)
        let tree = OrganisationTree(db: req.store, scope: try await req.scope(.read))
        let unit = try await tree.unit(cell.unitID, on: last)
        let place = try await tree.path(to: cell.unitID, on: last).dropLast().last
        let summary = try await CellDirectory(db: req.store, scope: try await req.scope(.read)).summaries(
            of: try await tree.organisations(atUnits: [cell.unitID], on: last).filter { $0.id == id }, on: last,
            settings: req.application.settings.charter
        ).first
        func task(_ view: TaskView) -> TaskLine {
            TaskLine(
                description: view.description, assignees: view.assignees.map(\.name).joined(separator: ", "),
                assignedOn: view.meetingDate.vietnamese, due: view.due.vietnamese,
                status: view.status.label.text(in: language), outcome: view.outcome)
        }
        func links(_ section: Section) -> ExportLinks { ExportLinks(req, adding: ["table": section.rawValue]) }
        let title = "\(Labels.text("monthlyReport", req)) · \(cell.name) · \(month.vietnamese)"
        return CellReportContext(
            page: PageContext(req, title: title), report: report, cellID: id, cellName: cell.name,
            unitName: (place ?? unit)?.title(in: language) ?? "", month: month.vietnamese, monthISO: month.iso,
            previousMonth: month.adding(months: -1).iso, nextMonth: month.adding(months: 1).iso,
            previousMonthText: month.adding(months: -1).vietnamese, nextMonthText: month.adding(months: 1).vietnamese,
            dateLine: ReportDate.line(min(last, CivilDate.today()), req), secretary: summary?.secretary,
            meetings: report.meetings.map { meeting in
                MeetingLine(
                    id: meeting.id, date: meeting.date.vietnamese, kind: meeting.kind.label.text(in: language),
                    status: meeting.status.label.text(in: language), duration: meeting.durationMinutes,
                    attendance: meeting.present.map { "\($0)/\(meeting.expected ?? 0)" }, topic: meeting.topic)
            },
            assigned: report.tasksAssigned.map(task), reviewed: report.tasksReviewed.map(task),
            feedback: report.feedback.map {
                FeedbackLine(
                    receivedOn: $0.feedback.receivedOn.vietnamese, topic: $0.feedback.topic.label.text(in: language),
                    summary: $0.feedback.summary, stage: $0.stage.label.text(in: language),
                    forwardedOn: $0.feedback.forwardedOn?.vietnamese, answeredOn: $0.feedback.answeredOn?.vietnamese,
                    overdue: $0.overdue)
            },
            steps: report.candidateSteps.map {
                StepLine(date: $0.date.vietnamese, name: $0.candidate.name, step: $0.step.label.text(in: language))
            },
            absences: report.absences.map {
                AbsenceRow(
                    date: $0.date.vietnamese, name: $0.member.name,
                    excused: Labels.text($0.excused ? "excused" : "unexcused", req), reason: $0.reason)
            },
            heldCount: report.meetings.filter { $0.status == .held }.count,
            exports: SectionLinks(
                meetings: links(.meetings), tasks: links(.tasks), feedback: links(.feedback),
                candidates: links(.candidates), absences: links(.absences)),
            auditHead: try await AuditHeadLine.current(req))
    }

    struct SummaryLine: Encodable {
        var id: UUID
        var name: String
        var members: Int
        var fullMembers: Int
        var meetingsHeld: Int
        var attendance: String
        var tasks: String
        var feedbackAnswered: String
        var feedbackOverdue: Int
    }

    struct SummaryContext: Encodable {
        var page: PageContext
        var summary: CommuneSummary
        var unitID: UUID
        var unitName: String
        var period: String
        var fromISO: String
        var throughISO: String
        var dateLine: String
        var rows: [SummaryLine]
        var totals: SummaryLine
        var auditHead: AuditHeadLine
    }

    @Sendable func communeSummary(req: Request) async throws -> Response {
        let format = try req.exportFormat()
        let context = try await summaryContext(req, audit: format == nil)
        return try await req.exportOrRender(
            "unit-summary", context, format: format, list: "commune_summary", object: context.unitID,
            unit: context.unitID
        ) { Self.table($0, req) }
    }

    /// The commune summary's view model for `?month=` or `?from=&to=` (months, at most 24); 404 outside the scope.
    func summaryContext(_ req: Request, audit: Bool) async throws -> SummaryContext {
        let id = try req.resolved.unit.id
        let (unit, _) = try await req.visibleCells()
        let asOf = YearMonth(try req.asOfDate())
        let single = try req.queryMonth(.month)
        let from = try req.queryMonth(.fromMonth) ?? single ?? asOf
        let through = try req.queryMonth(.toMonth) ?? single ?? from
        guard from <= through else {
            throw QueryValueError(
                .toMonth, through.iso, problem: BilingualText(vi: "trước Từ tháng", en: "is before the From month"))
        }
        guard from.months(until: through) < 24 else {
            throw QueryValueError(
                .toMonth, through.iso,
                problem: BilingualText(
                    vi: "cách Từ tháng quá 24 tháng (một bản tổng hợp gồm nhiều nhất 24 tháng)",
                    en: "is more than 24 months after the From month (a summary covers at most 24 months)"))
        }
        let summary = try await reports(req).communeSummary(unitID: id, from: from, through: through)
        if audit { try await req.auditRead("commune_summary", id: "unit=\(id)#\(from.iso)..\(through.iso)", unit: id) }
        let language = req.language
        func line(_ row: CellPeriodRow, name: String) -> SummaryLine {
            SummaryLine(
                id: row.cell.id, name: name, members: row.members, fullMembers: row.fullMembers,
                meetingsHeld: row.meetingsHeld,
                attendance: row.attendanceRate.map { String(format: "%.0f %%", $0) } ?? "—",
                tasks: "\(row.tasksDone)/\(row.tasksTotal)",
                feedbackAnswered: "\(row.feedbackAnswered)/\(row.feedbackReceived)",
                feedbackOverdue: row.feedbackOverdue)
        }
        let period = from == through ? from.vietnamese : "\(from.vietnamese) – \(through.vietnamese)"
        let last = through.adding(months: 1).firstDay.adding(days: -1)
        return SummaryContext(
            page: PageContext(
                req, title: "\(Labels.text("communeSummary", req)) · \(unit.title(in: language)) · \(period)",
                exportable: true),
            summary: summary, unitID: id, unitName: unit.title(in: language), period: period, fromISO: from.iso,
            throughISO: through.iso, dateLine: ReportDate.line(min(last, CivilDate.today()), req),
            rows: summary.rows.map { line($0, name: $0.cell.name) },
            totals: line(summary.totals, name: Labels.text("totals", req)),
            auditHead: try await AuditHeadLine.current(req))
    }
}
