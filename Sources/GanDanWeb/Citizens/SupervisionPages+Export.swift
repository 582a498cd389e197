import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension SupervisionPages {
    /// The comments on leaders (of a cell, or of every cell under a unit) and their reports back (rules.md A8).
    static func table(_ context: Context, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.page.title,
            columns: [
                word("cell"), word("keyLeader"), word("period"), word("commentedOn"), word("comment"),
                word("reportedOn"), word("leaderReport"),
            ],
            rows: context.rows.map {
                [
                    .text($0.cellName), .text($0.leader), .text($0.period), .date($0.commentedDay), .text($0.comment),
                    .optional($0.reportedDay), .optional($0.report),
                ]
            })
    }
}
