import FluentKit
import Foundation
import GanDanCore
import GanDanDemo
import GanDanTesting
import Testing

@testable import GanDanStorage

/// The restructure and the tree editor keep one convention (rules.md R26): the organisation row holds its present
/// name, unit and parent; `organisation_placements` holds every dated period once anything has changed.
@Suite("The restructure and the tree kept on the web write one dated history of a cell (rules.md R26)")
struct RestructureTreeEditTests {
    static let actor = Actor(name: "planner")
    static let restructured = CivilDate.on(2025, 7, 1)
    static let today = CivilDate.on(2026, 12, 1)

    static func organisation(_ db: any Database, _ code: String) async throws -> OrganisationRecord {
        try #require(try await OrganisationRecord.query(on: db).filter(\.$code == code).first())
    }

    static func periods(_ db: any Database, of id: UUID) async throws -> [OrganisationPlacementRecord] {
        try await OrganisationPlacementRecord.query(on: db).filter(\.$organisationID == id).sort(\.$validFrom).all()
    }

    static func restructure(_ db: any Database) async throws {
        let report = try await Restructure(db: db, scope: .everything).apply(
            try DemoLoader.tuyenQuangUnits2025(), on: restructured)
        #expect(report.conflicts.isEmpty && report.organisationsMoved > 0)
    }

    /// The new committee of xã Nà Hang, which Nà Coóc's village went into.
    static func naHangCommittee(_ db: any Database) async throws -> OrganisationSnapshot {
        let tree = OrganisationTree(db: db, scope: .everything)
        let naHang = try #require(try await tree.unit(code: "02221", on: today))
        let committees = try await tree.organisations(atUnits: [naHang.id], on: today)
        return try #require(committees.first { $0.kind == .grassrootsCommittee })
    }

    @Test(
        "a cell moved to another committee on the web and restructured later keeps three periods, each read on its days",
        arguments: TestDatabase.all)
    func movedThenRestructured(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let cell = try await Self.organisation(
                db, OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode))
            let id = try cell.requireID()
            let founding = cell.parentID
            let nangKha = try await Self.organisation(
                db, OrganisationDraft.committeeCode(unitCode: NaHangDemo.nangKhaCode))
            try await TreeEditor(db: db, scope: .everything).moveCell(
                id, CellMove(committee: nangKha.id?.uuidString, on: "2020-01-01", reason: "Điều chỉnh địa bàn"),
                actor: Self.actor)
            try await Self.restructure(db)
            let committee = try await Self.naHangCommittee(db)
            let periods = try await Self.periods(db, of: id)
            #expect(periods.map(\.validFrom) == [cell.validFrom, "2020-01-01", Self.restructured.iso])
            #expect(periods.map(\.validUntil) == ["2020-01-01", Self.restructured.iso, nil])
            #expect(periods.map(\.parentID) == [founding, nangKha.id, committee.id])
            #expect(periods.allSatisfy { $0.name == cell.name && $0.unitID == cell.unitID })
            let row = try await Self.organisation(db, cell.code)
            #expect(row.parentID == committee.id, "the row holds today's committee")
            let tree = OrganisationTree(db: db, scope: .everything)
            #expect(try await tree.organisation(id, on: .on(2019, 12, 31))?.parentID == founding)
            #expect(try await tree.organisation(id, on: .on(2025, 6, 30))?.parentID == nangKha.id)
            #expect(try await tree.organisation(id, on: Self.today)?.parentID == committee.id)
            let placements = OrganisationPlacements(db: db)
            let under = { (parent: UUID?, day: CivilDate) async throws -> Bool in
                try await placements.children(of: [try #require(parent)], on: day).contains { $0.id == id }
            }
            #expect(try await under(founding, .on(2019, 12, 31)))
            #expect(try await !under(founding, .on(2020, 1, 1)))
            #expect(try await under(nangKha.id, .on(2025, 6, 30)))
            #expect(try await under(committee.id, Self.today))
        }
    }

