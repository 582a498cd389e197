import FluentKit
import Foundation
import GanDanCore
import GanDanTesting
import Testing

@testable import GanDanStorage

@Suite("A village split on a date: a new village takes part of the households, the old one keeps the rest (R26, R27)")
struct TreeEditorSplitTests {
    static let good = VillageSplit(
        code: "00001.05", name: "Nà Coóc Trên", on: "2022-01-01", households: "30", poorHouseholds: "12",
        distanceKm: "21", reason: "Nghị quyết HĐND tỉnh số 40")

    @Test(
        "the new village begins on the day with its households and poor households, the old keeps the rest, the succession and the reason are kept",
        arguments: TestDatabase.all)
    func split(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await TreeEditorTests.seed(db)
            let old = try await TreeEditorTests.unit(db, "00001.01")
            let id = try await TreeEditor(db: db, scope: .everything).splitVillage(
                old.id, Self.good, actor: TreeEditorTests.actor)
            let tree = OrganisationTree(db: db, scope: .everything)
            #expect(try await tree.unit(id, on: Fixtures.date("2021-12-31")) == nil)
            let new = try #require(try await tree.unit(id, on: Fixtures.date("2022-01-01")))
            #expect(new.code == "00001.05" && new.name == "Nà Coóc Trên" && new.kind == .village)
            #expect(new.parentID == old.parentID)
            #expect(new.profile?.households == 30 && new.profile?.poorHouseholds == 12)
            #expect(new.profile?.distanceKm == 21 && new.profile?.mountain == true)
            let before = try #require(try await tree.unit(old.id, on: Fixtures.date("2021-12-31")))
            #expect(before.profile?.households == 80 && before.profile?.poorHouseholds == 30)
            let after = try #require(try await tree.unit(old.id, on: Fixtures.date("2022-01-01")))
            #expect(after.profile?.households == 50 && after.profile?.poorHouseholds == 18)
            #expect(after.profile?.distanceKm == 19 && after.name == "Nà Coóc")
            let succession = try #require(
                try await UnitSuccessions(db: db, scope: .everything).predecessors(of: id))
            #expect(succession.date == Fixtures.date("2022-01-01"))
            #expect(succession.predecessors.map(\.code) == ["00001.01"])
            #expect(succession.predecessors.first?.whole == false && succession.predecessors.first?.unitID == old.id)
            let entries = try await TreeEditorTests.audited(db)
            #expect(Set(entries.map(\.action)) == ["create", "update"])
            #expect(entries.allSatisfy { $0.after?.contains("Nghị quyết HĐND tỉnh số 40") == true })
            // Members are not moved: the old village's cell keeps its roll.
            let cell = try await TreeEditorTests.organisation(db, "CB-00001.01")
            #expect(cell.unitID == old.id && cell.validity.until == nil)
        }
    }

    @Test(
        "a date before the village existed or after it ended, a used code, more households than the village has and poor households that do not fit are refused by field, writing nothing",
        arguments: TestDatabase.all)
    func refused(database: TestDatabase) async throws {
        try await database.withDatabase { db in
            try await TreeEditorTests.seed(db)
            let village = try await TreeEditorTests.unit(db, "00001.01")
            let editor = TreeEditor(db: db, scope: .everything)
            var cases: [(VillageSplit, [String], String)] = []
            var early = Self.good
            early.on = "2007-12-31"
            cases.append((early, ["on"], "trước khi Nà Coóc có"))
            var used = Self.good
            used.code = "00001.02"
            cases.append((used, ["code"], "đã có đơn vị dùng"))
            var many = Self.good
            many.households = "80"
            cases.append((many, ["households"], "chỉ có 80 hộ"))
            var poor = Self.good
            poor.poorHouseholds = "31"
            cases.append((poor, ["poorHouseholds"], "không khớp"))
            var noPoor = Self.good
            noPoor.poorHouseholds = ""
            noPoor.name = " "
            noPoor.reason = ""
            cases.append((noPoor, ["unitName", "poorHouseholds", "reason"], "có 30 hộ nghèo"))
            for (input, fields, words) in cases {
                await #expect {
                    _ = try await editor.splitVillage(village.id, input, actor: TreeEditorTests.actor)
                } throws: { TreeEditorTests.fields($0) == fields && TreeEditorTests.message($0).contains(words) }
            }
            #expect(try await TreeEditorTests.audited(db).isEmpty)
            #expect(try await UnitSuccessionRecord.query(on: db).count() == 0)
            #expect(try await TreeEditorTests.unit(db, "00001.01").profile?.households == 80)
            // A village ended on 2024-01-01 is not split after that day.
            let commune = try await TreeEditorTests.unit(db, "00001")
            let ended = try await editor.addVillage(
                under: commune.id,
                NewVillage(
                    code: "00001.07", name: "Bản Cũ", kind: "hamlet", validFrom: "2020-01-01", households: "40",
                    reason: "QĐ 1"),
                actor: TreeEditorTests.actor)
            try await editor.endVillage(
                ended, DatedEnd(on: "2024-01-01", reason: "Sáp nhập"), actor: TreeEditorTests.actor)
            var late = Self.good
            late.on = "2024-06-01"
            late.poorHouseholds = nil
            await #expect {
                _ = try await editor.splitVillage(ended, late, actor: TreeEditorTests.actor)
            } throws: { TreeEditorTests.fields($0) == ["on"] && TreeEditorTests.message($0).contains("đã kết thúc") }
        }
    }
}
