import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension RatingPages {
    /// A cell's rating sheet for the period: each member's standing, score and level, then the cell's own level.
    static func table(_ context: Context, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        var table = ExportTable(
            title: "\(context.page.title) \(context.period)",
            columns: [word("name"), word("standing"), word("score"), word("level"), word("notRated")],
            rows: context.lines.map {
                [.text($0.name), .text($0.standing), .optional($0.value), .optional($0.level), .optional($0.notRated)]
            })
        if let level = context.cellLevel {
            table.append([
                .text(word("cellLevel")), .empty, .empty, .text(level),
                .optional(
                    context.weak ? [word("weak"), context.weakReason].compactMap { $0 }.joined(separator: ": ") : nil),
            ])
        }
        return table
    }
}
