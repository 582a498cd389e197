import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite(
    "The demo keeps its own rules in the placement month: every cell meets in April 2019 too (issue 19, rules.md R7)"
)
struct PlacementMonthTests {
    static let endOfApril = CivilDate.on(2019, 4, 30)

    @Test(
        "on the placed demo as of 30-4-2019 every cell, village cells and the district bodies' alike, held its April meeting on the roll of its day, so none is on the district's to-do list as without one; the impact report keeps 12 months each side",
        arguments: TestDatabase.all)
    func aprilMeetings(database: TestDatabase) async throws {
        try await database.withDemo(stage: .placed) { db, _ in
            let tree = OrganisationTree(db: db, scope: .everything)
            let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: Self.endOfApril))
            let units = try await tree.subtree(of: district.id, on: Self.endOfApril)
            let cells = try await tree.organisations(atUnits: units, on: Self.endOfApril).filter(\.kind.isCell)
            #expect(
                cells.filter { $0.kind == .villageCell }.count > 100
                    && cells.filter { $0.kind == .otherCell }.count > 30)
            let april = try await MeetingRecord.query(on: db).filter(\.$organisationID ~~ cells.map(\.id))
                .filter(\.$body == MeetingBody.cell.rawValue).filter(\.$date >= "2019-04-01")
                .filter(\.$date <= Self.endOfApril.iso).all()
            let met = Set(april.map(\.organisationID))
            let missing = cells.filter { !met.contains($0.id) }.map(\.name)
            #expect(missing.isEmpty, "no April meeting: \(missing.prefix(5))")
            // Held before the placement day: the members placed on 25-4 are not on its roll yet.
            #expect(april.allSatisfy { $0.date < DemoLoader.decisionDate.iso && $0.currentVersion > 0 })

            let list = try #require(
                try await ToDoLists(db: db, scope: .everything).unit(district.id, on: Self.endOfApril))
            let notPlanned = list.cells.filter { $0.meeting == .notPlanned }
            #expect(
                notPlanned.isEmpty && list.totals.meetingNotPlanned == 0,
                "\(notPlanned.count) cells without an April meeting")
            // Each cell's plan holds a topic for the quarter (rules.md R9).
            #expect(list.totals.thematicTopicMissing == 0)

            // The before/after windows are as long as ever: 12 months each side of the placement day (rules.md A9).
            let placement = DemoLoader.decisionDate
            let impact = try await ImpactReports(db: db, scope: .everything).report(
                unitID: district.id, placementDate: placement, months: 12)
            #expect(impact.before.from == placement.adding(months: -12) && impact.before.until == placement)
            #expect(impact.after.from == placement && impact.after.until == placement.adding(months: 12))
        }
    }
}
