import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanStorage
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("Organisation tree history (rules.md R26, R27)")
struct TreeHistoryTests {
    @Test("a renamed commune keeps its old name on earlier dates", arguments: TestDatabase.all)
    func rename(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-01-01")))
            try await UnitWriter(db: db, scope: .everything).change(
                commune.id, on: Fixtures.date("2020-01-01"), .init(name: "Thanh Tương Mới"))

            #expect(try await tree.unit(commune.id, on: Fixtures.date("2019-12-31"))?.name == "Thanh Tương")
            #expect(try await tree.unit(commune.id, on: Fixtures.date("2020-01-01"))?.name == "Thanh Tương Mới")
            let history = try await tree.history(of: commune.id)
            #expect(history.map(\.name) == ["Thanh Tương", "Thanh Tương Mới"])
            #expect(history.first?.validity.until == Fixtures.date("2020-01-01"))
            // Villages still hang under the same commune across the rename.
            #expect(try await tree.children(of: commune.id, on: Fixtures.date("2021-01-01")).count == 2)
        }
    }

    @Test(
        "a cell's 2019 rating is not seen as of March 2019, only from 31 December (rules.md R26)",
        arguments: TestDatabase.all)
    func ratingAsOf(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            let index = try #require(dataset.organisations.firstIndex { $0.code == "CB-00001.01" })
            dataset.organisations[index].ratings.append(CellRating(year: 2019, level: .excellent))
            _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
            let tree = OrganisationTree(db: db, scope: .everything)
            let village = try #require(try await tree.unit(code: "00001.01", on: Fixtures.date("2019-03-15")))
            func rating(on day: String) async throws -> CellRating? {
                try await tree.organisations(atUnits: [village.id], on: Fixtures.date(day))
                    .first { $0.code == "CB-00001.01" }?.latestRating
            }
            #expect(try await rating(on: "2019-03-15")?.year == 2018)
            #expect(try await rating(on: "2019-12-30")?.year == 2018)
            #expect(try await rating(on: "2019-12-31")?.year == 2019)
            #expect(try await rating(on: "2018-06-01") == nil)
        }
    }

    @Test("a unit outside the writer's scope cannot be renamed or closed (rules.md R30)", arguments: TestDatabase.all)
    func writerScope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let commune = try #require(try await tree.unit(code: "00001", on: Fixtures.date("2019-01-01")))
            let elsewhere = UnitWriter(db: db, scope: .restricted(units: [UUID()], organisations: []))
            await #expect(throws: StorageError.self) {
                try await elsewhere.change(commune.id, on: Fixtures.date("2020-01-01"), .init(name: "Tên khác"))
            }
            await #expect(throws: StorageError.self) {
                try await elsewhere.close(commune.id, on: Fixtures.date("2020-01-01"))
            }
            #expect(try await tree.history(of: commune.id).map(\.name) == ["Thanh Tương"])
        }
    }

    @Test(
        "the 2025 reform: the district ends on 1-7-2025 and its communes move under the province",
        arguments: TestDatabase.all)
    func twoLevelReform(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let reform = Fixtures.date("2025-07-01")
            let province = try #require(try await tree.unit(code: "01", on: reform))
            let district = try #require(try await tree.unit(code: "001", on: reform))
            let commune = try #require(try await tree.unit(code: "00001", on: reform))
            let writer = UnitWriter(db: db, scope: .everything)

            await #expect(throws: StorageError.self) { try await writer.close(district.id, on: reform) }
            try await writer.change(commune.id, on: reform, .init(parentID: .some(province.id)))
            try await writer.close(district.id, on: reform)

            let before = try await tree.children(of: province.id, on: Fixtures.date("2025-06-30"))
            let after = try await tree.children(of: province.id, on: reform)
            #expect(before.map(\.code) == ["001"])
            #expect(after.map(\.code) == ["00001"])
            #expect(try await tree.unit(district.id, on: reform) == nil)
            #expect(
                try await tree.path(to: commune.id, on: Fixtures.date("2019-03-15")).map(\.code) == [
                    "01", "001", "00001",
                ])
            #expect(try await tree.path(to: commune.id, on: reform).map(\.code) == ["01", "00001"])
        }
    }

    @Test("moving a unit under its own village is refused as a cycle", arguments: TestDatabase.all)
    func cycle(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await DatasetWriter(db: db, scope: .everything).write(Fixtures.tree)
            let tree = OrganisationTree(db: db, scope: .everything)
            let day = Fixtures.date("2020-01-01")
            let district = try #require(try await tree.unit(code: "001", on: day))
            let commune = try #require(try await tree.unit(code: "00001", on: day))
            await #expect(throws: StorageError.self) {
                try await UnitWriter(db: db, scope: .everything).change(
                    district.id, on: day, .init(parentID: .some(commune.id)))
            }
            #expect(try await tree.history(of: district.id).count == 1)
        }
    }

    @Test(
        "a village whose parent commune does not exist is refused and nothing is written",
        arguments: TestDatabase.all)
    func unknownParent(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            var dataset = Fixtures.tree
            dataset.units.append(
                UnitDraft(
                    code: "77777.01", kind: .village, name: "Khuổi Phầy", parentCode: "77777", validity: Fixtures.since)
            )
            let error = await #expect(throws: InputError.self) {
                try await DatasetWriter(db: db, scope: .everything).write(dataset)
            }
            #expect(error?.description.contains("unit 77777.01: The parent 77777 does not exist.") == true)
            let units = try await UnitRecord.query(on: db).count()
            let organisations = try await OrganisationRecord.query(on: db).count()
            #expect(units == 0 && organisations == 0)
        }
    }

    @Test("the bundled Tuyên Quang list loads once and a second import changes nothing", arguments: TestDatabase.all)
    func officialList(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let units = try DemoLoader.tuyenQuangUnits()
            let first = try await DatasetWriter(db: db, scope: .everything).write(OrganisationDataset(units: units))
            #expect(first.unitsCreated == 1 + 7 + 138)
            let second = try await DatasetWriter(db: db, scope: .everything).write(OrganisationDataset(units: units))
            #expect(second.unitsCreated == 0 && second.unitsUnchanged == units.count)
            let tree = OrganisationTree(db: db, scope: .everything)
            let naHang = try #require(try await tree.unit(code: "072", on: Fixtures.date("2019-03-15")))
            let communes = try await tree.children(of: naHang.id, on: Fixtures.date("2019-03-15"))
            #expect(communes.count == 12)
            #expect(communes.contains { $0.code == "02284" && $0.name == "Thanh Tương" })
        }
    }
}
