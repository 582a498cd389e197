import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension MeetingPages {
    /// A cell's meetings of the year shown, one row each, as on the meetings page.
    static func table(_ context: ListContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: "\(context.page.title) \(context.year)",
            columns: [
                word("date"), word("kind"), word("statusLabel"), word("topic"), word("durationMinutes"),
                word("present"), word("expected"), word("quality"),
            ],
            rows: context.meetings.map {
                [
                    .date($0.day), .text($0.kind), .text($0.status), .optional($0.topic), .optional($0.duration),
                    .optional($0.present), .optional($0.expected), .optional($0.score),
                ]
            })
    }
}
