import Foundation
import GanDanCore
import GanDanStorage

/// The cells' congresses (rules.md R6, issue 18 item 5): every cell of the district held its term's congress in the
/// spring of 2015 and its mid-term congress in the spring of 2017, each on a day drawn from the cell's code, recorded
/// through the congress form's writer. A demo that reaches the present also holds the 2020–2025 term's congress in the
/// spring of 2020, its mid-term congress in the spring of 2022 and the 2025–2030 term's in the spring of 2025, before
/// the restructure (`laterSeasons`).
struct DemoCongresses: Sendable {
    let db: DatabaseHandle
    let actor: Actor

    /// The first day of each congress season and the number of days it lasts.
    static let seasons = [(first: CivilDate.on(2015, 4, 1), days: 61), (first: CivilDate.on(2017, 4, 3), days: 88)]
    static let laterSeasons = [
        (first: CivilDate.on(2020, 4, 6), days: 60), (first: CivilDate.on(2022, 4, 4), days: 60),
        (first: CivilDate.on(2025, 3, 3), days: 75),
    ]

    /// Records the congresses of `seasons` of the cells under `districtID` in force on their day, none after `until`;
    /// returns how many.
    @discardableResult
    func write(
        districtID: UUID, seasons: [(first: CivilDate, days: Int)] = seasons, until: CivilDate? = nil
    ) async throws -> Int {
        let tree = OrganisationTree(db: db, scope: .everything)
        let committees = CellCommittees(db: db, scope: .everything)
        var recorded = 0
        for season in seasons {
            let index = Self.salt(season.first)
            let units = try await tree.subtree(of: districtID, on: season.first)
            let cells = try await tree.organisations(atUnits: units, on: season.first).filter(\.kind.isCell)
            for cell in cells.sorted(by: { $0.code < $1.code }) {
                let day = season.first.adding(days: Self.draw(cell.code, salt: index, below: season.days))
                guard cell.validity.contains(day), until.map({ day <= $0 }) ?? true else { continue }
                try await committees.recordCongress(
                    cell.id, CongressForm(heldOn: day.iso, note: nil), today: day, actor: actor)
                recorded += 1
            }
        }
        return recorded
    }

    /// Each season's salt: its place among all seasons, so the 2015 and 2017 days stay as they were.
    static func salt(_ first: CivilDate) -> UInt64 {
        UInt64((seasons + laterSeasons).firstIndex { $0.first == first } ?? 0)
    }

    /// A number below `bound` fixed by the code (FNV-1a), so the days stay the same whatever else the demo draws.
    static func draw(_ code: String, salt: UInt64, below bound: Int) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ salt
        for byte in code.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        return Int(hash % UInt64(bound))
    }
}
