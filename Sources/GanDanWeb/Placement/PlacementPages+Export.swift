import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension PlacementPages {
    /// A plan under review: each member's proposed cell and the reasons, commune by commune (rules.md A3, A4).
    static func table(_ context: ReviewContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        var table = ExportTable(
            title: "\(context.page.title) \(context.status)",
            columns: [word("unit"), word("name"), word("keyLeader"), word("pinned"), word("goesTo"), word("reasons")])
        for commune in context.communes {
            for row in commune.rows {
                table.append([
                    .text(commune.name), .text(row.name), .text(word(row.keyLeader ? "yes" : "no")),
                    .text(word(row.pinned ? "yes" : "no")), .text(row.to),
                    .optional(row.reasons.joined(separator: "; ")),
                ])
            }
        }
        return table
    }

    /// The decision's list: the commune, the receiving cell (named with its commune), the number within it and the
    /// member's name, as printed.
    static func table(_ context: DecisionContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        var table = ExportTable(
            title: [context.page.title, context.unitName].filter { !$0.isEmpty }.joined(separator: " "),
            columns: [word("unit"), word("goesTo"), "#", word("name")])
        for paper in context.papers {
            for group in paper.groups {
                for (index, name) in group.members.enumerated() {
                    table.append([.text(paper.commune), .text(group.cell), .integer(index + 1), .text(name)])
                }
            }
        }
        return table
    }

    /// After placement: the cells that may propose a committee and those below the minimum (rules.md A5, R1, R3).
    static func table(_ context: CharterContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        var table = ExportTable(
            title: "\(context.page.title) \(context.unit)",
            columns: [word("cell"), word("full"), word("probationary"), word("secretary"), word("status")])
        let groups = [
            (context.propose, "mayProposeCommittee"), (context.hasCommittee, "hasCommittee"),
            (context.below, "belowMinimum"),
        ]
        for (rows, key) in groups {
            for row in rows {
                table.append([
                    .text(row.name), .integer(row.full), .integer(row.probationary), .optional(row.secretary),
                    .text(word(key)),
                ])
            }
        }
        return table
    }

    /// A dissolution directive: each agency cell's status and the date it was placed or dissolved.
    static func table(_ context: ProgressContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: context.page.title, columns: [word("cell"), word("status"), word("date")],
            rows: context.cells.map { [.text($0.name), .text($0.status), .optional($0.day)] })
    }
}
