import Foundation
import GanDanCore
import GanDanInterchange
import GanDanStorage
import Vapor

extension ImpactPages {
    /// The impact report by cell: each side's meetings, attendance, quality and tasks, the change in quality and
    /// the reading (rules.md A9), then the totals over all cells.
    static func table(_ report: ImpactReport, unit: UnitSnapshot, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        func round(_ value: Double?) -> ExportTable.Cell { .optional(value.map { ($0 * 10).rounded() / 10 }) }
        let before = word("impactBefore")
        let after = word("impactAfter")
        var table = ExportTable(
            title: "\(word("impact")) \(unit.title(in: req.language)) \(report.placementDate.iso)",
            columns: [
                word("cell"), "\(word("impactMeetings")) · \(before)", "\(word("impactMeetings")) · \(after)",
                "\(word("impactAttendance")) · \(before)", "\(word("impactAttendance")) · \(after)",
                "\(word("impactQuality")) · \(before)", "\(word("impactQuality")) · \(after)",
                "\(word("impactTasks")) · \(before)", "\(word("impactTasks")) · \(after)", word("change"),
                word("impactReading"),
            ])
        func reading(_ value: CellImpact.Reading) -> String {
            switch value {
            case .improved: return word("impactImproved")
            case .unchanged: return word("impactUnchanged")
            case .declined: return word("impactDeclined")
            case .noData: return word("impactNoData")
            }
        }
        for cell in report.cells {
            table.append([
                .text(cell.cell.name), .integer(cell.before.meetings), .integer(cell.after.meetings),
                round(cell.before.attendanceRate), round(cell.after.attendanceRate), round(cell.before.meanQuality),
                round(cell.after.meanQuality), round(cell.before.taskCompletion), round(cell.after.taskCompletion),
                .optional(cell.qualityChange), .text(reading(cell.reading)),
            ])
        }
        table.append([
            .text(word("totals")), .integer(report.before.meetings), .integer(report.after.meetings),
            round(report.before.attendanceRate), round(report.after.attendanceRate), round(report.before.meanQuality),
            round(report.after.meanQuality), round(report.before.taskCompletion), round(report.after.taskCompletion),
            .empty, .empty,
        ])
        return table
    }
}
