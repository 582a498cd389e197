import Foundation
import GanDanCore
import GanDanStorage

/// A year of party dues for the village cells of Thanh Tương (Nà Coóc's commune, which the demo's secretary and
/// commune planner open), written through the product's own register writer: most members pay around the 10th to the
/// cell secretary, the total goes up to the commune on the 25th, a few members miss a month, and about one in fifty
/// misses three running so the flag shows (rules.md R12). One commune, not the district's 134 cells: each cell-month
/// is a register save, and the whole district's made up most of the demo's load time.
struct DemoDues: Sendable {
    let db: DatabaseHandle
    let actor: Actor

    /// Writes `year`'s registers for the village cells under `unitID`, in one transaction. With `until`, only the
    /// months passed up by then: the same registers as the whole year, stopped at a day (rules.md R26).
    func write(unitID: UUID, year: Int, until: CivilDate? = nil) async throws {
        let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(
            under: unitID, on: CivilDate.on(year, 12, 31)
        ).compactMap { cell in UUID(uuidString: cell.id).map { (id: $0, key: cell.key) } }
        let actor = actor
        try await db.writeTransaction { db in
            let dues = PartyDues(db: db, scope: .everything)
            for cell in cells {
                for month in 1...12 {
                    guard let month = YearMonth(year: year, month: month),
                        until.map({ Self.passUpDay(month) <= $0 }) ?? true
                    else { continue }
                    try await Self.month(cell, month, dues: dues, db: db, actor: actor)
                }
            }
        }
    }

    /// The day the cell passes the month's dues up to the commune.
    static func passUpDay(_ month: YearMonth) -> CivilDate { month.firstDay.adding(days: 24) }

    /// One cell's month: a line for each member on the roll at the month's end, as the register lists them. Draws
    /// come from the cell's code and the members' names, not ids, so two loads agree.
    static func month(
        _ cell: (id: UUID, key: String), _ month: YearMonth, dues: PartyDues, db: DatabaseHandle, actor: Actor
    ) async throws {
        let lastDay = month.adding(months: 1).firstDay.adding(days: -1)
        let roster = try await CellDirectory(db: db, scope: .everything).roster(of: cell.id, on: lastDay)
        guard let first = roster.first else { return }
        let collector = (roster.first { $0.posts.contains(.cellSecretary) } ?? first).member.id
        var random = SeededRandom(seed: SeededRandom.seed(seed, cell.key, salt: UInt64(month.year * 12 + month.month)))
        let entries = roster.map { line in
            let memberKey = cell.key + "/" + line.member.fullName
            var member = SeededRandom(seed: SeededRandom.seed(seed, memberKey))
            let (band, income) = band(&member)
            let paid = !missed(memberKey, month: month, random: &random)
            return DuesEntry(
                memberID: line.member.id, band: band, income: income,
                paidOn: paid ? month.firstDay.adding(days: random.int(4...14)) : nil,
                collectedBy: paid ? collector : nil)
        }
        try await dues.record(cellID: cell.id, month: month, entries, actor: actor)
        guard entries.contains(where: { $0.paidOn != nil }) else { return }
        try await dues.passUp(cellID: cell.id, month: month, on: passUpDay(month), by: collector, actor: actor)
    }

    /// A member's band for the year: most are farmers, some are salaried, a few live on a pension.
    static func band(_ random: inout SeededRandom) -> (DuesBand, Int?) {
        switch random.int(0...99) {
        case 0..<12: return (.salaried, random.int(40...95) * 100_000)
        case 12..<20: return (.pensioner, random.int(25...60) * 100_000)
        default: return (.other, nil)
        }
    }

    /// Whether the member misses the month: one in fifty misses September to November, others now and then a month.
    static func missed(_ memberKey: String, month: YearMonth, random: inout SeededRandom) -> Bool {
        let draw = random.int(0...99)
        if SeededRandom.seed(seed, memberKey, salt: 50) % 50 == 0, (9...11).contains(month.month) { return true }
        return draw < 3
    }

    /// The dues' own stream, apart from the meetings' and the committees'.
    static let seed: UInt64 = 0xD0E5_2019
}