    @Test(
        "a village cell renamed on the web after the restructure keeps its old name and committee for the days before, in the tree and in an export",
        arguments: TestDatabase.all)
    func renamedAfterRestructure(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let cell = try await Self.organisation(
                db, OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode))
            let id = try cell.requireID()
            try await Self.restructure(db)
            let committee = try await Self.naHangCommittee(db)
            let editor = TreeEditor(db: db, scope: .everything)
            // History is not rewritten: a rename dated on or before the restructure is refused.
            await #expect(throws: InputError.self) {
                try await editor.renameCell(
                    id, DatedRename(name: "Chi bộ thôn Nà Coóc Mới", on: "2025-07-01", reason: "x"), actor: Self.actor)
            }
            try await editor.renameCell(
                id, DatedRename(name: "Chi bộ thôn Nà Coóc Mới", on: "2026-01-01", reason: "Đổi tên thôn"),
                actor: Self.actor)
            let periods = try await Self.periods(db, of: id)
            #expect(periods.map(\.name) == [cell.name, cell.name, "Chi bộ thôn Nà Coóc Mới"])
            #expect(periods.map(\.parentID) == [cell.parentID, committee.id, committee.id])
            let row = try await Self.organisation(db, cell.code)
            #expect(row.name == "Chi bộ thôn Nà Coóc Mới" && row.parentID == committee.id)
            let tree = OrganisationTree(db: db, scope: .everything)
            let village = try #require(try await tree.unit(code: NaHangDemo.naCoocVillageCode, on: Self.today))
            let then = try await tree.organisations(atUnits: [village.id], on: .on(2025, 12, 31))
            let before = try #require(then.first { $0.id == id })
            #expect(before.name == cell.name && before.parentID == committee.id)
            let now = try await tree.organisations(atUnits: [village.id], on: Self.today)
            #expect(now.first { $0.id == id }?.name == "Chi bộ thôn Nà Coóc Mới")
            let exported = try await DistrictExport(db: db, scope: .everything).dataset(
                unitCode: NaHangDemo.districtCode, on: .on(2019, 3, 31), actor: .system)
            let draft = try #require(exported.organisations.first { $0.code == cell.code })
            #expect(draft.name == cell.name)
            #expect(draft.parentCode == OrganisationDraft.committeeCode(unitCode: NaHangDemo.thanhTuongCode))
        }
    }

    @Test(
        "a database restructured before placements had names gets each period's name and each moved row at its latest place on upgrade",
        arguments: TestDatabase.all)
    func upgradeOfAnEarlierRestructure(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            try await Self.restructure(db)
            let periods = try await OrganisationPlacementRecord.query(on: db).sort(\.$validFrom).all()
            var latest: [UUID: OrganisationPlacementRecord] = [:]
            var founding: [UUID: OrganisationPlacementRecord] = [:]
            for period in periods {
                latest[period.organisationID] = period
                if founding[period.organisationID] == nil { founding[period.organisationID] = period }
            }
            // As the restructure left them before this convention: each row where it was founded, periods unnamed.
            for record in try await OrganisationRecord.query(on: db).filter(\.$id ~~ Array(founding.keys)).all() {
                let first = try #require(founding[try record.requireID()])
                record.unitID = first.unitID
                record.parentID = first.parentID
                try await record.update(on: db)
            }
            try await AddOrganisationPlacementNames().revert(on: db)
            try await AddOrganisationPlacementNames().prepare(on: db)
            let records = try await OrganisationRecord.query(on: db).filter(\.$id ~~ Array(latest.keys)).all()
            #expect(!records.isEmpty)
            for record in records {
                let last = try #require(latest[try record.requireID()])
                #expect(record.unitID == last.unitID && record.parentID == last.parentID)
            }
            let named = try await OrganisationPlacementRecord.query(on: db).all()
            let names = Dictionary(records.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            #expect(named.count == periods.count && named.allSatisfy { names[$0.organisationID] == $0.name })
        }
    }

    @Test(
        "a restructure of a cell already moved on the web after its date names the cell as a conflict and writes nothing",
        arguments: TestDatabase.all)
    func laterMoveConflicts(database: TestDatabase) async throws {
        try await database.withDemo(stage: .planning) { db, _ in
            let cell = try await Self.organisation(
                db, OrganisationDraft.villageCellCode(villageCode: NaHangDemo.naCoocVillageCode))
            let nangKha = try await Self.organisation(
                db, OrganisationDraft.committeeCode(unitCode: NaHangDemo.nangKhaCode))
            try await TreeEditor(db: db, scope: .everything).moveCell(
                try cell.requireID(),
                CellMove(committee: nangKha.id?.uuidString, on: "2025-09-01", reason: "Điều chỉnh địa bàn"),
                actor: Self.actor)
            let stored = try await OrganisationPlacementRecord.query(on: db).count()
            let report = try await Restructure(db: db, scope: .everything).apply(
                try DemoLoader.tuyenQuangUnits2025(), on: Self.restructured, dryRun: true)
            #expect(report.conflicts.contains { $0.message(in: .vi).contains(cell.name) })
            await #expect(throws: InputError.self) {
                try await Restructure(db: db, scope: .everything).apply(
                    try DemoLoader.tuyenQuangUnits2025(), on: Self.restructured)
            }
            #expect(try await OrganisationPlacementRecord.query(on: db).count() == stored)
        }
    }
}
