import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanInterchange
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("The 2025 restructure as one dated operation: districts end, villages and cells move, members stay (issue 19)")
struct RestructureTests {
    static let date = CivilDate.on(2025, 7, 1)
    static let before = CivilDate.on(2019, 4, 30)
    static let today = CivilDate.on(2026, 12, 1)

    static func members(of cell: UUID, on day: CivilDate, _ db: any Database) async throws -> Set<UUID> {
        Set(
            try await MembershipRecord.query(on: db).filter(\.$organisationID == cell).inForce(on: day).all()
                .map(\.memberID))
    }

    static func counts(_ db: any Database) async throws -> [Int] {
        [
            try await UnitRecord.query(on: db).count(), try await OrganisationRecord.query(on: db).count(),
            try await MembershipRecord.query(on: db).count(), try await AuditEntryRecord.query(on: db).count(),
            try await OrganisationPlacementRecord.query(on: db).count(),
        ]
    }

    @Test(
        "the Tuyên Quang 2025 conversion on the demo: Na Hang's 12 communes in 2019, Nà Coóc in xã Nà Hang in 2026 with the same members (rules.md R26)",
        arguments: TestDatabase.all)
    func demo(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in try await Self.checkDemo(db) }
    }

    static func checkDemo(_ db: any Database) async throws {
        // The planning stage stops in 2019; the conversion is applied here, as the full demo applies it at its end.
        let tree = OrganisationTree(db: db, scope: .everything)
        let village = try #require(try await tree.unit(code: NaHangDemo.naCoocVillageCode, on: before))
        let cells = try await tree.organisations(atUnits: [village.id], on: before)
        let cell = try #require(cells.first { $0.kind == .villageCell })
        let people = try await members(of: cell.id, on: date.adding(days: -1), db)
        #expect(!people.isEmpty)
        let report = try await Restructure(db: db, scope: .everything).apply(
            try DemoLoader.tuyenQuangUnits2025(), on: date)
        #expect(report.conflicts.isEmpty && report.districtsEnded == 7 && report.villagesMoved > 0)
        #expect(report.committeesCreated == 5 && report.membershipsCarried > 0)
        let naHang = try await checkUnits(tree, village: village)
        #expect(try await members(of: cell.id, on: today, db) == people)
        try await checkCell(tree, village: village, cell: cell, naHang: naHang)
        try await checkAgencyCells(tree, naHang: naHang, db)
        let stored = try await counts(db)
        let again = try await Restructure(db: db, scope: .everything).apply(
            try DemoLoader.tuyenQuangUnits2025(), on: date)
        #expect(again.alreadyApplied)
        #expect(try await counts(db) == stored)
    }

    static func checkUnits(_ tree: OrganisationTree, village: UnitSnapshot) async throws -> UnitSnapshot {
        let district = try #require(try await tree.unit(code: NaHangDemo.districtCode, on: before))
        let old = try await tree.children(of: district.id, on: before)
        #expect(old.count == 12)
        let province = try #require(try await tree.unit(code: NaHangDemo.provinceCode, on: today))
        let children = try await tree.children(of: province.id, on: today)
        #expect(!children.isEmpty && children.allSatisfy { $0.kind != .district })
        let naHang = try #require(try await tree.unit(code: "02221", on: today))
        #expect(naHang.name == "Nà Hang" && naHang.kind == .commune)
        let now = try await tree.unit(village.id, on: today)
        let then = try await tree.unit(village.id, on: before)
        #expect(now?.parentID == naHang.id && then?.parentID == village.parentID)
        return naHang
    }

    static func checkCell(
        _ tree: OrganisationTree, village: UnitSnapshot, cell: OrganisationSnapshot, naHang: UnitSnapshot
    ) async throws {
        let committees = try await tree.organisations(atUnits: [naHang.id], on: today)
        let committee = try #require(committees.first { $0.kind == .grassrootsCommittee })
        #expect(committee.name == "Đảng bộ xã Nà Hang")
        let now = try await tree.organisations(atUnits: [village.id], on: today)
        #expect(now.first { $0.id == cell.id }?.parentID == committee.id)
        let then = try await tree.organisations(atUnits: [village.id], on: before)
        #expect(then.first { $0.id == cell.id }?.parentID == cell.parentID && cell.parentID != committee.id)
    }

    /// At the planning stage the agency cells of the township, Năng Khả and Thanh Tương still hold their members:
    /// merged, the same people are on the new agency cell of xã Nà Hang the next day.
    static func checkAgencyCells(_ tree: OrganisationTree, naHang: UnitSnapshot, _ db: any Database) async throws {
        let eve = date.adding(days: -1)
        let old = ["02221", "02281", "02284"]
        var before: Set<UUID> = []
        for code in old {
            let unit = try #require(try await tree.unit(code: code, on: eve))
            let cells = try await tree.organisations(atUnits: [unit.id], on: eve)
            for cell in cells where cell.kind == .communeAgencyCell {
                before.formUnion(try await members(of: cell.id, on: eve, db))
            }
        }
        let cells = try await tree.organisations(atUnits: [naHang.id], on: date)
        let merged = try #require(cells.first { $0.kind == .communeAgencyCell })
        let after = try await members(of: merged.id, on: date, db)
        #expect(!before.isEmpty && after == before)
    }

    @Test(
        "the present demo shows Na Hang's five new communes today, each with its party committee, and Nà Coóc's cell keeps its members",
        arguments: TestDatabase.all)
    func presentDemo(database: TestDatabase) async throws {
        try await database.withDemo(stage: .present) { db, _ in try await Self.checkPresent(db) }
    }

    static func checkPresent(_ db: any Database) async throws {
        let tree = OrganisationTree(db: db, scope: .everything)
        let five = [
            "02221": "Nà Hang", "02245": "Côn Lôn", "02239": "Thượng Nông", "02248": "Yên Hoa", "02260": "Hồng Thái",
        ]
        for (code, name) in five {
            let unit = try #require(try await tree.unit(code: code, on: today))
            let organisations = try await tree.organisations(atUnits: [unit.id], on: today)
            #expect(unit.name == name && organisations.contains { $0.name == "Đảng bộ xã \(name)" })
        }
        let village = try #require(try await tree.unit(code: NaHangDemo.naCoocVillageCode, on: before))
        let cells = try await tree.organisations(atUnits: [village.id], on: today)
        let cell = try #require(cells.first { $0.kind == .villageCell })
        let eve = try await members(of: cell.id, on: date.adding(days: -1), db)
        let now = try await members(of: cell.id, on: today, db)
        #expect(!eve.isEmpty && now == eve)
        #expect(try await tree.unit(code: NaHangDemo.districtCode, on: today) == nil)
    }

    /// The shipped list with Na Hang's Thanh Tương split: its villages named by Nà Hang and, for Nà Coóc, Côn Lôn too;
    /// and Sơn Phú left out of Hồng Thái.
    static func conflicting() throws -> UnitListFile {
        var list = try DemoLoader.tuyenQuangUnits2025()
        for index in list.successions.indices {
            switch list.successions[index].code {
            case "02260":
                list.successions[index].predecessors.removeAll { $0.name == "Sơn Phú" }
            case "02221", "02245":
                let whole = list.successions[index].code == "02221"
                list.successions[index].predecessors.removeAll { $0.name == "Thanh Tương" }
                list.successions[index].predecessors.append(
                    UnitPredecessor(
                        code: "02284", name: "Thanh Tương", kind: .commune, whole: false,
                        villages: whole ? ["Nà Coóc"] : ["Nà Coóc", "Bản Không Có"]))
            default: break
            }
        }
        return list
    }

    @Test(
        "a dry run with a village claimed twice, an unknown village and an old commune left out names each and writes nothing; applying it is refused",
        arguments: TestDatabase.all)
    func conflicts(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let counts = try await Self.counts(db)
            let list = try Self.conflicting()
            let report = try await Restructure(db: db, scope: .everything).apply(list, on: Self.date, dryRun: true)
            let messages = report.conflicts.map { $0.message(in: .en) }
            #expect(messages.contains { $0.contains("Sơn Phú") && $0.contains("no new commune") })
            #expect(messages.contains { $0.contains("Nà Coóc") && $0.contains("claimed by two") })
            #expect(messages.contains { $0.contains("Bản Không Có") })
            #expect(messages.contains { $0.contains("of a split commune goes into no new commune") })
            #expect(report.conflicts.allSatisfy { !$0.message(in: .vi).isEmpty })
            #expect(try await Self.counts(db) == counts)
            await #expect(throws: InputError.self) {
                try await Restructure(db: db, scope: .everything).apply(list, on: Self.date)
            }
            #expect(try await Self.counts(db) == counts)
        }
    }

    @Test("a dry run of the shipped conversion lists the changes and writes nothing", arguments: TestDatabase.all)
    func dryRun(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let counts = try await Self.counts(db)
            let report = try await Restructure(db: db, scope: .everything).apply(
                try DemoLoader.tuyenQuangUnits2025(), on: Self.date, dryRun: true)
            #expect(report.dryRun && report.conflicts.isEmpty)
            #expect(report.changes.contains { $0.en.contains("District Na Hang ends on 30/06/2025") })
            #expect(report.changes.contains { $0.en.contains("Village Nà Coóc: from Thanh Tương to Nà Hang") })
            #expect(try await Self.counts(db) == counts)
        }
    }
}
