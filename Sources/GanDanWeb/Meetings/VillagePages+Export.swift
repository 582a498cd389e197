import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension VillagePages {
    /// A village's households with their status in the year shown (rules.md R25).
    static func table(_ context: HouseholdsContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: "\(context.page.title) \(context.year)",
            columns: [
                "#", word("headOfHousehold"), word("householdSize"), word("povertyStatus"), word("povertyStandard"),
                word("openTasks"),
            ],
            rows: context.households.enumerated().map { index, line in
                [
                    .integer(index + 1), .text(line.headName), .optional(line.size), .text(line.status),
                    .optional(line.standard), .integer(line.openTasks),
                ]
            })
    }

    /// The new-rural criteria of the set in force and whether the village met each in the year (rules.md R24).
    static func table(_ context: CriteriaContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        return ExportTable(
            title: "\(context.page.title) \(context.year)",
            columns: [word("criterionNumber"), word("criterion"), word("met"), word("criteriaSet"), word("tasks")],
            rows: context.criteria.map { line in
                [
                    .integer(line.number), .text(line.name),
                    line.assessed ? .text(line.met ? word("yes") : word("no")) : .empty, .optional(context.setID),
                    .integer(line.tasks),
                ]
            })
    }
}
