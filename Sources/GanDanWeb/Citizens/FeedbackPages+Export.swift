import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension FeedbackPages {
    /// The columns of a feedback item in a table, shared by the cell's book and the overdue list.
    static func feedbackColumns(_ req: Request) -> [String] {
        [
            "receivedOn", "receivedBy", "feedbackTopic", "summary", "citizenName", "stage", "dueOn", "overdue",
            "forwardedOn", "forwardTo", "answeredOn", "answer", "reportBack",
        ].map { Labels.text($0, req) }
    }

    static func cells(_ row: Row, _ req: Request) -> [ExportTable.Cell] {
        [
            .date(row.item.receivedOn), .text(row.receivedBy), .text(row.topic), .text(row.summary),
            .optional(row.citizenName), .text(row.stage), .optional(row.dueDate),
            .text(Labels.text(row.overdue ? "yes" : "no", req)), .optional(row.item.forwardedOn),
            .optional(row.forwardedTo), .optional(row.item.answeredOn), .optional(row.answer),
            .optional(row.item.reportedBackOn),
        ]
    }

    /// A cell's feedback book: every item shown on the page, its stage and dates (rules.md A8).
    static func table(_ context: ListContext, _ req: Request) -> ExportTable {
        ExportTable(
            title: context.page.title, columns: feedbackColumns(req), rows: context.rows.map { cells($0, req) })
    }

    /// A unit's feedback counted per village and topic, as the summary page's first table.
    static func table(_ context: SummaryContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.page.title,
            columns: [word("village"), word("feedbackTopic"), word("total"), word("open"), word("overdue")],
            rows: context.rows.map {
                [.text($0.village), .text($0.topic), .integer($0.total), .integer($0.open), .integer($0.overdue)]
            })
    }
}
