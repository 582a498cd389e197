import Foundation
import GanDanCore
import GanDanStorage

/// A year of party dues for the demo's village cells, written through the product's own register writer: most members
/// pay around the 10th to the cell secretary, the total goes up to the commune on the 25th, a few members miss a month,
/// and about one in fifty misses three running so the flag shows (rules.md R12).
struct DemoDues: Sendable {
    let db: DatabaseHandle
    let actor: Actor

    /// Writes `year`'s registers for the village cells under the district, in one transaction.
    func write(districtID: UUID, year: Int) async throws {
        let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(
            under: districtID, on: CivilDate.on(year, 12, 31)
        ).compactMap { UUID(uuidString: $0.id) }
        let actor = actor
        try await db.writeTransaction { db in
            let dues = PartyDues(db: db, scope: .everything)
            for cell in cells {
                for month in 1...12 {
                    guard let month = YearMonth(year: year, month: month) else { continue }
                    try await Self.month(cell, month, dues: dues, db: db, actor: actor)
                }
            }
        }
    }

    static func month(_ cell: UUID, _ month: YearMonth, dues: PartyDues, db: DatabaseHandle, actor: Actor)
        async throws
    {
        let register = try await dues.register(of: cell, month: month)
        guard !register.lines.isEmpty else { return }
        let lastDay = month.adding(months: 1).firstDay.adding(days: -1)
        let roster = try await CellDirectory(db: db, scope: .everything).roster(of: cell, on: lastDay)
        let collector =
            roster.first { $0.posts.contains(.cellSecretary) }?.member.id ?? register.lines[0].member.id
        var random = SeededRandom(seed: seed(cell) ^ UInt64(month.year * 12 + month.month))
        let entries = register.lines.map { line in
            var member = SeededRandom(seed: seed(line.member.id))
            let (band, income) = band(&member)
            let paid = !missed(line.member.id, month: month, random: &random)
            return DuesEntry(
                memberID: line.member.id, band: band, income: income,
                paidOn: paid ? month.firstDay.adding(days: random.int(4...14)) : nil,
                collectedBy: paid ? collector : nil)
        }
        let recorded = try await dues.record(cellID: cell, month: month, entries, actor: actor)
        guard recorded.paidCount > 0 else { return }
        try await dues.passUp(
            cellID: cell, month: month, on: month.firstDay.adding(days: 24), by: collector, actor: actor)
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
    static func missed(_ member: UUID, month: YearMonth, random: inout SeededRandom) -> Bool {
        let draw = random.int(0...99)
        if seed(member) % 50 == 0, (9...11).contains(month.month) { return true }
        return draw < 3
    }

    /// A stable seed from an id (FNV-1a over its bytes), the same on every platform and run.
    static func seed(_ id: UUID) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in withUnsafeBytes(of: id.uuid, Array.init) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }
}
