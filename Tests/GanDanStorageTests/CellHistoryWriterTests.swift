import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Past cell life entered in one go: the rolls it is entered against, and the writer's scope (rules.md A9, R30)")
struct CellHistoryWriterTests {
    static let day = Fixtures.date("2019-04-25")

    @Test("the rolls list each village cell under a unit with its official members", arguments: TestDatabase.all)
    func rolls(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var tree = Fixtures.tree
            tree.members = [
                Fixtures.member("Hoàng Văn A", cell: "CB-00001.01"), Fixtures.member("La Thị B", cell: "CB-00001.01"),
                Fixtures.member("Ma Văn C", cell: "CQ-00001"),
            ]
            _ = try await DatasetWriter(db: db, scope: .everything).write(tree)
            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: Self.day))
            let rolls = try await VillageCellRolls(db: db, scope: .everything).rolls(under: commune.id, on: Self.day)
            #expect(Set(rolls.map(\.villageName)) == ["Nà Coóc", "Nà Làng"])
            let naCooc = try #require(rolls.first { $0.villageName == "Nà Coóc" })
            #expect(naCooc.members.count == 2)
            #expect(naCooc.members.allSatisfy { $0.party.status == .full && $0.validity.contains(Self.day) })
            #expect(naCooc.profile?.mountain == true)
            #expect(try await VillageCellRolls(db: db, scope: .nothing).rolls(under: commune.id, on: Self.day).isEmpty)
        }
    }

    @Test(
        "a history naming a cell outside the scope writes nothing; inside, households and criteria are stored",
        arguments: TestDatabase.all)
    func scope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let commune = try #require(
                try await OrganisationTree(db: db, scope: .everything).unit(code: "00001", on: Self.day))
            let cells = try await VillageCellRolls(db: db, scope: .everything).rolls(under: commune.id, on: Self.day)
            let cell = try #require(cells.first)
            let history = CellHistory(
                households: [
                    HistoryHousehold(
                        id: "H1", cellID: cell.id, headName: "Hoàng Văn Hộ", members: 4,
                        statuses: [2018: .poor, 2019: .escaped])
                ],
                criteria: [
                    HistoryCriterionStatus(cellID: cell.id, year: 2019, setID: "2016-2020", number: 1, met: true)
                ]
            )
            let outside = CellHistoryWriter(db: db, scope: .nothing, policy: .standard)
            await #expect(throws: StorageError.self) { _ = try await outside.write(history, actor: .system) }
            #expect(try await HouseholdRecord.query(on: db).count() == 0)

            let summary = try await CellHistoryWriter(db: db, scope: .everything, policy: .standard).write(
                history, actor: .system)
            #expect(summary.households == 1 && summary.meetings == 0)
            #expect(try await HouseholdRecord.query(on: db).count() == 1)
            #expect(try await HouseholdStatusRecord.query(on: db).count() == 2)
            #expect(try await VillageCriterionRecord.query(on: db).count() == 1)
        }
    }
}
