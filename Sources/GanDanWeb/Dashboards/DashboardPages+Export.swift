import Foundation
import GanDanCore
import GanDanInterchange
import Vapor

extension DashboardPages {
    /// A district's dashboard as a table: one row per commune, then the totals (rules.md A1–A3, R26).
    static func table(_ context: DistrictContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        var table = ExportTable(
            title: "\(word("dashboard")) \(context.unitName) \(context.asOf)",
            columns: [
                word("dashboardCommuneCol"), word("dashboardAgencyCells"), word("dashboardDeadline"),
                word("dashboardStatus"), word("dashboardMoved"), word("dashboardLeadersMoved"),
                word("dashboardVillagesReceived"), word("dashboardVillagesWithLeader"),
                word("dashboardWeakWithLeader"), word("dashboardPlaced"),
            ])
        func cells(_ row: CommuneRow, name: String) -> [ExportTable.Cell] {
            [
                .text(name), .text(row.dissolved?.value ?? ""), .text(row.deadline ?? ""), .text(row.status),
                .text("\(row.moved.value)/\(row.toMove.value)"),
                .text("\(row.leadersMoved.value)/\(row.leadersToMove.value)"), .text(row.villagesReceived.value),
                .text(row.villagesWithLeader.value), .text(row.weakWithLeader.value),
                .text("\(row.placed.value)/\(row.planned.value)"),
            ]
        }
        for row in context.rows { table.append(cells(row, name: row.name)) }
        table.append(cells(context.total, name: word("dashboardTotal")))
        return table
    }

    /// A commune's cells at a glance as a table: one row per cell on the day.
    static func table(_ context: CommuneContext, _ req: Request) -> ExportTable {
        func word(_ key: String) -> String { Labels.text(key, req) }
        var table = ExportTable(
            title: "\(word("dashboard")) \(context.unitName) \(context.asOf)",
            columns: [
                word("cell"), word("dashboardSize"), word("dashboardFull"), word("dashboardLastRating"),
                word("dashboardLastMeeting"), word("dashboardOpenTasks"), word("dashboardOverdueFeedback"),
                word("dashboardNoMeetingThisMonth"), word("dashboardMayPropose"),
            ])
        func number(_ figure: Figure) -> ExportTable.Cell {
            Int(figure.value).map { .integer($0) } ?? .text(figure.value)
        }
        for row in context.rows {
            table.append([
                .text(row.name), number(row.size), number(row.full), .text(row.rating?.value ?? ""),
                .text(row.lastMeeting?.value ?? ""), number(row.openTasks), number(row.overdueFeedback),
                .text(row.noMeetingThisMonth ? "✓" : ""), .text(row.mayPropose ? "✓" : ""),
            ])
        }
        return table
    }
}
