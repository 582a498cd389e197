import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("The tree kept on the web: villages and cells created, renamed, moved and ended on a date (rules.md R26, R27)")
struct TreeEditorTests {
    static let actor = Actor(name: "planner")

    /// The test tree, a second commune 00002 with its committee, and one member on the agency cell's roll.
    static func seed(_ db: any Database) async throws {
        var dataset = Fixtures.tree
        dataset.units.append(
            UnitDraft(code: "00002", kind: .commune, name: "Năng Khả", parentCode: "001", validity: Fixtures.since))
        dataset.organisations.append(
            OrganisationDraft(
                code: "DB-00002", kind: .grassrootsCommittee, name: "Đảng bộ xã Năng Khả", unitCode: "00002",
                parentCode: nil, validity: Fixtures.since))
        dataset.members = [Fixtures.member("Ma Văn Ba")]
        _ = try await DatasetWriter(db: db, scope: .everything).write(dataset)
    }

    static func unit(_ db: any Database, _ code: String, on date: String = "2026-01-01") async throws -> UnitSnapshot {
        try #require(try await OrganisationTree(db: db, scope: .everything).unit(code: code, on: Fixtures.date(date)))
    }

    static func organisation(_ db: any Database, _ code: String) async throws -> OrganisationSnapshot {
        try #require(try await OrganisationTree(db: db, scope: .everything).organisation(code: code))
    }

    static func fields(_ error: any Error) -> [String] {
        ((error as? InputError)?.issues ?? []).compactMap(\.field)
    }

    static func message(_ error: any Error) -> String {
        ((error as? InputError)?.issues ?? []).map { $0.message(in: .vi) }.joined(separator: " ")
    }

    static func audited(_ db: any Database) async throws -> [AuditEntry] {
        try await AuditTrail(db: db, scope: .everything).entries().filter { $0.actor == actor.name }
    }

