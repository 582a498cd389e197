import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension CandidatePages {
    /// Candidates (of a cell or under a unit): eligibility, next step, and the date of each pipeline step
    /// reached so far (rules.md R21–R23).
    static func table(_ context: ListContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        let steps = PipelineStep.allCases.map { $0.label.text(in: req.language) }
        return ExportTable(
            title: context.page.title,
            columns: [
                word("cell"), word("name"), word("birthDate"), word("education"), word("eligible"), word("nextStep"),
                word("mentor"), word("introducers"),
            ] + steps,
            rows: context.rows.map { row in
                [
                    .text(row.cellName), .text(row.name), .date(row.birthDay), .text(row.education),
                    .text(row.eligible ? word("yes") : row.eligibility.joined(separator: "; ")),
                    .optional(row.nextStep), .optional(row.mentor), .optional(row.introducers),
                ] + row.stepDates.map { ExportTable.Cell.optional($0) }
            })
    }
}
