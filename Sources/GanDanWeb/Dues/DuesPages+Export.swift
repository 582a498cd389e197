import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension DuesPages {
    /// The cell's month: each member's band, income, amount due, and when and by whom it was collected.
    static func registerTable(_ context: Context, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.page.title,
            columns: [
                word("duesMember"), word("duesBand"), word("duesIncome"), word("duesAmount"), word("duesPaidOn"),
                word("duesCollectedBy"),
            ],
            rows: context.lines.map {
                [
                    .text($0.name), .text($0.bandLabel), .optional($0.incomeValue), .optional($0.amountDue),
                    .optional($0.paidDay), .optional($0.collectedBy),
                ]
            })
    }

    /// The commune's cells in the month, with the totals passed up.
    static func communeTable(_ context: CommuneContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.page.title,
            columns: [
                word("cell"), word("duesMembersRecorded"), word("duesMembersPaid"), word("duesCollected"),
                word("duesPassedOn"), word("duesPassedBy"), word("duesPassedTotal"),
            ],
            rows: context.rows.map {
                [
                    .text($0.cellName), .integer($0.recorded), .integer($0.paid), .integer($0.collectedValue),
                    .optional($0.passedDay), .optional($0.passedBy), .optional($0.passedTotalValue),
                ]
            })
    }
}