    @Test(
        "a planner adds a village with its profile, renames it from a date and ends it once its cell is dissolved",
        arguments: TestDatabase.all)
    func villageLife(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seed(db)
            let commune = try await Self.unit(db, "00001")
            let editor = TreeEditor(db: db, scope: .everything)
            let id = try await editor.addVillage(
                under: commune.id,
                NewVillage(
                    code: "00001.07", name: " Bản  Khuổi Phầy ", kind: "hamlet", validFrom: "2020-01-01",
                    distanceKm: "12,5", households: "64", ethnicMinority: "on", reason: "Nghị quyết HĐND tỉnh số 12"),
                actor: Self.actor)
            let added = try await Self.unit(db, "00001.07", on: "2020-01-01")
            #expect(added.id == id && added.name == "Bản Khuổi Phầy" && added.kind == .hamlet)
            #expect(added.parentID == commune.id)
            #expect(added.profile?.distanceKm == 12.5 && added.profile?.households == 64)
            #expect(added.profile?.ethnicMinority == true && added.profile?.mountain == false)
            try await editor.renameUnit(
                id, DatedRename(name: "Khuổi Phầy", on: "2023-07-01", reason: "Đổi tên theo nghị quyết"),
                actor: Self.actor)
            try await editor.changeProfile(
                id, ProfileChange(from: "2024-01-01", distanceKm: "9", households: "70", reason: "Đường mới"),
                actor: Self.actor)
            #expect(try await Self.unit(db, "00001.07", on: "2023-06-30").name == "Bản Khuổi Phầy")
            #expect(try await Self.unit(db, "00001.07", on: "2023-07-01").name == "Khuổi Phầy")
            #expect(try await Self.unit(db, "00001.07", on: "2023-12-31").profile?.distanceKm == 12.5)
            let now = try await Self.unit(db, "00001.07", on: "2024-01-01")
            #expect(
                now.profile?.distanceKm == 9 && now.profile?.households == 70 && now.profile?.ethnicMinority == false)
            let cell = try await editor.foundCell(
                in: commune.id,
                NewCell(
                    kind: "villageCell", village: id.uuidString, name: "Chi bộ thôn Khuổi Phầy",
                    foundedOn: "2024-03-01",
                    reason: "Quyết định số 5"), actor: Self.actor)
            // rules.md R26: a village whose cell is in force that day is not ended.
            await #expect {
                try await editor.endVillage(id, DatedEnd(on: "2025-01-01", reason: "Sáp nhập"), actor: Self.actor)
            } throws: { Self.fields($0) == ["on"] && Self.message($0).contains("Chi bộ thôn Khuổi Phầy") }
            #expect(try await Self.unit(db, "00001.07", on: "2025-06-01").validity.until == nil)
            try await editor.dissolveCell(cell, DatedEnd(on: "2025-01-01", reason: "Sáp nhập thôn"), actor: Self.actor)
            try await editor.endVillage(id, DatedEnd(on: "2025-01-01", reason: "Sáp nhập"), actor: Self.actor)
            let tree = OrganisationTree(db: db, scope: .everything)
            #expect(try await tree.unit(id, on: Fixtures.date("2025-01-01")) == nil)
            #expect(try await tree.unit(id, on: Fixtures.date("2024-12-31"))?.name == "Khuổi Phầy")
            let entries = try await Self.audited(db)
            #expect(entries.count == 6)
            #expect(entries.allSatisfy { $0.after?.contains("\"reason\"") == true })
            #expect(entries.contains { $0.action == "close" && $0.after?.contains("Sáp nhập") == true })
        }
    }

    @Test(
        "a village code that is not the commune's code and a local code, a used code or a date before the commune is refused by field, writing nothing",
        arguments: TestDatabase.all)
    func refusedVillages(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seed(db)
            let commune = try await Self.unit(db, "00001")
            let editor = TreeEditor(db: db, scope: .everything)
            let good = NewVillage(
                code: "00001.07", name: "Nà Mới", kind: "village", validFrom: "2020-01-01", reason: "QĐ 1")
            var cases: [(NewVillage, [String])] = []
            var wrongCode = good
            wrongCode.code = "00002.07"
            cases.append((wrongCode, ["code"]))
            var noLocal = good
            noLocal.code = "00001."
            cases.append((noLocal, ["code"]))
            var used = good
            used.code = "00001.01"
            cases.append((used, ["code"]))
            var early = good
            early.validFrom = "2007-12-31"
            cases.append((early, ["validFrom"]))
            var bad = good
            bad.distanceKm = "xa"
            bad.households = "-3"
            bad.reason = " "
            bad.name = ""
            cases.append((bad, ["unitName", "distanceKm", "households", "reason"]))
            for (input, expected) in cases {
                await #expect {
                    _ = try await editor.addVillage(under: commune.id, input, actor: Self.actor)
                } throws: { Self.fields($0) == expected }
            }
            #expect(
                try await OrganisationTree(db: db, scope: .everything).children(
                    of: commune.id, on: Fixtures.date("2026-01-01")
                ).count == 2)
            #expect(try await Self.audited(db).isEmpty)
            // Outside the scope, the commune does not exist.
            let other = try await Self.unit(db, "00002")
            let planner = AccessScope.restricted(units: [commune.id], organisations: [])
            await #expect(throws: StorageError.self) {
                _ = try await TreeEditor(db: db, scope: planner).addVillage(
                    under: other.id,
                    NewVillage(code: "00002.07", name: "Nà", kind: "village", validFrom: "2020-01-01", reason: "x"),
                    actor: Self.actor)
            }
            // A rename on or before the latest change rewrites history: refused.
            let village = try await Self.unit(db, "00001.01")
            await #expect {
                try await editor.renameUnit(
                    village.id, DatedRename(name: "Nà Coóc Mới", on: "2008-01-01", reason: "x"), actor: Self.actor)
            } throws: { Self.fields($0) == ["on"] }
        }
    }

    @Test(
        "a cell is founded, renamed and moved on dates, and the views before each date show the earlier name and committee",
        arguments: TestDatabase.all)
    func cellLife(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seed(db)
            let commune = try await Self.unit(db, "00001")
            let editor = TreeEditor(db: db, scope: .everything)
            let id = try await editor.foundCell(
                in: commune.id,
                NewCell(
                    kind: "otherCell", code: "TH-00001", name: "Chi bộ Trường Tiểu học", foundedOn: "2019-09-01",
                    reason: "QĐ 20"),
                actor: Self.actor)
            let first = try await Self.organisation(db, "TH-00001")
            #expect(first.id == id && first.kind == .otherCell && first.unitID == commune.id)
            #expect(first.parentID == (try await Self.organisation(db, "DB-00001")).id)
            try await editor.renameCell(
                id, DatedRename(name: "Chi bộ Trường Tiểu học và THCS", on: "2022-09-01", reason: "Sáp nhập trường"),
                actor: Self.actor)
            let other = try await Self.organisation(db, "DB-00002")
            try await editor.moveCell(
                id, CellMove(committee: other.id.uuidString, on: "2024-01-01", reason: "Điều chỉnh"), actor: Self.actor)
            let tree = OrganisationTree(db: db, scope: .everything)
            let before = try #require(try await tree.organisation(id, on: Fixtures.date("2022-08-31")))
            #expect(before.name == "Chi bộ Trường Tiểu học")
            let between = try #require(try await tree.organisation(id, on: Fixtures.date("2023-06-01")))
            #expect(between.name == "Chi bộ Trường Tiểu học và THCS" && between.parentID == first.parentID)
            let listed = try await tree.organisations(atUnits: [commune.id], on: Fixtures.date("2020-01-01"))
            #expect(listed.contains { $0.id == id && $0.name == "Chi bộ Trường Tiểu học" })
            #expect(try await tree.organisation(id)?.parentID == other.id)
            // A district exported as of a day before the rename and move carries the old name and committee.
            let exported = try await DistrictExport(db: db, scope: .everything).dataset(
                unitCode: "001", on: Fixtures.date("2022-08-31"), actor: .system)
            let school = try #require(exported.organisations.first { $0.code == "TH-00001" })
            #expect(school.name == "Chi bộ Trường Tiểu học" && school.parentCode == "DB-00001")
            #expect(try await Self.audited(db).map(\.action).sorted() == ["create", "update", "update"])
        }
    }

    @Test(
        "a cell with members is not dissolved and the refusal says how many; a move under a non-committee, outside the scope or before the committee is refused",
        arguments: TestDatabase.all)
    func refusedCellChanges(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seed(db)
            let commune = try await Self.unit(db, "00001")
            let agency = try await Self.organisation(db, "CQ-00001")
            let editor = TreeEditor(db: db, scope: .everything)
            await #expect {
                try await editor.dissolveCell(
                    agency.id, DatedEnd(on: "2025-01-01", reason: "Giải thể"), actor: Self.actor)
            } throws: { Self.fields($0) == ["on"] && Self.message($0).contains("còn 1 đảng viên") }
            #expect(try await Self.organisation(db, "CQ-00001").validity.until == nil)
            let village = try await Self.organisation(db, "CB-00001.01")
            await #expect {
                try await editor.moveCell(
                    agency.id, CellMove(committee: village.id.uuidString, on: "2025-01-01", reason: "x"),
                    actor: Self.actor)
            } throws: { Self.fields($0) == ["committee"] }
            let other = try await Self.organisation(db, "DB-00002")
            let planner = AccessScope.restricted(
                units: [commune.id],
                organisations: [agency.id, village.id, try await Self.organisation(db, "DB-00001").id])
            await #expect(throws: StorageError.self) {
                try await TreeEditor(db: db, scope: planner).moveCell(
                    agency.id, CellMove(committee: other.id.uuidString, on: "2025-01-01", reason: "x"),
                    actor: Self.actor)
            }
            await #expect {
                try await editor.moveCell(
                    agency.id, CellMove(committee: other.id.uuidString, on: "2007-01-01", reason: "x"),
                    actor: Self.actor)
            } throws: { Self.fields($0) == ["on"] }
            await #expect {
                _ = try await editor.foundCell(
                    in: commune.id,
                    NewCell(
                        kind: "otherCell", code: "CQ-00001", name: "Chi bộ Công an", foundedOn: "2007-01-01",
                        reason: "x"),
                    actor: Self.actor)
            } throws: { Self.fields($0) == ["foundedOn", "code"] }
            #expect(
                try await Self.organisation(db, "CQ-00001").parentID == (try await Self.organisation(db, "DB-00001")).id
            )
            #expect(try await Self.audited(db).isEmpty)
        }
    }

    @Test(
        "a cell renamed on a day shows its old name the day before, in the tree and in an export; the row holds the new name and the placements both periods",
        arguments: TestDatabase.all)
    func renamedCellTheDayBefore(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seed(db)
            let agency = try await Self.organisation(db, "CQ-00001")
            try await TreeEditor(db: db, scope: .everything).renameCell(
                agency.id, DatedRename(name: "Chi bộ Cơ quan Ủy ban", on: "2024-05-01", reason: "Đổi tên"),
                actor: Self.actor)
            let tree = OrganisationTree(db: db, scope: .everything)
            let eve = try await tree.organisations(atUnits: [agency.unitID], on: Fixtures.date("2024-04-30"))
            #expect(eve.first { $0.id == agency.id }?.name == agency.name)
            let day = try await tree.organisations(atUnits: [agency.unitID], on: Fixtures.date("2024-05-01"))
            #expect(day.first { $0.id == agency.id }?.name == "Chi bộ Cơ quan Ủy ban")
            let exported = try await DistrictExport(db: db, scope: .everything).dataset(
                unitCode: "001", on: Fixtures.date("2024-04-30"), actor: .system)
            #expect(exported.organisations.first { $0.code == "CQ-00001" }?.name == agency.name)
            // rules.md R26, one convention with the restructure: the row is today's, the periods are every one.
            #expect(try await Self.organisation(db, "CQ-00001").name == "Chi bộ Cơ quan Ủy ban")
            let periods = try await OrganisationPlacementRecord.query(on: db)
                .filter(\.$organisationID == agency.id).sort(\.$validFrom).all()
            #expect(periods.map(\.name) == [agency.name, "Chi bộ Cơ quan Ủy ban"])
            #expect(periods.map(\.validUntil) == ["2024-05-01", nil])
            #expect(periods.allSatisfy { $0.parentID == agency.parentID && $0.unitID == agency.unitID })
        }
    }

    @Test(
        "a committee's cells on a day before a move include the moved cell, and the new committee's do not",
        arguments: TestDatabase.all)
    func committeeCellsBeforeAMove(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await Self.seed(db)
            let agency = try await Self.organisation(db, "CQ-00001").id
            let old = try await Self.organisation(db, "DB-00001").id
            let new = try await Self.organisation(db, "DB-00002").id
            try await TreeEditor(db: db, scope: .everything).moveCell(
                agency, CellMove(committee: new.uuidString, on: "2024-01-01", reason: "Điều chỉnh"), actor: Self.actor)
            func cells(_ committee: UUID, _ day: String) async throws -> Set<UUID> {
                Set(
                    try await OrganisationPlacements(db: db).children(of: [committee], on: Fixtures.date(day))
                        .compactMap(\.id))
            }
            #expect(try await cells(old, "2023-12-31").contains(agency))
            #expect(try await !cells(new, "2023-12-31").contains(agency))
            #expect(try await !cells(old, "2024-01-01").contains(agency))
            #expect(try await cells(new, "2024-01-01").contains(agency))
            #expect(try await cells(old, "2023-12-31").count == 3, "the two village cells stay where they were")
        }
    }
}
