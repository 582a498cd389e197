import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

extension MonthlyReportPages {
    /// One table of the monthly cell report, typed (dates as dates, counts as numbers).
    static func table(_ context: CellReportContext, section: Section, _ req: Request) -> ExportTable {
        let words = ReportWords(req: req, title: "\(context.cellName) \(context.monthISO)")
        let report = context.report
        switch section {
        case .meetings: return meetingsTable(report, words)
        case .tasks: return tasksTable(report, words)
        case .feedback: return feedbackTable(report, words)
        case .candidates: return candidatesTable(report, words)
        case .absences: return absencesTable(report, words)
        }
    }

    /// The labels of a report's tables in the request's language, and the title they share.
    struct ReportWords {
        var req: Request
        var title: String

        var language: Language { req.language }
        func callAsFunction(_ key: String) -> String { Labels.text(key, req) }
        func title(_ key: String) -> String { "\(self(key)) \(title)" }
    }

    static func meetingsTable(_ report: CellMonthReport, _ word: ReportWords) -> ExportTable {
        let language = word.language
        return ExportTable(
            title: word.title("meetings"),
            columns: [
                word("date"), word("kind"), word("statusLabel"), word("durationMinutes"), word("present"),
                word("expected"), word("topic"),
            ],
            rows: report.meetings.map {
                [
                    .date($0.date), .text($0.kind.label.text(in: language)),
                    .text($0.status.label.text(in: language)), .optional($0.durationMinutes),
                    .optional($0.present), .optional($0.expected), .optional($0.topic),
                ]
            })
    }

    static func tasksTable(_ report: CellMonthReport, _ word: ReportWords) -> ExportTable {
        var table = ExportTable(
            title: word.title("tasks"),
            columns: [
                word("tasks"), word("task"), word("assignees"), word("assignedOn"), word("due"), word("statusLabel"),
                word("outcome"),
            ])
        for (key, tasks) in [
            ("reportTasksAssigned", report.tasksAssigned), ("reportTasksReviewed", report.tasksReviewed),
        ] {
            for task in tasks {
                table.append([
                    .text(word(key)), .text(task.description),
                    .text(task.assignees.map(\.name).joined(separator: ", ")), .date(task.meetingDate),
                    .text(task.due.vietnamese), .text(task.status.label.text(in: word.language)),
                    .optional(task.outcome),
                ])
            }
        }
        return table
    }

    static func feedbackTable(_ report: CellMonthReport, _ word: ReportWords) -> ExportTable {
        let language = word.language
        return ExportTable(
            title: word.title("feedback"),
            columns: [
                word("receivedOn"), word("feedbackTopic"), word("summary"), word("stage"), word("forwardedOn"),
                word("answeredOn"), word("reportBack"), word("overdue"),
            ],
            rows: report.feedback.map {
                [
                    .date($0.feedback.receivedOn), .text($0.feedback.topic.label.text(in: language)),
                    .text($0.feedback.summary), .text($0.stage.label.text(in: language)),
                    .optional($0.feedback.forwardedOn), .optional($0.feedback.answeredOn),
                    .optional($0.feedback.reportedBackOn), .text(word($0.overdue ? "yes" : "no")),
                ]
            })
    }

    static func candidatesTable(_ report: CellMonthReport, _ word: ReportWords) -> ExportTable {
        ExportTable(
            title: word.title("candidates"), columns: [word("date"), word("name"), word("step")],
            rows: report.candidateSteps.map {
                [.date($0.date), .text($0.candidate.name), .text($0.step.label.text(in: word.language))]
            })
    }

    static func absencesTable(_ report: CellMonthReport, _ word: ReportWords) -> ExportTable {
        ExportTable(
            title: word.title("reportAbsences"),
            columns: [word("date"), word("name"), word("statusLabel"), word("reason")],
            rows: report.absences.map {
                [
                    .date($0.date), .text($0.member.name), .text(word($0.excused ? "excused" : "unexcused")),
                    .optional($0.reason),
                ]
            })
    }

    /// The commune summary: one row per village cell, then the totals row.
    static func table(_ context: SummaryContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        func cells(_ row: CellPeriodRow, name: String) -> [ExportTable.Cell] {
            [
                .text(name), .integer(row.members), .integer(row.fullMembers), .integer(row.meetingsHeld),
                .optional(row.attendanceRate.map { ($0 * 10).rounded() / 10 }), .integer(row.tasksDone),
                .integer(row.tasksTotal), .integer(row.feedbackReceived), .integer(row.feedbackAnswered),
                .integer(row.feedbackOverdue),
            ]
        }
        var table = ExportTable(
            title: "\(word("communeSummary")) \(context.unitName) \(context.fromISO) \(context.throughISO)",
            columns: [
                word("cell"), word("membersTotal"), word("fullMembers"), word("meetingsHeld"), word("attendanceRate"),
                word("tasksDone"), word("tasksTotal"), word("feedback"), word("feedbackAnswered"),
                word("feedbackOverdue"),
            ],
            rows: context.summary.rows.map { cells($0, name: $0.cell.name) })
        table.append(cells(context.summary.totals, name: word("totals")))
        return table
    }
}
